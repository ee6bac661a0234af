//! The verifier (RFC 6376 §6.1): every step of checking one `DKIM-Signature`, with the
//! first step that fails named and, where the trainer can tell, why (a footer appended by
//! a mailing list, a header re-folded under `simple`, `l=` misuse, a key that does not
//! match, an expired `x=`).
//!
//! The key record is given (pasted, or found by the caller); the current time is an
//! argument. The steps go on after a failure where they can, so the learner sees every
//! value; the verdict is the first failure.

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;
use sha2::{Digest, Sha256};

use super::canon::{self, Changes};
use super::crypto::{self, CryptoError};
use super::input;
use super::key::{self, KeyError, KeyType};
use super::message::{self, MessageError, BARE_LF_NOTE};
use super::signature::{self, explain_tag, tag_step_id, Signature, SignatureError};
use super::{Algorithm, Canon};
use crate::i18n::{Lang, Tr};
use crate::sasl::trace::{Trace, View};

/// What to verify.
#[derive(Clone, Debug)]
pub struct VerifyInput<'a> {
    /// The whole message, header and body (bare LFs are made CRLF).
    pub message: &'a [u8],
    /// Which `DKIM-Signature` field, counting from the top (0 = the first).
    pub index: usize,
    /// The key record at `s._domainkey.d`, as pasted.
    pub key_record: &'a str,
    /// Now, in seconds since 1970 UTC, to check `x=`; `None` skips the check.
    pub now: Option<u64>,
}

/// Why the signature does not verify: the first failing step.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Failure {
    /// The message could not be read.
    Message(MessageError),
    /// No `DKIM-Signature` field at that index (how many there are).
    NoSignature(usize),
    /// The signature's tags.
    Signature(SignatureError),
    /// No key record was given (nothing published at `<s>._domainkey.<d>`).
    NoKeyRecord(String),
    /// The key record.
    KeyRecord(KeyError),
    /// `p=` is empty: the key was revoked (§3.6.1).
    KeyRevoked,
    /// `k=` does not fit `a=`.
    KeyTypeMismatch {
        /// `a=`.
        algorithm: Algorithm,
        /// `k=`.
        key_type: KeyType,
    },
    /// The key record's `h=` does not allow sha256.
    HashNotAllowed,
    /// The key says `t=s`, and `i=` is in a subdomain of `d=` (§3.6.1).
    IdentityNotSameDomain {
        /// `i=`'s domain.
        identity: String,
        /// `d=`.
        domain: String,
    },
    /// The key or the signature's length.
    Crypto(CryptoError),
    /// `x=` is in the past.
    Expired {
        /// `x=`.
        expiration: u64,
        /// The time given.
        now: u64,
    },
    /// `l=` is longer than the canonicalized body (§3.5: the signature fails).
    BodyShorterThanL {
        /// `l=`.
        l: u64,
        /// The canonicalized body's length.
        len: usize,
    },
    /// The body hash differs from `bh=`. When a prefix of the canonicalized body matches,
    /// text was appended after signing: how many octets were signed, and what was added.
    BodyHashMismatch {
        /// Octets of the canonicalized body that match `bh=`, when some prefix does.
        signed_octets: Option<usize>,
        /// What follows them (the footer).
        appended: Vec<u8>,
    },
    /// The signature fails with `c=simple` headers, and passes with a signed field's folds
    /// undone: a relay re-folded a header field.
    HeaderRefolded,
    /// RSA: the signature opens to a valid PKCS#1 block, but for another hash: the key is
    /// right and the signed header fields changed after signing.
    HeaderChanged,
    /// RSA: the signature does not open to a PKCS#1 block: made with another key (wrong
    /// selector, a rotated key, or a key record that is not the signer's).
    KeyMismatch,
    /// Ed25519: the signature does not verify (the key is wrong or a signed header field
    /// changed; Ed25519 cannot tell which).
    BadSignature,
}

