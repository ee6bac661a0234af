//! The mechanisms the auth page walks through, the inputs each one needs, and the
//! published examples that fill them. Data only: the computation is in [`super::compute`],
//! which calls the engine.

use crate::i18n::Msg;
use crate::sasl::{cram_md5, digest_md5, ntlm};
use crate::ui::console::state::demo_accounts;

/// A mechanism of the auth page (the SASL ones, and HTTP Digest for comparison). The
/// declaration order is the order of [`AuthMech::ALL`] (state is indexed by it).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum AuthMech {
    /// RFC 4616.
    Plain,
    /// draft-murchison-sasl-login.
    Login,
    /// RFC 2195.
    CramMd5,
    /// RFC 2831.
    DigestMd5,
    /// RFC 2617 (HTTP), the computation DIGEST-MD5 grew from.
    HttpDigest,
    /// MS-NLMP, NTLMv2.
    Ntlm,
    /// RFC 5802.
    ScramSha1,
    /// RFC 7677.
    ScramSha256,
    /// Google's XOAUTH2.
    XOAuth2,
    /// RFC 7628.
    OAuthBearer,
}

impl AuthMech {
    /// Every mechanism, in the picker's order.
    pub const ALL: [AuthMech; 10] = [
        AuthMech::Plain,
        AuthMech::Login,
        AuthMech::CramMd5,
        AuthMech::DigestMd5,
        AuthMech::HttpDigest,
        AuthMech::Ntlm,
        AuthMech::ScramSha1,
        AuthMech::ScramSha256,
        AuthMech::XOAuth2,
        AuthMech::OAuthBearer,
    ];

