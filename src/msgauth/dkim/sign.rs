//! The signer (RFC 6376 §5), step by step: canonicalize and hash the body, build the
//! `DKIM-Signature` field with `b=` empty, hash the signed header fields and that field,
//! sign the hash, put the signature into `b=`.
//!
//! Sans-IO: the key and the timestamp are arguments. RSA PKCS#1 v1.5 and Ed25519 are both
//! deterministic, so RFC 8463 Appendix A's signatures reproduce octet for octet.

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;
use sha2::{Digest, Sha256};

use super::canon::{self, Changes};
use super::crypto::{self, CryptoError};
use super::input;
use super::message::{self, MessageError};
use super::{Algorithm, Canon};
use crate::i18n::{Lang, Tr};
use crate::sasl::trace::{Trace, View};

/// A private key.
#[derive(Clone, Debug)]
pub enum PrivateKey {
    /// RSA, PEM (PKCS #1 or #8).
    Rsa(String),
    /// Ed25519, the base64 of the 32-octet seed.
    Ed25519(String),
}

/// What to sign and how.
#[derive(Clone, Debug)]
pub struct SignInput<'a> {
    /// The message (bare LFs are made CRLF).
    pub message: &'a [u8],
    /// `d=`.
    pub domain: &'a str,
    /// `s=`.
    pub selector: &'a str,
    /// The key; its kind sets `a=`.
    pub key: PrivateKey,
    /// `c=` header part.
    pub header_canon: Canon,
    /// `c=` body part.
    pub body_canon: Canon,
    /// `h=`; empty: the fields of [`DEFAULT_HEADERS`] the message has, with From listed
    /// once more than it occurs (RFC 6376 §8.15).
    pub headers: Vec<String>,
    /// `t=`, when given.
    pub timestamp: Option<u64>,
    /// `x=`, when given.
    pub expiration: Option<u64>,
}

/// The fields signed by default (RFC 6376 §5.4.1's recommended set, abridged).
pub const DEFAULT_HEADERS: [&str; 9] = [
    "from",
    "to",
    "cc",
    "subject",
    "date",
    "message-id",
    "reply-to",
    "mime-version",
    "content-type",
];

/// Why a message could not be signed.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum SignError {
    /// The message.
    Message(MessageError),
    /// The key.
    Crypto(CryptoError),
    /// `d=` or `s=` is empty or has characters a domain cannot.
    Name(String),
    /// The message has no From: (RFC 6376 §5.4: it must be signed).
    NoFrom,
    /// No `DKIM-Signature` field at that index (re-signing).
    NoSignature,
    /// The existing signature field does not parse (re-signing).
    Signature(super::signature::SignatureError),
}

const NAME: Tr = Tr::new(
    "{n} is not a domain or selector (letters, digits, hyphens and dots).",
    "{n} 不是合法的域名或选择器（字母、数字、连字符和点）。",
);
const NO_FROM: Tr = Tr::new(
    "The message has no From: field, which RFC 6376 §5.4 requires to be signed.",
    "邮件没有 From: 字段，而 RFC 6376 §5.4 要求必须对它签名。",
);
const NO_SIGNATURE: Tr = Tr::new(
    "The message has no DKIM-Signature field there.",
    "邮件在该位置没有 DKIM-Signature 字段。",
);

impl SignError {
    /// The error in words.
    pub fn describe(&self, lang: Lang) -> String {
        match self {
            SignError::Message(e) => e.describe(lang),
            SignError::Crypto(e) => e.describe(lang),
            SignError::Name(n) => NAME.fill(lang, &[("n", &format!("{n:?}"))]),
            SignError::NoFrom => NO_FROM.get(lang).to_owned(),
            SignError::NoSignature => NO_SIGNATURE.get(lang).to_owned(),
            SignError::Signature(e) => e.describe(lang),
        }
    }
}

/// What the signer produced.
#[derive(Clone, Debug, Default)]
pub struct SignReport {
    /// The steps.
    pub trace: Trace,
    /// The `DKIM-Signature` field, with its final CRLF.
    pub field: Vec<u8>,
    /// The signed message: the field on top of the message (with CRLF line ends).
    pub signed: Vec<u8>,
    /// The key record to publish at `selector._domainkey.domain`.
    pub key_record: String,
    /// What canonicalization changed.
    pub header_changes: Changes,
    /// What canonicalization changed in the body.
    pub body_changes: Changes,
}

fn good_name(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.' || b == b'_')
}

enum Key {
    Rsa(Box<rsa::RsaPrivateKey>),
    Ed25519([u8; 32]),
}

impl Key {
    fn algorithm(&self) -> Algorithm {
        match self {
            Key::Rsa(_) => Algorithm::RsaSha256,
            Key::Ed25519(_) => Algorithm::Ed25519Sha256,
        }
    }

