//! The verify page's examples: the RFCs' valid exchanges and the classic mistakes. The
//! valid responses are the RFCs' lines as the engine's own clients send them
//! ([`crate::sasl::examples`], checked against the clients natively, so this page's module
//! needs no client); the mistakes are the broken lines a real client sent (or would),
//! judged by the engine when loaded.

use crate::i18n::Msg;
use crate::sasl::examples as rfc;
use crate::sasl::verify::Mechanism;

/// What an example puts into the form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Filled {
    /// The mechanism.
    pub mechanism: Mechanism,
    /// The challenge, as a server sends it.
    pub challenge: String,
    /// The response, as the client sent it.
    pub response: String,
    /// The password.
    pub password: String,
    /// The response is exactly what the client sent.
    pub as_sent: bool,
    /// A whole transcript instead of one exchange.
    pub transcript: Option<String>,
}

/// One example button.
#[derive(Debug)]
pub struct VerifyExample {
    /// The `data-testid` suffix: `verify-example-<id>`.
    pub id: &'static str,
    /// The button's label.
    pub label: Msg,
    /// The inputs.
    pub fill: fn() -> Filled,
}

/// Every example, valid ones first.
pub const EXAMPLES: [VerifyExample; 9] = [
    VerifyExample {
        id: "rfc2195-valid",
        label: Msg::VerifyExampleRfc2195,
        fill: rfc2195_valid,
    },
    VerifyExample {
        id: "rfc2831-valid",
        label: Msg::VerifyExampleRfc2831,
        fill: rfc2831_valid,
    },
    VerifyExample {
        id: "rfc5802-valid",
        label: Msg::VerifyExampleRfc5802,
        fill: rfc5802_valid,
    },
    VerifyExample {
        id: "ms-nlmp-valid",
        label: Msg::VerifyExampleMsNlmp,
        fill: ms_nlmp_valid,
    },
    VerifyExample {
        id: "cram-uppercase",
        label: Msg::VerifyExampleUppercase,
        fill: cram_uppercase,
    },
    VerifyExample {
        id: "cram-no-base64",
        label: Msg::VerifyExampleNoBase64,
        fill: cram_no_base64,
    },
    VerifyExample {
        id: "digest-hex-a1",
        label: Msg::VerifyExampleHexA1,
        fill: digest_hex_a1,
    },
    VerifyExample {
        id: "plain-newline",
        label: Msg::VerifyExamplePlainNewline,
        fill: plain_newline,
    },
    VerifyExample {
        id: "transcript",
        label: Msg::VerifyExampleTranscript,
        fill: recorded_transcript,
    },
];

