//! Packet captures (issue 15): real captures of swaks, curl and smtplib talking to
//! `smtp-trainer serve` (recorded by scripts/record-captures.sh with tcpdump and dumpcap),
//! each stream's transcript checked against the server's own log; and hand-made captures,
//! built here with etherparse's packet builder, for what real loopback traffic never shows:
//! segments out of order, retransmitted, lost, a stream cut, snaplen, other protocols,
//! IPv6 in Linux cooked capture, BSD loopback.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use std::path::PathBuf;
use std::process::Command;

use etherparse::{IpHeaders, IpNumber, Ipv4Header, Ipv6Header, LinuxSllPacketType, PacketBuilder};
use smtp_trainer::analyze::auth::verify_transcript;
use smtp_trainer::capture::{
    self, read, CaptureError, Entry, FileFormat, GapCause, StreamKind, StreamNote,
};
use smtp_trainer::i18n::Lang;
use smtp_trainer::sasl::verify::Verdict;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/captures")
        .join(name)
}

fn load(name: &str) -> capture::Capture {
    let bytes = std::fs::read(fixture(name)).expect("fixture");
    read(&bytes).expect("a readable capture")
}

/// The `C:`/`S:` lines of session `n` in serve's transcript, as `C: …` / `S: …`.
fn served_lines(log: &str, session: u32) -> Vec<String> {
    let prefix = format!("[{session}] ");
    log.lines()
        .filter_map(|l| l.strip_prefix(&prefix))
        .filter(|l| l.starts_with("C: ") || l.starts_with("S: ") || *l == "C:" || *l == "S:")
        .map(str::to_string)
        .collect()
}

/// The stream's transcript lines until the STARTTLS boundary.
fn captured_lines(stream: &capture::Stream) -> Vec<String> {
    stream
        .entries
        .iter()
        .take_while(|e| **e != Entry::TlsStarts)
        .map(|e| match e {
            Entry::Client(l) => format!("C: {l}"),
            Entry::Server(l) => format!("S: {l}"),
            other => panic!("unexpected entry {other:?}"),
        })
        .collect()
}

fn assert_equals_server_log(capture_name: &str, log_name: &str, sessions: u32) {
    let capture = load(capture_name);
    let log = std::fs::read_to_string(fixture(log_name)).expect("log");
    let smtp: Vec<_> = capture.smtp_streams().collect();
    assert_eq!(smtp.len(), sessions as usize, "{capture_name}");
    for (i, stream) in smtp.iter().enumerate() {
        let mut expected = served_lines(&log, i as u32 + 1);
        let got = captured_lines(stream);
        if stream.entries.contains(&Entry::TlsStarts) {
            // serve logs the decrypted dialogue after STARTTLS; the capture cannot.
            expected.truncate(got.len());
        }
        assert!(got.len() > 5, "{capture_name}: {got:?}");
        assert_eq!(got, expected, "{capture_name} stream {}", i + 1);
        // Every command has its reply time; the greeting's counts from the SYN.
        assert!(stream.replies.iter().all(|r| r.latency_us.is_some()));
        assert_eq!(
            stream.replies.first().map(|r| r.command.as_str()),
            Some("(connect)")
        );
        assert!(stream.slowest().is_some());
    }
}

#[test]
fn swaks_starttls_stream_equals_the_server_log_and_stops_at_the_boundary() {
    assert_equals_server_log("swaks-starttls.pcap", "swaks-starttls.serve.log", 1);
    let capture = load("swaks-starttls.pcap");
    assert_eq!(capture.format, FileFormat::Pcap);
    let stream = &capture.streams[0];
    let boundary = stream
        .entries
        .iter()
        .position(|e| *e == Entry::TlsStarts)
        .expect("the STARTTLS boundary");
    assert_eq!(
        boundary + 1,
        stream.entries.len(),
        "nothing decoded after it"
    );
    assert_eq!(
        stream.entries[boundary - 1],
        Entry::Server("220 2.0.0 Ready to start TLS".into())
    );
    assert!(stream
        .notes
        .iter()
        .any(|n| matches!(n, StreamNote::Encrypted { octets } if *octets > 1000)));
    let text = stream.transcript(Lang::En);
    assert!(text.ends_with(
        "C: STARTTLS\nS: 220 2.0.0 Ready to start TLS\n-- encrypted from here (STARTTLS)\n"
    ));
    assert!(stream
        .transcript(Lang::Zh)
        .contains("-- 从这里开始加密（STARTTLS）"));
    // The AUTH PLAIN inside TLS is not visible: no exchange to verify.
    assert!(verify_transcript(&text, Some("secret")).is_empty());
}

/// A mechanism with its verdicts under the right and a wrong password.
type Judged = (String, Option<Verdict>, Option<Verdict>);

