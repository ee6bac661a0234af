//! `smtp-trainer auth`: compute a client's SASL response and show every step.

use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher, Hasher};
use std::io::{self, Write};
use std::process::ExitCode;

use serde::Serialize;

use super::trace_json::{steps, StepJson};
use super::LangArg;
use crate::i18n::{Lang, Tr};
use crate::sasl::trace::Trace;
use crate::sasl::verify::{decode_pasted, Mechanism};
use crate::sasl::{cram_md5, digest_md5, login, ntlm, oauth, plain, scram};

/// Arguments of `auth`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// PLAIN, LOGIN, CRAM-MD5, DIGEST-MD5, SCRAM-SHA-1, SCRAM-SHA-256, NTLM, XOAUTH2 or
    /// OAUTHBEARER (any case).
    mechanism: String,
    /// The user name.
    #[arg(long)]
    user: String,
    /// The password (for XOAUTH2 and OAUTHBEARER: the bearer token).
    #[arg(long)]
    password: String,
    /// The server's challenge: base64 as in the 334 line, or decoded. CRAM-MD5 defaults to
    /// RFC 2195's, DIGEST-MD5 to RFC 2831's example challenge.
    #[arg(long)]
    challenge: Option<String>,
    /// DIGEST-MD5: the realm (default: the challenge's first realm).
    #[arg(long)]
    realm: Option<String>,
    /// DIGEST-MD5: the digest-uri (default: smtp/<realm>).
    #[arg(long)]
    digest_uri: Option<String>,
    /// DIGEST-MD5 and SCRAM: the client nonce (default: random, printed; SCRAM's default
    /// is RFC 5802's when no --challenge is given).
    #[arg(long)]
    cnonce: Option<String>,
    /// NTLM: the domain (default: none).
    #[arg(long)]
    domain: Option<String>,
    /// OAUTHBEARER: the server's host and port, as in RFC 7628 §3.1.
    #[arg(long)]
    host: Option<String>,
    /// OAUTHBEARER: the server's port.
    #[arg(long)]
    port: Option<u16>,
    /// PLAIN and DIGEST-MD5: act as this user.
    #[arg(long)]
    authzid: Option<String>,
    /// DIGEST-MD5: auth, auth-int or auth-conf (default auth).
    #[arg(long)]
    qop: Option<String>,
    /// Output language (default from the locale).
    #[arg(long, value_enum)]
    lang: Option<LangArg>,
    /// Print JSON instead of text.
    #[arg(long)]
    json: bool,
}

/// RFC 2831 §4's challenge, used when none is given.
const RFC2831_CHALLENGE: &str =
    "realm=\"elwood.innosoft.com\",nonce=\"OA6MG9tEQGm2hh\",qop=\"auth\",algorithm=md5-sess,charset=utf-8";

#[derive(Serialize)]
struct AuthJson {
    mechanism: String,
    steps: Vec<StepJson>,
    response: String,
}

const UNKNOWN_MECHANISM: Tr = Tr::new(
    "unknown mechanism {name}; use PLAIN, LOGIN, CRAM-MD5, DIGEST-MD5, SCRAM-SHA-1, SCRAM-SHA-256, NTLM, XOAUTH2 or OAUTHBEARER",
    "未知的机制 {name}；请使用 PLAIN、LOGIN、CRAM-MD5、DIGEST-MD5、SCRAM-SHA-1、SCRAM-SHA-256、NTLM、XOAUTH2 或 OAUTHBEARER",
);
const PLAIN_EMPTY: Tr = Tr::new(
    "PLAIN needs a user name and a password of at least one character each (RFC 4616 §2); a server refuses an empty one",
    "PLAIN 的用户名和密码都至少要有一个字符（RFC 4616 §2）；服务器会拒绝空值",
);
const DIGEST_URI_NEEDED: Tr = Tr::new(
    "the realm {realm} is no host name, so smtp/<realm> is no digest-uri: give --digest-uri smtp/<the server's host name> (RFC 2831 §2.1.2)",
    "realm {realm} 不是主机名，所以 smtp/<realm> 不能作为 digest-uri：请用 --digest-uri smtp/<服务器主机名> 指定（RFC 2831 §2.1.2）",
);
const QOP_NOT_OFFERED: Tr = Tr::new(
    "qop {qop} is not offered by the challenge ({offered})",
    "质询没有提供 qop {qop}（提供的是 {offered}）",
);

