//! Packet captures: a `tcpdump` or Wireshark file in, every TCP stream reassembled and
//! every SMTP conversation in it out as a transcript the analyzer reads.
//!
//! ```text
//!  bytes ─▶ file::read        pcap / pcapng (pcap-parser): packets, times, link types
//!        ─▶ packet::decode    Ethernet, Linux cooked v1/v2, raw IP, BSD loopback;
//!                             IPv4/IPv6; TCP (etherparse, laxly: snaplen-cut packets too)
//!        ─▶ tcp::Reassembler  per connection and direction: in order, no repeats, gaps
//!        ─▶ smtp::stream      client and server, `C:`/`S:` lines, STARTTLS, reply times
//! ```
//!
//! [`read`] does it all at once; [`Reader`] does it a few packets at a time with the
//! progress in between, for a caller that must stay responsive.
//!
//! A stream is SMTP when its server greets with a reply line (`220 …`) that the other side
//! answers with an SMTP command, or when one side opens with EHLO/HELO… and the other
//! replies: by the dialogue, never by the port. After a STARTTLS that the server accepted
//! with 220 nothing is decoded (it is TLS); a stream that opens with a TLS record
//! (implicit TLS, as on port 465) is listed as encrypted.
//!
//! Sans-IO and total: the caller hands in the file's bytes; no clock, no I/O, no panic on
//! any input; memory bounded by [`MAX_CAPTURE_OCTETS`], [`MAX_KEPT_OCTETS`] and the limits
//! in [`tcp`]. Every text a reader sees is in English and Chinese.

use std::net::SocketAddr;

use crate::analyze::Text;
use crate::i18n::{Lang, Tr};

mod file;
mod packet;
mod smtp;
pub mod tcp;
pub mod texts;

pub use file::sniff;
pub use tcp::GapCause;

/// At most this many octets of a capture file are read (64 MiB); the rest is cut.
pub const MAX_CAPTURE_OCTETS: usize = 64 << 20;
/// At most this many payload octets are kept over all streams (16 MiB).
pub const MAX_KEPT_OCTETS: usize = 16 << 20;

/// The container format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum FileFormat {
    /// libpcap's format (`tcpdump -w`).
    Pcap,
    /// pcapng (Wireshark, dumpcap).
    Pcapng,
}

impl FileFormat {
    /// `pcap` or `pcapng`.
    pub fn id(self) -> &'static str {
        match self {
            FileFormat::Pcap => "pcap",
            FileFormat::Pcapng => "pcapng",
        }
    }
}

/// Why a file could not be read at all.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[non_exhaustive]
pub enum CaptureError {
    /// Fewer than four octets: no magic number to read.
    TooShort {
        /// The file's length.
        len: usize,
    },
    /// The first four octets are neither pcap's nor pcapng's magic number.
    NotACapture,
    /// The magic number is there but the file ends inside the file header.
    TruncatedHeader {
        /// Which format the magic number announced.
        format: FileFormat,
        /// The file's length.
        len: usize,
    },
    /// The file header is not valid (a pcapng section header with a bad length or
    /// byte-order magic, a pcap header the parser refuses).
    BadHeader(FileFormat),
    /// The link type is not one this reader decodes.
    UnknownLinkType(i32),
}

impl CaptureError {
    /// What is wrong, in `lang`.
    pub fn describe(&self, lang: Lang) -> String {
        let text = match self {
            CaptureError::TooShort { len } => Text::new(
                format!("not a packet capture: the file has {len} octets, fewer than the 4 of a pcap or pcapng magic number"),
                format!("不是抓包文件：文件只有 {len} 个字节，不足 pcap 或 pcapng 魔数的 4 个字节"),
            ),
            CaptureError::NotACapture => Text::new(
                "not a packet capture: the file starts with neither pcap's magic number (a1 b2 c3 d4, a1 b2 3c 4d, either byte order) nor pcapng's (0a 0d 0d 0a)",
                "不是抓包文件：文件开头既不是 pcap 的魔数（a1 b2 c3 d4、a1 b2 3c 4d，任一字节序），也不是 pcapng 的魔数（0a 0d 0d 0a）",
            ),
            CaptureError::TruncatedHeader {
                format: FileFormat::Pcap,
                len,
            } => Text::new(
                format!("truncated pcap file: it ends after {len} octets, inside the 24-octet file header"),
                format!("pcap 文件不完整：只有 {len} 个字节，在 24 字节的文件头中间就结束了"),
            ),
            CaptureError::TruncatedHeader {
                format: FileFormat::Pcapng,
                len,
            } => Text::new(
                format!("truncated pcapng file: it ends after {len} octets, inside its section header block"),
                format!("pcapng 文件不完整：只有 {len} 个字节，在节头块（section header block）中间就结束了"),
            ),
            CaptureError::BadHeader(format) => Text::new(
                format!("damaged {} file: the magic number is right but the file header is not valid", format.id()),
                format!("{} 文件已损坏：魔数正确，但文件头无效", format.id()),
            ),
            CaptureError::UnknownLinkType(n) => Text::new(
                format!("unsupported link type {n}: this reader decodes Ethernet (1), Linux cooked capture (113, 276), raw IP (101, 228, 229) and BSD loopback (0, 108)"),
                format!("不支持的链路类型 {n}：本工具能解码以太网（1）、Linux cooked 抓包（113、276）、原始 IP（101、228、229）和 BSD 回环（0、108）"),
            ),
        };
        text.get(lang).to_string()
    }
}

