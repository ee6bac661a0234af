//! The server side's computation: its CHALLENGE for a NEGOTIATE, and its check of an
//! AUTHENTICATE, NTLMv2 ([`server_check`], every step recorded) or NTLMv1
//! ([`verify_v1`], for the older clients that send it).

use super::av_pair::{AvId, AvPair};
use super::crypto::{
    exported_session_key, ntlmv1_response, ntowfv2_steps, proof_steps, session_base_key_step,
};
use super::wire::encode_text;
use super::{Authenticate, Challenge, Flags, NtlmV2Response, ParseError, Version};
use crate::i18n::Tr;
use crate::sasl::secrets_match;
use crate::sasl::trace::{Trace, View};

/// What the server puts into its CHALLENGE.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct ChallengeInput {
    /// The 8-byte server challenge: random and never reused (an argument here).
    pub server_challenge: [u8; 8],
    /// The flags of the client's NEGOTIATE.
    pub client_flags: Flags,
    /// NetBIOS domain name (also the TargetName when not empty).
    pub nb_domain: String,
    /// NetBIOS computer name.
    pub nb_computer: String,
    /// DNS domain name (omitted when empty).
    pub dns_domain: String,
    /// DNS computer name (omitted when empty).
    pub dns_computer: String,
    /// An MsvAvTimestamp to include (FILETIME); clients then use it and add a MIC.
    pub timestamp: Option<u64>,
    /// A Version to send (sets NTLMSSP_NEGOTIATE_VERSION).
    pub version: Option<Version>,
}

/// The server's CHALLENGE for a client's NEGOTIATE. Encode it with [`Challenge::encode`].
///
/// Flags: UNICODE if the client offered it (else OEM), NTLM, TARGET_INFO,
/// TARGET_TYPE_DOMAIN (TARGET_TYPE_SERVER when `nb_domain` is empty), and the client's
/// REQUEST_TARGET, ALWAYS_SIGN, EXTENDED_SESSIONSECURITY, SIGN, SEAL, 128, 56 and
/// KEY_EXCH echoed; VERSION with `version`. AV pairs: NbDomainName, NbComputerName, then
/// DnsDomainName, DnsComputerName and Timestamp when given.
pub fn server_challenge(input: &ChallengeInput) -> Challenge {
    const ECHO: Flags = Flags(
        Flags::REQUEST_TARGET.0
            | Flags::NEGOTIATE_ALWAYS_SIGN.0
            | Flags::NEGOTIATE_EXTENDED_SESSIONSECURITY.0
            | Flags::NEGOTIATE_SIGN.0
            | Flags::NEGOTIATE_SEAL.0
            | Flags::NEGOTIATE_128.0
            | Flags::NEGOTIATE_56.0
            | Flags::NEGOTIATE_KEY_EXCH.0,
    );
    let unicode = input.client_flags.contains(Flags::NEGOTIATE_UNICODE);
    let mut flags = input
        .client_flags
        .intersection(ECHO)
        .union(Flags::NEGOTIATE_NTLM)
        .union(Flags::NEGOTIATE_TARGET_INFO)
        .union(if unicode {
            Flags::NEGOTIATE_UNICODE
        } else {
            Flags::NEGOTIATE_OEM
        });
    let (target, kind) = if input.nb_domain.is_empty() {
        (&input.nb_computer, Flags::TARGET_TYPE_SERVER)
    } else {
        (&input.nb_domain, Flags::TARGET_TYPE_DOMAIN)
    };
    flags = flags.union(kind);
    if input.version.is_some() {
        flags = flags.union(Flags::NEGOTIATE_VERSION);
    }
    let mut pairs = vec![
        AvPair::text(AvId::NbDomainName, &input.nb_domain),
        AvPair::text(AvId::NbComputerName, &input.nb_computer),
    ];
    if !input.dns_domain.is_empty() {
        pairs.push(AvPair::text(AvId::DnsDomainName, &input.dns_domain));
    }
    if !input.dns_computer.is_empty() {
        pairs.push(AvPair::text(AvId::DnsComputerName, &input.dns_computer));
    }
    if let Some(time) = input.timestamp {
        pairs.push(AvPair::timestamp(time));
    }
    Challenge {
        flags,
        target_name: encode_text(target, unicode),
        server_challenge: input.server_challenge,
        reserved: [0; 8],
        target_info: Some(pairs),
        version: input.version,
    }
}

/// The server's verdict on an AUTHENTICATE.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ServerCheck {
    /// UserName from the AUTHENTICATE.
    pub user: String,
    /// DomainName from the AUTHENTICATE.
    pub domain: String,
    /// Workstation from the AUTHENTICATE.
    pub workstation: String,
    /// Whether the NTProofStr matched (compared in constant time).
    pub ok: bool,
    /// SessionBaseKey (meaningful only when `ok`).
    pub session_base_key: [u8; 16],
    /// ExportedSessionKey (for [`mic`](super::mic); meaningful only when `ok`).
    pub exported_session_key: [u8; 16],
    /// Every step of the check.
    pub trace: Trace,
}

