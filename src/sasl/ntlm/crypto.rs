//! The NTLM computations (MS-NLMP §3.3, §3.4.5, §6): NTOWFv1/v2, NTProofStr, LMv2, the
//! session keys, RC4, the MIC, and NTLMv1's DESL. The `*_steps` functions record each
//! output in the trace as they compute it.

use md4::{Digest, Md4};

use super::av_pair::{encode_av_pairs, AvId, AvPair};
use super::{utf16le, Authenticate, Flags, MS_NLMP_SERVER_CHALLENGE};
use crate::i18n::Tr;
use crate::sasl::hmac_md5::{hmac_md5, md5};
use crate::sasl::trace::{Trace, View};

/// NTOWFv1, the NT hash: MD4(UTF-16LE(password)) (MS-NLMP §3.3.1).
pub fn nt_hash(password: &str) -> [u8; 16] {
    Md4::digest(utf16le(password)).into()
}

/// UTF-16LE(UPPERCASE(user) ‖ domain), the HMAC message of NTOWFv2.
pub fn user_domain(user: &str, domain: &str) -> Vec<u8> {
    let mut text = user.to_uppercase();
    text.push_str(domain);
    utf16le(&text)
}

/// NTOWFv2 = HMAC_MD5(NT hash, UTF-16LE(UPPERCASE(user) ‖ domain)) (MS-NLMP §3.3.2).
pub fn ntowfv2(password: &str, user: &str, domain: &str) -> [u8; 16] {
    hmac_md5(
        &nt_hash(password),
        &user_domain(user, domain),
        &mut Trace::default(),
    )
}

/// temp = 01 01 Z(6) Time ClientChallenge Z(4) AvPairs Z(4) (MS-NLMP §3.3.2); `av_pairs`
/// are the bytes as on the wire, MsvAvEOL included.
pub fn temp(timestamp: u64, client_challenge: [u8; 8], av_pairs: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(28 + av_pairs.len() + 4);
    out.extend_from_slice(&[1, 1, 0, 0, 0, 0, 0, 0]);
    out.extend_from_slice(&timestamp.to_le_bytes());
    out.extend_from_slice(&client_challenge);
    out.extend_from_slice(&[0, 0, 0, 0]);
    out.extend_from_slice(av_pairs);
    out.extend_from_slice(&[0, 0, 0, 0]);
    out
}

/// What the NTLMv2 computation needs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NtlmV2Input {
    /// The user name (upper-cased for NTOWFv2).
    pub user: String,
    /// The domain (as typed).
    pub domain: String,
    /// The password.
    pub password: String,
    /// The 8-byte server challenge from the CHALLENGE.
    pub server_challenge: [u8; 8],
    /// The client's 8-byte nonce.
    pub client_challenge: [u8; 8],
    /// FILETIME: 100 ns ticks since 1601-01-01 UTC.
    pub timestamp: u64,
    /// TargetInfo's AV pairs as on the wire (MsvAvEOL included).
    pub av_pairs: Vec<u8>,
}

/// MS-NLMP §4.2.4's inputs: User / Domain / Password, server challenge 0123456789abcdef,
/// client challenge aa×8, time zero, AV pairs NbDomainName "Domain", NbComputerName "Server".
pub fn ms_nlmp_4_2_4_input() -> NtlmV2Input {
    NtlmV2Input {
        user: "User".into(),
        domain: "Domain".into(),
        password: "Password".into(),
        server_challenge: MS_NLMP_SERVER_CHALLENGE,
        client_challenge: [0xaa; 8],
        timestamp: 0,
        av_pairs: encode_av_pairs(&[
            AvPair::text(AvId::NbDomainName, "Domain"),
            AvPair::text(AvId::NbComputerName, "Server"),
        ]),
    }
}