    /// The address part: `#/auth/<slug>`, and the picker's option value.
    pub fn slug(self) -> &'static str {
        match self {
            AuthMech::Plain => "plain",
            AuthMech::Login => "login",
            AuthMech::CramMd5 => "cram-md5",
            AuthMech::DigestMd5 => "digest-md5",
            AuthMech::HttpDigest => "http-digest",
            AuthMech::Ntlm => "ntlm",
            AuthMech::ScramSha1 => "scram-sha-1",
            AuthMech::ScramSha256 => "scram-sha-256",
            AuthMech::XOAuth2 => "xoauth2",
            AuthMech::OAuthBearer => "oauthbearer",
        }
    }

    /// The mechanism an address names (any case; `_` for `-`).
    pub fn from_slug(slug: &str) -> Option<AuthMech> {
        let slug = slug.trim().to_ascii_lowercase().replace('_', "-");
        AuthMech::ALL.into_iter().find(|m| m.slug() == slug)
    }

    /// The SASL name as servers advertise it; `None` for HTTP Digest, which has a label.
    pub fn sasl_name(self) -> Option<&'static str> {
        Some(match self {
            AuthMech::Plain => "PLAIN",
            AuthMech::Login => "LOGIN",
            AuthMech::CramMd5 => "CRAM-MD5",
            AuthMech::DigestMd5 => "DIGEST-MD5",
            AuthMech::HttpDigest => return None,
            AuthMech::Ntlm => "NTLM",
            AuthMech::ScramSha1 => "SCRAM-SHA-1",
            AuthMech::ScramSha256 => "SCRAM-SHA-256",
            AuthMech::XOAuth2 => "XOAUTH2",
            AuthMech::OAuthBearer => "OAUTHBEARER",
        })
    }

    /// One paragraph on what the mechanism does.
    pub fn about(self) -> Msg {
        match self {
            AuthMech::Plain => Msg::AboutPlain,
            AuthMech::Login => Msg::AboutLogin,
            AuthMech::CramMd5 => Msg::AboutCramMd5,
            AuthMech::DigestMd5 => Msg::AboutDigestMd5,
            AuthMech::HttpDigest => Msg::AboutHttpDigest,
            AuthMech::Ntlm => Msg::AboutNtlm,
            AuthMech::ScramSha1 => Msg::AboutScramSha1,
            AuthMech::ScramSha256 => Msg::AboutScramSha256,
            AuthMech::XOAuth2 => Msg::AboutXoauth2,
            AuthMech::OAuthBearer => Msg::AboutOauthbearer,
        }
    }

    /// The inputs, in the form's order.
    pub fn fields(self) -> &'static [Field] {
        use Field::*;
        match self {
            AuthMech::Plain => &[Authzid, User, Password],
            AuthMech::Login => &[User, Password],
            AuthMech::CramMd5 => &[Challenge, User, Password],
            AuthMech::DigestMd5 => &[
                Challenge, User, Password, Realm, DigestUri, Cnonce, Nc, Qop, Authzid,
            ],
            AuthMech::HttpDigest => &[
                User, Password, Realm, Nonce, Cnonce, Nc, HttpQop, Algorithm, Method, Uri,
            ],
            AuthMech::Ntlm => &[NtlmChallenge, User, Password, Domain, Workstation],
            AuthMech::ScramSha1 | AuthMech::ScramSha256 => {
                &[User, Password, ClientNonce, ServerFirst, ServerFinal]
            }
            AuthMech::XOAuth2 => &[User, Token, ErrorChallenge],
            AuthMech::OAuthBearer => &[OauthAuthzid, Host, Port, Token, ErrorChallenge],
        }
    }

    /// The examples one click away; the first one also fills the form at start.
    pub fn examples(self) -> &'static [Example] {
        match self {
            AuthMech::Plain => &[
                Example {
                    id: "rfc4616",
                    label: Msg::ExampleRfc4616,
                    fill: rfc4616,
                },
                Example {
                    id: "rfc4616-authzid",
                    label: Msg::ExampleRfc4616Authzid,
                    fill: rfc4616_authzid,
                },
            ],
            AuthMech::Login => &[Example {
                id: "seed000",
                label: Msg::ExampleSeed000,
                fill: seed000,
            }],
            AuthMech::CramMd5 => &[Example {
                id: "rfc2195",
                label: Msg::ExampleRfc2195,
                fill: rfc2195,
            }],
            AuthMech::DigestMd5 => &[Example {
                id: "rfc2831",
                label: Msg::ExampleRfc2831,
                fill: rfc2831,
            }],
            AuthMech::HttpDigest => &[Example {
                id: "rfc2617",
                label: Msg::ExampleRfc2617,
                fill: rfc2617,
            }],
            AuthMech::Ntlm => &[Example {
                id: "ms-nlmp",
                label: Msg::ExampleMsNlmp,
                fill: ms_nlmp,
            }],
            AuthMech::ScramSha1 => &[Example {
                id: "rfc5802",
                label: Msg::ExampleRfc5802,
                fill: rfc5802,
            }],
            AuthMech::ScramSha256 => &[Example {
                id: "rfc7677",
                label: Msg::ExampleRfc7677,
                fill: rfc7677,
            }],
            AuthMech::XOAuth2 => &[
                Example {
                    id: "google",
                    label: Msg::ExampleGoogleXoauth2,
                    fill: google,
                },
                Example {
                    id: "google-error",
                    label: Msg::ExampleGoogleXoauth2Error,
                    fill: google_error,
                },
            ],
            AuthMech::OAuthBearer => &[
                Example {
                    id: "rfc7628",
                    label: Msg::ExampleRfc7628,
                    fill: rfc7628,
                },
                Example {
                    id: "rfc7628-error",
                    label: Msg::ExampleRfc7628Error,
                    fill: rfc7628_error,
                },
            ],
        }
    }
}