const NO_SIGNATURE: Tr = Tr::new(
    "The message has no DKIM-Signature header field.",
    "邮件没有 DKIM-Signature 邮件头字段。",
);
const FAILURE_NO_SIGNATURE: Tr = Tr::new(
    "The message has only {n} DKIM-Signature field(s).",
    "邮件只有 {n} 个 DKIM-Signature 字段。",
);
const NO_KEY_RECORD: Tr = Tr::new(
    "No key record at {name}: the selector is wrong, or the record was never published (a receiver's DNS answers NXDOMAIN; RFC 6376 §6.1.2: PERMFAIL, no key for signature).",
    "{name} 没有密钥记录：选择器写错了，或者记录从未发布（接收方的 DNS 回答 NXDOMAIN；RFC 6376 §6.1.2：PERMFAIL，找不到签名对应的密钥）。",
);
const KEY_REVOKED: Tr = Tr::new(
    "The key record's p= is empty: the domain revoked this key (RFC 6376 §3.6.1).",
    "密钥记录的 p= 为空：该域已吊销这个密钥（RFC 6376 §3.6.1）。",
);
const KEY_TYPE_MISMATCH: Tr = Tr::new(
    "a={algorithm} needs a k={needs} key, and the record's k= is {key_type}: the selector points at another key.",
    "a={algorithm} 需要 k={needs} 的密钥，而记录的 k= 是 {key_type}：选择器指向了另一把密钥。",
);
const HASH_NOT_ALLOWED: Tr = Tr::new(
    "The key record's h= does not list sha256 (RFC 6376 §3.6.1).",
    "密钥记录的 h= 没有列出 sha256（RFC 6376 §3.6.1）。",
);
const EXPIRED: Tr = Tr::new(
    "x={expiration} is before now ({now}): the signature expired {ago} s ago (RFC 6376 §3.5).",
    "x={expiration} 早于现在（{now}）：签名已过期 {ago} 秒（RFC 6376 §3.5）。",
);
const BODY_SHORTER_THAN_L: Tr = Tr::new(
    "l={l} but the canonicalized body has only {len} octets: the body was shortened, or l= counted the raw body instead of the canonicalized one (RFC 6376 §3.5).",
    "l={l}，但规范化后的正文只有 {len} 字节：正文被截短了，或者 l= 数的是原始正文而不是规范化后的正文（RFC 6376 §3.5）。",
);
const BODY_HASH_MISMATCH: Tr = Tr::new(
    "The body hash differs from bh=, but the first {n} octets of the canonicalized body hash to bh=: {appended} octets were appended after signing — typically a mailing list's footer or an antivirus notice.",
    "正文哈希与 bh= 不同，但规范化正文的前 {n} 字节的哈希正好等于 bh=：签名之后被追加了 {appended} 字节——通常是邮件列表的页脚或杀毒软件的提示。",
);
const FAILURE_BODY_HASH_MISMATCH: Tr = Tr::new(
    "The body hash differs from bh=: the body changed after signing (re-encoded by a relay, a footer inserted, lines re-wrapped), or the signer hashed other bytes (RFC 6376 §3.7).",
    "正文哈希与 bh= 不同：签名后正文被改动了（中继重新编码、插入页脚、重新折行），或者签名方哈希的是别的字节（RFC 6376 §3.7）。",
);
const HEADER_REFOLDED: Tr = Tr::new(
    "The signature fails with c=simple for the header, and verifies once a signed header field's folds are undone: a relay re-folded the field in transit. simple canonicalization keeps every fold (§3.4.1); sign with c=relaxed/… to survive re-folding.",
    "邮件头用 c=simple 时签名失败，而把某个被签名字段的折行还原后就能通过：中继在传输中对该字段重新折了行。simple 规范化保留每一处折行（§3.4.1）；签名时用 c=relaxed/… 就能容忍重新折行。",
);
const HEADER_CHANGED: Tr = Tr::new(
    "The signature opens with this key to a well-formed PKCS#1 block, but it holds another hash: the key is right, and a signed header field (or the DKIM-Signature itself) changed after signing.",
    "用此公钥打开签名得到格式正确的 PKCS#1 块，但里面是另一个哈希：密钥没错，是某个被签名的邮件头字段（或 DKIM-Signature 本身）在签名后被改动了。",
);
const KEY_MISMATCH: Tr = Tr::new(
    "The signature does not open to a PKCS#1 block with this key: it was made with another key — the wrong selector, a rotated key, or a record that is not the signer's.",
    "用此公钥打开签名得不到 PKCS#1 块：签名是用别的密钥生成的——选择器不对、密钥已轮换，或者记录不是签名方的。",
);
const BAD_SIGNATURE: Tr = Tr::new(
    "The Ed25519 signature does not verify: the key is not the signer's, or a signed header field changed (Ed25519 cannot tell which).",
    "Ed25519 签名验证失败：密钥不是签名方的，或者某个被签名的邮件头字段被改动了（Ed25519 无法区分是哪种）。",
);