/// The NTOWFv2 steps; returns NTOWFv2.
pub(super) fn ntowfv2_steps(
    password: &str,
    user: &str,
    domain: &str,
    trace: &mut Trace,
) -> [u8; 16] {
    let password_utf16 = trace.push(
        "password-utf16le",
        Tr::new("UNICODE(password): UTF-16LE", "UNICODE(密码)：UTF-16LE"),
        utf16le(password),
        View::Hex,
        Tr::new(
            "MS-NLMP §3.3.1: the password as UTF-16 little-endian, two bytes per character here, no terminating NUL.",
            "MS-NLMP §3.3.1：密码编码为 UTF-16 小端序（这里每个字符两个字节），不带结尾 NUL。",
        ),
    );
    let hash: [u8; 16] = Md4::digest(&password_utf16).into();
    trace.push(
        "nt-hash",
        Tr::new("NT hash = MD4(UNICODE(password))", "NT 散列 = MD4(UNICODE(密码))"),
        hash.to_vec(),
        View::Hex,
        Tr::new(
            "MS-NLMP §3.3.1: NTOWFv1 = MD4 of the UTF-16LE password: the 16-byte NT hash a Windows domain stores for the account.",
            "MS-NLMP §3.3.1：NTOWFv1 = UTF-16LE 密码的 MD4，即 Windows 域为该账户保存的 16 字节 NT 散列。",
        ),
    );
    let message = trace.push(
        "user-domain",
        Tr::new(
            "UNICODE(UPPERCASE(user) ‖ domain)",
            "UNICODE(大写(用户名) ‖ 域名)",
        ),
        user_domain(user, domain),
        View::Hex,
        Tr::new(
            "MS-NLMP §3.3.2: the user name upper-cased, then the domain exactly as given (not upper-cased), as UTF-16LE.",
            "MS-NLMP §3.3.2：用户名转为大写，后接原样的域名（不转大写），编码为 UTF-16LE。",
        ),
    );
    let key = hmac_md5(&hash, &message, &mut Trace::default());
    trace.push(
        "ntowfv2",
        Tr::new(
            "NTOWFv2 = HMAC_MD5(NT hash, user ‖ domain)",
            "NTOWFv2 = HMAC_MD5(NT 散列, 用户名 ‖ 域名)",
        ),
        key.to_vec(),
        View::Hex,
        Tr::new(
            "MS-NLMP §3.3.2: HMAC-MD5 keyed with the NT hash; the result is both ResponseKeyNT and ResponseKeyLM.",
            "MS-NLMP §3.3.2：以 NT 散列为密钥的 HMAC-MD5；结果同时是 ResponseKeyNT 和 ResponseKeyLM。",
        ),
    );
    key
}

/// NTProofStr from NTOWFv2, the server challenge and temp, recorded.
pub(super) fn proof_steps(
    key: &[u8; 16],
    server_challenge: &[u8; 8],
    temp: &[u8],
    trace: &mut Trace,
) -> [u8; 16] {
    let mut input = server_challenge.to_vec();
    input.extend_from_slice(temp);
    trace.push(
        "nt-proof-input",
        Tr::new("ServerChallenge ‖ temp", "ServerChallenge ‖ temp"),
        input.clone(),
        View::Hex,
        Tr::new(
            "MS-NLMP §3.3.2: the 8-byte server challenge from the CHALLENGE, then temp.",
            "MS-NLMP §3.3.2：来自 CHALLENGE 的 8 字节服务器质询，后接 temp。",
        ),
    );
    let proof = hmac_md5(key, &input, &mut Trace::default());
    trace.push(
        "nt-proof-str",
        Tr::new(
            "NTProofStr = HMAC_MD5(NTOWFv2, ServerChallenge ‖ temp)",
            "NTProofStr = HMAC_MD5(NTOWFv2, ServerChallenge ‖ temp)",
        ),
        proof.to_vec(),
        View::Hex,
        Tr::new(
            "MS-NLMP §3.3.2: the 16 bytes that prove knowledge of the password for this server challenge.",
            "MS-NLMP §3.3.2：这 16 个字节证明客户端针对本次服务器质询知道密码。",
        ),
    );
    proof
}

pub(super) fn session_base_key_step(
    key: &[u8; 16],
    proof: &[u8; 16],
    trace: &mut Trace,
) -> [u8; 16] {
    let base = hmac_md5(key, proof, &mut Trace::default());
    trace.push(
        "session-base-key",
        Tr::new(
            "SessionBaseKey = HMAC_MD5(NTOWFv2, NTProofStr)",
            "SessionBaseKey = HMAC_MD5(NTOWFv2, NTProofStr)",
        ),
        base.to_vec(),
        View::Hex,
        Tr::new(
            "MS-NLMP §3.3.2: the key both sides now share; for NTLMv2 it is also the KeyExchangeKey (§3.4.5.1).",
            "MS-NLMP §3.3.2：双方此时共享的密钥；NTLMv2 中它也是 KeyExchangeKey（§3.4.5.1）。",
        ),
    );
    base
}

/// The NTLMv2 computation, step by step: `password-utf16le`, `nt-hash`, `user-domain`,
/// `ntowfv2`, `temp`, `nt-proof-input`, `nt-proof-str`, `nt-challenge-response`,
/// `lmv2-input`, `lmv2-response`, `session-base-key`.
pub fn ntlmv2(input: &NtlmV2Input) -> Trace {
    let mut trace = Trace::default();
    v2_steps(
        input,
        Tr::new(
            "MS-NLMP §3.3.2: Responserversion 1, HiResponserversion 1, six zero bytes, the 8-byte FILETIME, the 8-byte client challenge, four zeros, the CHALLENGE's AV pairs (MsvAvEOL included), four zeros.",
            "MS-NLMP §3.3.2：Responserversion 1、HiResponserversion 1、6 个零字节、8 字节 FILETIME、8 字节客户端质询、4 个零、CHALLENGE 中的 AV 对（含 MsvAvEOL）、4 个零。",
        ),
        &mut trace,
    );
    trace
}