#[test]
fn swaks_cram_md5_and_login_streams_verify_with_the_password() {
    assert_equals_server_log("swaks-auth.pcap", "swaks-auth.serve.log", 2);
    let capture = load("swaks-auth.pcap");
    let mechanisms: Vec<Vec<Judged>> = capture
        .smtp_streams()
        .map(|s| {
            let text = s.transcript(Lang::En);
            let good = verify_transcript(&text, Some("secret"));
            let bad = verify_transcript(&text, Some("Secret"));
            good.iter()
                .zip(&bad)
                .map(|(g, b)| {
                    (
                        g.exchange.mechanism.clone(),
                        g.result.as_ref().ok().and_then(|r| r.verdict.clone()),
                        b.result.as_ref().ok().and_then(|r| r.verdict.clone()),
                    )
                })
                .collect()
        })
        .collect();
    assert_eq!(mechanisms.len(), 2);
    for (stream, name) in mechanisms.iter().zip(["CRAM-MD5", "LOGIN"]) {
        assert_eq!(stream.len(), 1, "{name}");
        let (mechanism, good, bad) = &stream[0];
        assert_eq!(mechanism, name);
        assert_eq!(
            good,
            &Some(Verdict::Valid),
            "{name} with the right password"
        );
        assert!(matches!(bad, Some(Verdict::Invalid(_))), "{name}: {bad:?}");
    }
    // The AUTH answer's reply time is there, named without the credentials.
    let first = capture.smtp_streams().next().expect("stream");
    assert!(first
        .replies
        .iter()
        .any(|r| r.command == "(AUTH answer)" && r.code == 235 && r.latency_us.is_some()));
}

#[test]
fn curl_pcapng_digest_md5_stream_equals_the_server_log() {
    assert_equals_server_log("curl.pcapng", "curl.serve.log", 1);
    let capture = load("curl.pcapng");
    assert_eq!(capture.format, FileFormat::Pcapng);
    let stream = capture.smtp_streams().next().expect("stream");
    let checked = verify_transcript(&stream.transcript(Lang::En), Some("secret"));
    assert_eq!(checked.len(), 1);
    assert_eq!(checked[0].exchange.mechanism, "DIGEST-MD5");
    assert_eq!(
        checked[0]
            .result
            .as_ref()
            .ok()
            .and_then(|r| r.verdict.clone()),
        Some(Verdict::Valid)
    );
    assert_eq!(checked[0].agrees_with_server(), Some(true));
}

#[test]
fn smtplib_over_ipv6_in_linux_cooked_v2_equals_the_server_log() {
    assert_equals_server_log("smtplib-ipv6.pcap", "smtplib-ipv6.serve.log", 1);
    let capture = load("smtplib-ipv6.pcap");
    let stream = capture.smtp_streams().next().expect("stream");
    assert_eq!(stream.client.ip(), IpAddr::V6(Ipv6Addr::LOCALHOST));
    assert_eq!(stream.server.ip(), IpAddr::V6(Ipv6Addr::LOCALHOST));
    assert!(stream.notes.is_empty(), "{:?}", stream.notes);
}

// ---- hand-made captures ----------------------------------------------------------------

#[derive(Clone, Copy)]
enum Link {
    Ethernet,
    LinuxSll,
    Null,
}

#[derive(Clone)]
struct Seg {
    client: bool,
    seq: u32,
    /// The acknowledgment number, as the sender's TCP would set it.
    ack: Option<u32>,
    syn: bool,
    fin: bool,
    /// An RST instead of the FIN (the helper's segments have none unless a test sets it).
    rst: bool,
    payload: Vec<u8>,
}

const CLIENT_ISN: u32 = 1000;
const SERVER_ISN: u32 = 7_000_000;

/// A whole connection: SYN, SYN-ACK, one segment per item, FIN from both sides.
fn conversation(items: &[(bool, &str)]) -> Vec<Seg> {
    let mut next = [CLIENT_ISN + 1, SERVER_ISN + 1];
    let mut segs = vec![
        Seg {
            client: true,
            seq: CLIENT_ISN,
            ack: None,
            syn: true,
            fin: false,
            rst: false,
            payload: vec![],
        },
        Seg {
            client: false,
            seq: SERVER_ISN,
            ack: Some(CLIENT_ISN + 1),
            syn: true,
            fin: false,
            rst: false,
            payload: vec![],
        },
    ];
    for (client, text) in items {
        let side = usize::from(!client);
        segs.push(Seg {
            client: *client,
            seq: next[side],
            ack: Some(next[1 - side]),
            syn: false,
            fin: false,
            rst: false,
            payload: text.as_bytes().to_vec(),
        });
        next[side] = next[side].wrapping_add(text.len() as u32);
    }
    for client in [true, false] {
        segs.push(Seg {
            client,
            seq: next[usize::from(!client)],
            ack: Some(next[usize::from(client)]),
            syn: false,
            fin: true,
            rst: false,
            payload: vec![],
        });
    }
    segs
}