impl std::fmt::Display for CaptureError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.describe(Lang::En))
    }
}

impl std::error::Error for CaptureError {}

/// How a file ended before its last packet was complete.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum EndedEarly {
    /// The file stops inside a packet record (a copy cut short, a capture still running).
    Truncated {
        /// Packets read before.
        after: usize,
    },
    /// A record cannot be read (damaged data).
    Corrupt {
        /// Packets read before.
        after: usize,
    },
}

/// What a TCP stream carries.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum StreamKind {
    /// An SMTP conversation (found by its dialogue).
    Smtp,
    /// TLS from the first octet (implicit TLS, as on port 465): encrypted, not analyzed.
    ImplicitTls,
    /// Another protocol.
    Other,
    /// No payload at all (a handshake, a port probe).
    NoData,
}

impl StreamKind {
    /// `smtp`, `implicit-tls`, `other`, `no-data`.
    pub fn id(self) -> &'static str {
        match self {
            StreamKind::Smtp => "smtp",
            StreamKind::ImplicitTls => "implicit-tls",
            StreamKind::Other => "other",
            StreamKind::NoData => "no-data",
        }
    }

    /// What it is, in `lang`.
    pub fn describe(self, lang: Lang) -> &'static str {
        match self {
            StreamKind::Smtp => Tr::new("SMTP", "SMTP"),
            StreamKind::ImplicitTls => Tr::new(
                "encrypted from the start (implicit TLS): not analyzed",
                "从一开始就加密（隐式 TLS）：不作分析",
            ),
            StreamKind::Other => Tr::new("not SMTP", "不是 SMTP"),
            StreamKind::NoData => Tr::new("no data", "没有数据"),
        }
        .get(lang)
    }
}

/// One line of a stream's transcript.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Entry {
    /// A line the client sent (without its CRLF).
    Client(String),
    /// A line the server sent.
    Server(String),
    /// Octets of one side that the capture does not have.
    Gap {
        /// Whether they were the client's.
        client: bool,
        /// How many.
        octets: u64,
        /// Why.
        cause: GapCause,
    },
    /// The server accepted STARTTLS: from here on the stream is TLS.
    TlsStarts,
    /// Lines of a message the transcript does not show (after its first ones).
    Folded {
        /// How many.
        lines: usize,
        /// Their octets, line ends included.
        octets: u64,
    },
}

/// A command and its reply's time.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Reply {
    /// The command as sent (an AUTH's initial response hidden), `(connect)` for the
    /// greeting, `(AUTH answer)` for a SASL answer, `.` for the end of the message.
    pub command: String,
    /// The reply's code.
    pub code: u16,
    /// From the packet that carried the command (or the client's SYN, for the greeting) to
    /// the first packet of the reply, in microseconds.
    pub latency_us: Option<u64>,
    /// The command's line in the transcript (1-based).
    pub line: Option<usize>,
}

impl Reply {
    /// The command as shown: the engine's own labels (`(connect)` for the greeting,
    /// `(AUTH answer)`, `(unsolicited)`) in `lang`, a command as sent.
    pub fn label(&self, lang: Lang) -> &str {
        match self.command.as_str() {
            crate::analyze::CONNECT_LABEL => Tr::new("(connect)", "（连接）").get(lang),
            "(AUTH answer)" => Tr::new("(AUTH answer)", "（AUTH 应答）").get(lang),
            "(unsolicited)" => Tr::new("(unsolicited)", "（未经请求）").get(lang),
            other => other,
        }
    }
}

