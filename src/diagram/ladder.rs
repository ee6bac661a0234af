//! A session's ladder diagram: the client's and the server's lifelines, one arrow per
//! command and per reply (a multi-line reply is one arrow, the message between DATA's `354`
//! and the final `.` is one arrow), coloured by reply class (RFC 5321 §4.2.1: 2yz, 3yz,
//! 4yz, 5yz), the phases of the dialog shaded, commands sent without waiting for a reply
//! drawn as one flight (RFC 2920's pipelining) and the point where TLS starts marked
//! (RFC 3207 §4: after `220` to STARTTLS both sides start over).
//!
//! It takes any transcript: the console's entries, the composer's dialog, the analyzer's
//! annotated lines — each line given as [`Input`] with the index the page knows it by, so a
//! click on an arrow can open that line's explanation.

use std::fmt::Write as _;

use super::{escape, fit, open_svg, text};
use crate::analyze::{Analysis, Kind};
use crate::i18n::{Fill, Lang, Tr};

/// One line of a transcript, as the ladder reads it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Input {
    /// A line the client sent (a command, an AUTH answer, a line of the message).
    Client {
        /// The line without CRLF.
        text: String,
        /// The caller's index of the line.
        source: usize,
    },
    /// A line of a server reply.
    Server {
        /// The line without CRLF.
        text: String,
        /// The caller's index of the line.
        source: usize,
    },
    /// TLS started here (a handshake the transcript notes).
    TlsStarted,
    /// The message, counted rather than listed (a client's log that summarises it).
    Message {
        /// How many lines it has (the final "." not counted).
        lines: usize,
        /// The caller's index of the summary.
        source: usize,
    },
}

/// Who sent an arrow.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    /// The client.
    Client,
    /// The server.
    Server,
}

/// What an arrow carries, which gives its colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Class {
    /// A command (or an AUTH answer).
    Command,
    /// The message itself (DATA's content).
    Message,
    /// 2yz: positive completion.
    Positive,
    /// 3yz: positive intermediate.
    Intermediate,
    /// 4yz: transient negative.
    Transient,
    /// 5yz: permanent negative.
    Permanent,
    /// A server line without a reply code.
    Other,
}

impl Class {
    /// A stable id: `command`, `message`, `2xx` … `5xx`, `other`.
    pub fn id(self) -> &'static str {
        match self {
            Class::Command => "command",
            Class::Message => "message",
            Class::Positive => "2xx",
            Class::Intermediate => "3xx",
            Class::Transient => "4xx",
            Class::Permanent => "5xx",
            Class::Other => "other",
        }
    }

    /// The arrow's colour.
    pub fn colour(self) -> &'static str {
        match self {
            Class::Command => "#24292f",
            Class::Message => "#6639ba",
            Class::Positive => "#1a7f37",
            Class::Intermediate => "#0969da",
            Class::Transient => "#9a6700",
            Class::Permanent => "#cf222e",
            Class::Other => "#57606a",
        }
    }

    fn of_reply(line: &str) -> Class {
        match line.as_bytes() {
            [d @ b'2'..=b'5', b'0'..=b'9', b'0'..=b'9', ..] => match d {
                b'2' => Class::Positive,
                b'3' => Class::Intermediate,
                b'4' => Class::Transient,
                _ => Class::Permanent,
            },
            _ => Class::Other,
        }
    }
}

/// The part of the dialog an arrow belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    /// The server's greeting (RFC 5321 §4.3.1).
    Greeting,
    /// EHLO/HELO and the extensions.
    Ehlo,
    /// STARTTLS.
    Tls,
    /// AUTH and its exchange.
    Auth,
    /// MAIL FROM and RCPT TO.
    Envelope,
    /// DATA and the message.
    Data,
    /// QUIT.
    Quit,
    /// Anything else (RSET, NOOP, VRFY, HELP, an unknown command).
    Other,
}

