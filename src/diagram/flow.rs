//! A mechanism's data-flow diagram: every step of a [`Trace`] a node (its label and a short
//! value), every operation an edge (concat, MD5, HMAC, XOR ipad/opad, hex, base64 …).
//!
//! The edges are read off the trace's own values, never from a table kept beside the
//! mechanisms: an edge `i → j` is drawn only when step `j`'s bytes really are that operation
//! applied to step `i`'s (`j` contains `i`; `j` = hex, base64, MD5, SHA-1 or SHA-256 of `i`;
//! `j` = `i` XOR 0x36… / 0x5c… (RFC 2104's ipad and opad); `j` = H(`a`‖`b`), HMAC(`a`, `b`)
//! or `a` XOR `b` for two earlier steps). So the picture cannot drift from the computation:
//! change a mechanism and its diagram follows. A step no operation of earlier steps gives
//! (a challenge, a password, an iterated PBKDF2 whose count is no step) is drawn as an
//! input. The values shown are the trace's; nothing shown is computed here.

use std::fmt::Write as _;

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;
use hmac::{Hmac, Mac};
use md5::{Digest, Md5};
use sha1::Sha1;
use sha2::Sha256;

use super::{escape, fit, open_svg, text};
use crate::i18n::{Fill, Lang, Tr};
use crate::sasl::trace::{hex, Trace};

/// A hash function the mechanisms use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hash {
    /// MD5 (RFC 1321).
    Md5,
    /// SHA-1.
    Sha1,
    /// SHA-256.
    Sha256,
}

impl Hash {
    fn name(self) -> &'static str {
        match self {
            Hash::Md5 => "MD5",
            Hash::Sha1 => "SHA-1",
            Hash::Sha256 => "SHA-256",
        }
    }

    fn of_len(len: usize) -> Option<Hash> {
        match len {
            16 => Some(Hash::Md5),
            20 => Some(Hash::Sha1),
            32 => Some(Hash::Sha256),
            _ => None,
        }
    }

    fn digest(self, parts: &[&[u8]]) -> Vec<u8> {
        fn run<D: Digest>(parts: &[&[u8]]) -> Vec<u8> {
            let mut d = D::new();
            for p in parts {
                d.update(p);
            }
            d.finalize().to_vec()
        }
        match self {
            Hash::Md5 => run::<Md5>(parts),
            Hash::Sha1 => run::<Sha1>(parts),
            Hash::Sha256 => run::<Sha256>(parts),
        }
    }

    fn hmac(self, key: &[u8], message: &[u8]) -> Vec<u8> {
        fn run<M: Mac + hmac::digest::KeyInit>(key: &[u8], message: &[u8]) -> Vec<u8> {
            match <M as hmac::digest::KeyInit>::new_from_slice(key) {
                Ok(mut mac) => {
                    mac.update(message);
                    mac.finalize().into_bytes().to_vec()
                }
                Err(_) => Vec::new(),
            }
        }
        match self {
            Hash::Md5 => run::<Hmac<Md5>>(key, message),
            Hash::Sha1 => run::<Hmac<Sha1>>(key, message),
            Hash::Sha256 => run::<Hmac<Sha256>>(key, message),
        }
    }
}

/// An operation: what turns the values at an edge's start into the value at its end.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Op {
    /// The value is part of the next one (joined with others, padded).
    Concat,
    /// Lowercase hex.
    Hex,
    /// Base64-encoded.
    Base64,
    /// Base64-decoded.
    Base64Decode,
    /// A hash of the value (of two values one after the other for two edges).
    Hash(Hash),
    /// The hash, as lowercase hex.
    HashHex(Hash),
    /// HMAC keyed with the first value over the second (RFC 2104).
    Hmac(Hash),
    /// XOR with 0x36 repeated (RFC 2104's ipad).
    XorIpad,
    /// XOR with 0x5c repeated (RFC 2104's opad).
    XorOpad,
    /// XOR of two values.
    Xor,
    /// MD4 (RFC 1320), NTLM's hash of the password.
    Md4,
    /// HMAC keyed with the value over a constant of the RFC (RFC 5802's "Client Key").
    HmacConstant(Hash, &'static str),
    /// Taken out of the value (a field of a message).
    Part,
}

