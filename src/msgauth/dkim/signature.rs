//! The `DKIM-Signature` header field (RFC 6376 §3.5): its tags read and each explained.

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;

use super::tags::{self, without_fws, Tag, TagError};
use super::{Algorithm, Canon};
use crate::i18n::{Lang, Tr};

/// A parsed signature.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Signature {
    /// The tags as written, in order.
    pub tags: Vec<Tag>,
    /// `a=`.
    pub algorithm: Algorithm,
    /// `c=` header part.
    pub header_canon: Canon,
    /// `c=` body part.
    pub body_canon: Canon,
    /// `d=`, lower-cased.
    pub domain: String,
    /// `s=`.
    pub selector: String,
    /// `h=`: the signed header field names, in order.
    pub headers: Vec<String>,
    /// `bh=`, decoded.
    pub body_hash: Vec<u8>,
    /// `b=`, decoded.
    pub signature: Vec<u8>,
    /// `i=` (default `@d`).
    pub identity: String,
    /// `l=`.
    pub body_length: Option<u64>,
    /// `t=`.
    pub timestamp: Option<u64>,
    /// `x=`.
    pub expiration: Option<u64>,
}

/// Why a signature field is unusable (RFC 6376 §6.1.1: the verifier returns PERMFAIL).
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum SignatureError {
    /// The tag list itself.
    Tags(TagError),
    /// A required tag is missing.
    Missing(&'static str),
    /// `v=` is not `1`.
    Version(String),
    /// `a=` names an algorithm not known here (`rsa-sha1` among them).
    Algorithm(String),
    /// `c=` is not `simple`/`relaxed` (optionally `/simple`, `/relaxed`).
    Canon(String),
    /// A base64 tag (`b=` or `bh=`) that does not decode.
    Base64(&'static str),
    /// A number tag (`l=`, `t=`, `x=`) that is not a number.
    Number(&'static str, String),
    /// `h=` does not include From (§5.4: "The From header field MUST be signed").
    FromNotSigned,
    /// `i=`'s domain is not `d=` or a subdomain of it (§3.5).
    IdentityDomain(String, String),
    /// `x=` is not after `t=` (§3.5).
    ExpiresBeforeSigned,
}

const MISSING: Tr = Tr::new(
    "The required tag {t}= is missing (RFC 6376 §3.5 requires v, a, b, bh, d, h and s); a truncated signature?",
    "缺少必需的标签 {t}=（RFC 6376 §3.5 要求 v、a、b、bh、d、h、s）；签名被截断了？",
);
const VERSION: Tr = Tr::new(
    "v={v}: only version 1 exists (RFC 6376 §3.5).",
    "v={v}：只有版本 1（RFC 6376 §3.5）。",
);
const ALGORITHM: Tr = Tr::new(
    "a={a}: the trainer knows rsa-sha256 (RFC 6376) and ed25519-sha256 (RFC 8463); rsa-sha1 must not be used since RFC 8301.",
    "a={a}：训练器支持 rsa-sha256（RFC 6376）和 ed25519-sha256（RFC 8463）；RFC 8301 起不得再使用 rsa-sha1。",
);
const CANON: Tr = Tr::new(
    "c={c}: expected simple or relaxed, optionally /simple or /relaxed for the body (RFC 6376 §3.5).",
    "c={c}：应为 simple 或 relaxed，正文部分可选 /simple 或 /relaxed（RFC 6376 §3.5）。",
);
const NOT_BASE64: Tr = Tr::new(
    "{t}= is not valid base64 (RFC 6376 §3.5); was the field cut or re-wrapped with characters added?",
    "{t}= 不是合法的 base64（RFC 6376 §3.5）；字段是否被截断，或重新换行时混入了字符？",
);
const NUMBER: Tr = Tr::new(
    "{t}={v} is not a whole number of at most 12 digits (RFC 6376 §3.5).",
    "{t}={v} 不是不超过 12 位的整数（RFC 6376 §3.5）。",
);
const FROM_NOT_SIGNED: Tr = Tr::new(
    "h= does not list From; RFC 6376 §5.4 says the From header field MUST be signed, and verifiers reject such signatures.",
    "h= 没有包含 From；RFC 6376 §5.4 规定 From 字段必须签名，验证方会拒绝这种签名。",
);
const IDENTITY_DOMAIN: Tr = Tr::new(
    "i={i} is not in d={d} or a subdomain of it (RFC 6376 §3.5).",
    "i={i} 不属于 d={d} 或其子域（RFC 6376 §3.5）。",
);
const EXPIRES_BEFORE_SIGNED: Tr = Tr::new(
    "x= is not later than t=: the signature expired before it was made (RFC 6376 §3.5).",
    "x= 不晚于 t=：签名在生成之前就过期了（RFC 6376 §3.5）。",
);

impl SignatureError {
    /// The error in words.
    pub fn describe(&self, lang: Lang) -> String {
        match self {
            SignatureError::Tags(e) => e.describe(lang),
            SignatureError::Missing(t) => MISSING.fill(lang, &[("t", &t)]),
            SignatureError::Version(v) => VERSION.fill(lang, &[("v", &v)]),
            SignatureError::Algorithm(a) => ALGORITHM.fill(lang, &[("a", &a)]),
            SignatureError::Canon(c) => CANON.fill(lang, &[("c", &c)]),
            SignatureError::Base64(t) => NOT_BASE64.fill(lang, &[("t", &t)]),
            SignatureError::Number(t, v) => NUMBER.fill(lang, &[("t", &t), ("v", &v)]),
            SignatureError::FromNotSigned => FROM_NOT_SIGNED.get(lang).to_owned(),
            SignatureError::IdentityDomain(i, d) => {
                IDENTITY_DOMAIN.fill(lang, &[("i", &i), ("d", &d)])
            }
            SignatureError::ExpiresBeforeSigned => EXPIRES_BEFORE_SIGNED.get(lang).to_owned(),
        }
    }
}

impl From<TagError> for SignatureError {
    fn from(e: TagError) -> Self {
        SignatureError::Tags(e)
    }
}

/// What a signature tag means (RFC 6376 §3.5), for the tag-by-tag steps.
pub fn explain_tag(name: &str) -> Tr {
    match name {
        "v" => Tr::new("v= version: must be 1 (RFC 6376 §3.5).", "v= 版本：必须是 1（RFC 6376 §3.5）。"),
        "a" => Tr::new("a= algorithm: rsa-sha256 (RFC 6376 §3.3) or ed25519-sha256 (RFC 8463 §3); the key record's k= must match.", "a= 算法：rsa-sha256（RFC 6376 §3.3）或 ed25519-sha256（RFC 8463 §3）；密钥记录的 k= 必须与之对应。"),
        "c" => Tr::new("c= canonicalization, header/body: simple or relaxed (§3.4); default simple/simple. Relaxed survives re-folding and whitespace changes.", "c= 规范化方式，邮件头/正文：simple 或 relaxed（§3.4）；默认 simple/simple。relaxed 能容忍重新折行和空白变化。"),
        "d" => Tr::new("d= signing domain: the domain that takes responsibility; the key is looked up under it, and DMARC aligns it with From: (RFC 7489 §3.1.1).", "d= 签名域：为邮件负责的域；在它下面查找密钥，DMARC 把它与 From: 对齐比较（RFC 7489 §3.1.1）。"),
        "s" => Tr::new("s= selector: the key is published at <s>._domainkey.<d> (§3.6.2.1).", "s= 选择器：公钥发布在 <s>._domainkey.<d>（§3.6.2.1）。"),
        "h" => Tr::new("h= signed header fields, colon-separated, taken from the bottom up; a name listed more often than the field occurs signs its absence (§3.5, §5.4.2).", "h= 被签名的邮件头字段，冒号分隔，从下往上取；名字列出的次数多于字段出现次数，就表示“不存在”也被签名了（§3.5、§5.4.2）。"),
        "bh" => Tr::new("bh= body hash: base64 of the hash of the canonicalized body (§3.7).", "bh= 正文哈希：规范化后正文的哈希的 base64（§3.7）。"),
        "b" => Tr::new("b= signature: base64 of the signature over the header hash input; it is emptied when that input is built (§3.7).", "b= 签名：对邮件头哈希输入的签名的 base64；构造该输入时它被置空（§3.7）。"),
        "i" => Tr::new("i= agent or user identifier: in d= or a subdomain of it; default @<d> (§3.5).", "i= 代理或用户标识：属于 d= 或其子域；默认 @<d>（§3.5）。"),
        "l" => Tr::new("l= body length: only this many octets of the canonicalized body are signed; anything appended later (a footer, or an attacker's text) is not covered (§8.2).", "l= 正文长度：只对规范化后正文的前这么多字节签名；之后追加的内容（页脚，或攻击者的文字）不受保护（§8.2）。"),
        "q" => Tr::new("q= query method: dns/txt, the only one defined (§3.5).", "q= 查询方式：dns/txt，唯一定义的方式（§3.5）。"),
        "t" => Tr::new("t= signature timestamp, seconds since 1970 UTC (§3.5).", "t= 签名时间戳，自 1970 年起的秒数（UTC）（§3.5）。"),
        "x" => Tr::new("x= expiration, seconds since 1970 UTC: after it verifiers may treat the signature as failed (§3.5).", "x= 过期时间，自 1970 年起的秒数（UTC）：此后验证方可把签名视为失败（§3.5）。"),
        "z" => Tr::new("z= copied header fields, for diagnostics only (§3.5).", "z= 复制的邮件头字段，仅供诊断（§3.5）。"),
        _ => Tr::new("An unknown tag: verifiers ignore it (§3.2).", "未知标签：验证方忽略它（§3.2）。"),
    }
}

/// The stable step id of a tag's step.
pub fn tag_step_id(name: &str) -> &'static str {
    match name {
        "v" => "tag-v",
        "a" => "tag-a",
        "c" => "tag-c",
        "d" => "tag-d",
        "s" => "tag-s",
        "h" => "tag-h",
        "bh" => "tag-bh",
        "b" => "tag-b",
        "i" => "tag-i",
        "l" => "tag-l",
        "q" => "tag-q",
        "t" => "tag-t",
        "x" => "tag-x",
        "z" => "tag-z",
        _ => "tag-other",
    }
}

fn number(name: &'static str, value: &str) -> Result<u64, SignatureError> {
    let v = without_fws(value);
    if v.is_empty() || v.len() > 12 || !v.bytes().all(|b| b.is_ascii_digit()) {
        return Err(SignatureError::Number(name, value.to_string()));
    }
    v.parse()
        .map_err(|_| SignatureError::Number(name, value.to_string()))
}

/// Reads the value of a `DKIM-Signature` field (everything after the colon).
pub fn parse(value: &[u8]) -> Result<Signature, SignatureError> {
    let tags = tags::parse(value)?;
    let get = |n: &str| tags.iter().find(|t| t.name == n).map(|t| t.value.as_str());
    for required in ["v", "a", "b", "bh", "d", "h", "s"] {
        if get(required).is_none() {
            return Err(SignatureError::Missing(match required {
                "v" => "v",
                "a" => "a",
                "b" => "b",
                "bh" => "bh",
                "d" => "d",
                "h" => "h",
                _ => "s",
            }));
        }
    }
    let v = get("v").unwrap_or_default();
    if v != "1" {
        return Err(SignatureError::Version(v.to_string()));
    }
    let a = get("a").unwrap_or_default();
    let algorithm = match a.to_ascii_lowercase().as_str() {
        "rsa-sha256" => Algorithm::RsaSha256,
        "ed25519-sha256" => Algorithm::Ed25519Sha256,
        _ => return Err(SignatureError::Algorithm(a.to_string())),
    };
    let c = get("c").unwrap_or("simple/simple");
    let canon = |s: &str| match s.to_ascii_lowercase().as_str() {
        "simple" => Some(Canon::Simple),
        "relaxed" => Some(Canon::Relaxed),
        _ => None,
    };
    let (hc, bc) = match c.split_once('/') {
        Some((h, b)) => (canon(h), canon(b)),
        None => (canon(c), Some(Canon::Simple)),
    };
    let (Some(header_canon), Some(body_canon)) = (hc, bc) else {
        return Err(SignatureError::Canon(c.to_string()));
    };
    let domain = without_fws(get("d").unwrap_or_default()).to_ascii_lowercase();
    let selector = without_fws(get("s").unwrap_or_default());
    let headers: Vec<String> = get("h")
        .unwrap_or_default()
        .split(':')
        .map(without_fws)
        .filter(|h| !h.is_empty())
        .collect();
    if !headers.iter().any(|h| h.eq_ignore_ascii_case("from")) {
        return Err(SignatureError::FromNotSigned);
    }
    let body_hash = BASE64
        .decode(without_fws(get("bh").unwrap_or_default()))
        .map_err(|_| SignatureError::Base64("bh"))?;
    let signature = BASE64
        .decode(without_fws(get("b").unwrap_or_default()))
        .map_err(|_| SignatureError::Base64("b"))?;
    let identity = match get("i") {
        Some(i) => {
            let i = without_fws(i);
            let idom = i
                .rsplit_once('@')
                .map_or("", |(_, d)| d)
                .to_ascii_lowercase();
            if idom != domain && !idom.ends_with(&format!(".{domain}")) {
                return Err(SignatureError::IdentityDomain(i, domain));
            }
            i
        }
        None => format!("@{domain}"),
    };
    let body_length = get("l").map(|v| number("l", v)).transpose()?;
    let timestamp = get("t").map(|v| number("t", v)).transpose()?;
    let expiration = get("x").map(|v| number("x", v)).transpose()?;
    if let (Some(t), Some(x)) = (timestamp, expiration) {
        if x <= t {
            return Err(SignatureError::ExpiresBeforeSigned);
        }
    }
    Ok(Signature {
        tags,
        algorithm,
        header_canon,
        body_canon,
        domain,
        selector,
        headers,
        body_hash,
        signature,
        identity,
        body_length,
        timestamp,
        expiration,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = "v=1; a=rsa-sha256; d=example.com; s=sel; h=from:to; bh=AAAA; b=AAAA";

    #[test]
    fn defaults_and_required_tags() {
        let s = parse(GOOD.as_bytes()).unwrap();
        assert_eq!(
            (s.header_canon, s.body_canon),
            (Canon::Simple, Canon::Simple)
        );
        assert_eq!(s.identity, "@example.com");
        assert_eq!(s.headers, ["from", "to"]);
        let s = parse(format!("{GOOD}; c=relaxed").as_bytes()).unwrap();
        assert_eq!(
            (s.header_canon, s.body_canon),
            (Canon::Relaxed, Canon::Simple)
        );
    }

    #[test]
    fn bad_signatures_are_explained() {
        let cut = &GOOD[..GOOD.find("; b=").unwrap()];
        assert_eq!(parse(cut.as_bytes()), Err(SignatureError::Missing("b")));
        assert_eq!(
            parse(GOOD.replace("b=AAAA", "b=A!AA").as_bytes()),
            Err(SignatureError::Base64("b"))
        );
        assert_eq!(
            parse(GOOD.replace("rsa-sha256", "rsa-sha1").as_bytes()),
            Err(SignatureError::Algorithm("rsa-sha1".into()))
        );
        assert_eq!(
            parse(GOOD.replace("from:to", "to").as_bytes()),
            Err(SignatureError::FromNotSigned)
        );
        assert_eq!(
            parse(format!("{GOOD}; i=a@evil.example").as_bytes()),
            Err(SignatureError::IdentityDomain(
                "a@evil.example".into(),
                "example.com".into()
            ))
        );
        assert_eq!(
            parse(format!("{GOOD}; t=10; x=5").as_bytes()),
            Err(SignatureError::ExpiresBeforeSigned)
        );
        assert_eq!(
            parse(format!("{GOOD}; l=-1").as_bytes()),
            Err(SignatureError::Number("l", "-1".into()))
        );
        for e in [SignatureError::Missing("b"), SignatureError::FromNotSigned] {
            assert!(!e.describe(Lang::Zh).is_empty());
        }
    }
}