impl Phase {
    /// A stable id.
    pub fn id(self) -> &'static str {
        match self {
            Phase::Greeting => "greeting",
            Phase::Ehlo => "ehlo",
            Phase::Tls => "tls",
            Phase::Auth => "auth",
            Phase::Envelope => "envelope",
            Phase::Data => "data",
            Phase::Quit => "quit",
            Phase::Other => "other",
        }
    }

    /// The phase's name.
    pub fn name(self) -> Tr {
        match self {
            Phase::Greeting => Tr::new("greeting", "问候"),
            Phase::Ehlo => Tr::new("EHLO", "EHLO"),
            Phase::Tls => Tr::new("TLS", "TLS"),
            Phase::Auth => Tr::new("AUTH", "认证"),
            Phase::Envelope => Tr::new("envelope", "信封"),
            Phase::Data => Tr::new("DATA", "DATA"),
            Phase::Quit => Tr::new("QUIT", "QUIT"),
            Phase::Other => Tr::new("other", "其他"),
        }
    }

    /// The band's fill.
    pub fn shade(self) -> &'static str {
        match self {
            Phase::Greeting => "#f6f8fa",
            Phase::Ehlo => "#eef6ff",
            Phase::Tls => "#fff8e5",
            Phase::Auth => "#fbefff",
            Phase::Envelope => "#eafbef",
            Phase::Data => "#fff1e5",
            Phase::Quit => "#f6f8fa",
            Phase::Other => "#ffffff",
        }
    }

    /// The phase a command starts.
    fn of_command(line: &str) -> Phase {
        let verb: String = line
            .split([' ', ':'])
            .next()
            .unwrap_or_default()
            .to_ascii_uppercase();
        match verb.as_str() {
            "EHLO" | "HELO" | "LHLO" => Phase::Ehlo,
            "STARTTLS" => Phase::Tls,
            "AUTH" => Phase::Auth,
            "MAIL" | "RCPT" => Phase::Envelope,
            "DATA" | "BDAT" => Phase::Data,
            "QUIT" => Phase::Quit,
            _ => Phase::Other,
        }
    }
}

/// One arrow.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Arrow {
    /// Who sent it.
    pub from: Side,
    /// Its lines (a multi-line reply, the message's lines).
    pub lines: Vec<String>,
    /// The caller's indexes of those lines.
    pub sources: Vec<usize>,
    /// What it carries.
    pub class: Class,
    /// The dialog's phase.
    pub phase: Phase,
    /// The flight (pipelined group) it belongs to, an index into [`Ladder::flights`].
    pub flight: Option<usize>,
    /// Its vertical position (the arrow's line), in pixels from the top.
    pub y: i32,
    /// For the message: its lines, the final "." not counted.
    pub message_lines: usize,
}

impl Arrow {
    /// The label drawn on the arrow: the first line, or for the message its size.
    pub fn label(&self, lang: Lang) -> String {
        match self.class {
            Class::Message => Tr::new(
                "message: {n} lines, then “.”",
                "邮件内容：{n} 行，然后是“.”",
            )
            .get(lang)
            .fill(&[("n", &self.message_lines)]),
            _ => {
                let first = self.lines.first().map_or("", String::as_str);
                if self.lines.len() > 1 {
                    format!("{first} (+{})", self.lines.len() - 1)
                } else {
                    first.to_string()
                }
            }
        }
    }
}

/// A shaded band of consecutive arrows of one phase.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Band {
    /// The phase.
    pub phase: Phase,
    /// The first arrow's index.
    pub first: usize,
    /// The last arrow's index.
    pub last: usize,
    /// Top edge, pixels.
    pub top: i32,
    /// Bottom edge, pixels.
    pub bottom: i32,
}

/// A session laid out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ladder {
    /// The arrows, in order.
    pub arrows: Vec<Arrow>,
    /// The phase bands, top to bottom.
    pub bands: Vec<Band>,
    /// Each flight's arrows (first and last index), two or more commands sent together.
    pub flights: Vec<(usize, usize)>,
    /// TLS starts before the arrow with this index (or at the end, when it equals the
    /// number of arrows), at the y given.
    pub tls: Option<(usize, i32)>,
    /// The diagram's width and height in pixels.
    pub width: i32,
    /// See `width`.
    pub height: i32,
    /// Arrows past [`MAX_ARROWS`], not drawn.
    pub left_out: usize,
}

/// The most arrows a ladder draws. A pasted log of 20 000 lines would otherwise be an SVG
/// of megabytes, built and parsed on the page's main thread for the better part of a
/// second; its lines are all listed beside it anyway.
pub const MAX_ARROWS: usize = 400;

/// The client's lifeline's x.
pub const CLIENT_X: i32 = 120;
/// The server's lifeline's x.
pub const SERVER_X: i32 = 600;
const WIDTH: i32 = 640;
const HEAD: i32 = 44;
const ROW: i32 = 30;
/// A flight's arrows are drawn closer together: sent in one go.
const FLIGHT_ROW: i32 = 18;

/// What the dialog waits for next, to read the client's lines right.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Commands,
    /// After a `334`: the next client line is an AUTH answer.
    AuthAnswer,
    /// After `354`: client lines up to "." are the message.
    Message,
}