const NOT_SAME_DOMAIN: Tr = Tr::new(
    "The key record says t=s: i= must be in d={d} itself, and its domain is {i}, a subdomain (RFC 6376 §3.6.1); the signature does not count.",
    "密钥记录写明 t=s：i= 必须就在 d={d} 本身，而它的域是 {i}，是子域（RFC 6376 §3.6.1）；该签名不算数。",
);

impl Failure {
    /// The id of the step that failed.
    pub fn step(&self) -> &'static str {
        match self {
            Failure::Message(_) => "message",
            Failure::NoSignature(_) | Failure::Signature(_) => "signature-field",
            Failure::NoKeyRecord(_)
            | Failure::KeyRecord(_)
            | Failure::KeyRevoked
            | Failure::HashNotAllowed
            | Failure::IdentityNotSameDomain { .. } => "key-record",
            Failure::KeyTypeMismatch { .. } => "key-record",
            Failure::Crypto(CryptoError::SignatureLength { .. }) => "signature-check",
            Failure::Crypto(_) => "key-record",
            Failure::Expired { .. } => "tag-x",
            Failure::BodyShorterThanL { .. } => "body-length",
            Failure::BodyHashMismatch { .. } => "body-hash-compare",
            Failure::HeaderRefolded => "header-hash-input",
            Failure::HeaderChanged | Failure::KeyMismatch | Failure::BadSignature => {
                "signature-check"
            }
        }
    }

    /// The failure in words.
    pub fn describe(&self, lang: Lang) -> String {
        match self {
            Failure::Message(e) => e.describe(lang),
            Failure::NoSignature(0) => NO_SIGNATURE.get(lang).to_owned(),
            Failure::NoSignature(n) => FAILURE_NO_SIGNATURE.fill(lang, &[("n", &n)]),
            Failure::Signature(e) => e.describe(lang),
            Failure::NoKeyRecord(name) => NO_KEY_RECORD.fill(lang, &[("name", &name)]),
            Failure::KeyRecord(e) => e.describe(lang),
            Failure::KeyRevoked => KEY_REVOKED.get(lang).to_owned(),
            Failure::KeyTypeMismatch {
                algorithm,
                key_type,
            } => KEY_TYPE_MISMATCH.fill(
                lang,
                &[
                    ("algorithm", &algorithm.name()),
                    ("needs", &algorithm.key_type()),
                    ("key_type", &key_type_name(*key_type)),
                ],
            ),
            Failure::HashNotAllowed => HASH_NOT_ALLOWED.get(lang).to_owned(),
            Failure::IdentityNotSameDomain { identity, domain } => {
                NOT_SAME_DOMAIN.fill(lang, &[("i", &identity), ("d", &domain)])
            }
            Failure::Crypto(e) => e.describe(lang),
            Failure::Expired { expiration, now } => EXPIRED.fill(
                lang,
                &[
                    ("expiration", expiration),
                    ("now", now),
                    ("ago", &(now - expiration)),
                ],
            ),
            Failure::BodyShorterThanL { l, len } => {
                BODY_SHORTER_THAN_L.fill(lang, &[("l", &l), ("len", &len)])
            }
            Failure::BodyHashMismatch {
                signed_octets: Some(n),
                appended,
            } => BODY_HASH_MISMATCH.fill(lang, &[("n", &n), ("appended", &appended.len())]),
            Failure::BodyHashMismatch {
                signed_octets: None,
                ..
            } => FAILURE_BODY_HASH_MISMATCH.get(lang).to_owned(),
            Failure::HeaderRefolded => HEADER_REFOLDED.get(lang).to_owned(),
            Failure::HeaderChanged => HEADER_CHANGED.get(lang).to_owned(),
            Failure::KeyMismatch => KEY_MISMATCH.get(lang).to_owned(),
            Failure::BadSignature => BAD_SIGNATURE.get(lang).to_owned(),
        }
    }
}

fn key_type_name(k: KeyType) -> &'static str {
    match k {
        KeyType::Rsa => "rsa",
        KeyType::Ed25519 => "ed25519",
    }
}

/// Something worth knowing that is not a failure.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Note {
    /// Bare LFs were made CRLF (how many).
    BareLf(usize),
    /// The key record says `t=y`: the domain is testing.
    Testing,
    /// `l=` covers less than the body: this many octets are not signed.
    UnsignedTail(usize),
    /// The header field From: is listed once; an attacker can add a second From: that
    /// verifiers will not see as signed (§8.15: list it once more than it occurs).
    FromNotOversigned,
}

