//! The RSA and Ed25519 arithmetic of DKIM, and nothing else: the one file that uses the
//! `rsa` and `ed25519-dalek` crates (RustCrypto / dalek; what we teach is the composition,
//! not the bignum code). Keeping them here is the boundary the page can load lazily.
//!
//! - rsa-sha256 (RFC 6376 §3.3.1): RSASSA-PKCS1-v1_5 (RFC 8017 §8.2) over SHA-256; the
//!   signature opened with the public key is the block `00 01 FF…FF 00 DigestInfo hash`.
//! - ed25519-sha256 (RFC 8463 §3): PureEdDSA (RFC 8032) over the 32-octet SHA-256 hash of
//!   the header hash input — the hash is signed, not the input itself.

use ed25519_dalek::{Signer as _, Verifier as _};
use rsa::pkcs1::{DecodeRsaPrivateKey, DecodeRsaPublicKey};
use rsa::pkcs8::{DecodePrivateKey, DecodePublicKey, EncodePublicKey};
use rsa::traits::PublicKeyParts;
use rsa::{BigUint, Pkcs1v15Sign, RsaPrivateKey, RsaPublicKey};
use sha2::Sha256;

use crate::i18n::{Lang, Tr};

/// The DER prefix of a SHA-256 DigestInfo (RFC 8017 §9.2, note 1).
pub const SHA256_DIGEST_INFO: [u8; 19] = [
    0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05,
    0x00, 0x04, 0x20,
];

/// Why a key or signature cannot be used.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum CryptoError {
    /// `p=` is not an RSA public key.
    NotRsaKey,
    /// `p=` is not 32 octets / not a valid Ed25519 point.
    NotEd25519Key(usize),
    /// The RSA key is shorter than 1024 bits (RFC 8301 §3.2).
    RsaTooShort(usize),
    /// The signature has the wrong length for the key.
    SignatureLength {
        /// Octets expected.
        want: usize,
        /// Octets found.
        got: usize,
    },
    /// The private key could not be read.
    PrivateKey,
    /// Signing failed.
    Sign,
}

const NOT_RSA_KEY: Tr = Tr::new(
    "p= does not hold an RSA public key (DER SubjectPublicKeyInfo or RSAPublicKey): a key that is not a key, or a cut record.",
    "p= 不是 RSA 公钥（DER 格式的 SubjectPublicKeyInfo 或 RSAPublicKey）：不是密钥的密钥，或记录被截断。",
);
const NOT_ED25519_KEY: Tr = Tr::new(
    "p= has {n} octets; an Ed25519 key is exactly 32 octets, a valid curve point (RFC 8463 §4).",
    "p= 有 {n} 字节；Ed25519 公钥正好 32 字节，且必须是曲线上的有效点（RFC 8463 §4）。",
);
const RSA_TOO_SHORT: Tr = Tr::new(
    "The RSA key has {bits} bits; RFC 8301 §3.2: verifiers must not accept keys shorter than 1024 bits (signers use 2048).",
    "RSA 密钥只有 {bits} 位；RFC 8301 §3.2：验证方不得接受短于 1024 位的密钥（签名方应使用 2048 位）。",
);
const SIGNATURE_LENGTH: Tr = Tr::new(
    "b= decodes to {got} octets; this key makes {want}-octet signatures: the signature was cut, or made with another key.",
    "b= 解码后是 {got} 字节；此密钥的签名长度是 {want} 字节：签名被截断，或是用别的密钥生成的。",
);
const PRIVATE_KEY: Tr = Tr::new(
    "The private key cannot be read: RSA as PEM (BEGIN RSA PRIVATE KEY or BEGIN PRIVATE KEY), Ed25519 as the base64 of its 32-octet seed (RFC 8463 Appendix A).",
    "无法读取私钥：RSA 须为 PEM（BEGIN RSA PRIVATE KEY 或 BEGIN PRIVATE KEY），Ed25519 须为 32 字节种子的 base64（RFC 8463 附录 A）。",
);
const SIGN: Tr = Tr::new(
    "Signing failed (the key is too short for a SHA-256 DigestInfo).",
    "签名失败（密钥太短，放不下 SHA-256 的 DigestInfo）。",
);

impl CryptoError {
    /// The error in words.
    pub fn describe(&self, lang: Lang) -> String {
        match self {
            CryptoError::NotRsaKey => NOT_RSA_KEY.get(lang).to_owned(),
            CryptoError::NotEd25519Key(n) => NOT_ED25519_KEY.fill(lang, &[("n", &n)]),
            CryptoError::RsaTooShort(bits) => RSA_TOO_SHORT.fill(lang, &[("bits", &bits)]),
            CryptoError::SignatureLength { want, got } => {
                SIGNATURE_LENGTH.fill(lang, &[("got", &got), ("want", &want)])
            }
            CryptoError::PrivateKey => PRIVATE_KEY.get(lang).to_owned(),
            CryptoError::Sign => SIGN.get(lang).to_owned(),
        }
    }
}

