//! Guided lessons: step by step, each step checks what the learner typed or computed, with
//! hints that go from the concept to the concrete after each wrong try and the answer on
//! request, so there is no dead end.
//!
//! A lesson step is either one or more lines sent to the lesson's own server (the check
//! reads the replies they got) or a value the learner computes by hand (the check compares
//! it with the engine's own computation). Answers are computed by the engine, never stored.
//!
//! A step also knows when the session has moved past it — the message went out without
//! what the step wanted, the server closed the connection, a transaction was reset — by
//! asking whether its own answer would still pass from where the session is (on a copy of
//! the server). When it would not, the lesson leads the learner back by itself: it says
//! what happened, resets the transaction (`RSET`) and sends the earlier steps' lines again
//! in the same connection, or — when the connection is closed or the server reads a
//! message — opens a new one and replays them there. The page and the tests drive the same
//! logic through [`Wire`].

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;

use crate::i18n::Tr;
use crate::sasl::{cram_md5, digest_md5, plain};
use crate::smtp::codes::EnhancedCode;
use crate::smtp::profile::Profile;
use crate::smtp::server::{Event, Mode, Server, ServerConfig};
use crate::smtp::why::Situation;

/// One command of a step: the replies that count, and what the line must say.
#[derive(Clone, Copy, Debug)]
pub struct Part {
    /// Replies that complete this part.
    pub wants: &'static [Situation],
    /// What the line itself must be (for steps where the server answers the same whatever
    /// was sent, or where several lines get the same reply).
    pub line: fn(&str) -> bool,
}

/// What a step expects.
#[derive(Clone, Copy, Debug)]
pub enum Expect {
    /// A line sent to the lesson's server that gets one of these replies.
    Reply(&'static [Situation]),
    /// A line that passes `line` (e.g. "is base64 of the user name") and gets one of these
    /// replies — for steps where the server answers the same whatever was sent.
    ReplyTo(&'static [Situation], fn(&str) -> bool),
    /// Several commands, in order, one line each (the answer has one line per part).
    Commands(&'static [Part]),
    /// A multi-line message body sent in DATA, whose acceptance completes the step; the
    /// check reads the stored message (its octets and envelope recipients) and says what
    /// is missing when the message is not what the step wants.
    Message(fn(&[u8], &[String]) -> Result<(), Tr>),
    /// A value computed by hand, checked against the engine.
    Value(fn(&str) -> bool),
}

/// A classic wrong try and the hint that answers it (before the general hints).
#[derive(Clone, Copy, Debug)]
pub struct Mistake {
    /// Whether a line (or value) is this mistake.
    pub matches: fn(&str) -> bool,
    /// What to tell the learner.
    pub hint: Tr,
}

/// One step of a lesson.
#[derive(Debug)]
pub struct Step {
    /// What to do.
    pub instruction: Tr,
    /// Shown after wrong tries, one more each time: from the concept to the concrete (the
    /// last one gives the line); "Show me" stays the explicit give-away.
    pub hints: &'static [Tr],
    /// Classic mistakes, each answered by its own hint.
    pub mistakes: &'static [Mistake],
    /// What counts as done.
    pub expect: Expect,
    /// The answer, computed by the engine when asked: the value, or the line(s) to send
    /// (several lines separated by `\n`, each sent with CRLF).
    pub answer: fn() -> String,
}

/// A lesson.
#[derive(Debug)]
pub struct Lesson {
    /// Stable id (`#/lessons/first-transaction`), also the key of its saved progress.
    pub id: &'static str,
    /// Title.
    pub title: Tr,
    /// What it teaches.
    pub intro: Tr,
    /// The steps, in order.
    pub steps: &'static [Step],
}

/// The lesson with this id.
pub fn find(id: &str) -> Option<&'static Lesson> {
    LESSONS.iter().find(|l| l.id == id)
}

/// The lesson after this one, in the page's order.
pub fn next(id: &str) -> Option<&'static Lesson> {
    let at = LESSONS.iter().position(|l| l.id == id)?;
    LESSONS.get(at + 1)
}

/// An answer that says "temporary", in either language or as the class digit: what the
/// reply-codes lesson asks of a 4yz reply (RFC 5321 §4.2.1: "Transient Negative
/// Completion").
pub fn is_temporary(answer: &str) -> bool {
    let answer = answer.trim().trim_end_matches(['。', '.']);
    ["temporary", "transient", "4", "4yz"]
        .iter()
        .any(|w| answer.eq_ignore_ascii_case(w))
        || [
            "暂时",
            "暂时性",
            "暂时的",
            "临时",
            "临时性",
            "临时的",
            "暂时性失败",
            "暂时失败",
        ]
        .contains(&answer)
}

/// The server every lesson talks to: Postfix, alice@example.com / secret.
pub fn lesson_server(now: &str) -> Server {
    let config = ServerConfig::new(Profile::Postfix).with_account("alice@example.com", "secret");
    Server::new(config, "192.0.2.10", now).with_client_name("learner.example")
}

/// The connection a lesson talks over: the page's live session (with its transcript and
/// clock) or a test's server. The lesson sends through it, reads the server's state from
/// it, and asks it for a new connection when the old one cannot go on.
pub trait Wire {
    /// The server at the other end.
    fn server(&self) -> &Server;
    /// Sends one line (with CRLF); returns what the server did.
    fn send(&mut self, line: &str) -> Vec<Event>;
    /// Closes this connection and opens a new one to a fresh lesson server, greeted.
    fn reconnect(&mut self);
    /// A note for the learner in the transcript (what happened, what was sent again).
    fn note(&mut self, note: Tr);
}

/// Where a learner is in a lesson.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Position {
    /// The current step (0-based; the number of steps when the lesson is complete).
    pub step: usize,
    /// Within a step of several commands: how many are done.
    pub part: usize,
    /// Wrong tries of the current step so far (picks the hint).
    pub tries: usize,
}

impl Position {
    /// The start of step `step`.
    pub fn at(step: usize) -> Position {
        Position {
            step,
            part: 0,
            tries: 0,
        }
    }
}

/// What one try got.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// The step is done; the lesson moved on.
    Passed,
    /// Every line was right, and `done` of the step's `of` commands are done.
    Progress {
        /// Commands done.
        done: usize,
        /// Commands in the step.
        of: usize,
    },
    /// Not yet: this hint (the commands done so far are kept).
    NotYet {
        /// The hint for this try.
        hint: Tr,
        /// Commands done.
        done: usize,
        /// Commands in the step (1 for a single line or a value).
        of: usize,
    },
    /// The session had moved past the step; the lesson started the step again by itself.
    Restarted {
        /// What happened.
        what: Tr,
        /// Why it did not count (what the step wanted), when known.
        why: Option<Tr>,
        /// Whether a new connection was needed.
        reconnected: bool,
    },
}

impl Verdict {
    /// Whether the step passed.
    pub fn passed(&self) -> bool {
        *self == Verdict::Passed
    }
}