/// What the NTLMv2 steps give the AUTHENTICATE message.
pub(super) struct V2Responses {
    /// NtChallengeResponse: NTProofStr ‖ temp.
    pub(super) nt_response: Vec<u8>,
    /// LmChallengeResponse (LMv2).
    pub(super) lm_response: Vec<u8>,
    /// SessionBaseKey (= KeyExchangeKey for NTLMv2).
    pub(super) session_base_key: [u8; 16],
}

/// The steps of [`ntlmv2`] into `trace`, `temp` explained by `temp_explain`.
pub(super) fn v2_steps(input: &NtlmV2Input, temp_explain: Tr, trace: &mut Trace) -> V2Responses {
    let key = ntowfv2_steps(&input.password, &input.user, &input.domain, trace);
    let temp = trace.push(
        "temp",
        Tr::new(
            "temp = 01 01 Z(6) Time ClientChallenge Z(4) AvPairs Z(4)",
            "temp = 01 01 Z(6) 时间 客户端质询 Z(4) AV对 Z(4)",
        ),
        temp(input.timestamp, input.client_challenge, &input.av_pairs),
        View::Hex,
        temp_explain,
    );
    let proof = proof_steps(&key, &input.server_challenge, &temp, trace);
    let mut nt_response = proof.to_vec();
    nt_response.extend_from_slice(&temp);
    trace.push(
        "nt-challenge-response",
        Tr::new(
            "NtChallengeResponse = NTProofStr ‖ temp",
            "NtChallengeResponse = NTProofStr ‖ temp",
        ),
        nt_response.clone(),
        View::Hex,
        Tr::new(
            "MS-NLMP §3.3.2 and §2.2.2.8: temp travels in the clear after the proof, so the server can recompute NTProofStr.",
            "MS-NLMP §3.3.2 和 §2.2.2.8：temp 以明文跟在证明之后，服务器据此重新计算 NTProofStr。",
        ),
    );
    let lm_response = lmv2_steps(
        &key,
        &input.server_challenge,
        &input.client_challenge,
        trace,
    );
    let session_base_key = session_base_key_step(&key, &proof, trace);
    V2Responses {
        nt_response,
        lm_response,
        session_base_key,
    }
}

pub(super) fn lmv2_steps(
    key: &[u8; 16],
    server_challenge: &[u8; 8],
    client_challenge: &[u8; 8],
    trace: &mut Trace,
) -> Vec<u8> {
    let mut input = server_challenge.to_vec();
    input.extend_from_slice(client_challenge);
    trace.push(
        "lmv2-input",
        Tr::new(
            "ServerChallenge ‖ ClientChallenge",
            "ServerChallenge ‖ ClientChallenge",
        ),
        input.clone(),
        View::Hex,
        Tr::new(
            "MS-NLMP §3.3.2: LMv2 hashes only the two 8-byte challenges.",
            "MS-NLMP §3.3.2：LMv2 只对两个 8 字节质询做散列。",
        ),
    );
    let mut lm = hmac_md5(key, &input, &mut Trace::default()).to_vec();
    lm.extend_from_slice(client_challenge);
    trace.push(
        "lmv2-response",
        Tr::new(
            "LmChallengeResponse = HMAC_MD5(NTOWFv2, SC ‖ CC) ‖ CC",
            "LmChallengeResponse = HMAC_MD5(NTOWFv2, SC ‖ CC) ‖ CC",
        ),
        lm,
        View::Hex,
        Tr::new(
            "MS-NLMP §3.3.2 and §2.2.2.4: 16 bytes of HMAC, then the client challenge again (24 bytes); ResponseKeyLM = NTOWFv2.",
            "MS-NLMP §3.3.2 和 §2.2.2.4：16 字节 HMAC 后再接一次客户端质询（共 24 字节）；ResponseKeyLM = NTOWFv2。",
        ),
    )
}

/// RC4 with a 16-byte key (MS-NLMP §3.4.5.1 key exchange; RC4 is symmetric).
pub fn rc4(key: &[u8; 16], data: &[u8]) -> Vec<u8> {
    let mut state = [0u8; 256];
    for (i, s) in state.iter_mut().enumerate() {
        *s = u8::try_from(i).unwrap_or(0);
    }
    let mut j = 0u8;
    for i in 0..256usize {
        j = j.wrapping_add(state[i]).wrapping_add(key[i % 16]);
        state.swap(i, usize::from(j));
    }
    let (mut i, mut j) = (0u8, 0u8);
    data.iter()
        .map(|byte| {
            i = i.wrapping_add(1);
            j = j.wrapping_add(state[usize::from(i)]);
            state.swap(usize::from(i), usize::from(j));
            let k = state[usize::from(state[usize::from(i)].wrapping_add(state[usize::from(j)]))];
            byte ^ k
        })
        .collect()
}

