//! Scenario files: the format of `docs/scenarios.md`, read into a [`Scenario`]. Every error
//! is collected with its line — a teacher fixes a file in one go, not one error per try —
//! and explained in English and Chinese.
//!
//! The reader is hand-written over [`toml_lite`] (no serde in the page): each table is read
//! key by key, a key nobody asked for is an error, so a misspelled key never passes quietly.

use super::scenarios::{
    AcceptedWith, ComposeDraft, ComposeField, Condition, Place, Scenario, Solution, VerifyCase,
    Want,
};
use super::situation_names::situation;
use super::toml_lite::{self, Entry, Syntax, Table, Value};
use crate::i18n::{Fill, Lang, Text, Tr};
use crate::sasl::verify::Mechanism;
use crate::smtp::profile::Profile;
use crate::smtp::server::{Fault, FaultMode, ServerConfig};

/// The format version this trainer reads and writes.
pub const FORMAT: i64 = 1;

/// What is wrong in a scenario file.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Problem {
    /// Not valid in the file format's TOML subset.
    Syntax(Syntax),
    /// `format` is newer than this trainer reads.
    FutureFormat(i64),
    /// A required key or table is missing.
    Missing(String),
    /// A key the format does not have (in this table).
    UnknownKey(String),
    /// A table the format does not have.
    UnknownTable(String),
    /// A value of the wrong type; the text says which type.
    WrongType(String, Tr),
    /// A value that is none of the allowed ones.
    BadValue(String, String),
    /// An empty text.
    Empty(String),
    /// More items than allowed.
    TooMany(String),
}

/// One error with its line (1-based).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileError {
    /// The line.
    pub line: usize,
    /// What is wrong.
    pub problem: Problem,
}

const A_STRING: Tr = Tr::new("a string in double quotes", "双引号中的字符串");
const AN_INTEGER: Tr = Tr::new("a whole number", "整数");
const A_BOOL: Tr = Tr::new("true or false", "true 或 false");
const A_LIST: Tr = Tr::new(
    "a list of strings, [\"…\", \"…\"]",
    "字符串列表，[\"…\", \"…\"]",
);

impl FileError {
    /// The error in `lang`, line first: `line 7: …`.
    pub fn describe(&self, lang: Lang) -> String {
        let (text, a, b) = match &self.problem {
            Problem::Syntax(kind) => (syntax_text(*kind), "", ""),
            Problem::FutureFormat(_) => (
                Tr::new(
                    "this file is in a newer scenario format than this trainer reads (format = 1): update the trainer",
                    "此文件的场景格式比本训练器能读取的更新（format = 1）：请更新训练器",
                ),
                "",
                "",
            ),
            Problem::Missing(key) => (
                Tr::new("“{a}” is missing", "缺少“{a}”"),
                key.as_str(),
                "",
            ),
            Problem::UnknownKey(key) => (
                Tr::new(
                    "unknown key “{a}” (misspelled? docs/scenarios.md lists every key)",
                    "未知的键“{a}”（拼错了？docs/scenarios.md 列出了所有的键）",
                ),
                key.as_str(),
                "",
            ),
            Problem::UnknownTable(name) => (
                Tr::new("unknown table [{a}]", "未知的表 [{a}]"),
                name.as_str(),
                "",
            ),
            Problem::WrongType(key, want) => (
                Tr::new("“{a}” must be {b}", "“{a}”必须是{b}"),
                key.as_str(),
                want.get(lang),
            ),
            Problem::BadValue(key, value) => (
                Tr::new(
                    "“{b}” is not a valid value for “{a}”",
                    "“{b}”不是“{a}”的有效值",
                ),
                key.as_str(),
                value.as_str(),
            ),
            Problem::Empty(key) => (
                Tr::new("“{a}” is empty", "“{a}”为空"),
                key.as_str(),
                "",
            ),
            Problem::TooMany(key) => (
                Tr::new("too many items in “{a}”", "“{a}”中的条目太多"),
                key.as_str(),
                "",
            ),
        };
        format!(
            "{}{}",
            line_prefix(self.line, lang),
            text.get(lang).fill(&[("a", &a), ("b", &b)])
        )
    }
}

fn line_prefix(line: usize, lang: Lang) -> String {
    Tr::new("line {n}: ", "第 {n} 行：")
        .get(lang)
        .fill(&[("n", &line)])
}