/// Something to know about a stream.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum StreamNote {
    /// The capture has no SYN: it started after the connection opened.
    StartedMidway,
    /// No FIN or RST: the capture stops while the connection is still open.
    NotClosed,
    /// The connection was reset (RST), by the side or sides named.
    Reset {
        /// The client sent an RST.
        by_client: bool,
        /// The server sent an RST.
        by_server: bool,
    },
    /// Octets missing from one side.
    Gap {
        /// Whether the client's.
        client: bool,
        /// How many.
        octets: u64,
        /// Why.
        cause: GapCause,
    },
    /// Octets seen more than once (retransmissions, overlaps), kept once.
    Repeated {
        /// Whether the client's.
        client: bool,
        /// How many.
        octets: u64,
    },
    /// Octets not kept because a memory limit was reached.
    OverLimit {
        /// Whether the client's.
        client: bool,
        /// How many.
        octets: u64,
    },
    /// Octets after STARTTLS, encrypted, not shown.
    Encrypted {
        /// How many (at least).
        octets: u64,
    },
}

fn side(client: bool) -> Text {
    if client {
        Text::new("client", "客户端")
    } else {
        Text::new("server", "服务器")
    }
}

impl StreamNote {
    /// The note in `lang`.
    pub fn describe(&self, lang: Lang) -> String {
        let text = match self {
            StreamNote::StartedMidway => Text::new(
                "the capture starts after the connection opened (no SYN): its beginning is missing",
                "抓包开始时连接已经建立（没有 SYN）：缺少连接的开头",
            ),
            StreamNote::NotClosed => Text::new(
                "the capture ends while the connection is still open (no FIN or RST): the stream is cut",
                "抓包结束时连接仍未关闭（没有 FIN 或 RST）：数据流被截断",
            ),
            StreamNote::Reset {
                by_client: true,
                by_server: true,
            } => Text::new(
                "the connection was reset (RST) by both sides",
                "双方都重置了连接（RST）",
            ),
            StreamNote::Reset {
                by_client: true, ..
            } => Text::new(
                "the client reset the connection (RST): it gave up on the session rather than ending it with QUIT and FIN",
                "客户端重置了连接（RST）：它放弃了会话，而不是以 QUIT 和 FIN 结束",
            ),
            StreamNote::Reset { .. } => Text::new(
                "the server reset the connection (RST): it dropped the session (a refusal, a limit or a crash) rather than closing it with FIN",
                "服务器重置了连接（RST）：它丢弃了会话（拒绝、限制或崩溃），而不是以 FIN 关闭",
            ),
            StreamNote::Gap {
                client,
                octets,
                cause: GapCause::Lost,
            } => Text::new(
                format!("{octets} octets from the {} are missing: no packet in the capture carries them (lost by the capture)", side(*client).en),
                format!("缺少{}发送的 {octets} 个字节：抓包中没有任何数据包携带它们（抓包时丢失）", side(*client).zh),
            ),
            StreamNote::Gap {
                client,
                octets,
                cause: GapCause::Snaplen,
            } => Text::new(
                format!("{octets} octets from the {} are missing: the capture kept only the start of their packets (snaplen; capture with tcpdump -s 0)", side(*client).en),
                format!("缺少{}发送的 {octets} 个字节：抓包只保留了数据包的开头（snaplen；请用 tcpdump -s 0 抓包）", side(*client).zh),
            ),
            StreamNote::Repeated { client, octets } => Text::new(
                format!("{octets} octets from the {} were sent again (retransmission or overlap) and are shown once", side(*client).en),
                format!("{}重复发送了 {octets} 个字节（重传或重叠），只显示一次", side(*client).zh),
            ),
            StreamNote::OverLimit { client, octets }
            | StreamNote::Gap {
                client,
                octets,
                cause: GapCause::OverLimit,
            } => Text::new(
                format!("{octets} octets from the {} are not shown: the memory limit was reached (the first {} and the last {} of each side, {} in all)", side(*client).en, tcp::MAX_STREAM_OCTETS, tcp::MAX_TAIL_OCTETS, MAX_KEPT_OCTETS),
                format!("{}发送的 {octets} 个字节未显示：已达到内存上限（每方保留最前面的 {} 字节和最后的 {} 字节，总计 {} 字节）", side(*client).zh, tcp::MAX_STREAM_OCTETS, tcp::MAX_TAIL_OCTETS, MAX_KEPT_OCTETS),
            ),
            StreamNote::Encrypted { octets } => Text::new(
                format!("after STARTTLS the stream is encrypted: {octets} octets not decoded"),
                format!("STARTTLS 之后数据流已加密：{octets} 个字节未解码"),
            ),
        };
        text.get(lang).to_string()
    }
}