struct Net {
    link: Link,
    client: (IpAddr, u16),
    server: (IpAddr, u16),
}

const V4: Net = Net {
    link: Link::Ethernet,
    client: (IpAddr::V4(Ipv4Addr::new(192, 0, 2, 10)), 40000),
    server: (IpAddr::V4(Ipv4Addr::new(192, 0, 2, 25)), 2525),
};

fn packet(net: &Net, seg: &Seg) -> Vec<u8> {
    let (src, dst) = if seg.client {
        (net.client, net.server)
    } else {
        (net.server, net.client)
    };
    let header = match (src.0, dst.0) {
        (IpAddr::V4(s), IpAddr::V4(d)) => IpHeaders::Ipv4(
            Ipv4Header::new(0, 64, IpNumber::TCP, s.octets(), d.octets()).expect("v4"),
            Default::default(),
        ),
        (IpAddr::V6(s), IpAddr::V6(d)) => IpHeaders::Ipv6(
            Ipv6Header {
                next_header: IpNumber::TCP,
                hop_limit: 64,
                source: s.octets(),
                destination: d.octets(),
                ..Default::default()
            },
            Default::default(),
        ),
        _ => panic!("mixed address families"),
    };
    let mut out = Vec::new();
    let step = match net.link {
        Link::Ethernet => PacketBuilder::ethernet2([0; 6], [0; 6]).ip(header),
        Link::LinuxSll => PacketBuilder::linux_sll(LinuxSllPacketType::HOST, 6, [0; 8]).ip(header),
        Link::Null => {
            // BSD loopback: the address family (AF_INET = 2) in the host's byte order.
            out.extend_from_slice(&2u32.to_le_bytes());
            PacketBuilder::ip(header)
        }
    };
    let mut tcp = step.tcp(src.1, dst.1, seg.seq, 65535);
    if seg.syn {
        tcp = tcp.syn();
    }
    if seg.fin {
        tcp = tcp.fin();
    }
    if seg.rst {
        tcp = tcp.rst();
    }
    if let Some(ack) = seg.ack {
        tcp = tcp.ack(ack);
    }
    tcp.write(&mut out, &seg.payload).expect("a packet");
    out
}

/// A pcap file (little-endian, microseconds): one packet per millisecond from t = 1 s;
/// each packet cut to `snaplen`.
fn pcap(linktype: u32, snaplen: usize, packets: &[Vec<u8>]) -> Vec<u8> {
    let mut out = Vec::new();
    out.extend_from_slice(&0xa1b2_c3d4u32.to_le_bytes());
    out.extend_from_slice(&2u16.to_le_bytes());
    out.extend_from_slice(&4u16.to_le_bytes());
    out.extend_from_slice(&[0; 8]);
    out.extend_from_slice(&(snaplen as u32).to_le_bytes());
    out.extend_from_slice(&linktype.to_le_bytes());
    for (i, data) in packets.iter().enumerate() {
        let kept = &data[..data.len().min(snaplen)];
        out.extend_from_slice(&1u32.to_le_bytes());
        out.extend_from_slice(&((i as u32) * 1000).to_le_bytes());
        out.extend_from_slice(&(kept.len() as u32).to_le_bytes());
        out.extend_from_slice(&(data.len() as u32).to_le_bytes());
        out.extend_from_slice(kept);
    }
    out
}

fn linktype(link: Link) -> u32 {
    match link {
        Link::Ethernet => 1,
        Link::LinuxSll => 113,
        Link::Null => 0,
    }
}

fn capture_of(net: &Net, segs: &[Seg], snaplen: usize) -> capture::Capture {
    let packets: Vec<Vec<u8>> = segs.iter().map(|s| packet(net, s)).collect();
    read(&pcap(linktype(net.link), snaplen, &packets)).expect("readable")
}

const DIALOGUE: [(bool, &str); 8] = [
    (false, "220 mx.example.com ESMTP\r\n"),
    (true, "EHLO client.example\r\n"),
    (false, "250-mx.example.com\r\n"),
    (false, "250-PIPELINING\r\n250 8BITMIME\r\n"),
    (true, "MAIL FROM:<alice@example.com>\r\n"),
    (false, "250 2.1.0 Ok\r\n"),
    (true, "QUIT\r\n"),
    (false, "221 2.0.0 Bye\r\n"),
];

const TRANSCRIPT: &str = "S: 220 mx.example.com ESMTP\nC: EHLO client.example\nS: 250-mx.example.com\nS: 250-PIPELINING\nS: 250 8BITMIME\nC: MAIL FROM:<alice@example.com>\nS: 250 2.1.0 Ok\nC: QUIT\nS: 221 2.0.0 Bye\n";

