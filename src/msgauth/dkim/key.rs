//! The key record (RFC 6376 §3.6.1), the TXT record at `selector._domainkey.domain`:
//! `v=DKIM1; k=rsa; p=<base64>`. Here it is pasted (the page does no DNS); a record split
//! into several quoted strings is joined first, as DNS does (§3.6.2.2).

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;

use super::tags::{self, without_fws, Tag, TagError};
use crate::i18n::{Lang, Tr};

/// A key type (`k=`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyType {
    /// RSA: `p=` is a DER SubjectPublicKeyInfo (or, from some signers, a bare RSAPublicKey).
    Rsa,
    /// Ed25519 (RFC 8463 §4): `p=` is the 32-octet public key itself.
    Ed25519,
}

/// A parsed key record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyRecord {
    /// The tags as written.
    pub tags: Vec<Tag>,
    /// `k=` (default rsa).
    pub key_type: KeyType,
    /// `p=`, decoded (empty: the key was revoked).
    pub public_key: Vec<u8>,
    /// `t=y`: the domain is testing DKIM.
    pub testing: bool,
    /// `h=`, when present: the acceptable hash algorithms.
    pub hashes: Option<Vec<String>>,
    /// `t=s`: an `i=` must be in `d=` itself, not in a subdomain of it (§3.6.1).
    pub same_domain: bool,
}

/// Why a key record is unusable.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum KeyError {
    /// The tag list.
    Tags(TagError),
    /// `v=` present and not `DKIM1`, or not the first tag.
    Version(String),
    /// No `p=`.
    NoKey,
    /// `k=` names an unknown key type.
    KeyType(String),
    /// `p=` is not base64.
    Base64,
    /// `s=` lists service types, none of them `email` or `*`: not a key for email.
    Service(String),
}

const VERSION: Tr = Tr::new(
    "v={v}: a key record's v= must be DKIM1 and come first (RFC 6376 §3.6.1).",
    "v={v}：密钥记录的 v= 必须是 DKIM1 并且排在最前（RFC 6376 §3.6.1）。",
);
const SERVICE: Tr = Tr::new(
    "s={s}: this key is for other services, not email (RFC 6376 §3.6.1: a key whose s= names neither email nor * is ignored).",
    "s={s}：这个密钥用于其他服务，不用于邮件（RFC 6376 §3.6.1：s= 中既没有 email 也没有 * 的密钥会被忽略）。",
);
const NO_KEY: Tr = Tr::new(
    "The record has no p= tag: it is not a DKIM key record (RFC 6376 §3.6.1).",
    "记录没有 p= 标签：它不是 DKIM 密钥记录（RFC 6376 §3.6.1）。",
);
const KEY_TYPE: Tr = Tr::new(
    "k={k}: the trainer knows rsa and ed25519 (RFC 8463 §4).",
    "k={k}：训练器支持 rsa 和 ed25519（RFC 8463 §4）。",
);
const NOT_BASE64: Tr = Tr::new(
    "p= is not valid base64: was the record cut, or were its quoted strings pasted with the quotes?",
    "p= 不是合法的 base64：记录是否被截断，或者把分段的引号也一起粘贴进来了？",
);

impl KeyError {
    /// The error in words.
    pub fn describe(&self, lang: Lang) -> String {
        match self {
            KeyError::Tags(e) => e.describe(lang),
            KeyError::Version(v) => VERSION.fill(lang, &[("v", &v)]),
            KeyError::NoKey => NO_KEY.get(lang).to_owned(),
            KeyError::KeyType(k) => KEY_TYPE.fill(lang, &[("k", &k)]),
            KeyError::Base64 => NOT_BASE64.get(lang).to_owned(),
            KeyError::Service(v) => SERVICE.fill(lang, &[("s", &v)]),
        }
    }
}

/// What the key record is, for its step.
pub const EXPLAIN: Tr = Tr::new(
    "The key record from <s>._domainkey.<d> (RFC 6376 §3.6.1): v=DKIM1, k= key type (default rsa), p= the public key in base64 (empty when revoked), t=y testing.",
    "来自 <s>._domainkey.<d> 的密钥记录（RFC 6376 §3.6.1）：v=DKIM1，k= 密钥类型（默认 rsa），p= base64 公钥（为空表示已吊销），t=y 表示测试中。",
);