impl Op {
    /// The operation's short name, as drawn on the edge.
    pub fn name(self, lang: Lang) -> String {
        match self {
            Op::Concat => Tr::new("concat", "拼接").get(lang).to_string(),
            Op::Hex => "hex".to_string(),
            Op::Base64 => "base64".to_string(),
            Op::Base64Decode => Tr::new("base64 decode", "base64 解码")
                .get(lang)
                .to_string(),
            Op::Hash(h) => h.name().to_string(),
            Op::HashHex(h) => format!("{} → hex", h.name()),
            Op::Hmac(h) => format!("HMAC-{}", h.name()),
            Op::XorIpad => "XOR ipad".to_string(),
            Op::XorOpad => "XOR opad".to_string(),
            Op::Xor => "XOR".to_string(),
            Op::Md4 => "MD4".to_string(),
            Op::HmacConstant(h, c) => format!("HMAC-{}(·, \"{c}\")", h.name()),
            Op::Part => Tr::new("part of", "取自").get(lang).to_string(),
        }
    }

    /// A stable id.
    pub fn id(self) -> String {
        match self {
            Op::HmacConstant(h, _) => format!("hmac-{}-constant", h.name().to_ascii_lowercase()),
            _ => self
                .name(Lang::En)
                .to_ascii_lowercase()
                .replace([' ', '→'], ""),
        }
    }
}

/// One node: a step.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Node {
    /// The step's id.
    pub id: &'static str,
    /// The step's label.
    pub label: String,
    /// The step's value, as the step prefers it shown (shortened when drawn).
    pub value: String,
    /// The box's top, pixels.
    pub y: i32,
}

/// One edge: an operation from one step to a later one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edge {
    /// The source step's index.
    pub from: usize,
    /// The target step's index.
    pub to: usize,
    /// The operation.
    pub op: Op,
    /// The gutter lane it runs in (0 nearest the boxes).
    pub lane: usize,
}

/// A trace laid out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Flow {
    /// One node per step, in the trace's order.
    pub nodes: Vec<Node>,
    /// The edges.
    pub edges: Vec<Edge>,
    /// The boxes' left edge (the gutter of edges is to its left).
    pub box_x: i32,
    /// The diagram's width and height, pixels.
    pub width: i32,
    /// See `width`.
    pub height: i32,
}

const TOP: i32 = 12;
const PITCH: i32 = 64;
const BOX_H: i32 = 48;
const BOX_W: i32 = 360;
const LANE: i32 = 16;
const NOTE_W: i32 = 200;
/// How many earlier steps a two-input operation looks back over.
const PAIR_WINDOW: usize = 8;
/// Values longer than this are not searched for two-input operations (bounded work).
const PAIR_MAX: usize = 1024;
/// The constants RFC 5802 §3 keys HMAC over (ClientKey, ServerKey).
const HMAC_CONSTANTS: [&str; 2] = ["Client Key", "Server Key"];
/// Values longer than this are not searched for their parts.
const CONCAT_MAX: usize = 16 * 1024;