fn syntax_text(kind: Syntax) -> Tr {
    match kind {
        Syntax::TooLong => Tr::new("the file is longer than 64 KB", "文件超过 64 KB"),
        Syntax::NotKeyValue => Tr::new(
            "expected key = value, a [table] or a # comment",
            "应为 key = value、[表] 或 # 注释",
        ),
        Syntax::BadKey => Tr::new(
            "a key or table name may only hold A–Z, a–z, 0–9, _ and -",
            "键名或表名只能包含 A–Z、a–z、0–9、_ 和 -",
        ),
        Syntax::DuplicateKey => Tr::new("this key is given twice", "这个键出现了两次"),
        Syntax::DuplicateTable => Tr::new("this table is given twice", "这个表出现了两次"),
        Syntax::UnterminatedString => Tr::new(
            "the string has no closing \" on this line",
            "字符串在本行没有结尾的 \"",
        ),
        Syntax::BadEscape => Tr::new(
            "unknown escape: use \\\" \\\\ \\n \\r \\t or \\uXXXX",
            "未知的转义：请用 \\\" \\\\ \\n \\r \\t 或 \\uXXXX",
        ),
        Syntax::BadValue => Tr::new(
            "a value must be a \"string\", a whole number, true, false or [\"a\", \"list\"]",
            "值必须是 \"字符串\"、整数、true、false 或 [\"列表\"]",
        ),
        Syntax::UnterminatedArray => Tr::new("the list has no closing ]", "列表没有结尾的 ]"),
        Syntax::TrailingText => Tr::new("unexpected text after the value", "值后面有多余的文字"),
    }
}

/// Reads one table, remembering which keys were asked for.
struct Reader<'a> {
    table: &'a Table,
    used: Vec<&'a str>,
    errors: &'a mut Vec<FileError>,
}

impl<'a> Reader<'a> {
    fn new(table: &'a Table, errors: &'a mut Vec<FileError>) -> Reader<'a> {
        Reader {
            table,
            used: Vec::new(),
            errors,
        }
    }

    fn full(&self, key: &str) -> String {
        if self.table.name.is_empty() {
            key.to_string()
        } else {
            format!("{}.{key}", self.table.name)
        }
    }

    fn fail(&mut self, line: usize, problem: Problem) {
        self.errors.push(FileError { line, problem });
    }

    fn entry(&mut self, key: &'a str) -> Option<&'a Entry> {
        self.used.push(key);
        self.table.get(key)
    }

    fn missing(&mut self, key: &str) {
        let line = self.table.line.max(1);
        let key = self.full(key);
        self.fail(line, Problem::Missing(key));
    }

    fn string(&mut self, key: &'a str) -> Option<String> {
        let entry = self.entry(key)?;
        match &entry.value {
            Value::Str(s) => Some(s.clone()),
            Value::Int(i) if key == "port" => Some(i.to_string()),
            _ => {
                let full = self.full(key);
                self.fail(entry.line, Problem::WrongType(full, A_STRING));
                None
            }
        }
    }

    fn text(&mut self, key: &'a str) -> Option<String> {
        let line = self.table.get(key).map(|e| e.line);
        match self.string(key) {
            Some(s) if s.trim().is_empty() => {
                let full = self.full(key);
                self.fail(line.unwrap_or(self.table.line), Problem::Empty(full));
                None
            }
            Some(s) => Some(s),
            None => {
                if line.is_none() {
                    self.missing(key);
                }
                None
            }
        }
    }

    fn int(&mut self, key: &'a str) -> Option<i64> {
        let entry = self.entry(key)?;
        match entry.value {
            Value::Int(i) => Some(i),
            _ => {
                let full = self.full(key);
                self.fail(entry.line, Problem::WrongType(full, AN_INTEGER));
                None
            }
        }
    }

    fn bool(&mut self, key: &'a str) -> Option<bool> {
        let entry = self.entry(key)?;
        match entry.value {
            Value::Bool(b) => Some(b),
            _ => {
                let full = self.full(key);
                self.fail(entry.line, Problem::WrongType(full, A_BOOL));
                None
            }
        }
    }

    /// A list; a single string counts as a list of one.
    fn list(&mut self, key: &'a str, max: usize) -> Vec<String> {
        let Some(entry) = self.entry(key) else {
            return Vec::new();
        };
        let items = match &entry.value {
            Value::List(items) => items.clone(),
            Value::Str(s) => vec![s.clone()],
            _ => {
                let full = self.full(key);
                self.fail(entry.line, Problem::WrongType(full, A_LIST));
                return Vec::new();
            }
        };
        if items.len() > max {
            let full = self.full(key);
            self.fail(entry.line, Problem::TooMany(full));
        }
        items
    }

    fn bad(&mut self, key: &str, value: &str) {
        let line = self
            .table
            .get(key)
            .map_or(self.table.line.max(1), |e| e.line);
        let full = self.full(key);
        self.fail(
            line,
            Problem::BadValue(full, crate::i18n::cut::chars(value, 80).to_string()),
        );
    }

    /// Reports every key nobody asked for.
    fn finish(self) {
        for entry in &self.table.entries {
            if !self.used.contains(&entry.key.as_str()) {
                let key = if self.table.name.is_empty() {
                    entry.key.clone()
                } else {
                    format!("{}.{}", self.table.name, entry.key)
                };
                self.errors.push(FileError {
                    line: entry.line,
                    problem: Problem::UnknownKey(key),
                });
            }
        }
    }
}

