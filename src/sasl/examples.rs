//! The RFC examples' exchanges as the wire carries them (base64 where SMTP sends base64),
//! for the pages that show them without running a client: the Verify page's example
//! buttons fill its form from these, so its module links the verifier alone, not the four
//! clients that made them. The RFCs' own lines are copied verbatim where the RFC prints
//! them; `tests/sasl_examples.rs` checks every one against the engine's client.

/// RFC 2195 §2: the challenge of the 334 line (`+ PDE4OTYu…` in the RFC).
pub const RFC2195_CHALLENGE_B64: &str = "PDE4OTYuNjk3MTcwOTUyQHBvc3RvZmZpY2UucmVzdG9uLm1jaS5uZXQ+";
/// RFC 2195 §2: tim's response before base64.
pub const RFC2195_RESPONSE: &str = "tim b913a602c7eda7a495b4e6e7334d3890";
/// RFC 2195 §2: tim's response as sent.
pub const RFC2195_RESPONSE_B64: &str = "dGltIGI5MTNhNjAyYzdlZGE3YTQ5NWI0ZTZlNzMzNGQzODkw";

/// RFC 2831 §4: chris's response (digest-uri `imap/elwood.innosoft.com`), as sent.
pub const RFC2831_RESPONSE_B64: &str = "Y2hhcnNldD11dGYtOCx1c2VybmFtZT0iY2hyaXMiLHJlYWxtPSJlbHdvb2QuaW5ub3NvZnQuY29tIixub25jZT0iT0E2TUc5dEVRR20yaGgiLG5jPTAwMDAwMDAxLGNub25jZT0iT0E2TUhYaDZWcVRyUmsiLGRpZ2VzdC11cmk9ImltYXAvZWx3b29kLmlubm9zb2Z0LmNvbSIscmVzcG9uc2U9ZDM4OGRhZDkwZDRiYmQ3NjBhMTUyMzIxZjIxNDNhZjcscW9wPWF1dGg=";

/// RFC 5802 §5: the client-first-message, as sent.
pub const RFC5802_CLIENT_FIRST_B64: &str = "biwsbj11c2VyLHI9ZnlrbytkMmxiYkZnT05Sdjlxa3hkYXdM";
/// RFC 5802 §5: the client-final-message, as sent.
pub const RFC5802_CLIENT_FINAL_B64: &str = "Yz1iaXdzLHI9ZnlrbytkMmxiYkZnT05Sdjlxa3hkYXdMM3JmY05IWUpZMVpWdldWczdqLHA9djBYOHYzQnoyVDBDSkdiSlF5RjBYK0hJNFRzPQ==";

/// MS-NLMP §4.2.4: the CHALLENGE_MESSAGE of §4.2.4.3, as sent.
pub const MS_NLMP_CHALLENGE_B64: &str = "TlRMTVNTUAACAAAADAAMADgAAAAzgoriASNFZ4mrze8AAAAAAAAAACQAJABEAAAABgBwFwAAAA9TAGUAcgB2AGUAcgACAAwARABvAG0AYQBpAG4AAQAMAFMAZQByAHYAZQByAAAAAAA=";
/// The AUTHENTICATE_MESSAGE the engine's client answers it with (NTLMv2 from §4.2.4's
/// user, domain, password, client challenge and time), as sent.
pub const MS_NLMP_AUTHENTICATE_B64: &str = "TlRMTVNTUAADAAAAGAAYAGwAAABUAFQAhAAAAAwADABIAAAACAAIAFQAAAAQABAAXAAAABAAEADYAAAANYKI4gUBKAoAAAAPRABvAG0AYQBpAG4AVQBzAGUAcgBDAE8ATQBQAFUAVABFAFIAhsNQl6yc7BAlVHZKV8zMGaqqqqqqqqqqaM0KuFHlHJaqvJJ76+9qHAEBAAAAAAAAAAAAAAAAAACqqqqqqqqqqgAAAAACAAwARABvAG0AYQBpAG4AAQAMAFMAZQByAHYAZQByAAAAAAAAAAAAxdrSVE/JeZCUzhzpC8nQPg==";
