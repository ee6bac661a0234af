//! What a finished TLS handshake negotiated, in the words both `serve`'s transcript and
//! `send`'s dialog use: `TLSv1_3, TLS13_AES_256_GCM_SHA384`.

use rustls::CommonState;

/// The protocol version and the cipher suite of a connection (either side).
pub(super) fn version_and_suite(state: &CommonState) -> String {
    let version = state
        .protocol_version()
        .map_or_else(|| "?".to_string(), |v| format!("{v:?}"));
    let suite = state
        .negotiated_cipher_suite()
        .map_or_else(|| "?".to_string(), |s| format!("{:?}", s.suite()));
    format!("{version}, {suite}")
}