/// What produced step `j`: its sources and the operation from each.
fn sources_of(values: &[&[u8]], j: usize) -> Vec<(usize, Op)> {
    let Some(&target) = values.get(j) else {
        return Vec::new();
    };
    let earlier = values.get(..j).unwrap_or_default();
    // One input: the latest step the target is a function of.
    for (i, &value) in earlier.iter().enumerate().rev() {
        if let Some(op) = single(value, target) {
            return vec![(i, op)];
        }
    }
    // Two inputs, among the last few steps.
    if let Some(hash) = Hash::of_len(target.len()) {
        let start = j.saturating_sub(PAIR_WINDOW);
        // The finer step first: H(a‖b) is how HMAC's own steps are written out.
        for hmac in [false, true] {
            for a in start..j {
                for b in start..j {
                    let (Some(&va), Some(&vb)) = (earlier.get(a), earlier.get(b)) else {
                        continue;
                    };
                    if a == b || va.len() + vb.len() > PAIR_MAX {
                        continue;
                    }
                    if !hmac && hash.digest(&[va, vb]) == target {
                        return vec![(a, Op::Hash(hash)), (b, Op::Hash(hash))];
                    }
                    if hmac && hash.hmac(va, vb) == target {
                        return vec![(a, Op::Hmac(hash)), (b, Op::Hmac(hash))];
                    }
                }
            }
        }
    }
    if target.len() >= 8 {
        let start = j.saturating_sub(PAIR_WINDOW);
        for a in start..j {
            for b in a + 1..j {
                let (Some(&va), Some(&vb)) = (earlier.get(a), earlier.get(b)) else {
                    continue;
                };
                if va.len() == target.len()
                    && vb.len() == target.len()
                    && va
                        .iter()
                        .zip(vb)
                        .map(|(x, y)| x ^ y)
                        .eq(target.iter().copied())
                {
                    return vec![(a, Op::Xor), (b, Op::Xor)];
                }
            }
        }
    }
    if let Some(hash) = Hash::of_len(target.len()) {
        for (i, &value) in earlier.iter().enumerate().rev() {
            for constant in HMAC_CONSTANTS {
                if value.len() <= PAIR_MAX && hash.hmac(value, constant.as_bytes()) == target {
                    return vec![(i, Op::HmacConstant(hash, constant))];
                }
            }
        }
    }
    // Parts: earlier values found inside the target, leaving out a part only there
    // because a larger part holds it.
    if target.len() > CONCAT_MAX {
        return Vec::new();
    }
    let parts: Vec<usize> = earlier
        .iter()
        .enumerate()
        .filter(|(_, v)| v.len() >= 3 && v.len() < target.len() && contains(target, v))
        .map(|(i, _)| i)
        .collect();
    let joined = parts
        .iter()
        .copied()
        .filter(|&i| {
            !parts.iter().any(|&k| {
                k > i
                    && values
                        .get(k)
                        .zip(values.get(i))
                        .is_some_and(|(vk, vi)| vk.len() > vi.len() && contains(vk, vi))
            })
        })
        .map(|i| (i, Op::Concat))
        .collect::<Vec<_>>();
    if !joined.is_empty() || target.len() < 4 {
        return joined;
    }
    // Or the target is a field of an earlier value (the latest that holds it).
    earlier
        .iter()
        .enumerate()
        .rev()
        .find(|(_, v)| v.len() > target.len() && v.len() <= CONCAT_MAX && holds_field(v, target))
        .map(|(i, _)| vec![(i, Op::Part)])
        .unwrap_or_default()
}

fn single(value: &[u8], target: &[u8]) -> Option<Op> {
    if value.is_empty() {
        return None;
    }
    if target.len() == value.len() * 2 && target == hex(value).as_bytes() {
        return Some(Op::Hex);
    }
    let b64_len = value.len().div_ceil(3) * 4;
    if target.len() == b64_len && target == BASE64.encode(value).as_bytes() {
        return Some(Op::Base64);
    }
    if value.len() == target.len().div_ceil(3) * 4 && value == BASE64.encode(target).as_bytes() {
        return Some(Op::Base64Decode);
    }
    if target.len() == value.len() && target.len() >= 8 {
        let xor: Vec<u8> = value.iter().zip(target).map(|(a, b)| a ^ b).collect();
        if xor.iter().all(|&b| b == 0x36) {
            return Some(Op::XorIpad);
        }
        if xor.iter().all(|&b| b == 0x5c) {
            return Some(Op::XorOpad);
        }
    }
    if value.len() <= CONCAT_MAX {
        if let Some(hash) = Hash::of_len(target.len()) {
            if hash.digest(&[value]) == target {
                return Some(Op::Hash(hash));
            }
        }
        if target.len() == 16 && md4::Md4::digest(value).as_slice() == target {
            return Some(Op::Md4);
        }
        for hash in [Hash::Md5, Hash::Sha1, Hash::Sha256] {
            if target.len() == hash_len(hash) * 2
                && hex(&hash.digest(&[value])).as_bytes() == target
            {
                return Some(Op::HashHex(hash));
            }
        }
    }
    None
}

fn hash_len(hash: Hash) -> usize {
    match hash {
        Hash::Md5 => 16,
        Hash::Sha1 => 20,
        Hash::Sha256 => 32,
    }
}

/// Whether `message` holds `field` as a field: anywhere for binary values, and for text
/// only as a whole word (`r=NONCE,` holds the nonce; `AUTHENTICATE:uri` does not hold
/// `:uri`, nor `biwsbj1…` the `biws` it starts with).
fn holds_field(message: &[u8], field: &[u8]) -> bool {
    let text = field.iter().all(|b| b.is_ascii_graphic() || *b == b' ');
    if !text {
        return contains(message, field);
    }
    let word = |b: Option<&u8>| b.is_some_and(u8::is_ascii_alphanumeric);
    if !word(field.first()) || !word(field.last()) {
        return false;
    }
    message
        .windows(field.len())
        .enumerate()
        .filter(|(_, w)| *w == field)
        .any(|(at, _)| {
            let before = at.checked_sub(1).and_then(|b| message.get(b));
            !word(before) && !word(message.get(at + field.len()))
        })
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    !needle.is_empty() && haystack.windows(needle.len()).any(|w| w == needle)
}