#[test]
fn a_whole_dialogue_reads_back_with_its_reply_times() {
    let capture = capture_of(&V4, &conversation(&DIALOGUE), 65535);
    assert_eq!(capture.streams.len(), 1);
    let stream = &capture.streams[0];
    assert_eq!(stream.kind, StreamKind::Smtp);
    assert_eq!(stream.client.to_string(), "192.0.2.10:40000");
    assert_eq!(stream.server.to_string(), "192.0.2.25:2525");
    assert_eq!(stream.transcript(Lang::En), TRANSCRIPT);
    assert!(stream.notes.is_empty(), "{:?}", stream.notes);
    // One packet per millisecond: SYN at 0, greeting at packet 2 (2 ms); EHLO at 3, its
    // reply at 4.
    let times: Vec<(&str, u16, Option<u64>)> = stream
        .replies
        .iter()
        .map(|r| (r.command.as_str(), r.code, r.latency_us))
        .collect();
    assert_eq!(
        times,
        vec![
            ("(connect)", 220, Some(2000)),
            ("EHLO client.example", 250, Some(1000)),
            ("MAIL FROM:<alice@example.com>", 250, Some(1000)),
            ("QUIT", 221, Some(1000)),
        ]
    );
    assert_eq!(stream.duration_us(), 11_000);
    assert_eq!(
        capture::format_time(stream.start_us),
        "1970-01-01 00:00:01.000000 UTC"
    );
}

#[test]
fn segments_out_of_order_are_put_in_order() {
    let mut segs = conversation(&DIALOGUE);
    // The two segments of the EHLO reply arrive swapped.
    segs.swap(4, 5);
    let capture = capture_of(&V4, &segs, 65535);
    assert_eq!(capture.streams[0].transcript(Lang::En), TRANSCRIPT);
    assert!(capture.streams[0].notes.is_empty());
}

#[test]
fn a_retransmission_is_shown_once() {
    let mut segs = conversation(&DIALOGUE);
    let again = segs[6].clone(); // MAIL FROM
    segs.insert(8, again);
    // And a segment that overlaps what was delivered: "250 2.1.0 Ok\r\n" resent with more.
    let capture = capture_of(&V4, &segs, 65535);
    let stream = &capture.streams[0];
    assert_eq!(stream.transcript(Lang::En), TRANSCRIPT);
    let octets = "MAIL FROM:<alice@example.com>\r\n".len() as u64;
    assert_eq!(
        stream.notes,
        vec![StreamNote::Repeated {
            client: true,
            octets
        }]
    );
    assert!(stream.notes[0].describe(Lang::Zh).contains("重传"));
}

#[test]
fn a_lost_segment_is_a_gap_of_so_many_octets() {
    let mut segs = conversation(&DIALOGUE);
    segs.remove(6); // MAIL FROM never captured
    let capture = capture_of(&V4, &segs, 65535);
    let stream = &capture.streams[0];
    let octets = "MAIL FROM:<alice@example.com>\r\n".len() as u64;
    assert!(stream.entries.contains(&Entry::Gap {
        client: true,
        octets,
        cause: GapCause::Lost
    }));
    let text = stream.transcript(Lang::En);
    assert!(
        text.contains("S: 250 8BITMIME\n-- [31 octets missing] from the client\nS: 250 2.1.0 Ok\n"),
        "{text}"
    );
    assert!(stream
        .transcript(Lang::Zh)
        .contains("-- [缺少 31 个字节]，来自客户端"));
    // The reply to the lost command is paired with the next command that was seen: no
    // invented time for MAIL FROM.
    assert!(!stream.replies.iter().any(|r| r.command.starts_with("MAIL")));
}

#[test]
fn a_stream_cut_in_the_middle_says_so() {
    let mut segs = conversation(&DIALOGUE);
    segs.truncate(7); // up to MAIL FROM; no reply, no QUIT, no FIN
    let capture = capture_of(&V4, &segs, 65535);
    let stream = &capture.streams[0];
    assert_eq!(stream.notes, vec![StreamNote::NotClosed]);
    assert!(stream
        .transcript(Lang::En)
        .ends_with("C: MAIL FROM:<alice@example.com>\n"));
    // And a capture that starts after the greeting: the client is found by its EHLO.
    let segs = conversation(&DIALOGUE);
    let capture = capture_of(&V4, &segs[3..], 65535);
    let stream = &capture.streams[0];
    assert_eq!(stream.kind, StreamKind::Smtp);
    assert_eq!(stream.client.port(), 40000);
    assert!(stream.notes.contains(&StreamNote::StartedMidway));
    assert!(stream
        .transcript(Lang::En)
        .starts_with("C: EHLO client.example\n"));
}

