//! The RFC examples' wire lines the Verify page fills in (`sasl::examples`) are the lines
//! the engine's own clients send for those examples, and the RFCs' printed lines where the
//! RFC prints them; and the verifier calls each of them valid.

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;
use smtp_trainer::sasl::examples::*;
use smtp_trainer::sasl::{cram_md5, digest_md5, ntlm, scram};

fn step_text(trace: &smtp_trainer::sasl::trace::Trace, id: &str) -> String {
    trace
        .step(id)
        .map(|s| s.text())
        .unwrap_or_else(|| panic!("the trace has a step {id}"))
}

#[test]
fn rfc2195_lines_are_the_rfcs_and_the_engines() {
    let trace = cram_md5::client(
        "tim",
        "tanstaaftanstaaf",
        cram_md5::RFC2195_CHALLENGE.as_bytes(),
    );
    assert_eq!(
        BASE64.encode(cram_md5::RFC2195_CHALLENGE),
        RFC2195_CHALLENGE_B64
    );
    assert_eq!(
        trace
            .step("challenge")
            .map(|s| s.base64())
            .unwrap_or_default(),
        RFC2195_CHALLENGE_B64
    );
    assert_eq!(step_text(&trace, "response-text"), RFC2195_RESPONSE);
    assert_eq!(step_text(&trace, "response"), RFC2195_RESPONSE_B64);
    assert_eq!(BASE64.encode(RFC2195_RESPONSE), RFC2195_RESPONSE_B64);
}

#[test]
fn rfc2831_response_is_the_engines() {
    let trace = digest_md5::client(&digest_md5::rfc2831_example());
    assert_eq!(step_text(&trace, "response-base64"), RFC2831_RESPONSE_B64);
    let sent =
        String::from_utf8(BASE64.decode(RFC2831_RESPONSE_B64).expect("base64")).expect("text");
    // RFC 2831 §4 prints the response value itself.
    assert!(
        sent.contains("response=d388dad90d4bbd760a152321f2143af7"),
        "{sent}"
    );
}

#[test]
fn rfc5802_messages_are_the_rfcs_and_the_engines() {
    let server_first = "r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=4096";
    let trace = scram::client(
        scram::Hash::Sha1,
        "user",
        "pencil",
        "fyko+d2lbbFgONRv9qkxdawL",
        server_first,
    )
    .expect("the engine computes RFC 5802's example");
    assert_eq!(
        step_text(&trace, "client-first-base64"),
        RFC5802_CLIENT_FIRST_B64
    );
    assert_eq!(
        step_text(&trace, "client-final-base64"),
        RFC5802_CLIENT_FINAL_B64
    );
    // RFC 5802 §5, verbatim.
    assert_eq!(
        BASE64.encode("n,,n=user,r=fyko+d2lbbFgONRv9qkxdawL"),
        RFC5802_CLIENT_FIRST_B64
    );
    assert_eq!(
        BASE64.encode(
            "c=biws,r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,p=v0X8v3Bz2T0CJGbJQyF0X+HI4Ts="
        ),
        RFC5802_CLIENT_FINAL_B64
    );
}

#[test]
fn ms_nlmp_messages_are_the_specs_and_the_engines() {
    assert_eq!(
        BASE64.encode(ntlm::MS_NLMP_4_2_4_CHALLENGE),
        MS_NLMP_CHALLENGE_B64
    );
    let trace = ntlm::client_authenticate(&ntlm::MS_NLMP_4_2_4_CHALLENGE, &ntlm::ms_nlmp_example())
        .expect("the engine answers §4.2.4's challenge");
    assert_eq!(step_text(&trace, "response"), MS_NLMP_AUTHENTICATE_B64);
}