fn leak(text: String) -> &'static str {
    Box::leak(text.into_boxed_str())
}

/// A `[title]`-style table: `en` and `zh`.
fn bilingual(table: Option<&Table>, name: &str, errors: &mut Vec<FileError>) -> Text {
    let Some(table) = table else {
        errors.push(FileError {
            line: 1,
            problem: Problem::Missing(format!("[{name}]")),
        });
        return Text::default();
    };
    let mut r = Reader::new(table, errors);
    let en = r.text("en").unwrap_or_default();
    let zh = r.text("zh").unwrap_or_default();
    r.finish();
    Text::new(en, zh)
}

/// A reply a check names: a situation (`AuthOk`) or a code (`"535"`).
fn want(r: &mut Reader<'_>, key: &str, name: &str) -> Option<Want> {
    if let Some(s) = situation(name) {
        return Some(Want::Situation(s));
    }
    match name.parse::<u16>() {
        Ok(code) if (200..600).contains(&code) && name.len() == 3 => Some(Want::Code(code)),
        _ => {
            r.bad(key, name);
            None
        }
    }
}

fn condition(table: &Table, errors: &mut Vec<FileError>) -> Option<Condition> {
    let mut r = Reader::new(table, errors);
    let kind = r.text("kind");
    let condition = match kind.as_deref() {
        Some("reply") => {
            let names = r.list("reply", 20);
            if names.is_empty() {
                r.missing("reply");
            }
            let any: Vec<Want> = names
                .iter()
                .filter_map(|n| want(&mut r, "reply", n))
                .collect();
            let after = r.string("after").and_then(|n| want(&mut r, "after", &n));
            (!any.is_empty()).then_some(Condition::Reply { any, after })
        }
        Some("accepted") => Some(Condition::Accepted(AcceptedWith {
            recipients: r.list("recipients", 50),
            from_is_login: r.bool("from_is_login").unwrap_or(false),
            hidden_recipient: r.bool("hidden_recipient").unwrap_or(false),
            outside_recipient: r.bool("outside_recipient").unwrap_or(false),
            headers: r.list("headers", 20),
        })),
        Some("auth") => Some(Condition::Auth {
            mechanism: r.string("mechanism").map(|m| m.trim().to_ascii_uppercase()),
            user: r.string("user"),
        }),
        Some("tls") => Some(Condition::Tls),
        Some("answer") => r.text("equals").map(Condition::Answer),
        Some(other) => {
            r.bad("kind", other);
            None
        }
        None => None,
    };
    r.finish();
    condition
}