/// One TCP stream of the capture.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Stream {
    /// What it carries.
    pub kind: StreamKind,
    /// The client's address and port (for SMTP: the side that did not greet; otherwise the
    /// side that sent the SYN).
    pub client: SocketAddr,
    /// The server's.
    pub server: SocketAddr,
    /// Time of its first packet (µs since the Unix epoch).
    pub start_us: u64,
    /// Time of its last packet.
    pub end_us: u64,
    /// Its packets.
    pub packets: usize,
    /// Payload octets from the client.
    pub client_octets: u64,
    /// Payload octets from the server.
    pub server_octets: u64,
    /// The transcript (SMTP streams only).
    pub entries: Vec<Entry>,
    /// Each command with its reply's code and time, in order (SMTP streams only).
    pub replies: Vec<Reply>,
    /// What to know about it.
    pub notes: Vec<StreamNote>,
}

impl Stream {
    /// Its duration in microseconds.
    pub fn duration_us(&self) -> u64 {
        self.end_us.saturating_sub(self.start_us)
    }

    /// The transcript as `C: `/`S: ` lines (each ending in `\n`), with `-- ` lines for the
    /// gaps and the STARTTLS boundary in `lang`: the text [`crate::analyze::analyze`] reads.
    pub fn transcript(&self, lang: Lang) -> String {
        let mut out = String::new();
        for entry in &self.entries {
            match entry {
                Entry::Client(line) => {
                    out.push_str("C: ");
                    out.push_str(line);
                }
                Entry::Server(line) => {
                    out.push_str("S: ");
                    out.push_str(line);
                }
                Entry::Gap {
                    client,
                    octets,
                    cause,
                } => {
                    let text = match cause {
                        GapCause::Lost => Text::new(
                            format!("-- [{octets} octets missing] from the {}", side(*client).en),
                            format!("-- [缺少 {octets} 个字节]，来自{}", side(*client).zh),
                        ),
                        GapCause::Snaplen => Text::new(
                            format!("-- [{octets} octets missing] from the {}: cut by the capture's snaplen", side(*client).en),
                            format!("-- [缺少 {octets} 个字节]，来自{}：被抓包的 snaplen 截掉", side(*client).zh),
                        ),
                        GapCause::OverLimit => Text::new(
                            format!("-- [{octets} octets not shown] from the {}: over the memory limit (the first {} and the last {} of each side are kept)", side(*client).en, tcp::MAX_STREAM_OCTETS, tcp::MAX_TAIL_OCTETS),
                            format!("-- [{octets} 个字节未显示]，来自{}：超出内存上限（每方只保留最前面的 {} 字节和最后的 {} 字节）", side(*client).zh, tcp::MAX_STREAM_OCTETS, tcp::MAX_TAIL_OCTETS),
                        ),
                    };
                    out.push_str(text.get(lang));
                }
                Entry::Folded { lines, octets } => out.push_str(
                    Text::new(
                        format!(
                            "-- [{lines} more lines of the message ({octets} octets) not shown]"
                        ),
                        format!("-- [另有 {lines} 行邮件内容（{octets} 字节）未显示]"),
                    )
                    .get(lang),
                ),
                Entry::TlsStarts => out.push_str(
                    Text::new(
                        "-- encrypted from here (STARTTLS)",
                        "-- 从这里开始加密（STARTTLS）",
                    )
                    .get(lang),
                ),
            }
            out.push('\n');
        }
        out
    }

    /// The reply that took longest.
    pub fn slowest(&self) -> Option<&Reply> {
        self.replies
            .iter()
            .filter(|r| r.latency_us.is_some())
            .max_by_key(|r| r.latency_us)
    }
}