/// A reset names the side that sent it: a client that gives up, a server that drops the
/// session, or both.
#[test]
fn a_reset_names_the_side_that_sent_it() {
    for (client, server, said) in [
        (true, false, "the client reset the connection (RST)"),
        (false, true, "the server reset the connection (RST)"),
        (true, true, "reset (RST) by both sides"),
    ] {
        let mut segs = conversation(&DIALOGUE);
        for seg in segs.iter_mut().filter(|s| s.fin) {
            let resets = if seg.client { client } else { server };
            if resets {
                seg.fin = false;
                seg.rst = true;
            }
        }
        let capture = capture_of(&V4, &segs, 65535);
        let stream = &capture.streams[0];
        assert!(
            stream.notes.contains(&StreamNote::Reset {
                by_client: client,
                by_server: server
            }),
            "{:?}",
            stream.notes
        );
        let note = stream
            .notes
            .iter()
            .find(|n| matches!(n, StreamNote::Reset { .. }))
            .expect("the reset");
        assert!(
            note.describe(Lang::En).contains(said),
            "{}",
            note.describe(Lang::En)
        );
        assert!(note.describe(Lang::Zh).contains("RST"));
    }
}

#[test]
fn snaplen_cuts_are_gaps_and_counted() {
    // Ethernet 14 + IPv4 20 + TCP 20 = 54 header octets; keep 10 payload octets.
    let capture = capture_of(&V4, &conversation(&DIALOGUE), 64);
    let stream = &capture.streams[0];
    assert!(capture.cut_packets >= 3, "{}", capture.cut_packets);
    assert!(capture
        .notes(Lang::En)
        .iter()
        .any(|n| n.contains("snaplen")));
    let text = stream.transcript(Lang::En);
    // "220 mx.example.com ESMTP\r\n" is 26 octets: 10 kept, 16 missing.
    assert!(
        text.starts_with(
            "S: 220 mx.exa\n-- [16 octets missing] from the server: cut by the capture's snaplen\n"
        ),
        "{text}"
    );
    assert!(stream.notes.iter().any(|n| matches!(
        n,
        StreamNote::Gap {
            client: false,
            octets: 16,
            cause: GapCause::Snaplen
        }
    )));
}

#[test]
fn other_protocols_are_listed_not_analyzed() {
    let http = conversation(&[
        (true, "GET / HTTP/1.1\r\nHost: example\r\n\r\n"),
        (false, "HTTP/1.1 200 OK\r\n\r\n"),
    ]);
    let ftp = conversation(&[
        (false, "220 ProFTPD Server ready.\r\n"),
        (true, "USER alice\r\n"),
    ]);
    let tls = conversation(&[(true, "\u{16}\u{3}\u{1}\u{0}\u{5}hello")]);
    let mut packets = Vec::new();
    for (segs, port) in [(&http, 80), (&ftp, 21), (&tls, 465)] {
        let net = Net {
            server: (V4.server.0, port),
            ..V4
        };
        packets.extend(segs.iter().map(|s| packet(&net, s)));
    }
    let capture = read(&pcap(1, 65535, &packets)).expect("readable");
    let kinds: Vec<StreamKind> = capture.streams.iter().map(|s| s.kind).collect();
    assert_eq!(
        kinds,
        vec![
            StreamKind::Other,
            StreamKind::Other,
            StreamKind::ImplicitTls
        ]
    );
    assert!(capture.streams.iter().all(|s| s.entries.is_empty()));
    assert_eq!(capture.streams[2].server.port(), 465);
    assert_eq!(capture.smtp_streams().count(), 0);
}

#[test]
fn ipv6_in_linux_cooked_capture_and_ipv4_on_bsd_loopback() {
    let net = Net {
        link: Link::LinuxSll,
        client: (IpAddr::V6("2001:db8::10".parse().expect("v6")), 40000),
        server: (IpAddr::V6("2001:db8::25".parse().expect("v6")), 587),
    };
    let capture = capture_of(&net, &conversation(&DIALOGUE), 65535);
    assert_eq!(capture.streams[0].transcript(Lang::En), TRANSCRIPT);
    assert_eq!(capture.streams[0].server.to_string(), "[2001:db8::25]:587");
    let net = Net {
        link: Link::Null,
        ..V4
    };
    let capture = capture_of(&net, &conversation(&DIALOGUE), 65535);
    assert_eq!(capture.streams[0].transcript(Lang::En), TRANSCRIPT);
}