/// Lays out a transcript.
pub fn layout(inputs: &[Input]) -> Ladder {
    let mut arrows: Vec<Arrow> = Vec::new();
    let mut tls: Option<usize> = None;
    // Phases of the commands still waiting for their replies (pipelining: in order).
    let mut pending: std::collections::VecDeque<Phase> = std::collections::VecDeque::new();
    let mut mode = Mode::Commands;
    let mut phase = Phase::Greeting;
    let mut reply_open = false;
    let mut starttls_pending = false;
    for input in inputs {
        match input {
            Input::TlsStarted => {
                tls = Some(arrows.len());
                reply_open = false;
            }
            Input::Message { lines, source } => {
                reply_open = false;
                mode = Mode::Commands;
                pending.push_back(Phase::Data);
                arrows.push(Arrow {
                    class: Class::Message,
                    message_lines: *lines,
                    ..client_arrow(&format!("({lines})"), *source, Phase::Data)
                });
            }
            Input::Server { text, source } => {
                if reply_open {
                    if let Some(last) = arrows.last_mut() {
                        last.lines.push(text.clone());
                        last.sources.push(*source);
                    }
                } else {
                    let reply_phase = pending.pop_front().unwrap_or(phase);
                    arrows.push(Arrow {
                        from: Side::Server,
                        lines: vec![text.clone()],
                        sources: vec![*source],
                        class: Class::of_reply(text),
                        phase: reply_phase,
                        flight: None,
                        y: 0,
                        message_lines: 0,
                    });
                }
                // A `ddd-` line is continued by the next one (RFC 5321 §4.2.1).
                reply_open = text.as_bytes().get(3) == Some(&b'-');
                if !reply_open {
                    let code = text.get(..3).unwrap_or_default();
                    mode = match code {
                        "334" => Mode::AuthAnswer,
                        "354" => Mode::Message,
                        _ => Mode::Commands,
                    };
                    if std::mem::take(&mut starttls_pending) && code == "220" {
                        tls = Some(arrows.len());
                    }
                }
            }
            Input::Client { text, source } => {
                reply_open = false;
                match mode {
                    Mode::Message => {
                        let continuing = arrows
                            .last()
                            .is_some_and(|a| a.class == Class::Message && a.from == Side::Client);
                        if continuing {
                            if let Some(last) = arrows.last_mut() {
                                last.lines.push(text.clone());
                                last.sources.push(*source);
                                if text != "." {
                                    last.message_lines += 1;
                                }
                            }
                        } else {
                            arrows.push(Arrow {
                                from: Side::Client,
                                lines: vec![text.clone()],
                                sources: vec![*source],
                                class: Class::Message,
                                phase: Phase::Data,
                                flight: None,
                                y: 0,
                                message_lines: usize::from(text != "."),
                            });
                        }
                        if text == "." {
                            mode = Mode::Commands;
                            pending.push_back(Phase::Data);
                        }
                    }
                    Mode::AuthAnswer => {
                        mode = Mode::Commands;
                        pending.push_back(Phase::Auth);
                        arrows.push(client_arrow(text, *source, Phase::Auth));
                    }
                    Mode::Commands => {
                        phase = Phase::of_command(text);
                        starttls_pending = phase == Phase::Tls;
                        pending.push_back(phase);
                        arrows.push(client_arrow(text, *source, phase));
                    }
                }
            }
        }
    }
    let left_out = arrows.len().saturating_sub(MAX_ARROWS);
    arrows.truncate(MAX_ARROWS);
    if tls.is_some_and(|t| t > arrows.len()) {
        tls = None;
    }
    // A flight: two or more commands in a row, no reply between them.
    let mut flights = Vec::new();
    let mut start = None;
    for i in 0..=arrows.len() {
        let command = arrows
            .get(i)
            .is_some_and(|a| a.from == Side::Client && a.class == Class::Command);
        match (command, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                if i - s >= 2 {
                    flights.push((s, i - 1));
                }
                start = None;
            }
            _ => {}
        }
    }
    for (n, &(first, last)) in flights.iter().enumerate() {
        for arrow in &mut arrows[first..=last] {
            arrow.flight = Some(n);
        }
    }
    // Vertical positions: one row an arrow, a flight's rows closer, room for the TLS line.
    let mut y = HEAD;
    let mut tls_y = None;
    for (i, arrow) in arrows.iter_mut().enumerate() {
        if tls == Some(i) {
            tls_y = Some(y + ROW / 2 - 1);
            y += ROW / 2;
        }
        let in_flight_after_first = arrow.flight.is_some() && i > 0 && {
            let previous = i - 1;
            flights.iter().any(|&(f, l)| previous >= f && i <= l)
        };
        y += if in_flight_after_first {
            FLIGHT_ROW
        } else {
            ROW
        };
        arrow.y = y;
    }
    if tls == Some(arrows.len()) {
        tls_y = Some(y + ROW / 2 - 1);
        y += ROW / 2;
    }
    let height = y + ROW / 2 + 6;
    // Bands: consecutive arrows of one phase.
    let mut bands: Vec<Band> = Vec::new();
    for (i, arrow) in arrows.iter().enumerate() {
        let top = arrow.y - ROW / 2 - 2;
        let bottom = arrow.y + 10;
        match bands.last_mut() {
            Some(band) if band.phase == arrow.phase => {
                band.last = i;
                band.bottom = bottom;
            }
            _ => {
                if let Some(band) = bands.last_mut() {
                    band.bottom = band.bottom.min(top);
                }
                bands.push(Band {
                    phase: arrow.phase,
                    first: i,
                    last: i,
                    top,
                    bottom,
                });
            }
        }
    }
    Ladder {
        arrows,
        bands,
        flights,
        tls: tls.zip(tls_y),
        width: WIDTH,
        height,
        left_out,
    }
}