/// Everything read from a capture.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Capture {
    /// pcap or pcapng.
    pub format: FileFormat,
    /// Packets in the file.
    pub packets: usize,
    /// TCP packets among them.
    pub tcp_packets: usize,
    /// Packets that are not TCP (ARP, UDP, ICMP …).
    pub other_packets: usize,
    /// Packets whose headers could not be read, or on an interface of an unknown link type.
    pub unreadable_packets: usize,
    /// Packets the capture kept only the start of (snaplen).
    pub cut_packets: usize,
    /// How the file ended early, if it did.
    pub ended_early: Option<EndedEarly>,
    /// Whether the file was longer than [`MAX_CAPTURE_OCTETS`] and cut.
    pub file_cut: bool,
    /// TCP connections not followed (more than [`tcp::MAX_CONNECTIONS`]).
    pub connections_ignored: usize,
    /// Whether [`MAX_KEPT_OCTETS`] was reached.
    pub budget_spent: bool,
    /// Every TCP stream, in order of its first packet.
    pub streams: Vec<Stream>,
}

impl Capture {
    /// What to know about the whole file, in `lang`.
    pub fn notes(&self, lang: Lang) -> Vec<String> {
        let mut notes = Vec::new();
        match self.ended_early {
            Some(EndedEarly::Truncated { after }) => notes.push(Text::new(
                format!("the file is truncated: it ends inside the record after packet {after} (the rest is missing)"),
                format!("文件不完整：在第 {after} 个数据包之后的记录中间就结束了（其余部分缺失）"),
            )),
            Some(EndedEarly::Corrupt { after }) => notes.push(Text::new(
                format!("the file is damaged after packet {after}: the next record cannot be read, so reading stopped there"),
                format!("文件在第 {after} 个数据包之后损坏：下一条记录无法读取，读取到此为止"),
            )),
            None => {}
        }
        if self.file_cut {
            notes.push(Text::new(
                format!(
                    "only the first {} MiB of the file were read",
                    MAX_CAPTURE_OCTETS >> 20
                ),
                format!("只读取了文件的前 {} MiB", MAX_CAPTURE_OCTETS >> 20),
            ));
        }
        if self.cut_packets > 0 {
            notes.push(Text::new(
                format!("{} packets were cut by the capture's snaplen (only their start was kept; capture with tcpdump -s 0)", self.cut_packets),
                format!("有 {} 个数据包被抓包的 snaplen 截断（只保留了开头；请用 tcpdump -s 0 抓包）", self.cut_packets),
            ));
        }
        if self.unreadable_packets > 0 {
            notes.push(Text::new(
                format!("{} packets could not be read (headers cut or damaged, or an unsupported link type)", self.unreadable_packets),
                format!("有 {} 个数据包无法读取（包头被截断或损坏，或链路类型不受支持）", self.unreadable_packets),
            ));
        }
        if self.connections_ignored > 0 {
            notes.push(Text::new(
                format!(
                    "{} TCP connections were not followed: at most {} are",
                    self.connections_ignored,
                    tcp::MAX_CONNECTIONS
                ),
                format!(
                    "有 {} 个 TCP 连接未被跟踪：最多跟踪 {} 个",
                    self.connections_ignored,
                    tcp::MAX_CONNECTIONS
                ),
            ));
        }
        if self.budget_spent {
            notes.push(Text::new(
                format!("the memory limit of {} MiB of stream data was reached: later data is not shown", MAX_KEPT_OCTETS >> 20),
                format!("已达到 {} MiB 的数据流内存上限：之后的数据未显示", MAX_KEPT_OCTETS >> 20),
            ));
        }
        notes.into_iter().map(|t| t.get(lang).to_string()).collect()
    }

    /// The SMTP streams.
    pub fn smtp_streams(&self) -> impl Iterator<Item = &Stream> {
        self.streams.iter().filter(|s| s.kind == StreamKind::Smtp)
    }
}

/// How far a [`Reader`] got.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Progress {
    /// Octets of the file read.
    pub octets_read: usize,
    /// Octets of the file in all (at most [`MAX_CAPTURE_OCTETS`]).
    pub octets_total: usize,
    /// Packets read.
    pub packets: usize,
    /// Whether the whole file has been read (then call [`Reader::finish`]).
    pub done: bool,
}

/// A capture read a few packets at a time: [`Reader::step`] returns after at most so many
/// packets with the progress, so a caller that must stay responsive (the page's worker) can
/// report it between steps. [`read`] does all steps at once.
pub struct Reader<'a> {
    file: file::FileReader<'a>,
    reassembler: tcp::Reassembler,
    file_cut: bool,
    // packets, tcp, other, unreadable, cut
    counts: [usize; 5],
}