    fn record(&self) -> Result<String, CryptoError> {
        Ok(match self {
            Key::Rsa(k) => format!(
                "v=DKIM1; k=rsa; p={}",
                BASE64.encode(crypto::rsa_public_der(k)?)
            ),
            Key::Ed25519(seed) => format!(
                "v=DKIM1; k=ed25519; p={}",
                BASE64.encode(crypto::ed25519_public(seed))
            ),
        })
    }

    fn sign(&self, hash: &[u8], trace: &mut Trace) -> Result<Vec<u8>, CryptoError> {
        match self {
            Key::Rsa(k) => {
                use rsa::traits::PublicKeyParts;
                trace.push(
                    "rsa-block",
                    Tr::new("The block RSA signs", "RSA 要签名的块"),
                    crypto::expected_block(hash, k.size()),
                    View::Hex,
                    Tr::new(
                        "RFC 8017 §9.2 EMSA-PKCS1-v1_5: 00 01, FF padding, 00, the SHA-256 DigestInfo, the header hash; the signature is this block to the power d mod n.",
                        "RFC 8017 §9.2 EMSA-PKCS1-v1_5：00 01、FF 填充、00、SHA-256 的 DigestInfo、邮件头哈希；签名就是这个块的 d 次方模 n。",
                    ),
                );
                crypto::rsa_sign(k, hash)
            }
            Key::Ed25519(seed) => Ok(crypto::ed25519_sign(seed, hash).to_vec()),
        }
    }
}

fn load(key: &PrivateKey) -> Result<Key, CryptoError> {
    match key {
        PrivateKey::Rsa(pem) => crypto::rsa_private(pem).map(|k| Key::Rsa(Box::new(k))),
        PrivateKey::Ed25519(seed) => crypto::ed25519_seed(seed).map(Key::Ed25519),
    }
}

/// Base64 folded for a header field: lines of at most 72 characters, continued with a tab.
fn fold_base64(text: &str) -> String {
    let mut out = String::new();
    for (n, chunk) in text.as_bytes().chunks(72).enumerate() {
        if n > 0 {
            out.push_str("\r\n\t");
        }
        out.push_str(&String::from_utf8_lossy(chunk));
    }
    out
}

/// Signs a message.
pub fn sign(input: &SignInput<'_>) -> Result<SignReport, SignError> {
    for n in [input.domain, input.selector] {
        if !good_name(n) {
            return Err(SignError::Name(n.to_string()));
        }
    }
    let key = load(&input.key).map_err(SignError::Crypto)?;
    let (bytes, _) = message::to_crlf(input.message);
    let msg = message::parse(&bytes).map_err(SignError::Message)?;
    let from_count = msg.fields.iter().filter(|f| f.is("from")).count();
    if from_count == 0 {
        return Err(SignError::NoFrom);
    }
    let headers: Vec<String> = if input.headers.is_empty() {
        let mut h: Vec<String> = DEFAULT_HEADERS
            .iter()
            .flat_map(|name| {
                let n = msg.fields.iter().filter(|f| f.is(name)).count();
                std::iter::repeat_n(name.to_string(), n)
            })
            .collect();
        h.push("from".into());
        h
    } else {
        input.headers.clone()
    };
    let mut r = SignReport::default();
    let canon_body = canon::body(&msg.body, input.body_canon, &mut r.body_changes);
    r.trace.push(
        "body-canonicalized",
        Tr::new("Body, canonicalized", "规范化后的正文"),
        canon_body.clone(),
        View::Text,
        Tr::new(
            "RFC 6376 §3.4.3/§3.4.4: the body as the chosen body canonicalization makes it.",
            "RFC 6376 §3.4.3/§3.4.4：按选定的正文规范化方式处理后的正文。",
        ),
    );
    let bh = BASE64.encode(Sha256::digest(&canon_body));
    r.trace.push(
        "body-hash",
        Tr::new(
            "Body hash: base64(SHA-256(body)) → bh=",
            "正文哈希：base64(SHA-256(正文)) → bh=",
        ),
        bh.clone().into_bytes(),
        View::Base64,
        Tr::new("RFC 6376 §3.7: goes into bh=.", "RFC 6376 §3.7：写入 bh=。"),
    );
    let algorithm = key.algorithm();
    let mut field = format!(
        "DKIM-Signature: v=1; a={}; c={}/{}; d={}; s={};\r\n\t",
        algorithm.name(),
        input.header_canon.name(),
        input.body_canon.name(),
        input.domain,
        input.selector
    );
    if let Some(t) = input.timestamp {
        field.push_str(&format!("t={t}; "));
    }
    if let Some(x) = input.expiration {
        field.push_str(&format!("x={x}; "));
    }
    field.push_str(&format!("h={};\r\n\tbh={bh};\r\n\tb=", headers.join(":")));
    let mut empty_b = field.clone().into_bytes();
    empty_b.extend_from_slice(b"\r\n");
    r.trace.push(
        "signature-field-template",
        Tr::new("The DKIM-Signature field, b= still empty", "b= 仍为空的 DKIM-Signature 字段"),
        empty_b.clone(),
        View::Text,
        Tr::new(
            "RFC 6376 §5.5: every tag is written before signing; b= stays empty, since the field signs itself without its b= value (§3.7).",
            "RFC 6376 §5.5：签名前写好所有标签；b= 留空，因为字段在不含 b= 值的情况下为自己签名（§3.7）。",
        ),
    );
    let signature = sign_field(
        &msg,
        &headers,
        &empty_b,
        input.header_canon,
        &key,
        &mut r.trace,
        &mut r.header_changes,
    )
    .map_err(SignError::Crypto)?;
    let b = BASE64.encode(&signature);
    r.trace.push(
        "signature",
        Tr::new("b=: base64 of the signature", "b=：签名的 base64"),
        b.clone().into_bytes(),
        View::Base64,
        Tr::new("RFC 6376 §3.5: the signature, base64-encoded, folded freely (whitespace in b= is ignored).", "RFC 6376 §3.5：签名的 base64，可任意折行（b= 中的空白被忽略）。"),
    );
    field.push_str(&fold_base64(&b));
    field.push_str("\r\n");
    r.field = field.into_bytes();
    r.trace.push(
        "signed-field",
        Tr::new(
            "The DKIM-Signature field, complete",
            "完整的 DKIM-Signature 字段",
        ),
        r.field.clone(),
        View::Text,
        Tr::new(
            "RFC 6376 §5.6: prepended to the message's header.",
            "RFC 6376 §5.6：加在邮件头的最前面。",
        ),
    );
    r.signed = [r.field.clone(), bytes].concat();
    r.key_record = key.record().map_err(SignError::Crypto)?;
    r.trace.push(
        "key-record",
        Tr::new("Key record to publish", "要发布的密钥记录"),
        r.key_record.clone().into_bytes(),
        View::Text,
        Tr::new(
            "RFC 6376 §3.6.1: publish as TXT at <selector>._domainkey.<domain> so verifiers find the public key.",
            "RFC 6376 §3.6.1：作为 TXT 发布在 <selector>._domainkey.<domain>，验证方据此找到公钥。",
        ),
    );
    Ok(r)
}