/// Python's smtplib (`set_debuglevel(1)`) against `smtp-trainer serve --user
/// tim:tanstaaftanstaaf`, recorded: CRAM-MD5 accepted, then LOGIN with a wrong password.
const RECORDED_TRANSCRIPT: &str = r#"send: 'ehlo client.example\r\n'
reply: b'250-mail.example.com\r\n'
reply: b'250-PIPELINING\r\n'
reply: b'250-SIZE 10240000\r\n'
reply: b'250-VRFY\r\n'
reply: b'250-AUTH PLAIN LOGIN CRAM-MD5 DIGEST-MD5 NTLM SCRAM-SHA-1 SCRAM-SHA-256\r\n'
reply: b'250-ENHANCEDSTATUSCODES\r\n'
reply: b'250-8BITMIME\r\n'
reply: b'250-DSN\r\n'
reply: b'250-SMTPUTF8\r\n'
reply: b'250 CHUNKING\r\n'
reply: retcode (250); Msg: b'mail.example.com\nPIPELINING\nSIZE 10240000\nVRFY\nAUTH PLAIN LOGIN CRAM-MD5 DIGEST-MD5 NTLM SCRAM-SHA-1 SCRAM-SHA-256\nENHANCEDSTATUSCODES\n8BITMIME\nDSN\nSMTPUTF8\nCHUNKING'
send: 'AUTH CRAM-MD5\r\n'
reply: b'334 PDYwNjg3LjgzMTk2ODU1MjVAbWFpbC5leGFtcGxlLmNvbT4=\r\n'
reply: retcode (334); Msg: b'PDYwNjg3LjgzMTk2ODU1MjVAbWFpbC5leGFtcGxlLmNvbT4='
send: 'dGltIDY1NGViYmE0MmZiOGMxMzFhMDAyNzczMjkzZjBjNmJj\r\n'
reply: b'235 2.7.0 Authentication successful\r\n'
reply: retcode (235); Msg: b'2.7.0 Authentication successful'
send: 'rset\r\n'
reply: b'250 2.0.0 Ok\r\n'
reply: retcode (250); Msg: b'2.0.0 Ok'
send: 'quit\r\n'
reply: b'221 2.0.0 Bye\r\n'
reply: retcode (221); Msg: b'2.0.0 Bye'
send: 'ehlo client.example\r\n'
reply: b'250-mail.example.com\r\n'
reply: b'250-PIPELINING\r\n'
reply: b'250-SIZE 10240000\r\n'
reply: b'250-VRFY\r\n'
reply: b'250-AUTH PLAIN LOGIN CRAM-MD5 DIGEST-MD5 NTLM SCRAM-SHA-1 SCRAM-SHA-256\r\n'
reply: b'250-ENHANCEDSTATUSCODES\r\n'
reply: b'250-8BITMIME\r\n'
reply: b'250-DSN\r\n'
reply: b'250-SMTPUTF8\r\n'
reply: b'250 CHUNKING\r\n'
reply: retcode (250); Msg: b'mail.example.com\nPIPELINING\nSIZE 10240000\nVRFY\nAUTH PLAIN LOGIN CRAM-MD5 DIGEST-MD5 NTLM SCRAM-SHA-1 SCRAM-SHA-256\nENHANCEDSTATUSCODES\n8BITMIME\nDSN\nSMTPUTF8\nCHUNKING'
send: 'AUTH LOGIN dGlt\r\n'
reply: b'334 UGFzc3dvcmQ6\r\n'
reply: retcode (334); Msg: b'UGFzc3dvcmQ6'
send: 'dGFuc3RhYWY=\r\n'
reply: b'535 5.7.8 Error: authentication failed: (reason unavailable)\r\n'
reply: retcode (535); Msg: b'5.7.8 Error: authentication failed: (reason unavailable)'
SMTPAuthenticationError (535, b'5.7.8 Error: authentication failed: (reason unavailable)')
send: 'quit\r\n'
reply: b'221 2.0.0 Bye\r\n'
reply: retcode (221); Msg: b'2.0.0 Bye'
"#;

/// The recorded session, with the account's password (RFC 2195's).
fn recorded_transcript() -> Filled {
    Filled {
        mechanism: Mechanism::CramMd5,
        challenge: String::new(),
        response: String::new(),
        password: TANSTAAF.into(),
        as_sent: true,
        transcript: Some(RECORDED_TRANSCRIPT.into()),
    }
}

/// RFC 2195's password.
const TANSTAAF: &str = "tanstaaftanstaaf";

/// RFC 2831 §4's challenge as the server sends it (base64).
const RFC2831_CHALLENGE_B64: &str = "cmVhbG09ImVsd29vZC5pbm5vc29mdC5jb20iLG5vbmNlPSJPQTZNRzl0RVFHbTJoaCIscW9wPSJhdXRoIixhbGdvcml0aG09bWQ1LXNlc3MsY2hhcnNldD11dGYtOA==";

fn cram(response: &str) -> Filled {
    Filled {
        mechanism: Mechanism::CramMd5,
        // The 334 line's base64 of the challenge.
        challenge: rfc::RFC2195_CHALLENGE_B64.into(),
        response: response.to_string(),
        password: TANSTAAF.into(),
        as_sent: false,
        transcript: None,
    }
}