/// A TXT record as pasted: the strings of `"…" "…"` joined; anything else as it is.
pub fn join_txt_strings(text: &str) -> String {
    let t = text.trim();
    if !t.starts_with('"') {
        return t.to_string();
    }
    let mut out = String::new();
    let mut inside = false;
    let mut escaped = false;
    for c in t.chars() {
        match (inside, escaped, c) {
            (true, true, c) => {
                out.push(c);
                escaped = false;
            }
            (true, false, '\\') => escaped = true,
            (true, false, '"') => inside = false,
            (true, false, c) => out.push(c),
            (false, _, '"') => inside = true,
            (false, _, _) => {}
        }
    }
    out
}

/// Parses a key record.
pub fn parse(record: &str) -> Result<KeyRecord, KeyError> {
    let joined = join_txt_strings(record);
    let tags = tags::parse(joined.as_bytes()).map_err(KeyError::Tags)?;
    if let Some(pos) = tags.iter().position(|t| t.name == "v") {
        if pos != 0 || tags[pos].value != "DKIM1" {
            return Err(KeyError::Version(tags[pos].value.clone()));
        }
    }
    let get = |n: &str| tags.iter().find(|t| t.name == n).map(|t| t.value.as_str());
    let key_type = match get("k").map(without_fws).as_deref() {
        None | Some("rsa") => KeyType::Rsa,
        Some("ed25519") => KeyType::Ed25519,
        Some(other) => return Err(KeyError::KeyType(other.to_string())),
    };
    let p = get("p").ok_or(KeyError::NoKey)?;
    let public_key = BASE64
        .decode(without_fws(p))
        .map_err(|_| KeyError::Base64)?;
    if let Some(service) = get("s") {
        let for_email = service
            .split(':')
            .map(without_fws)
            .any(|t| t == "*" || t.eq_ignore_ascii_case("email"));
        if !for_email {
            return Err(KeyError::Service(service.to_string()));
        }
    }
    let flag = |f: &str| get("t").is_some_and(|t| t.split(':').any(|x| x.trim() == f));
    let (testing, same_domain) = (flag("y"), flag("s"));
    let hashes = get("h").map(|h| h.split(':').map(without_fws).collect());
    Ok(KeyRecord {
        tags,
        key_type,
        public_key,
        testing,
        hashes,
        same_domain,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc8463_ed25519_record() {
        let k =
            parse("v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=").unwrap();
        assert_eq!(k.key_type, KeyType::Ed25519);
        assert_eq!(k.public_key.len(), 32);
    }

    #[test]
    fn quoted_strings_are_joined_and_errors_named() {
        assert_eq!(
            join_txt_strings(r#""v=DKIM1; p=AB" "CD""#),
            "v=DKIM1; p=ABCD"
        );
        assert_eq!(parse("v=DKIM1; k=rsa"), Err(KeyError::NoKey));
        assert_eq!(parse("v=DKIM1; p=!!"), Err(KeyError::Base64));
        assert_eq!(
            parse("k=rsa; v=DKIM1; p="),
            Err(KeyError::Version("DKIM1".into()))
        );
        assert_eq!(
            parse("v=DKIM1; k=dsa; p="),
            Err(KeyError::KeyType("dsa".into()))
        );
        assert!(parse("v=DKIM1; p=").unwrap().public_key.is_empty());
    }

    #[test]
    fn service_types_and_flags() {
        let ed = "k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=";
        assert_eq!(
            parse(&format!("v=DKIM1; s=tlsrpt; {ed}")),
            Err(KeyError::Service("tlsrpt".into()))
        );
        for usable in ["s=email", "s=*", "s=tlsrpt:email", "s=EMAIL"] {
            assert!(
                parse(&format!("v=DKIM1; {usable}; {ed}")).is_ok(),
                "{usable}"
            );
        }
        let k = parse(&format!("v=DKIM1; t=y:s; {ed}")).unwrap();
        assert!(k.testing && k.same_domain);
        assert!(!parse(&format!("v=DKIM1; t=y; {ed}")).unwrap().same_domain);
    }
}