/// Lays out `trace` with its labels in `lang`.
pub fn layout(trace: &Trace, lang: Lang) -> Flow {
    let values: Vec<&[u8]> = trace.steps.iter().map(|s| s.bytes.as_slice()).collect();
    let mut edges: Vec<Edge> = (0..values.len())
        .flat_map(|j| {
            sources_of(&values, j)
                .into_iter()
                .map(move |(from, op)| Edge {
                    from,
                    to: j,
                    op,
                    lane: 0,
                })
        })
        .collect();
    // Lanes: shortest edges nearest the boxes; an edge takes the first lane free over its
    // whole span (edges only meeting at a node share one: one leaves as the other enters).
    let mut order: Vec<usize> = (0..edges.len()).collect();
    order.sort_by_key(|&e| edges.get(e).map(|e| (e.to - e.from, e.from)));
    let mut lanes: Vec<Vec<(usize, usize)>> = Vec::new();
    for e in order {
        let Some(edge) = edges.get_mut(e) else {
            continue;
        };
        let span = (edge.from, edge.to);
        let free = lanes.iter().position(|used| {
            used.iter()
                .all(|&(a, b)| b <= span.0 || span.1 <= a || (a, b) == span)
        });
        let lane = free.unwrap_or(lanes.len());
        if lane == lanes.len() {
            lanes.push(Vec::new());
        }
        if let Some(used) = lanes.get_mut(lane) {
            used.push(span);
        }
        edge.lane = lane;
    }
    let box_x = 16 + i32::try_from(lanes.len()).unwrap_or(0) * LANE;
    let nodes: Vec<Node> = trace
        .steps
        .iter()
        .enumerate()
        .map(|(n, step)| Node {
            id: step.id,
            label: step.label.get(lang).to_string(),
            value: step.preferred(),
            y: TOP + i32::try_from(n).unwrap_or(0) * PITCH,
        })
        .collect();
    let height = TOP + i32::try_from(nodes.len()).unwrap_or(0) * PITCH;
    Flow {
        nodes,
        edges,
        box_x,
        width: box_x + BOX_W + 12 + NOTE_W,
        height,
    }
}

/// Which node to mark.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Marks {
    /// The step the stepper shows.
    pub current: Option<usize>,
    /// The first wrong step (the ones after it are greyed).
    pub wrong: Option<usize>,
}

impl Marks {
    /// `current`, `wrong`, `after-wrong` or empty.
    pub fn state(self, n: usize) -> &'static str {
        match self.wrong {
            Some(w) if n == w => "wrong",
            Some(w) if n > w => "after-wrong",
            _ if self.current == Some(n) => "current",
            _ => "",
        }
    }
}

/// The diagram's title (also its accessible name).
pub const TITLE: Tr = Tr::new("Data-flow diagram of the computation", "计算过程的数据流图");
const INPUT: Tr = Tr::new("input", "输入");
const WRONG: Tr = Tr::new("first wrong step", "第一个出错的步骤");
const FROM: Tr = Tr::new("from", "来自");

/// A sentence for screen readers.
pub fn summary(flow: &Flow, lang: Lang) -> String {
    Tr::new(
        "{n} steps, {e} operations between them; the step list beside it has every value.",
        "共 {n} 个步骤，其间 {e} 个运算；每个值见旁边的步骤列表。",
    )
    .get(lang)
    .fill(&[("n", &flow.nodes.len()), ("e", &flow.edges.len())])
}