/// Notes the lesson writes into the transcript.
pub mod notes {
    use crate::i18n::Tr;

    /// A new connection with the earlier steps sent again.
    pub const REPLAYED: Tr = Tr::new(
        "New connection: the lines of the steps already done are sent again.",
        "新连接：已完成步骤的命令已重新发送。",
    );
    /// The transaction is started again in the same connection.
    pub const RESTARTED: Tr = Tr::new(
        "Back to the start of this step: RSET clears what the session holds (a transaction, if one was open), and the earlier steps' lines are sent again. Try this step once more.",
        "回到这一步的开头：用 RSET 清除会话中的状态（如果有未完成的事务，也一并结束），并重新发送前面步骤的命令。请再做一次这一步。",
    );
    /// The transaction could not be restarted in this connection.
    pub const RESTARTED_NEW: Tr = Tr::new(
        "Back to the start of this step on a new connection: the earlier steps' lines are sent again. Try this step once more.",
        "在新连接上回到这一步的开头：前面步骤的命令已重新发送。请再做一次这一步。",
    );
    /// The message was accepted but was not what the step wanted.
    pub const STORED: Tr = Tr::new(
        "The server accepted the message (250 … queued): that transaction is over, and this step did not count.",
        "服务器已接受这封邮件（250 … queued）：这个事务已经结束，这一步不算通过。",
    );
    /// The server closed the connection.
    pub const CLOSED: Tr = Tr::new(
        "The server closed the connection (after QUIT, or an error it does not forgive).",
        "服务器关闭了连接（因为 QUIT，或它不容忍的错误）。",
    );
    /// The server reads a message the step did not ask for.
    pub const IN_DATA: Tr = Tr::new(
        "The server went into DATA (354) before this step was done: whatever comes now would be the message.",
        "这一步还没完成，服务器就进入了 DATA（354）：接下来的内容都会被当作邮件正文。",
    );
    /// An AUTH exchange the step did not want.
    pub const IN_AUTH: Tr = Tr::new(
        "An AUTH exchange this step did not ask for was going on; it is cancelled with *.",
        "出现了这一步没有要求的 AUTH 交互；已用 * 取消。",
    );
    /// The server ended an AUTH exchange without a login.
    pub const AUTH_ENDED: Tr = Tr::new(
        "The server ended the AUTH exchange without logging in (535 for a wrong answer, 501 for one it could not read): this step's answer goes inside that exchange, so it is started again.",
        "服务器结束了 AUTH 交互，没有登录成功（答错时回复 535，无法读取时回复 501）：这一步的回答要在这个交互之内给出，所以交互会重新开始。",
    );
    /// Anything else that changed the session.
    pub const MOVED: Tr = Tr::new(
        "That command changed the session (the transaction was reset or a different one begun): this step's command no longer fits.",
        "这条命令改变了会话（事务被重置，或开始了另一个事务）：这一步的命令已经不适用了。",
    );
}

/// The lines of an answer (several lines are separated by `\n`).
pub fn lines_of_answer(step: &Step) -> Vec<String> {
    (step.answer)().split('\n').map(str::to_string).collect()
}

/// A view of a step's commands that works for single-line and several-line steps alike.
#[derive(Clone, Copy)]
enum Commands {
    One(Part),
    Many(&'static [Part]),
}

impl Commands {
    fn of(step: &Step) -> Option<Commands> {
        fn any(_: &str) -> bool {
            true
        }
        match step.expect {
            Expect::Reply(wants) => Some(Commands::One(Part { wants, line: any })),
            Expect::ReplyTo(wants, line) => Some(Commands::One(Part { wants, line })),
            Expect::Commands(parts) => Some(Commands::Many(parts)),
            Expect::Message(_) | Expect::Value(_) => None,
        }
    }

    fn len(self) -> usize {
        match self {
            Commands::One(_) => 1,
            Commands::Many(parts) => parts.len(),
        }
    }

    fn get(self, i: usize) -> Option<Part> {
        match self {
            Commands::One(part) => (i == 0).then_some(part),
            Commands::Many(parts) => parts.get(i).copied(),
        }
    }
}

/// Whether `events` hold a reply with one of `wants`.
fn replied(events: &[Event], wants: &[Situation]) -> bool {
    events.iter().any(|e| match e {
        Event::Reply(r) => wants.contains(&r.why.situation),
        _ => false,
    })
}

/// The verdict of the stored message in `events`, if one was stored.
fn stored(
    server: &Server,
    events: &[Event],
    check: fn(&[u8], &[String]) -> Result<(), Tr>,
) -> Option<Result<(), Tr>> {
    events.iter().find_map(|e| match e {
        Event::Stored(index) => server
            .mailbox()
            .get(*index)
            .map(|m| check(&m.data, &m.recipients)),
        _ => None,
    })
}

impl Step {
    /// Whether the step is answered by lines to the server (else by a value).
    pub fn is_line(&self) -> bool {
        !matches!(self.expect, Expect::Value(_))
    }

    /// The lines of the answer still to send when `part` commands are done ("Send it" for
    /// a step of several commands sends only the rest).
    pub fn remaining_answer(&self, part: usize) -> Vec<String> {
        let lines = lines_of_answer(self);
        match self.expect {
            Expect::Commands(_) => lines.into_iter().skip(part).collect(),
            _ => lines,
        }
    }

    /// How many commands the step takes (1 for a message or a value).
    pub fn commands(&self) -> usize {
        Commands::of(self).map_or(1, Commands::len)
    }

    /// The hint for wrong try number `tries` (1-based): one more of the ladder each time,
    /// the last one repeated.
    pub fn hint(&self, tries: usize) -> Tr {
        let i = tries
            .saturating_sub(1)
            .min(self.hints.len().saturating_sub(1));
        self.hints.get(i).copied().unwrap_or(Tr::new("", ""))
    }

    /// The hint of the first classic mistake one of `tried` is.
    pub fn mistake(&self, tried: &[String]) -> Option<Tr> {
        self.mistakes
            .iter()
            .find(|m| tried.iter().any(|t| (m.matches)(t.trim())))
            .map(|m| m.hint)
    }

    /// Whether the step's own answer, from command `part` on, would pass from where
    /// `server` is — on a copy, so nothing is sent. When it would not, the session has
    /// moved past the step.
    pub fn reachable(&self, server: &Server, part: usize) -> bool {
        let mut copy = server.clone();
        let lines = lines_of_answer(self);
        match (self.expect, Commands::of(self)) {
            (Expect::Message(check), _) => {
                let mut events = Vec::new();
                for line in &lines {
                    events.extend(copy.receive(format!("{line}\r\n").as_bytes()));
                }
                stored(&copy, &events, check).is_some_and(|r| r.is_ok())
            }
            (_, Some(commands)) => (part..commands.len()).all(|i| {
                let (Some(line), Some(want)) = (lines.get(i), commands.get(i)) else {
                    return false;
                };
                let events = copy.receive(format!("{line}\r\n").as_bytes());
                replied(&events, want.wants) && (want.line)(line.trim())
            }),
            _ => true,
        }
    }