/// An RSA public key from `p=`, and its size in bits.
pub fn rsa_public(der: &[u8]) -> Result<(RsaPublicKey, usize), CryptoError> {
    let key = RsaPublicKey::from_public_key_der(der)
        .or_else(|_| RsaPublicKey::from_pkcs1_der(der))
        .map_err(|_| CryptoError::NotRsaKey)?;
    let bits = key.n().bits();
    Ok((key, bits))
}

/// The block a valid signature opens to: `00 01 FF…FF 00 DigestInfo hash` (RFC 8017 §9.2).
pub fn expected_block(hash: &[u8], size: usize) -> Vec<u8> {
    let t_len = SHA256_DIGEST_INFO.len() + hash.len();
    let pad = size.saturating_sub(t_len + 3);
    let mut em = vec![0x00, 0x01];
    em.extend(std::iter::repeat_n(0xff, pad));
    em.push(0x00);
    em.extend_from_slice(&SHA256_DIGEST_INFO);
    em.extend_from_slice(hash);
    em
}

/// The signature opened with the public key (s^e mod n), as `size` octets.
pub fn rsa_open(key: &RsaPublicKey, signature: &[u8]) -> Result<Vec<u8>, CryptoError> {
    let size = key.size();
    if signature.len() != size {
        return Err(CryptoError::SignatureLength {
            want: size,
            got: signature.len(),
        });
    }
    let s = BigUint::from_bytes_be(signature);
    let m = rsa::hazmat::rsa_encrypt(key, &s).map_err(|_| CryptoError::SignatureLength {
        want: size,
        got: signature.len(),
    })?;
    let bytes = m.to_bytes_be();
    let mut out = vec![0u8; size.saturating_sub(bytes.len())];
    out.extend_from_slice(&bytes);
    Ok(out)
}

/// RSASSA-PKCS1-v1_5 verification of a SHA-256 hash.
pub fn rsa_verify(key: &RsaPublicKey, hash: &[u8], signature: &[u8]) -> bool {
    key.verify(Pkcs1v15Sign::new::<Sha256>(), hash, signature)
        .is_ok()
}

/// An RSA private key from PEM (PKCS #1 or PKCS #8).
pub fn rsa_private(pem: &str) -> Result<RsaPrivateKey, CryptoError> {
    let pem = pem.trim();
    let key = RsaPrivateKey::from_pkcs1_pem(pem)
        .or_else(|_| RsaPrivateKey::from_pkcs8_pem(pem))
        .map_err(|_| CryptoError::PrivateKey)?;
    // RFC 8301 §3.2: signers MUST use at least 1024 bits, and verifiers refuse less: a
    // signature made with such a key would fail everywhere, ours included.
    let bits = key.n().bits();
    if bits < 1024 {
        return Err(CryptoError::RsaTooShort(bits));
    }
    Ok(key)
}

/// The DER SubjectPublicKeyInfo of a private key's public half (what `p=` publishes).
pub fn rsa_public_der(key: &RsaPrivateKey) -> Result<Vec<u8>, CryptoError> {
    key.to_public_key()
        .to_public_key_der()
        .map(|d| d.as_bytes().to_vec())
        .map_err(|_| CryptoError::PrivateKey)
}

/// RSASSA-PKCS1-v1_5 signature of a SHA-256 hash (deterministic: no randomness needed).
pub fn rsa_sign(key: &RsaPrivateKey, hash: &[u8]) -> Result<Vec<u8>, CryptoError> {
    key.sign(Pkcs1v15Sign::new::<Sha256>(), hash)
        .map_err(|_| CryptoError::Sign)
}

/// Ed25519 verification of the hash.
pub fn ed25519_verify(public: &[u8], hash: &[u8], signature: &[u8]) -> Result<bool, CryptoError> {
    let bytes: [u8; 32] = public
        .try_into()
        .map_err(|_| CryptoError::NotEd25519Key(public.len()))?;
    let key = ed25519_dalek::VerifyingKey::from_bytes(&bytes)
        .map_err(|_| CryptoError::NotEd25519Key(public.len()))?;
    let sig: [u8; 64] = signature
        .try_into()
        .map_err(|_| CryptoError::SignatureLength {
            want: 64,
            got: signature.len(),
        })?;
    Ok(key
        .verify(hash, &ed25519_dalek::Signature::from_bytes(&sig))
        .is_ok())
}

/// An Ed25519 private key: the base64 of its 32-octet seed (as RFC 8463 Appendix A.1
/// publishes it); returns the seed.
pub fn ed25519_seed(base64_seed: &str) -> Result<[u8; 32], CryptoError> {
    use base64::Engine as _;
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(super::tags::without_fws(base64_seed))
        .map_err(|_| CryptoError::PrivateKey)?;
    bytes.try_into().map_err(|_| CryptoError::PrivateKey)
}

/// The public key of a seed (what `p=` publishes).
pub fn ed25519_public(seed: &[u8; 32]) -> [u8; 32] {
    ed25519_dalek::SigningKey::from_bytes(seed)
        .verifying_key()
        .to_bytes()
}

/// Ed25519 signature of the hash.
pub fn ed25519_sign(seed: &[u8; 32], hash: &[u8]) -> [u8; 64] {
    ed25519_dalek::SigningKey::from_bytes(seed)
        .sign(hash)
        .to_bytes()
}