/// The flow as SVG: each node a `<g data-node="N" data-step-id="…" data-state="…">`
/// (focusable buttons with `interactive`), each edge a `<path data-edge="FROM-TO"
/// data-op="…">`.
pub fn svg(flow: &Flow, lang: Lang, marks: Marks, interactive: bool) -> String {
    let mut out = String::new();
    open_svg(
        &mut out,
        u32::try_from(flow.width).unwrap_or(0),
        u32::try_from(flow.height).unwrap_or(0),
        "flow-svg",
        TITLE.get(lang),
    );
    let _ = write!(out, "<desc>{}</desc>", escape(&summary(flow, lang)));
    for edge in &flow.edges {
        let (Some(from), Some(to)) = (flow.nodes.get(edge.from), flow.nodes.get(edge.to)) else {
            continue;
        };
        let lane_x = flow.box_x - 10 - i32::try_from(edge.lane).unwrap_or(0) * LANE;
        let (y1, y2) = (from.y + BOX_H - 12, to.y + 12);
        let greyed = marks.wrong.is_some_and(|w| edge.to > w);
        let name = edge.op.name(lang);
        let _ = write!(
            out,
            r##"<path d="M{bx},{y1}H{lane_x}V{y2}H{bx2}" fill="none" stroke="#57606a" stroke-width="1.5" data-edge="{}-{}" data-op="{}"{}><title>{} → {}: {}</title></path><path d="M{bx2},{y2}l-7,-4v8z" fill="#57606a"{}/>"##,
            edge.from,
            edge.to,
            edge.op.id(),
            if greyed { r#" opacity="0.35""# } else { "" },
            edge.from + 1,
            edge.to + 1,
            escape(&name),
            if greyed { r#" opacity="0.35""# } else { "" },
            bx = flow.box_x,
            bx2 = flow.box_x - 1,
        );
        // The operation's name along the lane, when the lane is long enough to hold it.
        let length = y2 - y1;
        if length >= i32::try_from(name.chars().count()).unwrap_or(0) * 7 + 8 {
            let (x, y) = (lane_x - 3, (y1 + y2) / 2);
            let _ = write!(
                out,
                r##"<text x="{x}" y="{y}" text-anchor="middle" transform="rotate(-90 {x} {y})" fill="#57606a" font-size="10">{}</text>"##,
                escape(&name)
            );
        }
    }
    for (n, node) in flow.nodes.iter().enumerate() {
        let state = marks.state(n);
        let (fill, stroke, width) = match state {
            "current" => ("#ddf4ff", "#0969da", 3),
            "wrong" => ("#ffebe9", "#cf222e", 3),
            "after-wrong" => ("#f6f8fa", "#d0d7de", 1),
            _ => ("#ffffff", "#57606a", 1),
        };
        let focus = if interactive {
            format!(
                r#" tabindex="0" role="button" aria-label="{}. {}" cursor="pointer""#,
                n + 1,
                escape(&node.label)
            )
        } else {
            String::new()
        };
        let _ = write!(
            out,
            r#"<g data-node="{n}" data-step-id="{}" data-state="{state}"{}{focus}><title>{}. {}: {}</title>"#,
            escape(node.id),
            if state == "after-wrong" {
                r#" opacity="0.45""#
            } else {
                ""
            },
            n + 1,
            escape(&node.label),
            escape(&node.value),
        );
        let _ = write!(
            out,
            r#"<rect x="{}" y="{}" width="{BOX_W}" height="{BOX_H}" rx="5" fill="{fill}" stroke="{stroke}" stroke-width="{width}"/>"#,
            flow.box_x, node.y
        );
        text(
            &mut out,
            flow.box_x + 8,
            node.y + 18,
            "start",
            r##"fill="#24292f" font-weight="600""##,
            &fit(&format!("{}. {}", n + 1, node.label), BOX_W - 16),
        );
        text(
            &mut out,
            flow.box_x + 8,
            node.y + 38,
            "start",
            r##"fill="#57606a" font-family="ui-monospace, monospace""##,
            &fit(&node.value, BOX_W - 16),
        );
        // Beside the box: where its value comes from.
        let into: Vec<&Edge> = flow.edges.iter().filter(|e| e.to == n).collect();
        let note = match into.first() {
            None => INPUT.get(lang).to_string(),
            Some(first) => {
                let from: Vec<String> = into.iter().map(|e| (e.from + 1).to_string()).collect();
                format!(
                    "{} {} {}",
                    first.op.name(lang),
                    FROM.get(lang),
                    from.join(", ")
                )
            }
        };
        let note_x = flow.box_x + BOX_W + 12;
        text(
            &mut out,
            note_x,
            node.y + 18,
            "start",
            r##"fill="#57606a" font-size="11""##,
            &fit(&note, NOTE_W),
        );
        if state == "wrong" {
            text(
                &mut out,
                note_x,
                node.y + 36,
                "start",
                r##"fill="#cf222e" font-size="11" font-weight="600""##,
                WRONG.get(lang),
            );
        }
        out.push_str("</g>");
    }
    out.push_str("</svg>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sasl::{cram_md5, digest_md5};

    fn edges_into(flow: &Flow, id: &str) -> Vec<(String, String)> {
        let n = flow.nodes.iter().position(|x| x.id == id).expect(id);
        flow.edges
            .iter()
            .filter(|e| e.to == n)
            .map(|e| (flow.nodes[e.from].id.to_string(), e.op.id()))
            .collect()
    }

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn rfc2831_example_has_one_node_per_step_and_the_edges_of_the_computation() {
        let trace = digest_md5::client(&digest_md5::rfc2831_example());
        let flow = layout(&trace, Lang::En);
        assert_eq!(flow.nodes.len(), trace.steps.len());
        let ids: Vec<&str> = flow.nodes.iter().map(|n| n.id).collect();
        assert_eq!(ids, trace.steps.iter().map(|s| s.id).collect::<Vec<_>>());
        assert_eq!(edges_into(&flow, "user-realm-pass"), pairs(&[]));
        // rspauth's A2 (":" digest-uri) is no field of "AUTHENTICATE:" digest-uri.
        assert_eq!(edges_into(&flow, "rspauth-a2"), pairs(&[]));
        assert_eq!(
            edges_into(&flow, "urp-hash"),
            pairs(&[("user-realm-pass", "md5")])
        );
        assert_eq!(edges_into(&flow, "a1"), pairs(&[("urp-hash", "concat")]));
        assert_eq!(edges_into(&flow, "ha1"), pairs(&[("a1", "md5hex")]));
        assert_eq!(
            edges_into(&flow, "response-base64"),
            pairs(&[("response-list", "base64")])
        );
        // KD's input joins HEX(H(A1)) and HEX(H(A2)); the response is its MD5 in hex.
        let kd = flow
            .nodes
            .iter()
            .position(|n| n.id == "kd-input")
            .expect("kd-input");
        let into_kd: Vec<(usize, String)> = flow
            .edges
            .iter()
            .filter(|e| e.to == kd)
            .map(|e| (e.from, e.op.id()))
            .collect();
        assert_eq!(into_kd, vec![(3, "concat".into()), (5, "concat".into())]);
        // Every edge goes down the page and every node sits below the one before.
        assert!(flow.edges.iter().all(|e| e.from < e.to));
        for pair in flow.nodes.windows(2) {
            assert_eq!(pair[1].y - pair[0].y, PITCH);
        }
    }

    #[test]
    fn rfc2195_example_shows_hmac_as_xor_pads_and_hashes_of_two_values() {
        let trace = cram_md5::client(
            "tim",
            "tanstaaftanstaaf",
            cram_md5::RFC2195_CHALLENGE.as_bytes(),
        );
        let flow = layout(&trace, Lang::En);
        assert_eq!(flow.nodes.len(), trace.steps.len());
        assert_eq!(
            edges_into(&flow, "k-ipad"),
            pairs(&[("key-padded", "xoripad")])
        );
        assert_eq!(
            edges_into(&flow, "k-opad"),
            pairs(&[("key-padded", "xoropad")])
        );
        assert_eq!(
            edges_into(&flow, "inner-hash"),
            pairs(&[("k-ipad", "md5"), ("challenge", "md5")])
        );
        assert_eq!(
            edges_into(&flow, "outer-hash"),
            pairs(&[("k-opad", "md5"), ("inner-hash", "md5")])
        );
        assert_eq!(
            edges_into(&flow, "digest-hex"),
            pairs(&[("outer-hash", "hex")])
        );
        assert_eq!(
            edges_into(&flow, "response"),
            pairs(&[("response-text", "base64")])
        );
    }

    #[test]
    fn rfc5802_and_ms_nlmp_examples_show_hmac_over_constants_md4_and_fields() {
        use crate::sasl::{ntlm, scram};
        let trace = scram::client(
            scram::Hash::Sha1,
            "user",
            "pencil",
            "fyko+d2lbbFgONRv9qkxdawL",
            "r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=4096",
        )
        .expect("RFC 5802's example");
        let flow = layout(&trace, Lang::En);
        assert_eq!(flow.nodes.len(), trace.steps.len());
        assert_eq!(
            edges_into(&flow, "client-key"),
            pairs(&[("salted-password", "hmac-sha-1-constant")])
        );
        assert_eq!(
            edges_into(&flow, "stored-key"),
            pairs(&[("client-key", "sha-1")])
        );
        assert_eq!(
            edges_into(&flow, "client-proof"),
            pairs(&[("client-key", "xor"), ("client-signature", "xor")])
        );
        assert_eq!(
            edges_into(&flow, "nonce"),
            pairs(&[("server-first", "partof")])
        );
        assert_eq!(
            edges_into(&flow, "iterations"),
            pairs(&[("server-first", "partof")])
        );
        // "biws" only begins a longer base64 word: no field of it.
        assert_eq!(edges_into(&flow, "channel-binding"), pairs(&[]));
        let trace =
            ntlm::client_authenticate(&ntlm::MS_NLMP_4_2_4_CHALLENGE, &ntlm::ms_nlmp_example())
                .expect("MS-NLMP's example");
        let flow = layout(&trace, Lang::En);
        assert_eq!(
            edges_into(&flow, "nt-hash"),
            pairs(&[("password-utf16le", "md4")])
        );
        assert_eq!(
            edges_into(&flow, "ntowfv2"),
            pairs(&[("nt-hash", "hmac-md5"), ("user-domain", "hmac-md5")])
        );
    }

    #[test]
    fn edges_in_one_lane_never_overlap_and_boxes_clear_the_gutter() {
        let trace = cram_md5::client(
            "tim",
            "tanstaaftanstaaf",
            cram_md5::RFC2195_CHALLENGE.as_bytes(),
        );
        let flow = layout(&trace, Lang::En);
        for a in &flow.edges {
            for b in &flow.edges {
                if a != b && a.lane == b.lane && (a.from, a.to) != (b.from, b.to) {
                    assert!(a.to <= b.from || b.to <= a.from, "{a:?} and {b:?}");
                }
            }
        }
        let lanes = flow.edges.iter().map(|e| e.lane).max().unwrap_or(0);
        assert!(flow.box_x - 10 - i32::try_from(lanes).unwrap() * LANE > 0);
    }

    #[test]
    fn the_svg_has_every_node_and_edge_and_marks_the_stepper_and_the_first_wrong_step() {
        let trace = digest_md5::client(&digest_md5::rfc2831_example());
        let flow = layout(&trace, Lang::En);
        let current = svg(
            &flow,
            Lang::En,
            Marks {
                current: Some(2),
                wrong: None,
            },
            true,
        );
        assert_eq!(current.matches("<g data-node=").count(), trace.steps.len());
        assert_eq!(current.matches("data-edge=").count(), flow.edges.len());
        assert_eq!(current.matches(r#"data-state="current""#).count(), 1);
        assert!(current.contains(r#"data-node="2" data-step-id="a1" data-state="current""#));
        let wrong = svg(
            &flow,
            Lang::Zh,
            Marks {
                current: None,
                wrong: Some(3),
            },
            false,
        );
        assert!(wrong.contains(r#"data-node="3" data-step-id="ha1" data-state="wrong""#));
        assert_eq!(
            wrong.matches(r#"data-state="after-wrong""#).count(),
            trace.steps.len() - 4
        );
        assert!(wrong.contains(">第一个出错的步骤</text>"));
        assert!(wrong.contains("<title>计算过程的数据流图</title>"));
        assert!(!wrong.contains("tabindex"));
        // The labels are the trace's, as text.
        assert!(
            current.contains("<title>3. A1 = H(user:realm:password) : nonce : cnonce [: authzid]:")
        );
    }

    #[test]
    fn an_empty_or_hostile_trace_is_drawn_without_panic() {
        let flow = layout(&Trace::default(), Lang::En);
        assert!(flow.nodes.is_empty() && flow.edges.is_empty());
        let mut trace = Trace::default();
        let big = vec![b'a'; 40_000];
        trace.push(
            "a",
            Tr::new("<a>", "<a>"),
            big.clone(),
            crate::sasl::trace::View::Text,
            Tr::new("", ""),
        );
        trace.push(
            "b",
            Tr::new("b", "b"),
            [big.as_slice(), b"x"].concat(),
            crate::sasl::trace::View::Text,
            Tr::new("", ""),
        );
        let flow = layout(&trace, Lang::En);
        assert_eq!(flow.nodes.len(), 2);
        assert!(svg(&flow, Lang::En, Marks::default(), false).contains("&lt;a&gt;"));
    }
}