    /// Judges a computed value (for [`Expect::Value`] steps) without moving on: `true`
    /// when right.
    pub fn value_ok(&self, value: &str) -> bool {
        matches!(self.expect, Expect::Value(check) if check(value.trim()))
    }
}

/// The lines of the line steps before `at`.
fn earlier_lines(lesson: &Lesson, at: usize) -> Vec<String> {
    lesson
        .steps
        .iter()
        .take(at)
        .filter(|s| s.is_line())
        .flat_map(lines_of_answer)
        .collect()
}

/// Whether a line greets or ends the session (not sent again inside the same connection).
fn session_line(line: &str) -> bool {
    let verb = line
        .split_whitespace()
        .next()
        .unwrap_or("")
        .to_ascii_uppercase();
    matches!(verb.as_str(), "EHLO" | "HELO" | "QUIT")
}

impl Lesson {
    /// Sends the line steps' answers before `at` over a new connection (after a reload, or
    /// when the learner asks for one), with a note when there is anything to send.
    pub fn replay(&self, at: usize, wire: &mut impl Wire) {
        let lines = earlier_lines(self, at);
        if !lines.is_empty() {
            wire.note(notes::REPLAYED);
        }
        for line in lines {
            wire.send(&line);
        }
    }

    /// Whether the lesson talks to a server at all.
    pub fn has_lines(&self) -> bool {
        self.steps.iter().any(Step::is_line)
    }

    /// One try of the current step with `lines` sent to the server. `None` when the step
    /// is not a line step or the lesson is complete (the lines are sent all the same).
    pub fn try_lines(
        &self,
        pos: &mut Position,
        wire: &mut impl Wire,
        lines: &[String],
    ) -> Option<Verdict> {
        let Some(step) = self.steps.get(pos.step).filter(|s| s.is_line()) else {
            for line in lines {
                wire.send(line);
            }
            return None;
        };
        if wire.server().is_closed() {
            // Nothing can be sent: the step starts again on a new connection.
            return Some(self.restart(pos, wire, notes::CLOSED, None));
        }
        let mut events_all = Vec::new();
        if let Expect::Message(check) = step.expect {
            for line in lines {
                events_all.extend(wire.send(line));
            }
            match stored(wire.server(), &events_all, check) {
                Some(Ok(())) => return Some(self.pass(pos)),
                Some(Err(why)) => return Some(self.restart(pos, wire, notes::STORED, Some(why))),
                None => {}
            }
        } else if let Some(commands) = Commands::of(step) {
            let mut wrong = false;
            let mut passed = false;
            for line in lines {
                let events = wire.send(line);
                if passed {
                    continue;
                }
                match commands.get(pos.part) {
                    Some(want) if replied(&events, want.wants) && (want.line)(line.trim()) => {
                        pos.part += 1;
                        passed = pos.part >= commands.len();
                    }
                    _ => wrong = true,
                }
                events_all.extend(events);
            }
            if passed {
                return Some(self.pass(pos));
            }
            if !wrong {
                return Some(Verdict::Progress {
                    done: pos.part,
                    of: commands.len(),
                });
            }
        }
        // A wrong try: has the session moved past the step?
        if !step.reachable(wire.server(), pos.part) {
            let what = self.what_happened(wire.server(), &events_all);
            return Some(self.restart(pos, wire, what, step.mistake(lines)));
        }
        pos.tries += 1;
        let hint = step.mistake(lines).unwrap_or_else(|| step.hint(pos.tries));
        Some(Verdict::NotYet {
            hint,
            done: pos.part,
            of: step.commands(),
        })
    }

    /// One try of the current (value) step. `None` when it is not a value step.
    pub fn try_value(&self, pos: &mut Position, value: &str) -> Option<Verdict> {
        let step = self.steps.get(pos.step).filter(|s| !s.is_line())?;
        if step.value_ok(value) {
            return Some(self.pass(pos));
        }
        pos.tries += 1;
        let hint = step
            .mistake(&[value.to_string()])
            .unwrap_or_else(|| step.hint(pos.tries));
        Some(Verdict::NotYet {
            hint,
            done: 0,
            of: 1,
        })
    }

    fn pass(&self, pos: &mut Position) -> Verdict {
        *pos = Position::at(pos.step + 1);
        Verdict::Passed
    }

    /// What a wrong try did to the session, in words.
    fn what_happened(&self, server: &Server, events: &[Event]) -> Tr {
        let view = server.view();
        if events.iter().any(|e| matches!(e, Event::Stored(_))) {
            notes::STORED
        } else if view.mode == Mode::Closed {
            notes::CLOSED
        } else if matches!(view.mode, Mode::Data | Mode::Chunk) {
            notes::IN_DATA
        } else if view.mode == Mode::AuthResponse {
            notes::IN_AUTH
        } else if replied(
            events,
            &[
                Situation::AuthFailed,
                Situation::AuthBadBase64,
                Situation::AuthMalformed,
                Situation::AuthCancelled,
                Situation::AuthBackendDown,
            ],
        ) {
            notes::AUTH_ENDED
        } else {
            notes::MOVED
        }
    }