#[test]
fn bad_files_are_named_in_both_languages() {
    let cases: Vec<(Vec<u8>, CaptureError, &str, &str)> = vec![
        (
            b"EHLO x\r\n".to_vec(),
            CaptureError::NotACapture,
            "not a packet capture",
            "不是抓包文件",
        ),
        (
            vec![0xd4, 0xc3],
            CaptureError::TooShort { len: 2 },
            "fewer than the 4",
            "不足",
        ),
        (
            vec![0xd4, 0xc3, 0xb2, 0xa1, 2, 0, 4, 0],
            CaptureError::TruncatedHeader {
                format: FileFormat::Pcap,
                len: 8,
            },
            "truncated pcap file",
            "pcap 文件不完整",
        ),
        (
            pcap(147, 65535, &[]),
            CaptureError::UnknownLinkType(147),
            "unsupported link type 147",
            "不支持的链路类型 147",
        ),
    ];
    for (bytes, error, en, zh) in cases {
        let got = read(&bytes).expect_err("not readable");
        assert_eq!(got, error);
        assert!(
            got.describe(Lang::En).contains(en),
            "{}",
            got.describe(Lang::En)
        );
        assert!(
            got.describe(Lang::Zh).contains(zh),
            "{}",
            got.describe(Lang::Zh)
        );
    }
    // A file cut inside a packet record keeps what came before, and says so.
    let whole = std::fs::read(fixture("swaks-auth.pcap")).expect("fixture");
    let capture = read(&whole[..2000]).expect("readable up to the cut");
    assert!(matches!(
        capture.ended_early,
        Some(capture::EndedEarly::Truncated { after }) if after > 10
    ));
    assert!(capture.notes(Lang::En)[0].starts_with("the file is truncated"));
    assert!(capture.streams[0].notes.contains(&StreamNote::NotClosed));
}

// ---- the command line --------------------------------------------------------------------