/// An input of the auth page's form.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Field {
    /// The user name.
    User,
    /// The password (never stored; type=password with a show/hide toggle).
    Password,
    /// PLAIN and DIGEST-MD5: act as this user.
    Authzid,
    /// CRAM-MD5 and DIGEST-MD5: the server's challenge, base64 or decoded.
    Challenge,
    /// DIGEST-MD5 and HTTP: the realm.
    Realm,
    /// DIGEST-MD5: `smtp/<host>`.
    DigestUri,
    /// DIGEST-MD5 and HTTP: the client nonce.
    Cnonce,
    /// DIGEST-MD5 and HTTP: the nonce count, hex.
    Nc,
    /// DIGEST-MD5: `auth`, `auth-int` or `auth-conf`.
    Qop,
    /// HTTP: `auth`, `auth-int`, or empty (RFC 2069).
    HttpQop,
    /// HTTP: the server nonce.
    Nonce,
    /// HTTP: `MD5` or `MD5-sess`.
    Algorithm,
    /// HTTP: the request method.
    Method,
    /// HTTP: the request URI.
    Uri,
    /// SCRAM: the client's nonce (`r=` of the first message).
    ClientNonce,
    /// SCRAM: the server-first-message, base64 or decoded.
    ServerFirst,
    /// SCRAM: the server-final-message, to check the server's signature.
    ServerFinal,
    /// NTLM: the CHALLENGE_MESSAGE in base64.
    NtlmChallenge,
    /// NTLM: the domain.
    Domain,
    /// NTLM: the workstation.
    Workstation,
    /// OAuth: the access token.
    Token,
    /// OAUTHBEARER: `a=`, the user to log in as.
    OauthAuthzid,
    /// OAUTHBEARER: `host=`.
    Host,
    /// OAUTHBEARER: `port=`.
    Port,
    /// OAuth: the server's error challenge (JSON), base64 or decoded.
    ErrorChallenge,
}

/// How a field is typed in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// One line.
    Line,
    /// A password: hidden unless shown.
    Secret,
    /// Several lines (pasted challenges).
    Area,
}

impl Field {
    /// The element id and the `data-testid` suffix: `auth-input-<slug>`.
    pub fn slug(self) -> &'static str {
        match self {
            Field::User => "user",
            Field::Password => "password",
            Field::Authzid => "authzid",
            Field::Challenge => "challenge",
            Field::Realm => "realm",
            Field::DigestUri => "digest-uri",
            Field::Cnonce => "cnonce",
            Field::Nc => "nc",
            Field::Qop => "qop",
            Field::HttpQop => "http-qop",
            Field::Nonce => "nonce",
            Field::Algorithm => "algorithm",
            Field::Method => "method",
            Field::Uri => "uri",
            Field::ClientNonce => "client-nonce",
            Field::ServerFirst => "server-first",
            Field::ServerFinal => "server-final",
            Field::NtlmChallenge => "ntlm-challenge",
            Field::Domain => "domain",
            Field::Workstation => "workstation",
            Field::Token => "token",
            Field::OauthAuthzid => "oauth-authzid",
            Field::Host => "host",
            Field::Port => "port",
            Field::ErrorChallenge => "error-challenge",
        }
    }

    /// The field's label.
    pub fn label(self) -> Msg {
        match self {
            Field::User => Msg::FieldUser,
            Field::Password => Msg::FieldPassword,
            Field::Authzid => Msg::FieldAuthzid,
            Field::Challenge => Msg::FieldChallenge,
            Field::Realm => Msg::FieldRealm,
            Field::DigestUri => Msg::FieldDigestUri,
            Field::Cnonce => Msg::FieldCnonce,
            Field::Nc => Msg::FieldNc,
            Field::Qop => Msg::FieldQop,
            Field::HttpQop => Msg::FieldHttpQop,
            Field::Nonce => Msg::FieldNonce,
            Field::Algorithm => Msg::FieldAlgorithm,
            Field::Method => Msg::FieldMethod,
            Field::Uri => Msg::FieldUri,
            Field::ClientNonce => Msg::FieldClientNonce,
            Field::ServerFirst => Msg::FieldServerFirst,
            Field::ServerFinal => Msg::FieldServerFinal,
            Field::NtlmChallenge => Msg::FieldNtlmChallenge,
            Field::Domain => Msg::FieldDomain,
            Field::Workstation => Msg::FieldWorkstation,
            Field::Token => Msg::FieldToken,
            Field::OauthAuthzid => Msg::FieldOauthAuthzid,
            Field::Host => Msg::FieldHost,
            Field::Port => Msg::FieldPort,
            Field::ErrorChallenge => Msg::FieldErrorChallenge,
        }
    }

    /// How it is typed in.
    pub fn kind(self) -> Kind {
        match self {
            Field::Password => Kind::Secret,
            Field::Challenge
            | Field::ServerFirst
            | Field::ServerFinal
            | Field::NtlmChallenge
            | Field::Token
            | Field::ErrorChallenge => Kind::Area,
            _ => Kind::Line,
        }
    }
}