impl<'a> Reader<'a> {
    /// Reads the file header. Errors when the file cannot be read at all (not a capture,
    /// header truncated or damaged, link type unknown).
    pub fn new(bytes: &'a [u8]) -> Result<Reader<'a>, CaptureError> {
        let file_cut = bytes.len() > MAX_CAPTURE_OCTETS;
        let bytes = bytes.get(..MAX_CAPTURE_OCTETS).unwrap_or(bytes);
        Ok(Reader {
            file: file::FileReader::open(bytes)?,
            reassembler: tcp::Reassembler::new(MAX_KEPT_OCTETS),
            file_cut,
            counts: [0; 5],
        })
    }

    /// Reads at most `max_packets` more packets.
    pub fn step(&mut self, max_packets: usize) -> Progress {
        let mut done = false;
        for _ in 0..max_packets {
            let Some(raw) = self.file.next_packet() else {
                done = true;
                break;
            };
            self.packet(&raw);
        }
        let (octets_read, octets_total) = self.file.progress();
        Progress {
            octets_read,
            octets_total,
            packets: self.counts[0],
            done: done || octets_read >= octets_total,
        }
    }

    fn packet(&mut self, raw: &file::RawPacket<'_>) {
        let index = self.counts[0];
        self.counts[0] += 1;
        let Ok(link) = raw.link else {
            self.counts[3] += 1;
            return;
        };
        match packet::decode(link, raw.data) {
            packet::Decoded::Tcp(segment) => {
                self.counts[1] += 1;
                if segment.missing > 0 {
                    self.counts[4] += 1;
                }
                self.reassembler.segment(index, raw.time_us, &segment);
            }
            packet::Decoded::Other => self.counts[2] += 1,
            packet::Decoded::Unreadable => {
                self.counts[3] += 1;
                if (raw.data.len() as u64) < u64::from(raw.orig_len) {
                    self.counts[4] += 1;
                }
            }
        }
    }

    /// Reads what is left, then reads every stream.
    pub fn finish(mut self) -> Result<Capture, CaptureError> {
        while !self.step(usize::MAX).done {}
        let summary = self.file.finish()?;
        let (connections, connections_ignored, budget_spent) = self.reassembler.finish();
        let mut streams: Vec<Stream> = connections.iter().map(smtp::stream).collect();
        streams.sort_by_key(|s| s.start_us);
        let [packets, tcp_packets, other_packets, unreadable_packets, cut_packets] = self.counts;
        Ok(Capture {
            format: summary.format,
            packets,
            tcp_packets,
            other_packets,
            unreadable_packets,
            cut_packets,
            ended_early: summary.ended_early,
            file_cut: self.file_cut,
            connections_ignored,
            budget_spent,
            streams,
        })
    }
}

/// Reads a capture file's bytes: every TCP stream reassembled and read.
///
/// Errors only when nothing can be read (not a capture, header truncated or damaged, link
/// type unknown); a file that ends or breaks later gives what was read before, and says so.
pub fn read(bytes: &[u8]) -> Result<Capture, CaptureError> {
    Reader::new(bytes)?.finish()
}

/// A time in µs since the Unix epoch as `YYYY-MM-DD HH:MM:SS.ffffff UTC` (proleptic
/// Gregorian calendar; H. Hinnant's days-to-civil algorithm).
pub fn format_time(time_us: u64) -> String {
    let secs = time_us / 1_000_000;
    let micros = time_us % 1_000_000;
    let days = i64::try_from(secs / 86_400).unwrap_or(0);
    let rem = secs % 86_400;
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02} {:02}:{:02}:{:02}.{micros:06} UTC",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

/// A duration in µs for people: `850 µs`, `12.3 ms`, `4.21 s`.
pub fn format_duration(us: u64) -> String {
    if us < 1000 {
        format!("{us} µs")
    } else if us < 1_000_000 {
        format!("{:.1} ms", us as f64 / 1000.0)
    } else {
        format!("{:.2} s", us as f64 / 1_000_000.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_print_in_utc() {
        assert_eq!(format_time(0), "1970-01-01 00:00:00.000000 UTC");
        // 2000-02-29 12:34:56.789 UTC = 951827696 s.
        assert_eq!(
            format_time(951_827_696_789_000),
            "2000-02-29 12:34:56.789000 UTC"
        );
    }
}