fn cli(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_smtp-trainer"))
        .args(args)
        .env("LANG", "C")
        .output()
        .expect("run smtp-trainer");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn analyze_a_capture_with_the_password() {
    let file = fixture("swaks-auth.pcap");
    let file = file.to_str().expect("path");
    let (code, out, _) = cli(&["analyze", file, "--password", "secret"]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.starts_with("Capture: pcap, 52 packets (52 TCP), 2 TCP streams (2 SMTP)\n"),
        "{out}"
    );
    assert_eq!(out.matches("== Stream ").count(), 2);
    assert!(out.contains("client 127.0.0.1:"));
    assert!(out.contains("Reply times (from the command's packet to the reply's first packet):"));
    assert!(out.contains("Slowest reply: "));
    // Then the analyzer's own report of each transcript, and the verifier's verdicts.
    assert!(out.contains("220 · EHLO 250 · AUTH CRAM-MD5 235"), "{out}");
    assert!(out.contains("220 · EHLO 250 · AUTH LOGIN 235"), "{out}");
    assert_eq!(out.matches("\nVALID").count(), 2, "{out}");
    let (code, out, _) = cli(&["analyze", file, "--password", "wrong", "--lang", "zh"]);
    assert_eq!(code, 1);
    assert_eq!(out.matches("无效。").count(), 2, "{out}");
    assert!(out.contains("回复耗时"));
}

#[test]
fn analyze_a_capture_as_json() {
    let file = fixture("curl.pcapng");
    let (code, out, _) = cli(&[
        "analyze",
        "--json",
        file.to_str().expect("path"),
        "--password",
        "secret",
    ]);
    assert_eq!(code, 0);
    let json: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(json["format"], "pcapng");
    let stream = &json["streams"][0];
    assert_eq!(stream["kind"], "smtp");
    assert!(stream["transcript"]
        .as_str()
        .expect("text")
        .starts_with("S: 220 mx.example.com ESMTP Postfix\nC: EHLO message.txt\n"));
    assert_eq!(stream["replies"][0]["command"], "(connect)");
    assert!(stream["replies"][1]["latency_us"].as_u64().is_some());
    assert!(stream["slowest"]["latency_us"].as_u64().is_some());
    assert_eq!(stream["analysis"]["sequence"][0]["code"], 220);
    assert_eq!(stream["auth"][0]["mechanism"], "DIGEST-MD5");
    assert_eq!(stream["auth"][0]["report"]["valid"], true);
}

#[test]
fn analyze_names_what_is_wrong_with_a_bad_capture() {
    let dir = std::env::temp_dir().join(format!("smtp-trainer-capture-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let file = dir.join("short.pcapng");
    std::fs::write(&file, [0x0a, 0x0d, 0x0d, 0x0a, 0x1c, 0, 0]).expect("write");
    let path = file.to_str().expect("path");
    let (code, out, err) = cli(&["analyze", path]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(
        err.contains("truncated pcapng file: it ends after 7 octets"),
        "{err}"
    );
    let (_, _, err) = cli(&["analyze", path, "--lang", "zh"]);
    assert!(err.contains("pcapng 文件不完整"), "{err}");
    std::fs::remove_dir_all(&dir).ok();
    // A text log is still read as a log.
    let log = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/swaks.log");
    let (code, out, _) = cli(&["analyze", log.to_str().expect("path")]);
    assert_eq!(code, 0);
    assert!(!out.contains("Capture:") && out.contains("swaks"), "{out}");
}

#[test]
fn pipelined_commands_are_each_timed_and_the_message_is_not() {
    let segs = conversation(&[
        (false, "220 mx.example.com ESMTP\r\n"),
        (true, "EHLO c\r\n"),
        (false, "250-mx.example.com\r\n250 PIPELINING\r\n"),
        (
            true,
            "MAIL FROM:<a@example.com>\r\nRCPT TO:<b@example.com>\r\nDATA\r\n",
        ),
        (false, "250 2.1.0 Ok\r\n"),
        (false, "250 2.1.5 Ok\r\n"),
        (false, "354 End data with <CR><LF>.<CR><LF>\r\n"),
        (
            true,
            "Subject: hi\r\n\r\nHELO is not a command here\r\n.\r\n",
        ),
        (false, "250 2.0.0 Ok: queued as 1\r\n"),
    ]);
    let capture = capture_of(&V4, &segs, 65535);
    let stream = &capture.streams[0];
    let times: Vec<(&str, u16, Option<u64>)> = stream
        .replies
        .iter()
        .map(|r| (r.command.as_str(), r.code, r.latency_us))
        .collect();
    assert_eq!(
        times,
        vec![
            ("(connect)", 220, Some(2000)),
            ("EHLO c", 250, Some(1000)),
            ("MAIL FROM:<a@example.com>", 250, Some(1000)),
            ("RCPT TO:<b@example.com>", 250, Some(2000)),
            ("DATA", 354, Some(3000)),
            (".", 250, Some(1000)),
        ]
    );
    assert_eq!(stream.slowest().map(|r| r.command.as_str()), Some("DATA"));
    assert_eq!(stream.slowest().and_then(|r| r.line), Some(7));
}

#[test]
fn a_reader_in_steps_reports_progress_and_reads_the_same() {
    let bytes = std::fs::read(fixture("swaks-auth.pcap")).expect("fixture");
    let mut reader = capture::Reader::new(&bytes).expect("readable");
    let mut seen = Vec::new();
    loop {
        let progress = reader.step(10);
        assert_eq!(progress.octets_total, bytes.len());
        seen.push((progress.packets, progress.octets_read));
        if progress.done {
            break;
        }
    }
    assert_eq!(seen.first(), Some(&(10, seen[0].1)));
    assert!(seen.windows(2).all(|w| w[0].1 < w[1].1 || w[1].0 == w[0].0));
    assert_eq!(seen.last().map(|s| s.1), Some(bytes.len()));
    assert_eq!(seen.last().map(|s| s.0), Some(52));
    assert_eq!(reader.finish().expect("read"), read(&bytes).expect("read"));
}

#[test]
fn a_capture_from_the_middle_of_a_transaction_is_smtp_but_ftps_auth_is_not() {
    // The capture starts at a RCPT its relay refuses: the failure the user captured.
    let segs = conversation(&[
        (true, "RCPT TO:<bob@example.net>\r\n"),
        (
            false,
            "554 5.7.1 <bob@example.net>: Relay access denied\r\n",
        ),
        (true, "QUIT\r\n"),
        (false, "221 2.0.0 Bye\r\n"),
    ]);
    let capture = capture_of(&V4, &segs[2..], 65535);
    let stream = &capture.streams[0];
    assert_eq!(stream.kind, StreamKind::Smtp);
    assert_eq!(stream.client.port(), 40000);
    let a = smtp_trainer::analyze::analyze(&stream.transcript(Lang::En));
    assert_eq!(
        a.deciding().map(|f| f.cause),
        Some("relay-denied"),
        "{:#?}",
        a.findings
    );
    // FTP's `AUTH TLS` answered 234 is no SASL exchange.
    let segs = conversation(&[
        (true, "AUTH TLS\r\n"),
        (false, "234 AUTH TLS successful\r\n"),
    ]);
    let capture = capture_of(&V4, &segs[2..], 65535);
    assert_eq!(capture.streams[0].kind, StreamKind::Other);
}

#[test]
fn a_message_of_megabytes_keeps_the_sessions_end_and_folds_its_lines() {
    let line = format!("{}\r\n", "QUJD".repeat(19)); // 76 octets of base64, and CRLF
    let lines = (3 << 20) / line.len(); // about 3 MiB of message
    let body = line.repeat(lines);
    let mut items: Vec<(bool, String)> = vec![
        (false, "220 mx.example.com ESMTP\r\n".into()),
        (true, "EHLO c\r\n".into()),
        (false, "250 mx.example.com\r\n".into()),
        (true, "MAIL FROM:<a@example.com>\r\n".into()),
        (false, "250 2.1.0 Ok\r\n".into()),
        (true, "RCPT TO:<b@example.com>\r\n".into()),
        (false, "250 2.1.5 Ok\r\n".into()),
        (true, "DATA\r\n".into()),
        (false, "354 End data with <CR><LF>.<CR><LF>\r\n".into()),
        (true, "Subject: big\r\n\r\n".into()),
    ];
    for chunk in body.as_bytes().chunks(32 << 10) {
        items.push((true, String::from_utf8_lossy(chunk).into_owned()));
    }
    items.extend([
        (true, ".\r\n".to_string()),
        (false, "250 2.0.0 Ok: queued as 1\r\n".to_string()),
        (true, "QUIT\r\n".to_string()),
        (false, "221 2.0.0 Bye\r\n".to_string()),
    ]);
    let items: Vec<(bool, &str)> = items.iter().map(|(c, t)| (*c, t.as_str())).collect();
    let capture = capture_of(&V4, &conversation(&items), 65535);
    let stream = &capture.streams[0];
    let client_octets: usize = items.iter().filter(|i| i.0).map(|i| i.1.len()).sum();
    assert_eq!(stream.client_octets, client_octets as u64);
    // The first MiB and at most the last 64 KiB (whole segments) are kept; the octets
    // between are a gap, and said.
    let over = stream
        .notes
        .iter()
        .find_map(|n| match n {
            StreamNote::OverLimit {
                client: true,
                octets,
            } => Some(*octets),
            _ => None,
        })
        .expect("the client's octets over the limit");
    let least = client_octets as u64 - (1 << 20) - (64 << 10);
    assert!(
        (least..least + (32 << 10)).contains(&over),
        "{over} {least}"
    );
    let times: Vec<(&str, u16)> = stream
        .replies
        .iter()
        .map(|r| (r.command.as_str(), r.code))
        .collect();
    assert_eq!(
        times,
        vec![
            ("(connect)", 220),
            ("EHLO c", 250),
            ("MAIL FROM:<a@example.com>", 250),
            ("RCPT TO:<b@example.com>", 250),
            ("DATA", 354),
            (".", 250),
            ("QUIT", 221),
        ]
    );
    // The message's first lines are shown, the rest counted: the transcript stays small.
    let transcript = stream.transcript(Lang::En);
    assert!(transcript.len() < 20_000, "{}", transcript.len());
    assert!(transcript.contains("C: Subject: big\n"));
    assert!(transcript.contains(&format!("-- [{over} octets not shown] from the client")));
    assert!(
        transcript.contains("more lines of the message (")
            && transcript
                .ends_with("C: .\nS: 250 2.0.0 Ok: queued as 1\nC: QUIT\nS: 221 2.0.0 Bye\n"),
        "{transcript}"
    );
    let a = smtp_trainer::analyze::analyze(&transcript);
    let causes: Vec<&str> = a.findings.iter().map(|f| f.cause).collect();
    assert_eq!(causes, vec!["delivered"], "{:#?}", a.findings);
}

#[test]
fn bdat_chunks_are_data_and_encrypted_octets_are_counted_whole() {
    let chunk = "From: a@example.com\r\nSubject: chunked\r\n\r\nHELO is data here\r\n";
    let bdat = format!("BDAT {} LAST\r\n", chunk.len());
    let segs = conversation(&[
        (false, "220 mx.example.com ESMTP\r\n"),
        (true, "EHLO c\r\n"),
        (false, "250-mx.example.com\r\n250 CHUNKING\r\n"),
        (true, "MAIL FROM:<a@example.com>\r\n"),
        (false, "250 2.1.0 Ok\r\n"),
        (true, "RCPT TO:<b@example.com>\r\n"),
        (false, "250 2.1.5 Ok\r\n"),
        (true, &bdat),
        (true, chunk),
        (false, "250 2.0.0 Ok: queued as 1\r\n"),
        (true, "QUIT\r\n"),
        (false, "221 2.0.0 Bye\r\n"),
    ]);
    let capture = capture_of(&V4, &segs, 65535);
    let commands: Vec<&str> = capture.streams[0]
        .replies
        .iter()
        .map(|r| r.command.as_str())
        .collect();
    assert_eq!(
        commands,
        vec![
            "(connect)",
            "EHLO c",
            "MAIL FROM:<a@example.com>",
            "RCPT TO:<b@example.com>",
            bdat.trim_end(),
            "QUIT"
        ]
    );
    // After STARTTLS: every octet of the TLS records counts, line ends or not.
    let records = "\u{16}\u{3}\u{1}\u{0}\u{5}hello\nwith\r\na few\nline feeds";
    let segs = conversation(&[
        (false, "220 mx.example.com ESMTP\r\n"),
        (true, "EHLO c\r\n"),
        (false, "250 STARTTLS\r\n"),
        (true, "STARTTLS\r\n"),
        (false, "220 2.0.0 Ready to start TLS\r\n"),
        (true, records),
        (false, records),
    ]);
    let capture = capture_of(&V4, &segs, 65535);
    assert!(
        capture.streams[0].notes.contains(&StreamNote::Encrypted {
            octets: 2 * records.len() as u64
        }),
        "{:?}",
        capture.streams[0].notes
    );
}