/// A published example: which inputs it fills, with what.
#[derive(Debug)]
pub struct Example {
    /// The `data-testid` suffix: `auth-example-<id>`.
    pub id: &'static str,
    /// The button's label.
    pub label: Msg,
    /// The values; fields it does not name become empty.
    pub fill: fn() -> Vec<(Field, String)>,
}

fn values(pairs: &[(Field, &str)]) -> Vec<(Field, String)> {
    pairs.iter().map(|(f, v)| (*f, (*v).to_string())).collect()
}

/// RFC 4616 §4: tim / tanstaaftanstaaf.
fn rfc4616() -> Vec<(Field, String)> {
    values(&[(Field::User, "tim"), (Field::Password, "tanstaaftanstaaf")])
}

/// RFC 4616 §4: Kurt acting as Ursel.
fn rfc4616_authzid() -> Vec<(Field, String)> {
    values(&[
        (Field::Authzid, "Ursel"),
        (Field::User, "Kurt"),
        (Field::Password, "xipj3plmq"),
    ])
}

/// Seed 000: the 163.com account the console's Coremail profile has.
fn seed000() -> Vec<(Field, String)> {
    let (user, password) = demo_accounts(crate::smtp::profile::Profile::Coremail163)
        .first()
        .copied()
        .unwrap_or(("sunnogo@163.com", "ARsanbbsql60595"));
    values(&[(Field::User, user), (Field::Password, password)])
}

/// RFC 2195 §2: tim / tanstaaftanstaaf and the postoffice challenge.
fn rfc2195() -> Vec<(Field, String)> {
    values(&[
        (Field::Challenge, cram_md5::RFC2195_CHALLENGE),
        (Field::User, "tim"),
        (Field::Password, "tanstaaftanstaaf"),
    ])
}

/// RFC 2831 §4: the IMAP example (chris / secret).
fn rfc2831() -> Vec<(Field, String)> {
    let input = digest_md5::rfc2831_example();
    vec![
        (Field::Challenge, RFC2831_CHALLENGE.to_string()),
        (Field::User, input.user),
        (Field::Password, input.password),
        (Field::Realm, input.realm),
        (Field::DigestUri, input.digest_uri),
        (Field::Cnonce, input.cnonce),
        (Field::Nc, format!("{:08x}", input.nc)),
        (Field::Qop, input.qop),
        (Field::Authzid, input.authzid.unwrap_or_default()),
    ]
}

/// RFC 2831 §4's challenge, as decoded text (the engine reads either form).
pub const RFC2831_CHALLENGE: &str =
    "realm=\"elwood.innosoft.com\",nonce=\"OA6MG9tEQGm2hh\",qop=\"auth\",algorithm=md5-sess,charset=utf-8";