const BARE_LF: Tr = Tr::new("{note} ({n} line ends)", "{note}（{n} 处换行）");
const TESTING: Tr = Tr::new(
    "The key record has t=y: the domain is testing DKIM, and receivers must not treat this message differently because of it (RFC 6376 §3.6.1).",
    "密钥记录有 t=y：该域在测试 DKIM，接收方不得因此区别对待这封邮件（RFC 6376 §3.6.1）。",
);
const UNSIGNED_TAIL: Tr = Tr::new(
    "l= covers only part of the body: the last {n} octets are not signed, and anyone could have replaced them (RFC 6376 §8.2).",
    "l= 只覆盖了部分正文：最后 {n} 字节没有签名，任何人都可能替换它们（RFC 6376 §8.2）。",
);
const FROM_NOT_OVERSIGNED: Tr = Tr::new(
    "From is signed once: a second From: added later would not break this signature. Signers list it once more than it occurs (RFC 6376 §8.15).",
    "From 只签了一次：之后再加一个 From: 不会破坏签名。签名方应多列一次（RFC 6376 §8.15）。",
);

impl Note {
    /// The note in words.
    pub fn describe(&self, lang: Lang) -> String {
        match self {
            Note::BareLf(n) => BARE_LF.fill(lang, &[("note", &BARE_LF_NOTE.get(lang)), ("n", n)]),
            Note::Testing => TESTING.get(lang).to_owned(),
            Note::UnsignedTail(n) => UNSIGNED_TAIL.fill(lang, &[("n", &n)]),
            Note::FromNotOversigned => FROM_NOT_OVERSIGNED.get(lang).to_owned(),
        }
    }
}

/// Everything the verifier computed.
#[derive(Clone, Debug, Default)]
pub struct VerifyReport {
    /// The steps.
    pub trace: Trace,
    /// The signature, when it parsed.
    pub signature: Option<Signature>,
    /// How many `DKIM-Signature` fields the message has.
    pub signature_count: usize,
    /// What canonicalization changed in the signed header fields.
    pub header_changes: Changes,
    /// What canonicalization changed in the body.
    pub body_changes: Changes,
    /// The first failure; `None`: the signature verifies.
    pub failure: Option<Failure>,
    /// Notes.
    pub notes: Vec<Note>,
}

impl VerifyReport {
    /// Whether the signature verifies.
    pub fn pass(&self) -> bool {
        self.failure.is_none()
    }

    fn fail(&mut self, f: Failure) {
        if self.failure.is_none() {
            self.failure = Some(f);
        }
    }
}

const SIGNED_DATA_RSA: Tr = Tr::new(
    "The signature opened with the public key (s^e mod n, RFC 8017 §8.2.2): a valid one is 00 01 FF…FF 00, the SHA-256 DigestInfo prefix, then the header hash.",
    "用公钥打开签名（s^e mod n，RFC 8017 §8.2.2）：有效签名的结果是 00 01 FF…FF 00、SHA-256 的 DigestInfo 前缀，然后是邮件头哈希。",
);

