//! Real TLS for `send`, with rustls: STARTTLS (RFC 3207) when the engine's client asks for
//! it, or TLS from the first byte (RFC 8314, port 465). The server's certificate is
//! verified against Mozilla's roots (webpki-roots) and any `--ca-file`, for the name in
//! `--server`; `--insecure` accepts any certificate (still checking the handshake's
//! signatures), for a trainer's self-signed one. A failure names what failed — never a
//! silent fall back to clear text.

use std::io::{self, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::sync::Arc;

use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::{verify_tls12_signature, verify_tls13_signature, CryptoProvider};
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{
    CertificateError, ClientConfig, ClientConnection, DigitallySignedStruct, StreamOwned,
};

use crate::i18n::{Text, Tr};

/// A failure in both languages.
pub(super) type Why = Text;

const ALREADY_TLS: Tr = Tr::new("TLS is already active.", "TLS 已经启用。");
const HANDSHAKE_FAILED: Tr = Tr::new(
    "The TLS handshake with {host} failed: {error}.",
    "与 {host} 的 TLS 握手失败：{error}。",
);
const NOT_A_TLS_NAME: Tr = Tr::new(
    "{host} is not a name TLS can verify (a DNS name or an IP address).",
    "{host} 不是 TLS 可以校验的名称（应为域名或 IP 地址）。",
);
const TLS_SETUP: Tr = Tr::new("TLS: {error}", "TLS：{error}");
const CANNOT_READ_CERTIFICATES: Tr = Tr::new(
    "Cannot read the certificates in {path}: {error}.",
    "无法读取 {path} 中的证书：{error}。",
);
const NO_PEM_CERTIFICATE: Tr = Tr::new(
    "{path} holds no PEM certificate.",
    "{path} 中没有 PEM 证书。",
);
const UNTRUSTABLE_CERTIFICATE: Tr = Tr::new(
    "A certificate in {path} cannot be trusted: {error}.",
    "{path} 中的证书无法作为信任根：{error}。",
);
const EXPIRED: Tr = Tr::new(
    "The certificate of {host} has expired.",
    "{host} 的证书已过期。",
);
const WRONG_NAME: Tr = Tr::new(
    "The certificate is not for {host} (wrong name): connect with a name the certificate lists.",
    "证书不属于 {host}（名称不符）：请用证书中列出的名称连接。",
);
const UNKNOWN_ISSUER: Tr = Tr::new(
    "The certificate of {host} is issued by no authority this client trusts (self-signed, or a private CA). Pass --ca-file with the server's certificate (smtp-trainer serve --write-cert saves it), or --insecure for a trainer's self-signed one.",
    "{host} 的证书不是由本客户端信任的机构签发的（自签名或私有 CA）。用 --ca-file 指定服务器的证书（smtp-trainer serve --write-cert 可以保存它），或对训练用的自签名证书使用 --insecure。",
);
const CA_AS_SERVER: Tr = Tr::new(
    "The certificate of {host} is a CA certificate (basicConstraints CA:TRUE) used as the server's own: rustls refuses that, where OpenSSL-based clients accept it. Make the server's certificate with `-addext basicConstraints=critical,CA:FALSE` (openssl req -x509 gives CA:TRUE by default), or sign it with a separate CA; --insecure skips the check.",
    "{host} 的证书是 CA 证书（basicConstraints CA:TRUE），却被用作服务器自己的证书：rustls 拒绝这样做，而基于 OpenSSL 的客户端会接受。生成服务器证书时加上 `-addext basicConstraints=critical,CA:FALSE`（openssl req -x509 默认生成 CA:TRUE），或者用单独的 CA 签发；--insecure 会跳过这项检查。",
);
const PLAIN_TEXT_ANSWER: Tr = Tr::new(
    "{host} answered in plain text, not with TLS: this port does not speak TLS from the first byte. Use --security starttls (port 587 or 25), or the server's TLS port (465).",
    "{host} 用明文而不是 TLS 回答：这个端口并非从第一个字节起就使用 TLS。请使用 --security starttls（587 或 25 端口），或服务器的 TLS 端口（465）。",
);
const CERTIFICATE_REFUSED: Tr = Tr::new(
    "The certificate of {host} was refused: {error}.",
    "{host} 的证书被拒绝：{error}。",
);

/// The connection: clear, or inside TLS.
pub(super) enum Wire {
    /// Clear text.
    Plain(TcpStream),
    /// Inside TLS.
    Tls(Box<StreamOwned<ClientConnection, TcpStream>>),
    /// Given away during an upgrade that failed.
    Gone,
}

impl Read for Wire {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        match self {
            Wire::Plain(s) => s.read(buf),
            Wire::Tls(s) => s.read(buf),
            Wire::Gone => Ok(0),
        }
    }
}

impl Write for Wire {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Wire::Plain(s) => s.write(buf),
            Wire::Tls(s) => s.write(buf),
            Wire::Gone => Err(io::ErrorKind::NotConnected.into()),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Wire::Plain(s) => s.flush(),
            Wire::Tls(s) => s.flush(),
            Wire::Gone => Ok(()),
        }
    }
}

impl Wire {
    /// Closes: TLS's close_notify first, then the socket.
    pub(super) fn close(&mut self) {
        match self {
            Wire::Plain(s) => {
                let _ = s.shutdown(std::net::Shutdown::Both);
            }
            Wire::Tls(s) => {
                s.conn.send_close_notify();
                let _ = s.flush();
                let _ = s.sock.shutdown(std::net::Shutdown::Both);
            }
            Wire::Gone => {}
        }
    }