fn client_arrow(text: &str, source: usize, phase: Phase) -> Arrow {
    Arrow {
        from: Side::Client,
        lines: vec![text.to_string()],
        sources: vec![source],
        class: Class::Command,
        phase,
        flight: None,
        y: 0,
        message_lines: 0,
    }
}

/// The lines of an analyzed log that cross the wire, as ladder input: each line's SMTP text
/// without the log's own prefix (`Got: `, `<- `, a timestamp), its source the line's number.
pub fn from_analysis(analysis: &Analysis) -> Vec<Input> {
    let mut inputs = Vec::new();
    for line in &analysis.lines {
        let raw = line.raw.as_str();
        let source = line.number;
        match &line.kind {
            Kind::Command { verb, .. } => {
                let at = raw.to_ascii_uppercase().find(verb.as_str()).unwrap_or(0);
                inputs.push(Input::Client {
                    text: raw.get(at..).unwrap_or(raw).trim_end().to_string(),
                    source,
                });
            }
            Kind::Reply { code, .. } => {
                let code = code.to_string();
                let at = raw
                    .match_indices(code.as_str())
                    .map(|(i, _)| i)
                    .find(|&i| {
                        let after = raw.as_bytes().get(i + 3);
                        let before = i.checked_sub(1).and_then(|b| raw.as_bytes().get(b));
                        matches!(after, None | Some(b' ' | b'-'))
                            && !before.is_some_and(u8::is_ascii_digit)
                    })
                    .unwrap_or(0);
                inputs.push(Input::Server {
                    text: raw.get(at..).unwrap_or(raw).trim_end().to_string(),
                    source,
                });
            }
            Kind::Data { end } => inputs.push(Input::Client {
                text: if *end {
                    ".".to_string()
                } else {
                    raw.to_string()
                },
                source,
            }),
            Kind::Sasl => inputs.push(Input::Client {
                text: raw.split_whitespace().last().unwrap_or(raw).to_string(),
                source,
            }),
            _ => {}
        }
    }
    inputs
}

/// The diagram's title (also its accessible name).
pub const TITLE: Tr = Tr::new("Session ladder diagram", "会话阶梯图");
const CLIENT: Tr = Tr::new("Client", "客户端");
const SERVER: Tr = Tr::new("Server", "服务器");
const TLS_LINE: Tr = Tr::new(
    "TLS starts: everything below is encrypted",
    "TLS 开始：以下内容均已加密",
);
const FLIGHT: Tr = Tr::new("pipelined", "流水线");
const SENT_BY_CLIENT: Tr = Tr::new("client sends", "客户端发送");
const SENT_BY_SERVER: Tr = Tr::new("server replies", "服务器回复");

