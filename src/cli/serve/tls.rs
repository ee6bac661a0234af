//! Real TLS for `serve`: STARTTLS (RFC 3207) on the ordinary port and implicit TLS (RFC
//! 8314) on `--tls-listen`, with rustls. The certificate comes from `--cert`/`--key` (PEM
//! files), or is made at start for `--hostname` (self-signed, by rcgen); its SHA-256
//! fingerprint goes into the transcript so a client can pin it, and `--write-cert FILE`
//! saves it as PEM for clients that verify against a file.

use std::path::Path;
use std::sync::Arc;

use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};
use rustls::server::ServerConnection;
use sha2::{Digest, Sha256};
use tokio_rustls::TlsAcceptor;

/// The server's TLS: the acceptor and what to say about its certificate.
#[derive(Clone)]
pub(super) struct Tls {
    /// Accepts handshakes.
    pub acceptor: TlsAcceptor,
    /// Where the certificate came from, and its SHA-256 fingerprint.
    pub description: String,
}

/// The SHA-256 fingerprint as `AB:CD:…`, as `openssl x509 -fingerprint -sha256` prints it.
pub(super) fn fingerprint(der: &[u8]) -> String {
    Sha256::digest(der)
        .iter()
        .map(|b| format!("{b:02X}"))
        .collect::<Vec<_>>()
        .join(":")
}

/// Loads `--cert`/`--key`, or makes a self-signed certificate for `hostname` (and
/// `localhost`, `127.0.0.1`, `::1`). `write_cert` saves the certificate chain as PEM.
pub(super) fn setup(
    cert: Option<&Path>,
    key: Option<&Path>,
    hostname: &str,
    write_cert: Option<&Path>,
) -> Result<Tls, String> {
    let (chain, key, source) = match (cert, key) {
        (Some(cert), Some(key)) => {
            let chain = CertificateDer::pem_file_iter(cert)
                .and_then(|certs| certs.collect::<Result<Vec<_>, _>>())
                .map_err(|e| format!("cannot read the certificate {}: {e}", cert.display()))?;
            if chain.is_empty() {
                return Err(format!(
                    "{} holds no certificate (a PEM \"BEGIN CERTIFICATE\" block)",
                    cert.display()
                ));
            }
            let private = PrivateKeyDer::from_pem_file(key).map_err(|e| {
                format!(
                    "cannot read the private key {} (PEM, PKCS#8, PKCS#1 or SEC1): {e}",
                    key.display()
                )
            })?;
            (
                chain,
                private,
                format!("certificate from {}", cert.display()),
            )
        }
        (None, None) => {
            let names = vec![
                hostname.to_string(),
                "localhost".to_string(),
                "127.0.0.1".to_string(),
                "::1".to_string(),
            ];
            let made = rcgen::generate_simple_self_signed(names)
                .map_err(|e| format!("cannot make a self-signed certificate: {e}"))?;
            let der = made.cert.der().clone();
            let private =
                PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(made.key_pair.serialize_der()));
            (
                vec![der],
                private,
                format!("self-signed certificate for {hostname}, localhost, 127.0.0.1 and ::1 made at start"),
            )
        }
        _ => return Err("--cert and --key go together".to_string()),
    };
    if let Some(path) = write_cert {
        let pem: String = chain.iter().map(|der| pem_of(der)).collect();
        std::fs::write(path, pem)
            .map_err(|e| format!("cannot write the certificate to {}: {e}", path.display()))?;
    }
    let print = chain
        .first()
        .map(|der| fingerprint(der))
        .unwrap_or_default();
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| format!("TLS: {e}"))?
        .with_no_client_auth()
        .with_single_cert(chain, key)
        .map_err(|e| format!("the certificate and the key do not go together: {e}"))?;
    Ok(Tls {
        acceptor: TlsAcceptor::from(Arc::new(config)),
        description: format!("TLS: {source}; SHA-256 fingerprint {print}"),
    })
}

/// A certificate as a PEM block.
fn pem_of(der: &[u8]) -> String {
    use base64::Engine as _;
    let text = base64::engine::general_purpose::STANDARD.encode(der);
    let mut out = String::from("-----BEGIN CERTIFICATE-----\n");
    for line in text.as_bytes().chunks(64) {
        out.push_str(&String::from_utf8_lossy(line));
        out.push('\n');
    }
    out.push_str("-----END CERTIFICATE-----\n");
    out
}

/// What a finished handshake negotiated, for the transcript.
pub(super) fn negotiated(connection: &ServerConnection) -> String {
    let version_and_suite = super::super::tls_info::version_and_suite(connection);
    let sni = connection.server_name().unwrap_or("none");
    let alpn = connection.alpn_protocol().map_or_else(
        || "none".to_string(),
        |p| String::from_utf8_lossy(p).into_owned(),
    );
    format!("TLS handshake done: {version_and_suite}, SNI {sni}, ALPN {alpn}")
}