/// RFC 2195 §2: tim's response.
fn rfc2195_valid() -> Filled {
    cram(rfc::RFC2195_RESPONSE_B64)
}

/// The same digest in upper-case hex (base64 of "tim B913A602…").
fn cram_uppercase() -> Filled {
    cram("dGltIEI5MTNBNjAyQzdFREE3QTQ5NUI0RTZFNzMzNEQzODkw")
}

/// The right response, sent without base64: the computation is right, the wire form is
/// not, so the example says the response is exactly what the client sent.
fn cram_no_base64() -> Filled {
    Filled {
        as_sent: true,
        ..cram(rfc::RFC2195_RESPONSE)
    }
}

/// RFC 2831 §4: chris's response.
fn rfc2831_valid() -> Filled {
    Filled {
        mechanism: Mechanism::DigestMd5,
        challenge: RFC2831_CHALLENGE_B64.into(),
        response: rfc::RFC2831_RESPONSE_B64.into(),
        password: "secret".into(),
        as_sent: false,
        transcript: None,
    }
}

/// RFC 2831 §4's exchange for SMTP (digest-uri smtp/…), with A1 built from the hex of
/// H(user:realm:password) as HTTP's MD5-sess does (response bebe6dab…).
fn digest_hex_a1() -> Filled {
    Filled {
        mechanism: Mechanism::DigestMd5,
        challenge: RFC2831_CHALLENGE_B64.into(),
        response: "Y2hhcnNldD11dGYtOCx1c2VybmFtZT0iY2hyaXMiLHJlYWxtPSJlbHdvb2QuaW5ub3NvZnQuY29tIixub25jZT0iT0E2TUc5dEVRR20yaGgiLG5jPTAwMDAwMDAxLGNub25jZT0iT0E2TUhYaDZWcVRyUmsiLGRpZ2VzdC11cmk9InNtdHAvZWx3b29kLmlubm9zb2Z0LmNvbSIscmVzcG9uc2U9YmViYTZkYWIyY2ZhZDc0MGRiYjM3MGVhMmM5OWEzOTUscW9wPWF1dGg=".into(),
        password: "secret".into(),
        as_sent: false,
        transcript: None,
    }
}

/// RFC 4616 §4's tim, with the password typed through `echo` (a trailing newline).
fn plain_newline() -> Filled {
    Filled {
        mechanism: Mechanism::Plain,
        challenge: String::new(),
        response: "AHRpbQB0YW5zdGFhZnRhbnN0YWFmCg==".into(),
        password: TANSTAAF.into(),
        as_sent: false,
        transcript: None,
    }
}

/// RFC 5802 §5's server-first-message.
const RFC5802_SERVER_FIRST: &str =
    "r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=4096";

/// RFC 5802 §5: the client's two lines, as the engine computes them for user / pencil.
fn rfc5802_valid() -> Filled {
    Filled {
        mechanism: Mechanism::ScramSha1,
        challenge: RFC5802_SERVER_FIRST.into(),
        response: format!(
            "{}\n{}",
            rfc::RFC5802_CLIENT_FIRST_B64,
            rfc::RFC5802_CLIENT_FINAL_B64
        ),
        password: "pencil".into(),
        as_sent: false,
        transcript: None,
    }
}

/// MS-NLMP §4.2.4: the CHALLENGE, and the AUTHENTICATE the engine's client sends.
fn ms_nlmp_valid() -> Filled {
    Filled {
        mechanism: Mechanism::Ntlm,
        challenge: rfc::MS_NLMP_CHALLENGE_B64.into(),
        response: rfc::MS_NLMP_AUTHENTICATE_B64.into(),
        password: "Password".into(),
        as_sent: false,
        transcript: None,
    }
}