/// A sentence for screen readers: how many arrows of which kind, and the phases.
pub fn summary(ladder: &Ladder, lang: Lang) -> String {
    let commands = ladder
        .arrows
        .iter()
        .filter(|a| a.from == Side::Client)
        .count();
    let replies = ladder.arrows.len() - commands;
    let phases: Vec<&str> = ladder
        .bands
        .iter()
        .map(|b| b.phase.name().get(lang))
        .collect();
    let drawn = Tr::new(
        "{c} arrows from the client, {r} replies from the server; phases: {p}.",
        "客户端 {c} 个箭头，服务器 {r} 个回复；阶段：{p}。",
    )
    .get(lang)
    .fill(&[
        ("c", &commands),
        ("r", &replies),
        (
            "p",
            &phases.join(if lang == Lang::Zh { "、" } else { ", " }),
        ),
    ]);
    if ladder.left_out == 0 {
        return drawn;
    }
    let cut = Tr::new(
        "Only the first {n} arrows are drawn; {m} more are not (every line is in the list).",
        "只画出前 {n} 个箭头，其余 {m} 个未画出（所有行都在列表中）。",
    )
    .get(lang)
    .fill(&[("n", &ladder.arrows.len()), ("m", &ladder.left_out)]);
    format!("{drawn} {cut}")
}