/// Verifies one signature, step by step.
pub fn verify(input: &VerifyInput<'_>) -> VerifyReport {
    let mut r = VerifyReport::default();
    let msg = match message::parse(input.message) {
        Ok(m) => m,
        Err(e) => {
            r.fail(Failure::Message(e));
            return r;
        }
    };
    if msg.bare_lf_fixed > 0 {
        r.notes.push(Note::BareLf(msg.bare_lf_fixed));
    }
    let sig_fields: Vec<usize> = (0..msg.fields.len())
        .filter(|&i| msg.fields[i].is("DKIM-Signature"))
        .collect();
    r.signature_count = sig_fields.len();
    let Some(&sig_at) = sig_fields.get(input.index) else {
        r.fail(Failure::NoSignature(sig_fields.len()));
        return r;
    };
    let sig_raw = msg.fields[sig_at].raw.clone();
    r.trace.push(
        "signature-field",
        Tr::new("The DKIM-Signature header field", "DKIM-Signature 邮件头字段"),
        sig_raw.clone(),
        View::Text,
        Tr::new(
            "RFC 6376 §3.5: a tag=value list added by the signer above the fields it signs; a verifier checks each one (§6.1).",
            "RFC 6376 §3.5：签名方在被签名字段之上加入的 tag=value 列表；验证方逐一检查（§6.1）。",
        ),
    );
    let sig = match signature::parse(msg.fields[sig_at].value()) {
        Ok(s) => s,
        Err(e) => {
            if let SignatureError::Tags(_) = e {
            } else if let Ok(tags) = super::tags::parse(msg.fields[sig_at].value()) {
                for t in &tags {
                    r.trace.push(
                        tag_step_id(&t.name),
                        tag_label(&t.name),
                        t.value.clone(),
                        View::Text,
                        explain_tag(&t.name),
                    );
                }
            }
            r.fail(Failure::Signature(e));
            return r;
        }
    };
    for t in &sig.tags {
        r.trace.push(
            tag_step_id(&t.name),
            tag_label(&t.name),
            t.value.clone(),
            View::Text,
            explain_tag(&t.name),
        );
    }
    if let (Some(x), Some(now)) = (sig.expiration, input.now) {
        if x < now {
            r.fail(Failure::Expired { expiration: x, now });
        }
    }
    let from_count = msg.fields.iter().filter(|f| f.is("from")).count();
    if sig
        .headers
        .iter()
        .filter(|h| h.eq_ignore_ascii_case("from"))
        .count()
        <= from_count
    {
        r.notes.push(Note::FromNotOversigned);
    }

    // The key record.
    r.trace.push(
        "key-record",
        Tr::new(
            "Key record (TXT at <s>._domainkey.<d>)",
            "密钥记录（<s>._domainkey.<d> 的 TXT）",
        ),
        key::join_txt_strings(input.key_record).into_bytes(),
        View::Text,
        key::EXPLAIN,
    );
    let key = match key::parse(input.key_record) {
        _ if input.key_record.trim().is_empty() => {
            r.fail(Failure::NoKeyRecord(format!(
                "{}._domainkey.{}",
                sig.selector, sig.domain
            )));
            None
        }
        Ok(k) => Some(k),
        Err(e) => {
            r.fail(Failure::KeyRecord(e));
            None
        }
    };
    if let Some(k) = &key {
        if k.testing {
            r.notes.push(Note::Testing);
        }
        if k.public_key.is_empty() {
            r.fail(Failure::KeyRevoked);
        } else if k.key_type != expected_key_type(sig.algorithm) {
            r.fail(Failure::KeyTypeMismatch {
                algorithm: sig.algorithm,
                key_type: k.key_type,
            });
        } else if k
            .hashes
            .as_ref()
            .is_some_and(|h| !h.iter().any(|x| x == "sha256"))
        {
            r.fail(Failure::HashNotAllowed);
        } else if k.same_domain {
            let identity = sig
                .identity
                .rsplit_once('@')
                .map_or("", |(_, d)| d)
                .to_ascii_lowercase();
            if !identity.is_empty() && identity != sig.domain.to_ascii_lowercase() {
                r.fail(Failure::IdentityNotSameDomain {
                    identity,
                    domain: sig.domain.clone(),
                });
            }
        }
    }

    // The body.
    let canon_body = canon::body(&msg.body, sig.body_canon, &mut r.body_changes);
    r.trace.push(
        "body-canonicalized",
        Tr::new("Body, canonicalized", "规范化后的正文"),
        canon_body.clone(),
        View::Text,
        match sig.body_canon {
            Canon::Simple => Tr::new(
                "RFC 6376 §3.4.3 simple: the body as it is, except that empty lines at the end become none and the body ends in exactly one CRLF.",
                "RFC 6376 §3.4.3 simple：正文保持原样，只是末尾的空行去掉，并以恰好一个 CRLF 结尾。",
            ),
            Canon::Relaxed => Tr::new(
                "RFC 6376 §3.4.4 relaxed: whitespace at line ends ignored, runs of whitespace made one space, empty lines at the end ignored.",
                "RFC 6376 §3.4.4 relaxed：忽略行末空白，连续空白缩成一个空格，忽略末尾空行。",
            ),
        },
    );
    let mut hashed_body: &[u8] = &canon_body;
    if let Some(l) = sig.body_length {
        let len = canon_body.len();
        if l > len as u64 {
            r.fail(Failure::BodyShorterThanL { l, len });
        } else {
            let l = l as usize;
            if l < len {
                r.notes.push(Note::UnsignedTail(len - l));
            }
            hashed_body = &canon_body[..l];
        }
        r.trace.push(
            "body-length",
            Tr::new("Body cut to l= octets", "按 l= 截取的正文"),
            hashed_body.to_vec(),
            View::Text,
            Tr::new(
                "RFC 6376 §3.5 l=: only the first l octets of the canonicalized body are hashed; if the body is shorter the signature fails.",
                "RFC 6376 §3.5 l=：只对规范化正文的前 l 个字节求哈希；正文比 l 短则签名失败。",
            ),
        );
    }
    let body_hash = Sha256::digest(hashed_body).to_vec();
    r.trace.push(
        "body-hash",
        Tr::new("Body hash: base64(SHA-256(body))", "正文哈希：base64(SHA-256(正文))"),
        BASE64.encode(&body_hash).into_bytes(),
        View::Base64,
        Tr::new(
            "RFC 6376 §3.7: the hash of the canonicalized (and l=-cut) body, base64-encoded as in bh=.",
            "RFC 6376 §3.7：规范化（并按 l= 截取）后正文的哈希，按 bh= 的格式做 base64 编码。",
        ),
    );
    r.trace.push(
        "body-hash-compare",
        Tr::new("bh= from the signature", "签名中的 bh="),
        BASE64.encode(&sig.body_hash).into_bytes(),
        View::Base64,
        Tr::new(
            "RFC 6376 §6.1.3: the computed body hash must equal bh=; if not, the body changed after signing and the signature fails.",
            "RFC 6376 §6.1.3：算出的正文哈希必须等于 bh=；否则正文在签名后被改过，签名失败。",
        ),
    );
    if body_hash != sig.body_hash && sig.body_length.is_none_or(|l| l <= canon_body.len() as u64) {
        let prefix = signed_prefix(&canon_body, &sig.body_hash);
        r.fail(Failure::BodyHashMismatch {
            signed_octets: prefix,
            appended: prefix.map(|n| canon_body[n..].to_vec()).unwrap_or_default(),
        });
    }

    // The header.
    let picked = input::pick(&msg.fields, &sig.headers, Some(sig_at));
    let listing: String = picked
        .iter()
        .map(|p| match p.field {
            Some(i) => format!(
                "{} → #{}: {}",
                p.name,
                i + 1,
                String::from_utf8_lossy(&msg.fields[i].raw)
            ),
            None => format!("{} → (none: signs its absence)\r\n", p.name),
        })
        .collect();
    r.trace.push(
        "headers-picked",
        Tr::new("Signed header fields, as h= picks them", "按 h= 选出的被签名字段"),
        listing.into_bytes(),
        View::Text,
        Tr::new(
            "RFC 6376 §5.4.2: each name in h= takes the last instance not yet taken, from the bottom up; a name with no instance left adds nothing.",
            "RFC 6376 §5.4.2：h= 中每个名字取尚未取过的最后一个实例（从下往上）；没有剩余实例的名字不加入任何内容。",
        ),
    );
    let fields = input::signed_fields(
        &msg.fields,
        &picked,
        sig.header_canon,
        &mut r.header_changes,
    );
    r.trace.push(
        "headers-canonicalized",
        Tr::new("Signed header fields, canonicalized", "规范化后的被签名字段"),
        fields.clone(),
        View::Text,
        match sig.header_canon {
            Canon::Simple => Tr::new("RFC 6376 §3.4.1 simple: header fields exactly as received, folds and case and all.", "RFC 6376 §3.4.1 simple：字段与收到的完全一样，折行、大小写都不变。"),
            Canon::Relaxed => Tr::new("RFC 6376 §3.4.2 relaxed: names lower-cased, values unfolded, whitespace runs made one space, whitespace around the colon and at the end removed.", "RFC 6376 §3.4.2 relaxed：名字转小写，值展开折行，连续空白缩成一个空格，删除冒号两侧和末尾的空白。"),
        },
    );
    let sig_field = input::signature_field(&sig_raw, sig.header_canon, &mut r.header_changes);
    r.trace.push(
        "signature-field-without-b",
        Tr::new("The DKIM-Signature field with b= emptied, canonicalized", "b= 置空并规范化后的 DKIM-Signature 字段"),
        sig_field.clone(),
        View::Text,
        Tr::new(
            "RFC 6376 §3.7: the signature field itself is signed last, with the value of b= deleted and without its final CRLF.",
            "RFC 6376 §3.7：签名字段本身最后加入，b= 的值被删除，且不带末尾的 CRLF。",
        ),
    );
    let hash_input = [fields, sig_field].concat();
    r.trace.push(
        "header-hash-input",
        Tr::new("Header hash input", "邮件头哈希输入"),
        hash_input.clone(),
        View::Text,
        Tr::new(
            "RFC 6376 §3.7: the canonicalized signed fields, then the canonicalized signature field: exactly these octets are hashed.",
            "RFC 6376 §3.7：规范化的被签名字段，然后是规范化的签名字段：被哈希的正是这些字节。",
        ),
    );
    let header_hash = Sha256::digest(&hash_input).to_vec();
    r.trace.push(
        "header-hash",
        Tr::new("Header hash: SHA-256(input)", "邮件头哈希：SHA-256(输入)"),
        header_hash.clone(),
        View::Hex,
        Tr::new(
            "RFC 6376 §3.7 (and RFC 8463 §3 for Ed25519): the SHA-256 hash of the header hash input; this is what is signed.",
            "RFC 6376 §3.7（Ed25519 见 RFC 8463 §3）：邮件头哈希输入的 SHA-256；被签名的就是它。",
        ),
    );
    r.signature = Some(sig.clone());
    let Some(key) =
        key.filter(|k| !k.public_key.is_empty() && k.key_type == expected_key_type(sig.algorithm))
    else {
        return r;
    };

    // The signature.
    let ok = match sig.algorithm {
        Algorithm::RsaSha256 => {
            let (public, bits) = match crypto::rsa_public(&key.public_key) {
                Ok(k) => k,
                Err(e) => {
                    r.fail(Failure::Crypto(e));
                    return r;
                }
            };
            if bits < 1024 {
                r.fail(Failure::Crypto(CryptoError::RsaTooShort(bits)));
            }
            let opened = match crypto::rsa_open(&public, &sig.signature) {
                Ok(o) => o,
                Err(e) => {
                    r.fail(Failure::Crypto(e));
                    return r;
                }
            };
            let expected = crypto::expected_block(&header_hash, opened.len());
            r.trace.push(
                "rsa-expected",
                Tr::new("The block a valid signature opens to", "有效签名打开后应得到的块"),
                expected.clone(),
                View::Hex,
                Tr::new(
                    "RFC 8017 §9.2 EMSA-PKCS1-v1_5: 00 01, FF padding, 00, the DER DigestInfo for SHA-256 (3031300d060960864801650304020105000420), the header hash.",
                    "RFC 8017 §9.2 EMSA-PKCS1-v1_5：00 01、FF 填充、00、SHA-256 的 DER DigestInfo（3031300d060960864801650304020105000420）、邮件头哈希。",
                ),
            );
            r.trace.push(
                "signature-check",
                Tr::new("b= opened with the public key", "用公钥打开 b="),
                opened.clone(),
                View::Hex,
                SIGNED_DATA_RSA,
            );
            let ok = crypto::rsa_verify(&public, &header_hash, &sig.signature);
            if !ok {
                let prefix_len = expected.len() - header_hash.len();
                if opened.len() == expected.len() && opened[..prefix_len] == expected[..prefix_len]
                {
                    let other_hash = &opened[prefix_len..];
                    if sig.header_canon == Canon::Simple
                        && unfolded_hashes(&msg, &picked, &sig_raw)
                            .iter()
                            .any(|h| h == other_hash)
                    {
                        r.fail(Failure::HeaderRefolded);
                    } else {
                        r.fail(Failure::HeaderChanged);
                    }
                } else {
                    r.fail(Failure::KeyMismatch);
                }
            }
            ok
        }
        Algorithm::Ed25519Sha256 => {
            match crypto::ed25519_verify(&key.public_key, &header_hash, &sig.signature) {
                Ok(ok) => {
                    r.trace.push(
                    "signature-check",
                    Tr::new("Ed25519 verification of the header hash", "对邮件头哈希做 Ed25519 验证"),
                    if ok { b"valid".to_vec() } else { b"invalid".to_vec() },
                    View::Text,
                    Tr::new(
                        "RFC 8463 §3: Ed25519 (RFC 8032) verifies the 64-octet b= over the 32-octet header hash with the 32-octet key of p=.",
                        "RFC 8463 §3：Ed25519（RFC 8032）用 p= 的 32 字节公钥，验证 64 字节的 b= 对 32 字节邮件头哈希的签名。",
                    ),
                );
                    if !ok {
                        let refolded = sig.header_canon == Canon::Simple
                            && unfolded_hashes(&msg, &picked, &sig_raw).iter().any(|h| {
                                crypto::ed25519_verify(&key.public_key, h, &sig.signature)
                                    == Ok(true)
                            });
                        r.fail(if refolded {
                            Failure::HeaderRefolded
                        } else {
                            Failure::BadSignature
                        });
                    }
                    ok
                }
                Err(e) => {
                    r.fail(Failure::Crypto(e));
                    false
                }
            }
        }
    };
    r.trace.push(
        "verdict",
        Tr::new("Verdict", "结论"),
        if ok && r.failure.is_none() { b"pass".to_vec() } else { b"fail".to_vec() },
        View::Text,
        Tr::new(
            "RFC 6376 §6.1.3: pass only if the body hash matches bh= and the signature verifies over the header hash (and x= has not passed).",
            "RFC 6376 §6.1.3：只有正文哈希等于 bh=、签名对邮件头哈希验证通过（且 x= 未过期）才算通过。",
        ),
    );
    r
}

