//! The texts of a capture's report, shared by `smtp-trainer analyze FILE.pcap` and the
//! analyze page, in English and Simplified Chinese.

use crate::i18n::Tr;

/// A label of the capture report.
pub const CAPTURE: Tr = Tr::new("Capture", "抓包文件");
/// A label of the capture report.
pub const PACKETS: Tr = Tr::new("packets", "个数据包");
/// A label of the capture report.
pub const TCP: Tr = Tr::new("TCP", "TCP");
/// A label of the capture report.
pub const STREAMS: Tr = Tr::new("TCP streams", "个 TCP 数据流");
/// A label of the capture report.
pub const SMTP_STREAMS: Tr = Tr::new("SMTP", "个 SMTP");
/// A label of the capture report.
pub const NO_SMTP: Tr = Tr::new(
    "No SMTP conversation in this capture (a stream is SMTP when a server greets with 220 and its client answers with EHLO or HELO, on any port).",
    "这个抓包中没有 SMTP 会话（服务器以 220 问候、客户端以 EHLO 或 HELO 应答的数据流才算 SMTP，与端口无关）。",
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
/// A label of the capture report.
pub const OCTETS: Tr = Tr::new("octets", "字节");
/// A label of the capture report.
pub const REPLY_TIMES: Tr = Tr::new(
    "Reply times (from the command's packet to the reply's first packet)",
    "回复耗时（从命令所在的数据包到回复的第一个数据包）",
);
/// A label of the capture report.
pub const SLOWEST: Tr = Tr::new("Slowest reply", "最慢的回复");
/// A label of the capture report.
pub const LINE: Tr = Tr::new("line", "行");