/// ExportedSessionKey (MS-NLMP §3.2.5.1.2): with KEY_EXCH and a 16-byte
/// EncryptedRandomSessionKey, RC4-decrypted under the KeyExchangeKey (= SessionBaseKey for
/// NTLMv2); otherwise the KeyExchangeKey itself.
pub fn exported_session_key(
    flags: Flags,
    session_base_key: &[u8; 16],
    encrypted_random_session_key: &[u8],
) -> [u8; 16] {
    match <&[u8; 16]>::try_from(encrypted_random_session_key) {
        Ok(encrypted) if flags.contains(Flags::NEGOTIATE_KEY_EXCH) => {
            let plain = rc4(session_base_key, encrypted);
            <[u8; 16]>::try_from(plain.as_slice()).unwrap_or(*session_base_key)
        }
        _ => *session_base_key,
    }
}

/// The MIC (MS-NLMP §3.1.5.1.2): HMAC_MD5(ExportedSessionKey, NEGOTIATE ‖ CHALLENGE ‖
/// AUTHENTICATE with its MIC field zeroed). `None` when the AUTHENTICATE has no MIC field.
pub fn mic(
    exported_session_key: &[u8; 16],
    negotiate: &[u8],
    challenge: &[u8],
    authenticate: &[u8],
) -> Option<[u8; 16]> {
    Authenticate::decode(authenticate).ok()?.mic?;
    let mut input = Vec::with_capacity(negotiate.len() + challenge.len() + authenticate.len());
    input.extend_from_slice(negotiate);
    input.extend_from_slice(challenge);
    let at = input.len();
    input.extend_from_slice(authenticate);
    input.get_mut(at + 72..at + 88)?.fill(0);
    Some(hmac_md5(
        exported_session_key,
        &input,
        &mut Trace::default(),
    ))
}

/// DES of one block under a 7-byte key, spread over 8 bytes as DES expects (the low bit
/// of each byte is parity, which DES ignores).
fn des_block(key7: &[u8], data: &[u8; 8]) -> [u8; 8] {
    use des::cipher::{generic_array::GenericArray, BlockEncrypt, KeyInit};
    let mut bits: u64 = 0;
    for (i, b) in key7.iter().take(7).enumerate() {
        bits |= u64::from(*b) << (48 - 8 * i);
    }
    let mut key = [0u8; 8];
    for (i, k) in key.iter_mut().enumerate() {
        *k = (((bits >> (49 - 7 * i)) & 0x7f) as u8) << 1;
    }
    let cipher = des::Des::new(GenericArray::from_slice(&key));
    let mut block = GenericArray::clone_from_slice(data);
    cipher.encrypt_block(&mut block);
    let mut out = [0u8; 8];
    out.copy_from_slice(&block);
    out
}

/// MS-NLMP §6: `DESL(K, D)` = DES of D under K[0..7], K[7..14] and K[14..16] ‖ five zeros.
pub fn desl(key: &[u8; 16], data: &[u8; 8]) -> [u8; 24] {
    let mut third = [0u8; 7];
    third[..2].copy_from_slice(&key[14..16]);
    let mut out = [0u8; 24];
    out[..8].copy_from_slice(&des_block(&key[..7], data));
    out[8..16].copy_from_slice(&des_block(&key[7..14], data));
    out[16..].copy_from_slice(&des_block(&third, data));
    out
}

/// The NTLMv1 NtChallengeResponse (MS-NLMP §3.3.1): `DESL(NTOWFv1(password), challenge)`,
/// where with extended session security the challenge is the first 8 bytes of
/// `MD5(ServerChallenge ‖ ClientChallenge)`.
pub fn ntlmv1_response(
    password: &str,
    server_challenge: &[u8; 8],
    client_challenge: Option<&[u8; 8]>,
) -> [u8; 24] {
    let challenge = match client_challenge {
        Some(client) => {
            let mut both = server_challenge.to_vec();
            both.extend_from_slice(client);
            let digest = md5(&both);
            let mut first = [0u8; 8];
            first.copy_from_slice(&digest[..8]);
            first
        }
        None => *server_challenge,
    };
    desl(&nt_hash(password), &challenge)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rc4_is_its_own_inverse() {
        let key = [7u8; 16];
        let data = b"hello, NTLM".to_vec();
        assert_eq!(rc4(&key, &rc4(&key, &data)), data);
    }
}