pub(super) fn run(args: &Args, out: &mut impl Write) -> io::Result<ExitCode> {
    let lang = LangArg::resolve(args.lang);
    let name = args.mechanism.trim().to_ascii_uppercase();
    if let Some(result) = other_mechanism(&name, args, lang) {
        return match result {
            Ok(trace) => print(out, &name, &trace, args.json, lang),
            Err(message) => super::usage_error(out, args.json, &message),
        };
    }
    let Some(mechanism) = Mechanism::from_name(&args.mechanism) else {
        return super::usage_error(
            out,
            args.json,
            &UNKNOWN_MECHANISM.fill(lang, &[("name", &format!("{:?}", args.mechanism))]),
        );
    };
    if mechanism == Mechanism::Plain && (args.user.is_empty() || args.password.is_empty()) {
        return super::usage_error(out, args.json, PLAIN_EMPTY.get(lang));
    }
    let trace = match mechanism {
        Mechanism::Plain => plain::client(
            args.authzid.as_deref().unwrap_or(""),
            &args.user,
            &args.password,
        ),
        Mechanism::Login => login::client(&args.user, &args.password),
        Mechanism::CramMd5 => {
            let challenge = match &args.challenge {
                Some(c) => decode_pasted(c).0,
                None => cram_md5::RFC2195_CHALLENGE.as_bytes().to_vec(),
            };
            cram_md5::client(&args.user, &args.password, &challenge)
        }
        Mechanism::ScramSha1 | Mechanism::ScramSha256 => {
            let (hash, rfc_first, rfc_nonce) = if mechanism == Mechanism::ScramSha1 {
                (
                    scram::Hash::Sha1,
                    RFC5802_SERVER_FIRST,
                    "fyko+d2lbbFgONRv9qkxdawL",
                )
            } else {
                (
                    scram::Hash::Sha256,
                    RFC7677_SERVER_FIRST,
                    "rOprNGfwEbeRWgbNEkqO",
                )
            };
            let server_first = match &args.challenge {
                Some(c) => String::from_utf8_lossy(&decode_pasted(c).0).into_owned(),
                None => rfc_first.to_string(),
            };
            let nonce = args.cnonce.clone().unwrap_or_else(|| {
                if args.challenge.is_none() {
                    rfc_nonce.to_string()
                } else {
                    random_cnonce()
                }
            });
            match scram::client(hash, &args.user, &args.password, &nonce, &server_first) {
                Ok(trace) => trace,
                Err(err) => return super::usage_error(out, args.json, &err.describe(lang)),
            }
        }
        Mechanism::Ntlm => {
            let challenge = match &args.challenge {
                Some(c) => decode_pasted(c).0,
                None => ntlm::MS_NLMP_4_2_4_CHALLENGE.to_vec(),
            };
            let input = ntlm::ClientInput {
                user: args.user.clone(),
                domain: args.domain.clone().unwrap_or_default(),
                password: args.password.clone(),
                ..ntlm::ms_nlmp_example()
            };
            match ntlm::client_authenticate(&challenge, &input) {
                Ok(trace) => trace,
                Err(err) => return super::usage_error(out, args.json, &err.describe(lang)),
            }
        }
        Mechanism::DigestMd5 => {
            let text = match &args.challenge {
                Some(c) => String::from_utf8_lossy(&decode_pasted(c).0).into_owned(),
                None => RFC2831_CHALLENGE.to_string(),
            };
            let challenge = match digest_md5::parse_challenge(&text) {
                Ok(c) => c,
                Err(err) => return super::usage_error(out, args.json, &err.describe(lang)),
            };
            let realm = args
                .realm
                .clone()
                .or_else(|| challenge.realms.first().cloned())
                .unwrap_or_default();
            let qop = args.qop.clone().unwrap_or_else(|| "auth".into());
            if !challenge.qop.contains(&qop) {
                return super::usage_error(
                    out,
                    args.json,
                    &QOP_NOT_OFFERED.fill(
                        lang,
                        &[
                            ("qop", &format!("{qop:?}")),
                            ("offered", &format!("{:?}", challenge.qop)),
                        ],
                    ),
                );
            }
            let cnonce = args.cnonce.clone().unwrap_or_else(random_cnonce);
            // The default smtp/<realm> is a digest-uri only when the realm is a host name.
            let host_like = !realm.is_empty()
                && realm
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-'));
            if args.digest_uri.is_none() && !host_like {
                return super::usage_error(
                    out,
                    args.json,
                    &DIGEST_URI_NEEDED.fill(lang, &[("realm", &format!("{realm:?}"))]),
                );
            }
            digest_md5::client(&digest_md5::ClientInput {
                user: args.user.clone(),
                digest_uri: args
                    .digest_uri
                    .clone()
                    .unwrap_or_else(|| format!("smtp/{realm}")),
                realm,
                password: args.password.clone(),
                nonce: challenge.nonce.clone(),
                cnonce,
                nc: 1,
                qop,
                authzid: args.authzid.clone(),
                utf8: challenge.utf8,
            })
        }
    };
    print(out, mechanism.name(), &trace, args.json, lang)
}