    /// Leads the learner back to the start of the current step: a note saying what
    /// happened (and why it did not count), then — in the same connection when it can —
    /// `*` to cancel an AUTH exchange, `RSET`, and the earlier steps' lines again; when the
    /// step is still out of reach, a new connection with every earlier line sent again.
    fn restart(
        &self,
        pos: &mut Position,
        wire: &mut impl Wire,
        what: Tr,
        why: Option<Tr>,
    ) -> Verdict {
        *pos = Position { part: 0, ..*pos };
        wire.note(what);
        if let Some(why) = why {
            wire.note(why);
        }
        let Some(step) = self.steps.get(pos.step) else {
            return Verdict::Passed;
        };
        let mode = wire.server().view().mode;
        if matches!(mode, Mode::Command | Mode::AuthResponse) {
            wire.note(notes::RESTARTED);
            if mode == Mode::AuthResponse {
                wire.send("*");
            }
            wire.send("RSET");
            for line in earlier_lines(self, pos.step) {
                if !session_line(&line) {
                    wire.send(&line);
                }
            }
            if step.reachable(wire.server(), 0) {
                return Verdict::Restarted {
                    what,
                    why,
                    reconnected: false,
                };
            }
        }
        wire.note(notes::RESTARTED_NEW);
        wire.reconnect();
        for line in earlier_lines(self, pos.step) {
            wire.send(&line);
        }
        Verdict::Restarted {
            what,
            why,
            reconnected: true,
        }
    }
}

/// The CRAM-MD5 challenge of the CRAM-MD5 lesson (RFC 2195's).
pub const CRAM_CHALLENGE: &str = cram_md5::RFC2195_CHALLENGE;

fn cram_trace() -> crate::sasl::trace::Trace {
    cram_md5::client("tim", "tanstaaftanstaaf", CRAM_CHALLENGE.as_bytes())
}

fn cram(id: &str) -> String {
    cram_trace().step(id).map(|s| s.text()).unwrap_or_default()
}

fn digest(id: &str) -> String {
    digest_md5::client(&digest_md5::rfc2831_example())
        .step(id)
        .map(|s| if id == "urp-hash" { s.hex() } else { s.text() })
        .unwrap_or_default()
}

fn headers_and_body(data: &[u8]) -> (String, String) {
    let text = String::from_utf8_lossy(data).into_owned();
    match text.split_once("\r\n\r\n") {
        Some((h, b)) => (
            h.to_ascii_lowercase()
                .replace("\r\n\t", " ")
                .replace("\r\n ", " "),
            b.to_string(),
        ),
        None => (text.to_ascii_lowercase(), String::new()),
    }
}

/// The verb of a line, upper case.
fn verb(line: &str) -> String {
    line.split([' ', ':'])
        .next()
        .unwrap_or("")
        .to_ascii_uppercase()
}

fn any(_: &str) -> bool {
    true
}

const DATA_HINTS: &[Tr] = &[
    Tr::new(
        "A message is headers, then an empty line, then the body — and the server needs to know where it ends.",
        "一封邮件由邮件头、一个空行、正文组成——服务器还需要知道它在哪里结束。",
    ),
    Tr::new(
        "Headers first (Subject: …), an empty line, the body, then a line with only a dot.",
        "先写邮件头（Subject: …），然后一个空行、正文，最后一行只有一个点。",
    ),
];

const EHLO_HINTS: &[Tr] = &[
    Tr::new(
        "Every session starts with a greeting that names the client; the extended one unlocks the ESMTP keywords.",
        "每个会话都以问候开始，问候中写出客户端的名字；扩展的问候才能开启 ESMTP 关键字。",
    ),
    Tr::new("Type: EHLO learner.example", "输入：EHLO learner.example"),
];

const HELO_INSTEAD: Mistake = Mistake {
    matches: |l| verb(l) == "HELO",
    hint: Tr::new(
        "HELO is the old SMTP greeting: the server answers it, but offers no extensions (no SIZE, no AUTH, no 8BITMIME). This step wants ESMTP: say EHLO with your host name.",
        "HELO 是老式的 SMTP 问候：服务器会回应，但不提供任何扩展（没有 SIZE、AUTH、8BITMIME）。这一步要的是 ESMTP：用 EHLO 加上你的主机名。",
    ),
};

const RCPR_TYPO: Mistake = Mistake {
    matches: |l| verb(l) == "RCPR",
    hint: Tr::new(
        "RCPR is the typo of the telnet session in the story: the server knows no such command (500). The verb is RCPT.",
        "RCPR 正是那次 telnet 会话里的拼写错误：服务器不认识这个命令（500）。正确的是 RCPT。",
    ),
};

/// Every lesson, in the order the page lists them.
pub static LESSONS: &[Lesson] = &[
    Lesson {
        id: "first-transaction",
        title: Tr::new("Your first SMTP transaction, by hand", "亲手完成第一次 SMTP 事务"),
        intro: Tr::new("Greet, name the sender and the recipient, send the message, say goodbye — the admin's telnet session from the story, done right.", "问候、指定发件人和收件人、发送邮件、道别——把故事里管理员的那次 telnet 会话正确地做一遍。"),
        steps: &[
            Step {
                instruction: Tr::new("Introduce yourself: EHLO and your host name.", "先问候：EHLO 加上你的主机名。"),
                hints: EHLO_HINTS,
                mistakes: &[HELO_INSTEAD],
                expect: Expect::Reply(&[Situation::Ehlo]),
                answer: || "EHLO learner.example".into(),
            },
            Step {
                instruction: Tr::new("Name the sender: MAIL FROM with alice@example.com in angle brackets.", "指定发件人：MAIL FROM，地址 alice@example.com 写在尖括号里。"),
                hints: &[
                    Tr::new("Before anything else, the server needs to know who sends — the envelope sender, where bounces go.", "服务器首先要知道谁在发信——信封发件人，也就是退信的去处。"),
                    Tr::new("The command is MAIL FROM:, then the address in angle brackets.", "命令是 MAIL FROM:，后面是写在尖括号里的地址。"),
                    Tr::new("MAIL FROM:<alice@example.com>", "MAIL FROM:<alice@example.com>"),
                ],
                mistakes: &[],
                expect: Expect::ReplyTo(&[Situation::MailOk], |l| l.to_ascii_lowercase().contains("alice@example.com")),
                answer: || "MAIL FROM:<alice@example.com>".into(),
            },
            Step {
                instruction: Tr::new("Name the recipient bob@example.com.", "指定收件人 bob@example.com。"),
                hints: &[
                    Tr::new("Now the server needs to know who receives: one command per recipient.", "接下来服务器要知道谁收信：每个收件人一条命令。"),
                    Tr::new("The command is RCPT TO:, then the address in angle brackets.", "命令是 RCPT TO:，后面是写在尖括号里的地址。"),
                    Tr::new("RCPT TO:<bob@example.com>", "RCPT TO:<bob@example.com>"),
                ],
                mistakes: &[RCPR_TYPO],
                expect: Expect::ReplyTo(&[Situation::RcptOk], |l| l.to_ascii_lowercase().contains("bob@example.com")),
                answer: || "RCPT TO:<bob@example.com>".into(),
            },
            Step {
                instruction: Tr::new("Ask to send the message.", "请求发送邮件内容。"),
                hints: &[
                    Tr::new("Sender and recipient are known: ask the server to start reading the message itself.", "发件人和收件人都有了：请服务器开始接收邮件内容本身。"),
                    Tr::new("Type: DATA", "输入：DATA"),
                ],
                mistakes: &[],
                expect: Expect::Reply(&[Situation::DataGo]),
                answer: || "DATA".into(),
            },
            Step {
                instruction: Tr::new("Send a message with a Subject, and end it with a lone dot.", "发送一封带 Subject 的邮件，以单独一个点结束。"),
                hints: DATA_HINTS,
                mistakes: &[],
                expect: Expect::Message(|data, _| {
                    if headers_and_body(data).0.lines().any(|l| l.starts_with("subject:")) {
                        Ok(())
                    } else {
                        Err(Tr::new("This step wants a Subject: header, and the message had none (a header line before the empty line).", "这一步要求有 Subject: 头，而这封邮件没有（它应是空行之前的一行邮件头）。"))
                    }
                }),
                answer: || "Subject: hello\n\nHi Bob!\n.".into(),
            },
            Step {
                instruction: Tr::new("Say goodbye.", "道别。"),
                hints: &[
                    Tr::new("Ending a session politely is a command too; the server answers 221 and closes.", "礼貌地结束会话也是一条命令；服务器回复 221 并关闭连接。"),
                    Tr::new("Type: QUIT", "输入：QUIT"),
                ],
                mistakes: &[],
                expect: Expect::Reply(&[Situation::Bye]),
                answer: || "QUIT".into(),
            },
        ],
    },
    Lesson {
        id: "ehlo-keywords",
        title: Tr::new("ESMTP and the EHLO keywords", "ESMTP 与 EHLO 关键字"),
        intro: Tr::new("EHLO's reply lists what the server can do. Use two of the extensions it offers.", "EHLO 的回复列出服务器的能力。使用其中的两个扩展。"),
        steps: &[
            Step {
                instruction: Tr::new("Send EHLO and read the list.", "发送 EHLO，阅读回复列表。"),
                hints: EHLO_HINTS,
                mistakes: &[HELO_INSTEAD],
                expect: Expect::Reply(&[Situation::Ehlo]),
                answer: || "EHLO learner.example".into(),
            },
            Step {
                instruction: Tr::new("SIZE is offered: announce a 1000-octet message on MAIL FROM.", "服务器提供 SIZE：在 MAIL FROM 中声明 1000 字节的邮件。"),
                hints: &[
                    Tr::new("An extension's keyword becomes a parameter after the address on MAIL FROM.", "扩展的关键字会变成 MAIL FROM 地址后面的参数。"),
                    Tr::new("The parameter is SIZE=, followed by the number of octets.", "参数是 SIZE=，后面跟字节数。"),
                    Tr::new("MAIL FROM:<alice@example.com> SIZE=1000", "MAIL FROM:<alice@example.com> SIZE=1000"),
                ],
                mistakes: &[],
                expect: Expect::ReplyTo(&[Situation::MailOk], |l| l.to_ascii_uppercase().contains("SIZE=1000")),
                answer: || "MAIL FROM:<alice@example.com> SIZE=1000".into(),
            },
            Step {
                instruction: Tr::new("Start over with RSET, then use 8BITMIME: MAIL FROM with BODY=8BITMIME.", "用 RSET 重新开始，然后使用 8BITMIME：MAIL FROM 带 BODY=8BITMIME。"),
                hints: &[
                    Tr::new("A transaction is open: a second MAIL inside it is refused. End it first, then start a new one.", "当前已有一个事务：在其中再发 MAIL 会被拒绝。先结束它，再开始新的。"),
                    Tr::new("RSET ends the transaction; then MAIL FROM with the parameter BODY=8BITMIME.", "RSET 结束事务；然后发送带参数 BODY=8BITMIME 的 MAIL FROM。"),
                    Tr::new("RSET, then MAIL FROM:<alice@example.com> BODY=8BITMIME", "先 RSET，再 MAIL FROM:<alice@example.com> BODY=8BITMIME"),
                ],
                mistakes: &[],
                expect: Expect::Commands(&[
                    Part { wants: &[Situation::RsetOk], line: any },
                    Part { wants: &[Situation::MailOk], line: |l| l.to_ascii_uppercase().contains("BODY=8BITMIME") },
                ]),
                answer: || "RSET\nMAIL FROM:<alice@example.com> BODY=8BITMIME".into(),
            },
        ],
    },
    Lesson {
        id: "auth-login",
        title: Tr::new("AUTH LOGIN with your own base64", "用自己编码的 base64 完成 AUTH LOGIN"),
        intro: Tr::new("LOGIN asks Username: then Password:, each in base64. Encode the answers yourself (the base64 helper beside the lesson is allowed).", "LOGIN 先问 Username: 再问 Password:，都是 base64。请自己编码回答（可以使用课程旁边的 base64 助手）。"),
        steps: &[
            Step {
                instruction: Tr::new("EHLO first (AUTH needs ESMTP).", "先 EHLO（AUTH 需要 ESMTP）。"),
                hints: EHLO_HINTS,
                mistakes: &[HELO_INSTEAD],
                expect: Expect::Reply(&[Situation::Ehlo]),
                answer: || "EHLO learner.example".into(),
            },
            Step {
                instruction: Tr::new("Start AUTH LOGIN; the server answers 334 VXNlcm5hbWU6 — base64 of \"Username:\".", "开始 AUTH LOGIN；服务器回复 334 VXNlcm5hbWU6——\"Username:\" 的 base64。"),
                hints: &[
                    Tr::new("AUTH names a mechanism from the EHLO list; LOGIN asks its questions one at a time.", "AUTH 后面写 EHLO 列表中的一种机制；LOGIN 会一个一个地提问。"),
                    Tr::new("Type: AUTH LOGIN", "输入：AUTH LOGIN"),
                ],
                mistakes: &[],
                expect: Expect::ReplyTo(&[Situation::AuthChallenge], |l| l.eq_ignore_ascii_case("AUTH LOGIN")),
                answer: || "AUTH LOGIN".into(),
            },
            Step {
                instruction: Tr::new("Answer with alice@example.com in base64.", "用 alice@example.com 的 base64 回答。"),
                hints: &[
                    Tr::new("The server asked for the user name, in base64: answer in kind, nothing else on the line.", "服务器用 base64 询问用户名：同样用 base64 回答，这一行不要有别的内容。"),
                    Tr::new("Encode alice@example.com with the base64 helper (no newline at the end).", "用 base64 助手编码 alice@example.com（末尾不要换行）。"),
                    Tr::new("base64(\"alice@example.com\") = YWxpY2VAZXhhbXBsZS5jb20=", "base64(\"alice@example.com\") = YWxpY2VAZXhhbXBsZS5jb20="),
                ],
                mistakes: &[Mistake {
                    matches: |l| l.eq_ignore_ascii_case("alice@example.com"),
                    hint: Tr::new("That is the user name in clear text; LOGIN wants it in base64.", "这是明文的用户名；LOGIN 要的是它的 base64。"),
                }],
                expect: Expect::ReplyTo(&[Situation::AuthChallenge], |line| BASE64.decode(line).is_ok_and(|u| u == b"alice@example.com")),
                answer: || BASE64.encode("alice@example.com"),
            },
            Step {
                instruction: Tr::new("Answer with the password secret in base64.", "用密码 secret 的 base64 回答。"),
                hints: &[
                    Tr::new("334 UGFzc3dvcmQ6 is \"Password:\": the same again with the password.", "334 UGFzc3dvcmQ6 就是 \"Password:\"：用密码再来一次。"),
                    Tr::new("Encode the password secret — no newline inside (echo -n).", "编码密码 secret——里面不能有换行（echo -n）。"),
                    Tr::new("base64(\"secret\") = c2VjcmV0", "base64(\"secret\") = c2VjcmV0"),
                ],
                mistakes: &[Mistake {
                    matches: |l| l == "c2VjcmV0Cg==",
                    hint: Tr::new("c2VjcmV0Cg== is \"secret\" with a newline (echo without -n): the newline is part of the password then.", "c2VjcmV0Cg== 是带换行的 \"secret\"（echo 没有加 -n）：换行成了密码的一部分。"),
                }],
                expect: Expect::Reply(&[Situation::AuthOk]),
                answer: || BASE64.encode("secret"),
            },
        ],
    },
    Lesson {
        id: "auth-plain",
        title: Tr::new("AUTH PLAIN with the NUL bytes", "带 NUL 字节的 AUTH PLAIN"),
        intro: Tr::new("PLAIN sends authzid NUL user NUL password in one base64 line (the admin's notes built it with $ turned into \\0).", "PLAIN 把 authzid NUL 用户名 NUL 密码放在一行 base64 中发送（管理员的笔记把 $ 替换成 \\0 来构造）。"),
        steps: &[
            Step {
                instruction: Tr::new("EHLO first.", "先 EHLO。"),
                hints: EHLO_HINTS,
                mistakes: &[HELO_INSTEAD],
                expect: Expect::Reply(&[Situation::Ehlo]),
                answer: || "EHLO learner.example".into(),
            },
            Step {
                instruction: Tr::new("Send AUTH PLAIN with the base64 of \\0alice@example.com\\0secret as initial response.", "发送 AUTH PLAIN，初始响应为 \\0alice@example.com\\0secret 的 base64。"),
                hints: &[
                    Tr::new("PLAIN puts three fields in one message, separated by NUL bytes: who to act as, who logs in, the password.", "PLAIN 把三个字段放在一条消息里，用 NUL 字节分隔：以谁的身份、谁登录、密码。"),
                    Tr::new("The message starts with a NUL (empty authzid); the base64 helper's PLAIN mode builds it.", "消息以一个 NUL 开头（authzid 为空）；base64 助手的 PLAIN 模式可以帮你构造。"),
                    Tr::new("AUTH PLAIN AGFsaWNlQGV4YW1wbGUuY29tAHNlY3JldA==", "AUTH PLAIN AGFsaWNlQGV4YW1wbGUuY29tAHNlY3JldA=="),
                ],
                mistakes: &[],
                expect: Expect::ReplyTo(&[Situation::AuthOk], |l| verb(l) == "AUTH" && l.to_ascii_uppercase().contains("PLAIN")),
                answer: || format!("AUTH PLAIN {}", BASE64.encode(plain::encode("", "alice@example.com", "secret"))),
            },
        ],
    },
    Lesson {
        id: "cram-md5",
        title: Tr::new("CRAM-MD5 by hand", "手算 CRAM-MD5"),
        intro: Tr::new("RFC 2195's example: user tim, password tanstaaftanstaaf, challenge <1896.697170952@postoffice.reston.mci.net>. Compute each value (use any HMAC-MD5 tool, or the Auth page to check your steps).", "RFC 2195 的例子：用户 tim，密码 tanstaaftanstaaf，质询 <1896.697170952@postoffice.reston.mci.net>。逐个计算（可用任何 HMAC-MD5 工具，或在认证步骤页面核对）。"),
        steps: &[
            Step {
                instruction: Tr::new("HMAC-MD5(key = password, message = challenge) as 32 lowercase hex digits.", "HMAC-MD5（密钥为密码，消息为质询），写成 32 位小写十六进制。"),
                hints: &[
                    Tr::new("CRAM-MD5 proves the password without sending it: a keyed hash of the server's challenge.", "CRAM-MD5 不发送密码也能证明知道密码：对服务器的质询做带密钥的哈希。"),
                    Tr::new("The key is the password, the message the decoded challenge, including < and >.", "密钥是密码，消息是解码后的质询，包括 < 和 >。"),
                ],
                mistakes: &[Mistake {
                    matches: |v| v != cram("digest-hex") && v.eq_ignore_ascii_case(&cram("digest-hex")),
                    hint: Tr::new("The right digest — in upper case. RFC 2195 wants the hex digits in lower case, and a server compares the text exactly.", "摘要是对的——但是大写。RFC 2195 要求十六进制用小写，服务器会逐字比较。"),
                }],
                expect: Expect::Value(|v| v == cram("digest-hex")),
                answer: || cram("digest-hex"),
            },
            Step {
                instruction: Tr::new("The response text: the user, one space, the digest.", "响应文本：用户名、一个空格、摘要。"),
                hints: &[
                    Tr::new("The server must know whose password to check: the response names the user.", "服务器需要知道用谁的密码来核对：响应里要写出用户名。"),
                    Tr::new("tim b913…", "tim b913…"),
                ],
                mistakes: &[],
                expect: Expect::Value(|v| v == cram("response-text")),
                answer: || cram("response-text"),
            },
            Step {
                instruction: Tr::new("The line to send: that text in base64.", "要发送的行：上述文本的 base64。"),
                hints: &[
                    Tr::new("Everything after 334 travels in base64, both ways.", "334 之后的内容在两个方向上都用 base64 传输。"),
                    Tr::new("Base64 of the whole text, no newline.", "对整段文本做 base64，不带换行。"),
                ],
                mistakes: &[],
                expect: Expect::Value(|v| v == cram("response")),
                answer: || cram("response"),
            },
        ],
    },
    Lesson {
        id: "digest-md5",
        title: Tr::new("DIGEST-MD5 by hand", "手算 DIGEST-MD5"),
        intro: Tr::new("RFC 2831 §4's example: chris / secret, realm elwood.innosoft.com, nonce OA6MG9tEQGm2hh, cnonce OA6MHXh6VqTrRk, nc 00000001, qop auth, digest-uri imap/elwood.innosoft.com.", "RFC 2831 §4 的例子：chris / secret，realm elwood.innosoft.com，nonce OA6MG9tEQGm2hh，cnonce OA6MHXh6VqTrRk，nc 00000001，qop auth，digest-uri imap/elwood.innosoft.com。"),
        steps: &[
            Step {
                instruction: Tr::new("H(user:realm:password) in hex (you will use its 16 raw bytes next).", "H(用户名:realm:密码) 的十六进制（下一步要用它的 16 个原始字节）。"),
                hints: &[
                    Tr::new("The first hash ties the password to the user and the realm.", "第一个哈希把密码与用户名和 realm 绑在一起。"),
                    Tr::new("MD5 of \"chris:elwood.innosoft.com:secret\".", "\"chris:elwood.innosoft.com:secret\" 的 MD5。"),
                ],
                mistakes: &[],
                expect: Expect::Value(|v| v.eq_ignore_ascii_case(&digest("urp-hash"))),
                answer: || digest("urp-hash"),
            },
            Step {
                instruction: Tr::new("HA1 = HEX(MD5(those 16 raw bytes + \":nonce:cnonce\")).", "HA1 = HEX(MD5(那 16 个原始字节 + \":nonce:cnonce\"))。"),
                hints: &[
                    Tr::new("A1 mixes in both nonces, so each session's key differs.", "A1 混入两个 nonce，所以每个会话的密钥都不同。"),
                    Tr::new("Raw bytes, not their hex: the classic mistake.", "用原始字节，不是十六进制：这是常见错误。"),
                ],
                mistakes: &[Mistake {
                    matches: |v| v.eq_ignore_ascii_case(&digest("urp-hash")),
                    hint: Tr::new("That is the previous step's hash again: HA1 hashes its 16 raw bytes followed by \":nonce:cnonce\".", "这是上一步的哈希：HA1 要对它的 16 个原始字节加上 \":nonce:cnonce\" 再做 MD5。"),
                }],
                expect: Expect::Value(|v| v == digest("ha1")),
                answer: || digest("ha1"),
            },
            Step {
                instruction: Tr::new("HA2 = HEX(MD5(\"AUTHENTICATE:imap/elwood.innosoft.com\")).", "计算 HA2 = HEX(MD5(\"AUTHENTICATE:imap/elwood.innosoft.com\"))。"),
                hints: &[
                    Tr::new("A2 binds the response to the service it is for.", "A2 把响应绑定到它所针对的服务。"),
                    Tr::new("Just MD5 of that text, in hex.", "就是这段文本的 MD5（十六进制）。"),
                ],
                mistakes: &[],
                expect: Expect::Value(|v| v == digest("ha2")),
                answer: || digest("ha2"),
            },
            Step {
                instruction: Tr::new("response = HEX(MD5(HA1:nonce:nc:cnonce:qop:HA2)).", "计算 response = HEX(MD5(HA1:nonce:nc:cnonce:qop:HA2))。"),
                hints: &[
                    Tr::new("The response joins everything both sides know with colons, hashes in hex.", "response 把双方都知道的值用冒号连起来，再取十六进制哈希。"),
                    Tr::new("nc is 00000001 and qop is auth.", "nc 是 00000001，qop 是 auth。"),
                ],
                mistakes: &[],
                expect: Expect::Value(|v| v == digest("response")),
                answer: || digest("response"),
            },
            Step {
                instruction: Tr::new("rspauth, the server's proof: the same with A2 = \":imap/elwood.innosoft.com\".", "rspauth，服务器的证明：同样计算，但 A2 = \":imap/elwood.innosoft.com\"。"),
                hints: &[
                    Tr::new("The server proves it knows the password too, with almost the same computation.", "服务器也要证明它知道密码，计算几乎相同。"),
                    Tr::new("Only A2 changes: no \"AUTHENTICATE\".", "只有 A2 变了：没有 \"AUTHENTICATE\"。"),
                ],
                mistakes: &[],
                expect: Expect::Value(|v| v == digest("rspauth")),
                answer: || digest("rspauth"),
            },
        ],
    },
    Lesson {
        id: "mime-attachment",
        title: Tr::new("MIME and an attachment", "MIME 与附件"),
        intro: Tr::new("The admin's notes add an attachment with multipart/mixed, a boundary and a base64 part. Send one through DATA.", "管理员的笔记用 multipart/mixed、边界和一个 base64 部分来添加附件。通过 DATA 发送一封这样的邮件。"),
        steps: &[
            Step {
                instruction: Tr::new("EHLO, MAIL FROM:<alice@example.com>, RCPT TO:<bob@example.com>, DATA — then the next step checks the message.", "EHLO、MAIL FROM:<alice@example.com>、RCPT TO:<bob@example.com>、DATA——下一步检查的是邮件本身。"),
                hints: &[
                    Tr::new("Four commands, one per line, each answered before the next: greet, sender, recipient, data.", "四条命令，每行一条，每条得到回复后再发下一条：问候、发件人、收件人、数据。"),
                    Tr::new("Get to the 354 first: EHLO learner.example, then MAIL FROM, RCPT TO and DATA.", "先拿到 354：EHLO learner.example，然后 MAIL FROM、RCPT TO 和 DATA。"),
                ],
                mistakes: &[HELO_INSTEAD, RCPR_TYPO],
                expect: Expect::Commands(&[
                    Part { wants: &[Situation::Ehlo], line: any },
                    Part { wants: &[Situation::MailOk], line: any },
                    Part { wants: &[Situation::RcptOk], line: any },
                    Part { wants: &[Situation::DataGo], line: any },
                ]),
                answer: || "EHLO learner.example\nMAIL FROM:<alice@example.com>\nRCPT TO:<bob@example.com>\nDATA".into(),
            },
            Step {
                instruction: Tr::new("Send a multipart/mixed message with a text part and an attachment part (Content-Disposition: attachment, base64).", "发送一封 multipart/mixed 邮件：一个文本部分和一个附件部分（Content-Disposition: attachment，base64）。"),
                hints: &[
                    Tr::new("A message with an attachment is a container of parts; the top header says so and names the line that separates them.", "带附件的邮件是多个部分的容器；顶层邮件头要说明这一点，并给出分隔各部分的标记。"),
                    Tr::new("Each part has its own headers: the attachment's say Content-Disposition: attachment and Content-Transfer-Encoding: base64.", "每个部分有自己的头：附件部分要写 Content-Disposition: attachment 和 Content-Transfer-Encoding: base64。"),
                    Tr::new("Content-Type: multipart/mixed; boundary=\"B\" — then --B before each part and --B-- at the end.", "Content-Type: multipart/mixed; boundary=\"B\"——每个部分前写 --B，最后写 --B--。"),
                ],
                mistakes: &[],
                expect: Expect::Message(|data, _| {
                    let (headers, body) = headers_and_body(data);
                    let body = body.to_ascii_lowercase();
                    if !headers.contains("multipart/mixed") {
                        Err(Tr::new("The top headers do not say Content-Type: multipart/mixed, so the message is one single part.", "顶层邮件头没有写 Content-Type: multipart/mixed，所以这封邮件只有一个部分。"))
                    } else if !(body.contains("content-disposition: attachment") && body.contains("content-transfer-encoding: base64")) {
                        Err(Tr::new("No part says Content-Disposition: attachment with Content-Transfer-Encoding: base64.", "没有哪个部分写了 Content-Disposition: attachment 和 Content-Transfer-Encoding: base64。"))
                    } else {
                        Ok(())
                    }
                }),
                answer: || "MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"B\"\nSubject: with attachment\n\n--B\nContent-Type: text/plain; charset=utf-8\n\nSee the file.\n--B\nContent-Type: text/plain; name=att.txt\nContent-Disposition: attachment; filename=att.txt\nContent-Transfer-Encoding: base64\n\naGVsbG8K\n--B--\n.".into(),
            },
        ],
    },
    Lesson {
        id: "cc-bcc-envelope",
        title: Tr::new("CC, BCC and the envelope", "抄送、密送与信封"),
        intro: Tr::new("There is no RCPT CC or RCPT BCC: every recipient is a RCPT TO, and the headers are only what people read.", "没有 RCPT CC 或 RCPT BCC：每个收件人都是一条 RCPT TO，邮件头只是给人看的。"),
        steps: &[
            Step {
                instruction: Tr::new("EHLO, MAIL FROM, then RCPT TO for bob, carol and dave @example.com, then DATA.", "EHLO、MAIL FROM，然后分别为 bob、carol 和 dave @example.com 发 RCPT TO，再 DATA。"),
                hints: &[
                    Tr::new("The server delivers to the envelope's recipients, whatever the headers will say: name each one.", "服务器按信封上的收件人投递，与邮件头写什么无关：每个收件人都要写出来。"),
                    Tr::new("Three RCPT TO lines, one per recipient, between MAIL FROM and DATA.", "三条 RCPT TO，每个收件人一条，放在 MAIL FROM 和 DATA 之间。"),
                    Tr::new("EHLO learner.example · MAIL FROM:<alice@example.com> · RCPT TO:<bob@example.com> · RCPT TO:<carol@example.com> · RCPT TO:<dave@example.com> · DATA", "EHLO learner.example · MAIL FROM:<alice@example.com> · RCPT TO:<bob@example.com> · RCPT TO:<carol@example.com> · RCPT TO:<dave@example.com> · DATA"),
                ],
                mistakes: &[HELO_INSTEAD, RCPR_TYPO, Mistake {
                    matches: |l| { let u = l.to_ascii_uppercase(); u.starts_with("RCPT CC") || u.starts_with("RCPT BCC") },
                    hint: Tr::new("There is no RCPT CC or RCPT BCC: a Cc or Bcc recipient is a RCPT TO like any other.", "没有 RCPT CC 或 RCPT BCC：抄送和密送的收件人也都是普通的 RCPT TO。"),
                }],
                expect: Expect::Commands(&[
                    Part { wants: &[Situation::Ehlo], line: any },
                    Part { wants: &[Situation::MailOk], line: any },
                    Part { wants: &[Situation::RcptOk], line: |l| l.to_ascii_lowercase().contains("bob@example.com") },
                    Part { wants: &[Situation::RcptOk], line: |l| l.to_ascii_lowercase().contains("carol@example.com") },
                    Part { wants: &[Situation::RcptOk], line: |l| l.to_ascii_lowercase().contains("dave@example.com") },
                    Part { wants: &[Situation::DataGo], line: any },
                ]),
                answer: || "EHLO learner.example\nMAIL FROM:<alice@example.com>\nRCPT TO:<bob@example.com>\nRCPT TO:<carol@example.com>\nRCPT TO:<dave@example.com>\nDATA".into(),
            },
            Step {
                instruction: Tr::new("Write To: bob, Cc: carol and nothing about dave — dave is the Bcc.", "写 To: bob、Cc: carol，不写 dave——dave 就是密送。"),
                hints: &[
                    Tr::new("The headers are what the recipients read; a blind copy is a recipient nobody reads about.", "邮件头是收件人看到的内容；密送就是谁也看不到的收件人。"),
                    Tr::new("To: bob@example.com / Cc: carol@example.com / Subject: …, empty line, body, dot — and no Bcc: line.", "To: bob@example.com / Cc: carol@example.com / Subject: …，空行，正文，点——不要写 Bcc: 行。"),
                ],
                mistakes: &[],
                expect: Expect::Message(|data, recipients| {
                    let (headers, _) = headers_and_body(data);
                    let cc = headers.lines().any(|l| l.starts_with("cc:") && l.contains("carol@example.com"));
                    let to_dave = recipients.iter().any(|r| r.eq_ignore_ascii_case("dave@example.com"));
                    if headers.contains("dave@example.com") {
                        Err(Tr::new("dave@example.com is in the message's headers (a Bcc: line goes out with the message and everybody reads it): a blind copy appears in no header.", "dave@example.com 出现在邮件头中（Bcc: 行会随邮件发出，每个人都能看到）：密送的收件人不应出现在任何邮件头里。"))
                    } else if !cc {
                        Err(Tr::new("There is no Cc: line naming carol@example.com.", "没有写着 carol@example.com 的 Cc: 行。"))
                    } else if !to_dave {
                        Err(Tr::new("dave@example.com was not among the envelope's recipients.", "dave@example.com 不在信封的收件人中。"))
                    } else {
                        Ok(())
                    }
                }),
                answer: || "To: bob@example.com\nCc: carol@example.com\nSubject: meeting\n\nSee you at 3.\n.".into(),
            },
        ],
    },
    Lesson {
        id: "reply-codes",
        title: Tr::new("Reply codes and enhanced status codes", "回复码与增强状态码"),
        intro: Tr::new("Read codes digit by digit (the Reference page helps).", "逐位解读代码（回复码参考页面可以帮你）。"),
        steps: &[
            Step {
                instruction: Tr::new("A reply starts with 4: is the failure temporary or permanent? Type temporary or permanent.", "回复以 4 开头：失败是暂时的还是永久的？输入“暂时性”或“永久性”（也可以输入 temporary 或 permanent）。"),
                hints: &[
                    Tr::new("The first digit says how it went: 2 done, 3 go on, 4 and 5 failed — but not alike.", "第一位数字说明结果：2 完成，3 继续，4 和 5 失败——但两者不一样。"),
                    Tr::new("4yz: Transient Negative Completion.", "4yz：暂时否定完成。"),
                ],
                mistakes: &[],
                expect: Expect::Value(is_temporary),
                answer: || "temporary".into(),
            },
            Step {
                instruction: Tr::new("Which subject does the enhanced code 5.7.8 belong to? Type its subject number.", "增强状态码 5.7.8 属于哪个主题？输入主题编号。"),
                hints: &[
                    Tr::new("An enhanced code has three numbers: class, subject, detail.", "增强状态码有三个数字：类别、主题、细节。"),
                    Tr::new("class.subject.detail — the middle one.", "类别.主题.细节——中间那个。"),
                ],
                mistakes: &[],
                expect: Expect::Value(|v| EnhancedCode::parse("5.7.8").is_ok_and(|c| v == c.subject().to_string())),
                answer: || EnhancedCode::parse("5.7.8").map(|c| c.subject().to_string()).unwrap_or_default(),
            },
            Step {
                instruction: Tr::new("Which three-digit code does a server send when the password is wrong?", "密码错误时服务器发送哪个三位代码？"),
                hints: &[
                    Tr::new("A permanent failure (5), about authentication (RFC 4954's codes are in the 530s).", "永久失败（5），与认证有关（RFC 4954 的代码在 530 段）。"),
                    Tr::new("RFC 4954: Authentication credentials invalid.", "RFC 4954：认证凭据无效。"),
                ],
                mistakes: &[Mistake {
                    matches: |v| v == "530",
                    hint: Tr::new("530 says authentication is required (none was done); a wrong password is a different code.", "530 表示需要认证（还没认证）；密码错误是另一个代码。"),
                }],
                expect: Expect::Value(|v| v == "535"),
                answer: || "535".into(),
            },
        ],
    },
];
