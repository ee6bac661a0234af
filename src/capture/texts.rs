//! The texts of a capture's report, shared by `smtp-trainer analyze FILE.pcap` and the
//! analyze page, in English and Simplified Chinese.

use crate::i18n::Tr;

/// A label of the capture report.
pub const PACKETS: Tr = Tr::new("packets", "个数据包");
/// The capture report's first line: the file's format and what it holds.
pub const SUMMARY: Tr = Tr::new(
    "Capture: {format}, {packets} packets ({tcp} TCP), {streams} TCP streams ({smtp} SMTP)",
    "抓包文件：{format}，{packets} 个数据包（{tcp} TCP），{streams} 个 TCP 数据流（{smtp} 个 SMTP）",
);
/// A label of the capture report.
pub const NO_SMTP: Tr = Tr::new(
    "No SMTP conversation in this capture (a stream is SMTP when a server greets with 220 and its client answers with EHLO or HELO, or, in a capture started later, when a client's command gets a reply; on any port).",
    "这个抓包中没有 SMTP 会话（服务器以 220 问候、客户端以 EHLO 或 HELO 应答的数据流才算 SMTP；抓包开始得晚时，客户端的命令得到回复也算；与端口无关）。",
);
/// A label of the capture report.
pub const STREAM: Tr = Tr::new("Stream", "数据流");
/// A label of the capture report.
pub const CLIENT: Tr = Tr::new("client", "客户端");
/// A label of the capture report.
pub const SERVER: Tr = Tr::new("server", "服务器");
/// A label of the capture report.
pub const START: Tr = Tr::new("start", "开始");
/// A label of the capture report.
pub const DURATION: Tr = Tr::new("duration", "持续");
/// A stream's times and sizes, under its heading.
pub const STREAM_SIZES: Tr = Tr::new(
    "start {start}; duration {duration}; {packets} packets; client {client} octets, server {server} octets",
    "开始 {start}；持续 {duration}；{packets} 个数据包；客户端 {client} 字节，服务器 {server} 字节",
);
/// A label of the capture report.
pub const REPLY_TIMES: Tr = Tr::new(
    "Reply times (from the command's packet to the reply's first packet)",
    "回复耗时（从命令所在的数据包到回复的第一个数据包）",
);
/// A label of the capture report.
pub const SLOWEST: Tr = Tr::new("Slowest reply", "最慢的回复");
/// A label of the capture report.
pub const LINE: Tr = Tr::new("line", "行");