fn print(
    out: &mut impl Write,
    name: &str,
    trace: &Trace,
    json: bool,
    lang: Lang,
) -> io::Result<ExitCode> {
    let response = final_response(trace);
    if json {
        let json = AuthJson {
            mechanism: name.to_string(),
            steps: steps(trace, lang),
            response,
        };
        serde_json::to_writer_pretty(&mut *out, &json).map_err(io::Error::other)?;
        writeln!(out)?;
    } else {
        write!(out, "{}", trace.render(lang))?;
        writeln!(out, "\n{response}")?;
    }
    Ok(ExitCode::SUCCESS)
}

/// XOAUTH2 and OAUTHBEARER (the password argument is the token); `None` for other names.
fn other_mechanism(name: &str, args: &Args, lang: Lang) -> Option<Result<Trace, String>> {
    let result = match name {
        "XOAUTH2" => oauth::xoauth2(&args.user, &args.password),
        "OAUTHBEARER" => oauth::oauthbearer(
            args.authzid.as_deref().unwrap_or(&args.user),
            args.host.as_deref(),
            args.port,
            &args.password,
        ),
        _ => return None,
    };
    Some(result.map_err(|err| err.describe(lang)))
}

/// RFC 5802 §5's server-first-message, used when SCRAM-SHA-1 is given no --challenge.
const RFC5802_SERVER_FIRST: &str =
    "r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=4096";
/// RFC 7677 §3's, for SCRAM-SHA-256.
const RFC7677_SERVER_FIRST: &str =
    "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096";

/// The line the client sends last: the base64 response.
fn final_response(trace: &Trace) -> String {
    ["response-base64", "client-final-base64", "response"]
        .iter()
        .find_map(|id| trace.step(id))
        .map(|s| s.text())
        .unwrap_or_default()
}

/// 16 hex digits from the standard library's per-process random keys; a cnonce only has to
/// be unpredictable to the server, and the CLI prints it so a run can be repeated.
fn random_cnonce() -> String {
    let mut hasher = RandomState::new().build_hasher();
    hasher.write_u64(0x5eed);
    format!("{:016x}", hasher.finish())
}