fn expected_key_type(a: Algorithm) -> KeyType {
    match a {
        Algorithm::RsaSha256 => KeyType::Rsa,
        Algorithm::Ed25519Sha256 => KeyType::Ed25519,
    }
}

/// The header hashes (simple canonicalization) had the signed fields not been re-folded:
/// every fold removed, or every fold with its whitespace made one space. A relay that
/// folds a long line, or turns a fold's tab into a space, breaks `c=simple`; if one of
/// these hashes is the one signed, that is what happened.
fn unfolded_hashes(
    msg: &message::Message,
    picked: &[input::Picked],
    sig_raw: &[u8],
) -> Vec<Vec<u8>> {
    let unfold = |raw: &[u8], joiner: Option<u8>| -> Vec<u8> {
        let body_end = if raw.ends_with(b"\r\n") {
            raw.len() - 2
        } else {
            raw.len()
        };
        let mut out = Vec::with_capacity(raw.len());
        let mut i = 0;
        while i < body_end {
            if raw[i] == b'\r' && raw.get(i + 1) == Some(&b'\n') {
                i += 2;
                if let Some(j) = joiner {
                    while i < body_end && matches!(raw[i], b' ' | b'\t') {
                        i += 1;
                    }
                    out.push(j);
                }
                continue;
            }
            out.push(raw[i]);
            i += 1;
        }
        out.extend_from_slice(&raw[body_end..]);
        out
    };
    let mut scratch = Changes::default();
    let sig_field = input::signature_field(sig_raw, Canon::Simple, &mut scratch);
    [None, Some(b' ')]
        .into_iter()
        .map(|joiner| {
            let mut data = Vec::new();
            for p in picked {
                if let Some(f) = p.field.and_then(|i| msg.fields.get(i)) {
                    data.extend(unfold(&f.raw, joiner));
                }
            }
            data.extend_from_slice(&sig_field);
            Sha256::digest(&data).to_vec()
        })
        .collect()
}

