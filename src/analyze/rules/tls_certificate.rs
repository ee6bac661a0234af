//! The client stopped the TLS handshake because it could not verify the server's
//! certificate: self-signed, issued by an authority it does not know (often a missing
//! intermediate), expired, or for another name than the one it connected to. As the programs
//! print it (recorded against `smtp-trainer serve`'s self-signed certificate): Python's
//! `ssl.SSLCertVerificationError: [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify
//! failed: self-signed certificate` (and `Hostname mismatch, certificate is not valid for
//! '…'`), curl's `(60) SSL certificate problem: self-signed certificate`, swaks' `TLS startup
//! failed (… certificate verify failed)`, msmtp's `TLS certificate verification failed: The
//! certificate is NOT trusted`. RFC 3207 §4.1 (after STARTTLS the client decides whether the
//! server is the one it wanted).

use super::{Evidence, Rule};
use crate::analyze::{FindingKind, Severity};
use crate::i18n::Tr;

pub(crate) const RULE: Rule = Rule {
    cause: "tls-certificate-not-trusted",
    fix_id: "trust-or-fix-certificate",
    kind: FindingKind::ConnectionFailed,
    severity: Severity::Error,
    source: "RFC 3207 §4.1; Python's ssl, curl, swaks and msmtp as they report an unverified certificate",
    title: Tr::new(
        "The client does not trust the server's certificate",
        "客户端不信任服务器的证书",
    ),
    meaning: Tr::new(
        "The TLS handshake stopped because the client could not verify the server's certificate: it is self-signed, issued by an authority the client does not know (often the server leaves out the intermediate certificate), expired, or made out for another name than the host the client connected to. Nothing after STARTTLS was sent, so no password left the client.",
        "TLS 握手中止了，因为客户端无法验证服务器的证书：证书是自签名的、由客户端不认识的机构签发（常见原因是服务器没有发送中间证书）、已过期，或者证书上的名字不是客户端所连接的主机名。STARTTLS 之后什么都没有发送，所以密码没有离开客户端。",
    ),
    fix: Tr::new(
        "Connect with the host name the certificate names (smtp.example.com, not an IP address or another alias). On the server, use a certificate from a public authority (Let's Encrypt, for one) with its whole chain (Postfix: smtpd_tls_chain_files, or the intermediate appended to smtpd_tls_cert_file), and renew it before it expires. For a test server's self-signed certificate, give the client that certificate to trust (curl --cacert, Python's ssl.create_default_context(cafile=…), swaks --tls-ca-path, msmtp's tls_trust_file) instead of turning verification off.",
        "用证书上写的主机名连接（smtp.example.com，而不是 IP 地址或别的别名）。在服务器上使用公共证书机构（例如 Let's Encrypt）签发的证书，并配上完整的证书链（Postfix：smtpd_tls_chain_files，或把中间证书追加到 smtpd_tls_cert_file），在到期前续期。对于测试服务器的自签名证书，请让客户端信任这张证书（curl --cacert、Python 的 ssl.create_default_context(cafile=…)、swaks --tls-ca-path、msmtp 的 tls_trust_file），而不是关闭验证。",
    ),
};

/// The words a client program's message uses for an unverified certificate, lower-case.
pub(crate) const WORDS: [&str; 21] = [
    "certificate verify failed",
    "certificate_verify_failed",
    "ssl certificate problem",
    "certificate verification failed",
    "certificate is not trusted",
    "self-signed certificate",
    "self signed certificate",
    "unable to get local issuer certificate",
    "unable to verify the first certificate",
    "certificate has expired",
    "hostname mismatch, certificate is not valid",
    "pkix path building failed",
    "remote certificate is invalid",
    "远程证书无效",
    "not in the cert's altnames",
    "depth_zero_self_signed_cert",
    "self_signed_cert_in_chain",
    // Go's crypto/x509 and PHP's stream layer (PHPMailer) for a name the certificate
    // does not hold.
    "x509: certificate",
    "certificate is valid for",
    "did not match expected cn",
    // Outlook's 0x800CCC01 (the name) and 0x800CCC02 (the dates).
    "ixp_e_invalid_cert_",
];

pub(super) fn applies(e: &Evidence<'_>) -> bool {
    e.has(&WORDS)
}