/// The ladder as SVG. Each arrow is a `<g data-arrow="N">` (with `data-class`,
/// `data-phase`, `data-source` — the first line's index — and `data-flight`); with
/// `interactive` it is also focusable with a button role, so the page can open the line's
/// explanation on a click or Enter.
pub fn svg(ladder: &Ladder, lang: Lang, interactive: bool) -> String {
    let mut out = String::new();
    open_svg(
        &mut out,
        u32::try_from(ladder.width).unwrap_or(0),
        u32::try_from(ladder.height).unwrap_or(0),
        "ladder-svg",
        TITLE.get(lang),
    );
    let _ = write!(out, "<desc>{}</desc>", escape(&summary(ladder, lang)));
    for band in &ladder.bands {
        let _ = write!(
            out,
            r##"<rect x="0" y="{}" width="{}" height="{}" fill="{}" data-band="{}"/>"##,
            band.top,
            ladder.width,
            band.bottom - band.top,
            band.phase.shade(),
            band.phase.id()
        );
        text(
            &mut out,
            8,
            band.top + 14,
            "start",
            r##"fill="#57606a" font-size="11" font-weight="600""##,
            band.phase.name().get(lang),
        );
    }
    // Lifelines and their heads.
    for (x, who) in [(CLIENT_X, CLIENT), (SERVER_X, SERVER)] {
        let _ = write!(
            out,
            r##"<rect x="{}" y="6" width="76" height="22" rx="4" fill="#24292f"/><line x1="{x}" y1="28" x2="{x}" y2="{}" stroke="#8c959f" stroke-width="2"/>"##,
            x - 38,
            ladder.height - 4
        );
        text(
            &mut out,
            x,
            21,
            "middle",
            r##"fill="#ffffff" font-weight="600""##,
            who.get(lang),
        );
    }
    for &(first, last) in &ladder.flights {
        if let (Some(a), Some(b)) = (ladder.arrows.get(first), ladder.arrows.get(last)) {
            let (top, bottom) = (a.y - 8, b.y + 4);
            let _ = write!(
                out,
                r##"<path d="M{l},{top}h-6v{h}h6" fill="none" stroke="#6639ba" stroke-width="1.5" data-flight="{first}-{last}"/>"##,
                l = CLIENT_X - 6,
                h = bottom - top,
            );
            text(
                &mut out,
                CLIENT_X - 16,
                (top + bottom) / 2 + 4,
                "end",
                r##"fill="#6639ba" font-size="11""##,
                FLIGHT.get(lang),
            );
        }
    }
    if let Some((_, y)) = ladder.tls {
        let _ = write!(
            out,
            r##"<line x1="0" y1="{y}" x2="{}" y2="{y}" stroke="#9a6700" stroke-width="2" stroke-dasharray="6 4" data-tls="true"/>"##,
            ladder.width
        );
        text(
            &mut out,
            (CLIENT_X + SERVER_X) / 2,
            y - 3,
            "middle",
            r##"fill="#9a6700" font-size="11" font-weight="600""##,
            TLS_LINE.get(lang),
        );
    }
    for (n, arrow) in ladder.arrows.iter().enumerate() {
        let (x1, x2) = match arrow.from {
            Side::Client => (CLIENT_X, SERVER_X - 2),
            Side::Server => (SERVER_X, CLIENT_X + 2),
        };
        let colour = arrow.class.colour();
        let label = arrow.label(lang);
        let who = match arrow.from {
            Side::Client => SENT_BY_CLIENT,
            Side::Server => SENT_BY_SERVER,
        };
        let name = format!("{}: {}", who.get(lang), arrow.lines.join(" / "));
        let source = arrow.sources.first().copied().unwrap_or_default();
        let flight = arrow
            .flight
            .map(|f| format!(r#" data-flight="{f}""#))
            .unwrap_or_default();
        let focus = if interactive {
            format!(
                r#" tabindex="0" role="button" aria-label="{}" cursor="pointer""#,
                escape(&name)
            )
        } else {
            String::new()
        };
        let _ = write!(
            out,
            r#"<g data-arrow="{n}" data-class="{}" data-phase="{}" data-source="{source}"{flight}{focus}><title>{}</title>"#,
            arrow.class.id(),
            arrow.phase.id(),
            escape(&name)
        );
        // A wide transparent stroke makes the arrow easy to hit with a finger.
        let _ = write!(
            out,
            r##"<line x1="{x1}" y1="{y}" x2="{x2}" y2="{y}" stroke="#ffffff" stroke-opacity="0" stroke-width="14"/><line x1="{x1}" y1="{y}" x2="{x2}" y2="{y}" stroke="{colour}" stroke-width="2"/><path d="M{x2},{y}l{back},-4v8z" fill="{colour}"/>"##,
            y = arrow.y,
            // The head drawn as a triangle, not a <marker>: several diagrams on one page
            // would repeat a marker's id.
            back = if x2 > x1 { -9 } else { 9 },
        );
        let label = fit(&label, SERVER_X - CLIENT_X - 16);
        let attrs = format!(r#"fill="{colour}" font-family="ui-monospace, monospace""#);
        text(
            &mut out,
            (CLIENT_X + SERVER_X) / 2,
            arrow.y - 5,
            "middle",
            &attrs,
            &label,
        );
        out.push_str("</g>");
    }
    out.push_str("</svg>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(text: &str, source: usize) -> Input {
        Input::Client {
            text: text.into(),
            source,
        }
    }

    fn s(text: &str, source: usize) -> Input {
        Input::Server {
            text: text.into(),
            source,
        }
    }

    /// A whole session: greeting, EHLO (multi-line), STARTTLS, EHLO again, AUTH LOGIN,
    /// a pipelined envelope, DATA with a message, a rejected recipient, QUIT.
    fn session() -> Vec<Input> {
        let lines = [
            "S:220 mail.example.com ESMTP",
            "C:EHLO client.example.com",
            "S:250-mail.example.com",
            "S:250-PIPELINING",
            "S:250 STARTTLS",
            "C:STARTTLS",
            "S:220 2.0.0 Ready to start TLS",
            "C:EHLO client.example.com",
            "S:250-mail.example.com",
            "S:250 AUTH LOGIN PLAIN",
            "C:AUTH LOGIN",
            "S:334 VXNlcm5hbWU6",
            "C:YWxpY2U=",
            "S:334 UGFzc3dvcmQ6",
            "C:c2VjcmV0",
            "S:235 2.7.0 Authentication successful",
            "C:MAIL FROM:<alice@example.com>",
            "C:RCPT TO:<bob@example.com>",
            "C:RCPT TO:<nobody@example.com>",
            "C:DATA",
            "S:250 2.1.0 Ok",
            "S:250 2.1.5 Ok",
            "S:550 5.1.1 <nobody@example.com>: Recipient address rejected",
            "S:354 End data with <CR><LF>.<CR><LF>",
            "C:Subject: hi",
            "C:",
            "C:hello",
            "C:.",
            "S:451 4.3.0 Error: queue file write error",
            "C:QUIT",
            "S:221 2.0.0 Bye",
        ];
        lines
            .iter()
            .enumerate()
            .map(|(i, l)| match l.split_at(2) {
                ("S:", t) => s(t, i),
                (_, t) => c(t, i),
            })
            .collect()
    }

    #[test]
    fn one_arrow_per_command_and_per_reply_a_multiline_reply_and_the_message_are_one() {
        let ladder = layout(&session());
        let sides: String = ladder
            .arrows
            .iter()
            .map(|a| match a.from {
                Side::Client => 'C',
                Side::Server => 'S',
            })
            .collect();
        // 220, EHLO, 250(3 lines), STARTTLS, 220, EHLO, 250(2), AUTH, 334, answer, 334,
        // answer, 235, MAIL, RCPT, RCPT, DATA, 250, 250, 550, 354, message, 451, QUIT, 221.
        assert_eq!(sides, "SCSCSCSCSCSCSCCCCSSSSCSCS");
        assert_eq!(ladder.arrows[2].lines.len(), 3);
        assert_eq!(ladder.arrows[2].sources, vec![2, 3, 4]);
        let message = &ladder.arrows[21];
        assert_eq!(message.class, Class::Message);
        assert_eq!(message.sources, vec![24, 25, 26, 27]);
        assert_eq!(message.label(Lang::En), "message: 3 lines, then “.”");
    }

    #[test]
    fn a_very_long_session_is_drawn_up_to_max_arrows_and_says_so() {
        let mut inputs = vec![s("220 mail.example.com ESMTP", 0)];
        for n in 0..1000 {
            inputs.push(c("NOOP", 2 * n + 1));
            inputs.push(s("250 2.0.0 Ok", 2 * n + 2));
        }
        let ladder = layout(&inputs);
        assert_eq!(ladder.arrows.len(), MAX_ARROWS);
        assert_eq!(ladder.left_out, 2001 - MAX_ARROWS);
        assert!(ladder.flights.iter().all(|&(_, last)| last < MAX_ARROWS));
        let en = summary(&ladder, Lang::En);
        assert!(
            en.contains("Only the first 400 arrows are drawn; 1601 more"),
            "{en}"
        );
        assert!(summary(&ladder, Lang::Zh).contains("只画出前 400 个箭头"));
        // A session within the limit says nothing of it.
        assert_eq!(layout(&session()).left_out, 0);
        assert!(!summary(&layout(&session()), Lang::En).contains("Only the first"));
    }

    #[test]
    fn replies_are_coloured_by_class() {
        let ladder = layout(&session());
        let class_of = |first_line: &str| {
            ladder
                .arrows
                .iter()
                .find(|a| a.lines[0].starts_with(first_line))
                .map(|a| (a.class.id(), a.class.colour()))
        };
        assert_eq!(class_of("235"), Some(("2xx", "#1a7f37")));
        assert_eq!(class_of("334 VXN"), Some(("3xx", "#0969da")));
        assert_eq!(class_of("451"), Some(("4xx", "#9a6700")));
        assert_eq!(class_of("550"), Some(("5xx", "#cf222e")));
        assert_eq!(class_of("MAIL"), Some(("command", "#24292f")));
        let svg = svg(&ladder, Lang::En, true);
        assert_eq!(svg.matches(r#"data-class="5xx""#).count(), 1);
        assert_eq!(svg.matches(r#"data-class="2xx""#).count(), 8);
        assert!(svg.contains(r##"stroke="#cf222e""##));
    }

    #[test]
    fn phases_follow_the_commands_and_replies_take_their_commands_phase() {
        let ladder = layout(&session());
        let phases: Vec<&str> = ladder.bands.iter().map(|b| b.phase.id()).collect();
        assert_eq!(
            phases,
            [
                "greeting", "ehlo", "tls", "ehlo", "auth", "envelope", "data", "envelope", "data",
                "quit"
            ]
        );
        // The pipelined replies: 250 (MAIL), 250 (RCPT), 550 (RCPT) are the envelope's,
        // 354 is DATA's; the 451 after "." is DATA's.
        let phase_of = |n: usize| ladder.arrows[n].phase;
        assert_eq!(phase_of(17), Phase::Envelope);
        assert_eq!(phase_of(19), Phase::Envelope);
        assert_eq!(phase_of(20), Phase::Data);
        assert_eq!(phase_of(22), Phase::Data);
        // Bands do not overlap and go down the page.
        for pair in ladder.bands.windows(2) {
            assert!(pair[0].bottom <= pair[1].top, "{pair:?}");
        }
    }

    #[test]
    fn pipelined_commands_are_one_flight_drawn_closer() {
        let ladder = layout(&session());
        assert_eq!(ladder.flights, vec![(13, 16)]);
        let ys: Vec<i32> = ladder.arrows[13..=16].iter().map(|a| a.y).collect();
        assert_eq!(
            ys.windows(2).map(|w| w[1] - w[0]).collect::<Vec<_>>(),
            [FLIGHT_ROW; 3]
        );
        assert_eq!(ladder.arrows[17].y - ladder.arrows[16].y, ROW);
        // One command at a time is no flight.
        assert!(ladder.arrows[..13].iter().all(|a| a.flight.is_none()));
        assert!(svg(&ladder, Lang::En, false).contains(r#"data-flight="13-16""#));
    }

    #[test]
    fn tls_starts_after_the_220_to_starttls() {
        let ladder = layout(&session());
        let (before, y) = ladder.tls.expect("a TLS boundary");
        assert_eq!(before, 5);
        assert!(ladder.arrows[4].y < y && y < ladder.arrows[5].y);
        // A transcript's own TLS note gives the same place.
        let mut noted = session();
        noted.insert(7, Input::TlsStarted);
        assert_eq!(layout(&noted).tls.map(|t| t.0), Some(5));
        // A refused STARTTLS starts nothing.
        let refused = vec![
            s("220 x", 0),
            c("STARTTLS", 1),
            s("454 4.7.0 TLS not available", 2),
        ];
        assert_eq!(layout(&refused).tls, None);
    }

    #[test]
    fn arrows_run_between_the_lifelines_in_order() {
        let ladder = layout(&session());
        for pair in ladder.arrows.windows(2) {
            assert!(pair[0].y < pair[1].y);
        }
        let last = ladder.arrows.last().expect("arrows");
        assert!(last.y < ladder.height);
        let svg = svg(&ladder, Lang::En, true);
        assert_eq!(svg.matches("<g data-arrow=").count(), ladder.arrows.len());
        // A client arrow goes from the client's lifeline to the server's.
        let y = ladder.arrows[1].y;
        assert!(svg.contains(&format!(
            r##"x1="{CLIENT_X}" y1="{y}" x2="{}" y2="{y}" stroke="#24292f""##,
            SERVER_X - 2
        )));
        assert!(svg.contains(">EHLO client.example.com</text>"));
        assert!(svg.contains(r#"role="button" aria-label="client sends: EHLO client.example.com""#));
        assert!(!super::svg(&ladder, Lang::En, false).contains("tabindex"));
    }

    #[test]
    fn both_languages_are_real_text() {
        let ladder = layout(&session());
        let zh = svg(&ladder, Lang::Zh, false);
        assert!(zh.contains(">客户端</text>"));
        assert!(zh.contains(">信封</text>"));
        assert!(zh.contains("TLS 开始"));
        assert!(zh.contains("<title>会话阶梯图</title>"));
        assert!(summary(&ladder, Lang::Zh).starts_with("客户端 12 个箭头，服务器 13 个回复"));
        let en = svg(&ladder, Lang::En, false);
        assert!(en.contains(">pipelined</text>"));
        assert!(en.contains("<desc>12 arrows from the client, 13 replies from the server"));
    }

    #[test]
    fn a_counted_message_is_one_arrow_answered_by_datas_reply() {
        let ladder = layout(&[
            c("DATA", 0),
            s("354 go ahead", 1),
            Input::Message {
                lines: 12,
                source: 2,
            },
            s("250 2.0.0 queued", 3),
        ]);
        assert_eq!(ladder.arrows[2].class, Class::Message);
        assert_eq!(
            ladder.arrows[2].label(Lang::En),
            "message: 12 lines, then “.”"
        );
        assert_eq!(ladder.arrows[3].phase, Phase::Data);
    }

    #[test]
    fn a_pasted_log_is_read_without_its_prefixes() {
        // Seed 000: DokuWiki's smtp plugin log, ending in 163.com's 553.
        let log = include_str!("../../tests/fixtures/seed000-dokuwiki.log");
        let analysis = crate::analyze::analyze(log);
        let ladder = layout(&from_analysis(&analysis));
        let first: Vec<&str> = ladder.arrows.iter().map(|a| a.lines[0].as_str()).collect();
        assert!(first[0].starts_with("220 "), "{first:?}");
        assert!(first.iter().any(|l| l.starts_with("EHLO ")), "{first:?}");
        let rejected = ladder
            .arrows
            .iter()
            .find(|a| a.class == Class::Permanent)
            .expect("the 553");
        assert!(rejected.lines[0].starts_with("553 Mail from must equal authorized user"));
        assert_eq!(rejected.phase, Phase::Envelope);
        // Each arrow's source is a line number of the log.
        for arrow in &ladder.arrows {
            for &n in &arrow.sources {
                assert!(analysis.line(n).is_some(), "line {n}");
            }
        }
        assert!(ladder.bands.iter().any(|b| b.phase == Phase::Auth));
    }

    #[test]
    fn markup_in_a_line_is_text() {
        let ladder = layout(&[s("220 <script>&</script>", 0)]);
        let svg = svg(&ladder, Lang::En, false);
        assert!(svg.contains("220 &lt;script&gt;&amp;&lt;/script&gt;"));
        assert!(!svg.contains("<script>"));
        assert_eq!(layout(&[]).arrows.len(), 0);
    }
}