/// The server's check (MS-NLMP §3.2.5.1.2): decode the CHALLENGE it sent and the
/// client's AUTHENTICATE, recompute NTProofStr from the stored password, the user and
/// domain the client named, the server challenge and the client's temp, and compare in
/// constant time. Errors for undecodable messages and for anonymous, NTLMv1 or malformed
/// NTLMv2 responses. Does not check the time in temp (the engine has no clock) nor the MIC
/// (see [`mic`](super::mic)).
pub fn server_check(
    challenge: &[u8],
    authenticate: &[u8],
    password: &str,
) -> Result<ServerCheck, ParseError> {
    let sent = Challenge::decode(challenge)?;
    let auth = Authenticate::decode(authenticate)?;
    let v2 = NtlmV2Response::decode(&auth.nt_response)?;
    let mut trace = Trace::default();
    trace.push(
        "server-challenge",
        Tr::new(
            "ServerChallenge (from the CHALLENGE sent)",
            "ServerChallenge（来自已发送的 CHALLENGE）",
        ),
        sent.server_challenge.to_vec(),
        View::Hex,
        Tr::new(
            "MS-NLMP §3.2.5.1.2: the server uses the challenge it sent on this connection, never one the client names.",
            "MS-NLMP §3.2.5.1.2：服务器使用自己在本连接上发送的质询，绝不使用客户端指定的质询。",
        ),
    );
    trace.push(
        "user",
        Tr::new(
            "UserName (from the AUTHENTICATE)",
            "UserName（来自 AUTHENTICATE）",
        ),
        auth.user.clone().into_bytes(),
        View::Text,
        Tr::new(
            "MS-NLMP §2.2.1.3: the account whose stored password the server looks up.",
            "MS-NLMP §2.2.1.3：服务器据此查找所保存密码的账户。",
        ),
    );
    trace.push(
        "domain",
        Tr::new(
            "DomainName (from the AUTHENTICATE)",
            "DomainName（来自 AUTHENTICATE）",
        ),
        auth.domain.clone().into_bytes(),
        View::Text,
        Tr::new(
            "MS-NLMP §3.3.2: the domain goes into NTOWFv2 exactly as the client sent it.",
            "MS-NLMP §3.3.2：域名按客户端发送的原样参与 NTOWFv2 计算。",
        ),
    );
    trace.push(
        "nt-proof-str-received",
        Tr::new("NTProofStr received", "收到的 NTProofStr"),
        v2.nt_proof_str.to_vec(),
        View::Hex,
        Tr::new(
            "MS-NLMP §2.2.2.8: the first 16 bytes of the NtChallengeResponse.",
            "MS-NLMP §2.2.2.8：NtChallengeResponse 的前 16 个字节。",
        ),
    );
    trace.push(
        "temp",
        Tr::new("temp received", "收到的 temp"),
        v2.temp.clone(),
        View::Hex,
        Tr::new(
            "MS-NLMP §2.2.2.7: the rest of the NtChallengeResponse, used exactly as sent.",
            "MS-NLMP §2.2.2.7：NtChallengeResponse 的其余部分，按原样使用。",
        ),
    );
    let key = ntowfv2_steps(password, &auth.user, &auth.domain, &mut trace);
    let proof = proof_steps(&key, &sent.server_challenge, &v2.temp, &mut trace);
    let ok = secrets_match(&v2.nt_proof_str, &proof);
    trace.push(
        "verdict",
        if ok {
            Tr::new("NTProofStr matches", "NTProofStr 一致")
        } else {
            Tr::new("NTProofStr does not match", "NTProofStr 不一致")
        },
        if ok { b"match".to_vec() } else { b"mismatch".to_vec() },
        View::Text,
        if ok {
            Tr::new(
                "MS-NLMP §3.2.5.1.2: the recomputed proof equals the received one (compared in constant time): 235.",
                "MS-NLMP §3.2.5.1.2：重新计算的证明与收到的一致（以恒定时间比较）：回复 235。",
            )
        } else {
            Tr::new(
                "MS-NLMP §3.2.5.1.2: the proofs differ: wrong password, user, domain or challenge, or a changed byte: 535.",
                "MS-NLMP §3.2.5.1.2：证明不一致：密码、用户名、域名或质询有误，或有字节被改动：回复 535。",
            )
        },
    );
    let session_base_key = session_base_key_step(&key, &proof, &mut trace);
    let exported = exported_session_key(
        auth.flags,
        &session_base_key,
        &auth.encrypted_random_session_key,
    );
    Ok(ServerCheck {
        user: auth.user,
        domain: auth.domain,
        workstation: auth.workstation,
        ok,
        session_base_key,
        exported_session_key: exported,
        trace,
    })
}

/// [`server_check`] reduced to yes or no (false for anything that does not decode).
pub fn verify(challenge: &[u8], authenticate: &[u8], password: &str) -> bool {
    server_check(challenge, authenticate, password).is_ok_and(|check| check.ok)
}

/// Checks an AUTHENTICATE carrying an NTLMv1 response (24 bytes), as older clients such as
/// Perl's Authen::NTLM send. NTLMv1 is weak (DES over the unsalted NT hash); the trainer
/// accepts it so those clients work, and the explanation says why it should not be used.
pub fn verify_v1(challenge: &[u8], authenticate: &[u8], password: &str) -> bool {
    let (Ok(sent), Ok(auth)) = (
        Challenge::decode(challenge),
        Authenticate::decode(authenticate),
    ) else {
        return false;
    };
    if auth.nt_response.len() != 24 {
        return false;
    }
    let ess = auth
        .flags
        .contains(Flags::NEGOTIATE_EXTENDED_SESSIONSECURITY);
    let mut client = [0u8; 8];
    let client = match auth.lm_response.get(..8) {
        Some(first) if ess => {
            client.copy_from_slice(first);
            Some(&client)
        }
        _ => None,
    };
    let want = ntlmv1_response(password, &sent.server_challenge, client);
    secrets_match(&auth.nt_response, &want)
}