/// The length of the longest line-boundary prefix of `body` whose hash is `want` (the
/// footer diagnosis), in one pass.
fn signed_prefix(body: &[u8], want: &[u8]) -> Option<usize> {
    let mut hasher = Sha256::new();
    let mut found = None;
    let mut pos = 0;
    if hasher.clone().finalize().as_slice() == want {
        found = Some(0);
    }
    while pos < body.len() {
        let end = message::find_crlf(body, pos).map_or(body.len(), |i| i + 2);
        hasher.update(&body[pos..end]);
        pos = end;
        if pos < body.len() && hasher.clone().finalize().as_slice() == want {
            found = Some(pos);
        }
    }
    found
}

/// The label of a tag's step.
pub fn tag_label(name: &str) -> Tr {
    match name {
        "v" => Tr::new("v= version", "v= 版本"),
        "a" => Tr::new("a= algorithm", "a= 算法"),
        "c" => Tr::new("c= canonicalization", "c= 规范化"),
        "d" => Tr::new("d= signing domain", "d= 签名域"),
        "s" => Tr::new("s= selector", "s= 选择器"),
        "h" => Tr::new("h= signed header fields", "h= 被签名字段"),
        "bh" => Tr::new("bh= body hash", "bh= 正文哈希"),
        "b" => Tr::new("b= signature", "b= 签名"),
        "i" => Tr::new("i= identity", "i= 身份"),
        "l" => Tr::new("l= body length", "l= 正文长度"),
        "q" => Tr::new("q= query method", "q= 查询方式"),
        "t" => Tr::new("t= timestamp", "t= 时间戳"),
        "x" => Tr::new("x= expiration", "x= 过期时间"),
        "z" => Tr::new("z= copied header fields", "z= 复制的字段"),
        _ => Tr::new("Unknown tag", "未知标签"),
    }
}