fn server(table: &Table, policies: Option<&Table>, errors: &mut Vec<FileError>) -> ServerConfig {
    let mut r = Reader::new(table, errors);
    let profile = match r.text("profile") {
        Some(id) => Profile::from_id(&id).unwrap_or_else(|| {
            r.bad("profile", &id);
            Profile::Postfix
        }),
        None => Profile::Postfix,
    };
    let mut config = ServerConfig::new(profile);
    if let Some(hostname) = r.string("hostname") {
        config.hostname = hostname;
    }
    let domains = r.list("local_domains", 20);
    if !domains.is_empty() {
        config.local_domains = domains;
    }
    for account in r.list("accounts", 50) {
        match account.split_once(':') {
            Some((user, password)) if !user.is_empty() => {
                config = config.with_account(user, password);
            }
            _ => r.bad("accounts", &account),
        }
    }
    // OAuth 2.0 access tokens of those accounts (XOAUTH2, OAUTHBEARER): "user:token".
    for token in r.list("tokens", 50) {
        match token.split_once(':') {
            Some((user, value))
                if !value.is_empty() && config.accounts.iter().any(|a| a.user == user) =>
            {
                config = config.with_token(user, value);
            }
            _ => r.bad("tokens", &token),
        }
    }
    config.mailboxes.extend(r.list("mailboxes", 200));
    r.finish();
    if let Some(table) = policies {
        let mut r = Reader::new(table, errors);
        let p = &mut config.policies;
        for (key, flag) in [
            ("require_auth", &mut p.require_auth),
            ("sender_must_match_auth", &mut p.sender_must_match_auth),
            ("sasl_daemon_down", &mut p.sasl_daemon_down),
            ("vrfy_allowed", &mut p.vrfy_allowed),
            ("expn_allowed", &mut p.expn_allowed),
            ("tls_before_auth", &mut p.tls_before_auth),
            ("known_mailboxes_only", &mut p.known_mailboxes_only),
            ("deny_relay", &mut p.deny_relay),
            ("greylist", &mut p.greylist),
            ("reject_bare_lf", &mut p.reject_bare_lf),
        ] {
            if let Some(value) = r.bool(key) {
                *flag = value;
            }
        }
        if let Some(size) = r.int("max_message_size") {
            match u64::try_from(size) {
                Ok(size) => p.max_message_size = size,
                Err(_) => r.bad("max_message_size", &size.to_string()),
            }
        }
        let code = r.int("fault");
        let share = r.int("fault_share");
        let seed = r.int("fault_seed");
        if let Some(code) = code {
            match u16::try_from(code).ok().filter(|c| (400..600).contains(c)) {
                Some(code) => {
                    let mode = match share {
                        Some(percent) => match u8::try_from(percent).ok().filter(|p| *p <= 100) {
                            Some(percent) => FaultMode::Share {
                                percent,
                                seed: seed.and_then(|s| u64::try_from(s).ok()).unwrap_or(1),
                            },
                            None => {
                                r.bad("fault_share", &percent.to_string());
                                FaultMode::NextCommand
                            }
                        },
                        None => FaultMode::NextCommand,
                    };
                    p.fault = Some(Fault { code, mode });
                }
                None => r.bad("fault", &code.to_string()),
            }
        }
        r.finish();
    }
    config
}

fn compose_fields(r: &mut Reader<'_>, draft: &mut ComposeDraft) -> Vec<(ComposeField, String)> {
    let mut changed = Vec::new();
    for field in ComposeField::ALL {
        if let Some(value) = r.string(field.key()) {
            *draft.field_mut(field) = value.clone();
            changed.push((field, value));
        }
    }
    changed
}