/// The signature of an existing `DKIM-Signature` field (its `b=` value ignored): the
/// header hash input and the hash as steps. RFC 8463's vectors are reproduced with it.
pub fn resign(
    message_bytes: &[u8],
    index: usize,
    key: &PrivateKey,
) -> Result<(Trace, Vec<u8>), SignError> {
    let key = load(key).map_err(SignError::Crypto)?;
    let msg = message::parse(message_bytes).map_err(SignError::Message)?;
    let at = (0..msg.fields.len())
        .filter(|&i| msg.fields[i].is("DKIM-Signature"))
        .nth(index)
        .ok_or(SignError::NoSignature)?;
    let sig = super::signature::parse(msg.fields[at].value()).map_err(SignError::Signature)?;
    let raw = msg.fields[at].raw.clone();
    let mut trace = Trace::default();
    let mut scratch = Changes::default();
    let mut rest = msg.clone();
    rest.fields.remove(at);
    let s = sign_field(
        &rest,
        &sig.headers,
        &raw,
        sig.header_canon,
        &key,
        &mut trace,
        &mut scratch,
    )
    .map_err(SignError::Crypto)?;
    Ok((trace, s))
}

fn sign_field(
    msg: &message::Message,
    headers: &[String],
    field: &[u8],
    canon: Canon,
    key: &Key,
    trace: &mut Trace,
    changes: &mut Changes,
) -> Result<Vec<u8>, CryptoError> {
    let picked = input::pick(&msg.fields, headers, None);
    let fields = input::signed_fields(&msg.fields, &picked, canon, changes);
    let sig_field = input::signature_field(field, canon, changes);
    let hash_input = [fields, sig_field].concat();
    trace.push(
        "header-hash-input",
        Tr::new("Header hash input", "邮件头哈希输入"),
        hash_input.clone(),
        View::Text,
        Tr::new(
            "RFC 6376 §5.4.2 and §3.7: the fields named in h=, picked from the bottom up and canonicalized, then this DKIM-Signature field canonicalized, without its final CRLF.",
            "RFC 6376 §5.4.2 与 §3.7：h= 列出的字段（从下往上取）规范化后依次排列，再加上规范化后的本 DKIM-Signature 字段，不带末尾 CRLF。",
        ),
    );
    let hash = Sha256::digest(&hash_input).to_vec();
    trace.push(
        "header-hash",
        Tr::new("Header hash: SHA-256(input)", "邮件头哈希：SHA-256(输入)"),
        hash.clone(),
        View::Hex,
        Tr::new(
            "RFC 6376 §3.7, RFC 8463 §3: the hash that is signed.",
            "RFC 6376 §3.7、RFC 8463 §3：被签名的哈希。",
        ),
    );
    key.sign(&hash, trace)
}