    /// Runs the handshake on the clear connection; on success the wire is inside TLS and
    /// the text says what was negotiated.
    pub(super) fn start_tls(&mut self, tls: &TlsSettings) -> Result<String, Why> {
        let Wire::Plain(tcp) = std::mem::replace(self, Wire::Gone) else {
            return Err(ALREADY_TLS.into());
        };
        let mut connection = ClientConnection::new(Arc::clone(&tls.config), tls.name.clone())
            .map_err(|e| describe(&e, &tls.host))?;
        let mut tcp = tcp;
        while connection.is_handshaking() {
            if let Err(err) = connection.complete_io(&mut tcp) {
                return Err(
                    match err
                        .get_ref()
                        .and_then(|inner| inner.downcast_ref::<rustls::Error>())
                    {
                        Some(tls_error) => describe(tls_error, &tls.host),
                        None => HANDSHAKE_FAILED.filled(&[("host", &tls.host), ("error", &err)]),
                    },
                );
            }
        }
        let said = super::tls_info::version_and_suite(&connection);
        *self = Wire::Tls(Box::new(StreamOwned::new(connection, tcp)));
        Ok(said)
    }
}

/// What the handshake needs: the configuration and the name to verify.
pub(super) struct TlsSettings {
    config: Arc<ClientConfig>,
    name: ServerName<'static>,
    host: String,
}

impl TlsSettings {
    /// Roots: Mozilla's and `ca_file`'s; or, with `insecure`, any certificate.
    pub(super) fn new(host: &str, ca_file: Option<&Path>, insecure: bool) -> Result<Self, Why> {
        let name = ServerName::try_from(host.to_string())
            .map_err(|_| NOT_A_TLS_NAME.filled(&[("host", &format!("{host:?}"))]))?;
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let builder = ClientConfig::builder_with_provider(Arc::clone(&provider))
            .with_safe_default_protocol_versions()
            .map_err(|e| TLS_SETUP.filled(&[("error", &e)]))?;
        let config = if insecure {
            builder
                .dangerous()
                .with_custom_certificate_verifier(Arc::new(AnyCertificate(provider)))
                .with_no_client_auth()
        } else {
            let mut roots = rustls::RootCertStore::empty();
            roots.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned());
            if let Some(path) = ca_file {
                let certs = CertificateDer::pem_file_iter(path)
                    .and_then(|c| c.collect::<Result<Vec<_>, _>>())
                    .map_err(|e| {
                        CANNOT_READ_CERTIFICATES.filled(&[("path", &path.display()), ("error", &e)])
                    })?;
                if certs.is_empty() {
                    return Err(NO_PEM_CERTIFICATE.filled(&[("path", &path.display())]));
                }
                for cert in certs {
                    roots.add(cert).map_err(|e| {
                        UNTRUSTABLE_CERTIFICATE.filled(&[("path", &path.display()), ("error", &e)])
                    })?;
                }
            }
            builder.with_root_certificates(roots).with_no_client_auth()
        };
        Ok(TlsSettings {
            config: Arc::new(config),
            name,
            host: host.to_string(),
        })
    }
}

/// A TLS failure in words: which check failed, and what to do.
fn describe(err: &rustls::Error, host: &str) -> Why {
    match err {
        rustls::Error::InvalidCertificate(CertificateError::Expired)
        | rustls::Error::InvalidCertificate(CertificateError::ExpiredContext { .. }) => {
            EXPIRED.filled(&[("host", &host)])
        }
        rustls::Error::InvalidCertificate(CertificateError::NotValidForName)
        | rustls::Error::InvalidCertificate(CertificateError::NotValidForNameContext { .. }) => {
            WRONG_NAME.filled(&[("host", &host)])
        }
        rustls::Error::InvalidCertificate(CertificateError::UnknownIssuer) => {
            UNKNOWN_ISSUER.filled(&[("host", &host)])
        }
        // webpki's error inside rustls' `Other`: only its name can be read without taking
        // webpki as a dependency of our own.
        rustls::Error::InvalidCertificate(other)
            if format!("{other:?}").contains("CaUsedAsEndEntity") =>
        {
            CA_AS_SERVER.filled(&[("host", &host)])
        }
        rustls::Error::InvalidCertificate(other) => {
            CERTIFICATE_REFUSED.filled(&[("host", &host), ("error", &format!("{other:?}"))])
        }
        // A TLS record's first octet is its content type; a plain-text reply's "2" of 220
        // is none of them.
        rustls::Error::InvalidMessage(rustls::InvalidMessage::InvalidContentType) => {
            PLAIN_TEXT_ANSWER.filled(&[("host", &host)])
        }
        other => HANDSHAKE_FAILED.filled(&[("host", &host), ("error", other)]),
    }
}

/// `--insecure`: any certificate is accepted; the handshake's signatures are still checked
/// (so the peer holds the key of the certificate it showed).
#[derive(Debug)]
struct AnyCertificate(Arc<CryptoProvider>);

impl ServerCertVerifier for AnyCertificate {
    fn verify_server_cert(
        &self,
        _end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp_response: &[u8],
        _now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        verify_tls12_signature(
            message,
            cert,
            dss,
            &self.0.signature_verification_algorithms,
        )
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        verify_tls13_signature(
            message,
            cert,
            dss,
            &self.0.signature_verification_algorithms,
        )
    }

    fn supported_verify_schemes(&self) -> Vec<rustls::SignatureScheme> {
        self.0.signature_verification_algorithms.supported_schemes()
    }
}