/// RFC 2617 §3.5: Mufasa / "Circle Of Life" (seed 004's digtest.c).
fn rfc2617() -> Vec<(Field, String)> {
    let input = digest_md5::rfc2617_example();
    vec![
        (Field::User, input.user),
        (Field::Password, input.password),
        (Field::Realm, input.realm),
        (Field::Nonce, input.nonce),
        (Field::Cnonce, input.cnonce),
        (Field::Nc, format!("{:08x}", input.nc)),
        (Field::HttpQop, input.qop),
        (Field::Algorithm, input.algorithm),
        (Field::Method, input.method),
        (Field::Uri, input.uri),
    ]
}

/// MS-NLMP §4.2.4: User / Domain / Password on COMPUTER, and the CHALLENGE of §4.2.4.3.
fn ms_nlmp() -> Vec<(Field, String)> {
    let input = ntlm::ms_nlmp_example();
    vec![
        (
            Field::NtlmChallenge,
            super::compute::wire_base64(&ntlm::MS_NLMP_4_2_4_CHALLENGE),
        ),
        (Field::User, input.user),
        (Field::Password, input.password),
        (Field::Domain, input.domain),
        (Field::Workstation, input.workstation),
    ]
}

/// RFC 5802 §5: SCRAM-SHA-1, user / pencil.
fn rfc5802() -> Vec<(Field, String)> {
    values(&[
        (Field::User, "user"),
        (Field::Password, "pencil"),
        (Field::ClientNonce, "fyko+d2lbbFgONRv9qkxdawL"),
        (
            Field::ServerFirst,
            "r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=4096",
        ),
        (Field::ServerFinal, "v=rmF9pqV8S7suAoZWja4dJRkFsKQ="),
    ])
}

/// RFC 7677 §3: SCRAM-SHA-256, user / pencil.
fn rfc7677() -> Vec<(Field, String)> {
    values(&[
        (Field::User, "user"),
        (Field::Password, "pencil"),
        (Field::ClientNonce, "rOprNGfwEbeRWgbNEkqO"),
        (
            Field::ServerFirst,
            "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096",
        ),
        (
            Field::ServerFinal,
            "v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=",
        ),
    ])
}

/// Google's XOAUTH2 documentation.
fn google() -> Vec<(Field, String)> {
    values(&[
        (Field::User, "someuser@example.com"),
        (
            Field::Token,
            "ya29.vF9dft4qmTc2Nvb3RlckBhdHRhdmlzdGEuY29tCg",
        ),
    ])
}

/// Google's XOAUTH2 documentation, with the error challenge it shows for a bad token.
fn google_error() -> Vec<(Field, String)> {
    let mut out = google();
    out.push((
        Field::ErrorChallenge,
        "eyJzdGF0dXMiOiI0MDEiLCJzY2hlbWVzIjoiYmVhcmVyIG1hYyIsInNjb3BlIjoiaHR0cHM6Ly9tYWlsLmdvb2dsZS5jb20vIn0K".into(),
    ));
    out
}

/// RFC 7628 §4.1: user@example.com on server.example.com:143.
fn rfc7628() -> Vec<(Field, String)> {
    values(&[
        (Field::OauthAuthzid, "user@example.com"),
        (Field::Host, "server.example.com"),
        (Field::Port, "143"),
        (Field::Token, "vF9dft4qmTc2Nvb3RlckBhbHRhdmlzdGEuY29tCg=="),
    ])
}

/// RFC 7628 §4.3: the same response, refused with a JSON error challenge.
fn rfc7628_error() -> Vec<(Field, String)> {
    let mut out = rfc7628();
    out.push((
        Field::ErrorChallenge,
        concat!(
            "eyJzdGF0dXMiOiJpbnZhbGlkX3Rva2VuIiwic2NvcGUiOiJleGFtcGxlX3Njb3BlIiwib3Blb",
            "mlkLWNvbmZpZ3VyYXRpb24iOiJodHRwczovL2V4YW1wbGUuY29tLy53ZWxsLWtub3duL29wZW5",
            "pZC1jb25maWd1cmF0aW9uIn0="
        )
        .into(),
    ));
    out
}