/// Reads a scenario file. `builtin` marks the trainer's own files.
pub fn parse_scenario(text: &str, builtin: bool) -> Result<Scenario, Vec<FileError>> {
    let tables = toml_lite::parse(text).map_err(|errors| {
        errors
            .into_iter()
            .map(|e| FileError {
                line: e.line,
                problem: Problem::Syntax(e.kind),
            })
            .collect::<Vec<_>>()
    })?;
    let mut errors = Vec::new();
    let one = |name: &str| tables.iter().find(|t| t.name == name && !t.many);
    for table in tables.iter().skip(1) {
        let known = match table.name.as_str() {
            "title" | "story" | "goal" | "lesson" | "server" | "policies" | "compose"
            | "verify" | "solution" => !table.many,
            "hint" | "check" => table.many,
            _ => false,
        };
        if !known {
            errors.push(FileError {
                line: table.line,
                problem: Problem::UnknownTable(table.name.clone()),
            });
        }
    }
    let Some(root) = tables.first() else {
        return Err(errors);
    };
    let mut r = Reader::new(root, &mut errors);
    match r.int("format") {
        Some(FORMAT) => {}
        Some(n) if n > FORMAT => {
            let line = root.get("format").map_or(1, |e| e.line);
            r.fail(line, Problem::FutureFormat(n));
        }
        Some(n) => r.bad("format", &n.to_string()),
        None => {
            if root.get("format").is_none() {
                r.missing("format");
            }
        }
    }
    let id = r.text("id").unwrap_or_default();
    let id_ok = (1..=40).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if !id.is_empty() && !id_ok {
        r.bad("id", &id);
    }
    // Optional: the console is the default (docs/scenarios.md).
    let place = match r.string("place").as_deref() {
        Some("console") | None => Place::Console,
        Some("compose") => Place::Compose,
        Some("verify") => Place::Verify,
        Some(other) => {
            r.bad("place", other);
            Place::Console
        }
    };
    r.finish();

    let title = bilingual(one("title"), "title", &mut errors);
    let story = bilingual(one("story"), "story", &mut errors);
    let goal = bilingual(one("goal"), "goal", &mut errors);
    let lesson = bilingual(one("lesson"), "lesson", &mut errors);
    let hint_tables: Vec<&Table> = tables.iter().filter(|t| t.name == "hint").collect();
    if hint_tables.is_empty() {
        errors.push(FileError {
            line: 1,
            problem: Problem::Missing("[[hint]]".into()),
        });
    }
    if let Some(extra) = hint_tables.get(10) {
        errors.push(FileError {
            line: extra.line,
            problem: Problem::TooMany("[[hint]]".into()),
        });
    }
    let hints: Vec<Text> = hint_tables
        .iter()
        .take(10)
        .map(|t| bilingual(Some(t), "hint", &mut errors))
        .collect();

    let config = match one("server") {
        Some(table) => server(table, one("policies"), &mut errors),
        None => {
            errors.push(FileError {
                line: 1,
                problem: Problem::Missing("[server]".into()),
            });
            ServerConfig::new(Profile::Postfix)
        }
    };

    let mut compose = ComposeDraft::plain(&config.hostname);
    let mut mechanism = None;
    if let Some(table) = one("compose") {
        let mut r = Reader::new(table, &mut errors);
        compose_fields(&mut r, &mut compose);
        mechanism = r.string("mechanism").map(|m| m.trim().to_ascii_uppercase());
        r.finish();
    }

    let verify = match one("verify") {
        Some(table) => {
            let mut r = Reader::new(table, &mut errors);
            let mechanism = r.text("mechanism").and_then(|name| {
                let found = Mechanism::from_name(&name);
                if found.is_none() {
                    r.bad("mechanism", &name);
                }
                found
            });
            let challenge = r.text("challenge");
            let response = r.text("response");
            r.finish();
            match (mechanism, challenge, response) {
                (Some(mechanism), Some(challenge), Some(response)) => Some(VerifyCase {
                    mechanism,
                    challenge,
                    response,
                }),
                _ => None,
            }
        }
        None => {
            if place == Place::Verify {
                errors.push(FileError {
                    line: 1,
                    problem: Problem::Missing("[verify]".into()),
                });
            }
            None
        }
    };

    let check_tables: Vec<&Table> = tables.iter().filter(|t| t.name == "check").collect();
    if check_tables.is_empty() {
        errors.push(FileError {
            line: 1,
            problem: Problem::Missing("[[check]]".into()),
        });
    }
    if let Some(extra) = check_tables.get(20) {
        errors.push(FileError {
            line: extra.line,
            problem: Problem::TooMany("[[check]]".into()),
        });
    }
    let checks: Vec<Condition> = check_tables
        .iter()
        .take(20)
        .filter_map(|t| condition(t, &mut errors))
        .collect();

    let mut solution = Solution::default();
    match one("solution") {
        Some(table) => {
            let mut r = Reader::new(table, &mut errors);
            match place {
                Place::Console => {
                    solution.lines = r.list("lines", 500);
                    if solution.lines.is_empty() {
                        r.missing("lines");
                    }
                }
                Place::Compose => {
                    let mut draft = compose.clone();
                    solution.fields = compose_fields(&mut r, &mut draft);
                }
                Place::Verify => solution.answer = r.text("answer"),
            }
            r.finish();
        }
        None => errors.push(FileError {
            line: 1,
            problem: Problem::Missing("[solution]".into()),
        }),
    }

    if !errors.is_empty() {
        errors.sort_by_key(|e| e.line);
        return Err(errors);
    }
    Ok(Scenario {
        id: leak(id),
        title,
        story,
        goal,
        hints,
        lesson,
        place,
        profile: config.profile,
        server: config,
        compose,
        mechanism: mechanism.map(leak),
        verify,
        checks,
        solution,
        builtin,
    })
}
