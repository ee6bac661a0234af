//! Log lines: Postfix, Sendmail and Exim (syslog, or Exim's own mainlog), other syslog
//! programs (saslauthd, Dovecot), and the error messages of client programs (DokuWiki,
//! PHPMailer, swaks) — with the reply code and text inside when there is one.
//!
//! ```text
//! Jan 10 12:00:00 mail postfix/smtpd[123]: NOQUEUE: reject: RCPT from x[1.2.3.4]: 554 5.7.1 <b@c>: Relay access denied; …
//! Jan 10 12:00:00 mail postfix/smtpd[123]: warning: SASL authentication failure: cannot connect to saslauthd server: No such file or directory
//! Jan 10 12:00:00 mail sendmail[123]: x: ruleset=check_rcpt, arg1=<b@c>, relay=…, reject=550 5.7.1 <b@c>... Relaying denied
//! 2024-01-10 12:00:00 H=(x) [1.2.3.4] F=<a@b> rejected RCPT <b@c>: relay not permitted
//! ```

use super::formats::strip_timestamp;
use super::Format;

/// A log line read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct LogLine {
    /// The form (which server's log, or the client program's).
    pub format: Format,
    /// The program: `postfix/smtpd`, `sendmail`, `exim`, `saslauthd`, `DokuWiki` …
    pub program: String,
    /// Whether the server wrote it (rather than a client program).
    pub server_side: bool,
    /// The reply code inside, if any.
    pub code: Option<u16>,
    /// The enhanced status code inside (or Sendmail's `dsn=`), if any.
    pub enhanced: Option<String>,
    /// The reply text after the codes, or the whole message when there is no code.
    pub text: String,
    /// The SMTP command the line is about, when it names one.
    pub verb: Option<&'static str>,
    /// What happened.
    pub event: LogEvent,
    /// The user name the line names (`sasl_username=`, `user=`, `set_id=`).
    pub user: Option<String>,
    /// The first `<address>` the line names.
    pub address: Option<String>,
    /// The message the line was read from (at most [`MAX_MESSAGE`] bytes): a wrapped line's
    /// continuation is appended to it and the whole read again.
    pub message: String,
    /// Whether the text may go on over the next lines until it closes (a bounce's
    /// `… said: 550 …` goes on until `(in reply to … command)`).
    pub open: bool,
}

/// At most this many bytes of a log message are kept (wrapped lines joined included).
pub(super) const MAX_MESSAGE: usize = 2000;

/// What a log line reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum LogEvent {
    /// A command or message was refused.
    Reject,
    /// Authentication failed.
    AuthFailed,
    /// The SASL backend (saslauthd, Dovecot's auth socket) could not be reached.
    SaslauthdDown,
    /// The client wanted to authenticate but the server offers no AUTH (smtplib's
    /// `SMTP AUTH extension not supported by server`, `503 AUTH … not advertised`).
    AuthNotOffered,
    /// Delivery could not reach the next server (no route, timeout, refused).
    Unreachable,
    /// A client gave up waiting for the server's greeting or reply (Outlook's 0x8004210B,
    /// .NET's "The operation has timed out", Nodemailer's "Greeting never received").
    TimedOut,
    /// The user's own server saw a client leave mid-session (Postfix smtpd's `lost
    /// connection after …`, `timeout after …`, `too many errors after …`).
    ClientLeft,
    /// Greylisting deferred the mail.
    Greylisted,
    /// A message was accepted or delivered.
    Delivered,
    /// Delivery was deferred.
    Deferred,
    /// A message bounced.
    Bounced,
    /// A client connected.
    Connect,
    /// The client's TLS handshake failed (an unverified certificate).
    TlsFailed,
    /// Anything else.
    Info,
}

/// Reads a server's (or another program's) log line; `None` when the line is not one.
pub(super) fn read<const E: bool>(line: &str) -> Option<LogLine> {
    if let Some((program, message)) = syslog(line) {
        let lower = program.to_ascii_lowercase();
        let format = if lower.contains("postfix") {
            Format::PostfixLog
        } else if lower.contains("sendmail") || lower.starts_with("sm-m") {
            Format::SendmailLog
        } else if lower.starts_with("exim") {
            Format::EximLog
        } else {
            Format::Syslog
        };
        if let Some(log) = mox::<E>(program, message) {
            return Some(log);
        }
        if program == "smtpd" {
            if let Some(log) = opensmtpd::<E>(program, message) {
                return Some(log);
            }
        }
        let mut log = parse::<E>(format, program, message, true);
        // No Postfix line ends with a comma: a copy broke it there, and it goes on below.
        // No Postfix line ends with a comma, nor inside its parentheses: a copy broke it
        // there, and it goes on below (Mailu/Mailu#1187: `… Operation timed o` / `ut)`).
        log.open = format == Format::PostfixLog
            && (message.trim_end().ends_with(',')
                || message.matches('(').count() > message.matches(')').count());
        return Some(log);
    }
    if let Some(message) = exim_mainlog(line) {
        let mut log = parse::<E>(Format::EximLog, "exim", message, true);
        // Exim names a router and transport before the text only for a delivery that failed.
        if log.event == LogEvent::Info && message.starts_with("R=") {
            log.event = LogEvent::Reject;
        }
        return Some(log);
    }
    // Exim in a container, its lines after docker compose's `service | ` and the process id:
    // `smtp_1 |   289   ** user@gmail.com R=smarthost …` (namshi/docker-smtp#59).
    let (service, rest) = line.split_once(" | ")?;
    if service.trim().is_empty() || service.trim().contains(' ') {
        return None;
    }
    let rest = rest.trim_start();
    let body = rest
        .trim_start_matches(|c: char| c.is_ascii_digit())
        .trim_start();
    let pid = rest.len() > body.len();
    (pid && EXIM_MARKERS.iter().any(|m| body.starts_with(m)))
        .then(|| parse::<E>(Format::EximLog, "exim", body, true))
}

/// mox's log, key=value pairs (mjl-/mox#218): `m="smtp command result" err="authentication
/// only allowed on submission ports" … cmd=auth code=503 ecode=5.5.1`: the command, its reply
/// code and enhanced code, and the reason in `err`.
fn mox<const E: bool>(program: &str, message: &str) -> Option<LogLine> {
    if !program.starts_with("mox") || !message.contains(" m=\"smtp command result\"") {
        return None;
    }
    let value = |key: &str| -> Option<&str> {
        let (_, after) = message.split_once(&format!(" {key}="))?;
        match after.strip_prefix('"') {
            Some(quoted) => quoted.split_once('"').map(|(v, _)| v),
            None => after.split(' ').next(),
        }
    };
    let code: u16 = value("code")?.parse().ok()?;
    let err = value("err").unwrap_or("");
    let mut log = parse::<E>(Format::Syslog, program, err, true);
    log.message = cut(message, MAX_MESSAGE).to_string();
    log.code = Some(code);
    log.enhanced = value("ecode").filter(|e| !e.is_empty()).map(str::to_string);
    log.text = err.to_string();
    log.verb = match value("cmd").map(str::to_ascii_uppercase).as_deref() {
        Some("AUTH") => Some("AUTH"),
        Some("MAIL") => Some("MAIL"),
        Some("RCPT") => Some("RCPT"),
        Some("DATA") => Some("DATA"),
        Some("EHLO" | "HELO") => Some("EHLO"),
        Some("STARTTLS") => Some("STARTTLS"),
        _ => log.verb,
    };
    log.event = if code >= 400 {
        LogEvent::Reject
    } else {
        LogEvent::Info
    };
    Some(log)
}

/// OpenSMTPD's log (OpenSMTPD/OpenSMTPD#1191): a delivery's `mta delivery … result="TempFail"
/// stat="Temporary failure in MX lookup"` (`Ok`, `TempFail`, `PermFail`, `Loop`), the reply
/// or reason in `stat`; its SMTP client's `smtp-out: Failed to resolve MX for …`.
fn opensmtpd<const E: bool>(program: &str, message: &str) -> Option<LogLine> {
    let quoted = |key: &str| {
        let (_, after) = message.split_once(key)?;
        after.split_once('"').map(|(value, _)| value)
    };
    if let Some(result) = quoted(" result=\"") {
        let stat = quoted(" stat=\"").unwrap_or("");
        let mut log = parse::<E>(Format::Syslog, program, stat, true);
        log.message = cut(message, MAX_MESSAGE).to_string();
        log.address = value_after(message, " to=")
            .map(str::to_string)
            .or(log.address);
        log.event = match result {
            "Ok" => LogEvent::Delivered,
            "TempFail" => LogEvent::Deferred,
            "PermFail" | "Loop" => LogEvent::Bounced,
            _ => log.event,
        };
        return Some(log);
    }
    let reason = message.strip_prefix("smtp-out: ")?;
    let lower = reason.to_ascii_lowercase();
    if !lower.starts_with("failed to ") && !lower.contains("error") {
        return None;
    }
    let mut log = parse::<E>(Format::Syslog, program, reason, true);
    log.message = cut(message, MAX_MESSAGE).to_string();
    if log.event == LogEvent::Info {
        log.event = LogEvent::Deferred;
    }
    Some(log)
}

/// A mainlog line as Exim's `-v` prints it after `LOG: MAIN`, without the time and the
/// message id: `** user@… R=smarthost …: SMTP error from remote mail server after …`,
/// `== … defer (111): Connection refused`, `H=… Connection refused`, `plain authenticator
/// failed H=… 535 …`, `TLS session: … delivering unencrypted …`.
pub(super) fn exim_verbose_log<const E: bool>(body: &str) -> Option<LogLine> {
    let exim = EXIM_MARKERS.iter().any(|s| body.starts_with(s))
        || body.starts_with("TLS session:")
        || body.contains(" authenticator failed H=")
        || body.starts_with("Frozen");
    let mut log = exim.then(|| parse::<E>(Format::EximLog, "exim", body, true))?;
    // `plain authenticator failed H=… 535-5.7.8 …`: Exim prints the reply's further lines
    // as they came, at the start of the lines below, up to the one with `535 `.
    log.open = body.contains(" authenticator failed ")
        && body.split(' ').any(|word| {
            let b = word.as_bytes();
            b.len() > 4
                && b.get(..3).is_some_and(|d| d.iter().all(u8::is_ascii_digit))
                && b.get(3) == Some(&b'-')
        });
    Some(log)
}

/// A client program's own message (`There was an unexpected problem …`, `SMTP ERROR: …`,
/// swaks' `*** …`).
pub(super) fn client_message<const E: bool>(format: Format, program: &str, text: &str) -> LogLine {
    // DokuWiki: "… Expected: 250, Got: 553 | 553 Mail from must equal authorized user".
    let text = match text.rsplit_once(" | ") {
        Some((_, reply)) if super::formats::reply_shaped(reply) => reply,
        _ => text,
    };
    if let Some(log) = phpmailer_detail::<E>(format, program, text) {
        return log;
    }
    let mut log = parse::<E>(format, program, text, false);
    let lower = text.to_ascii_lowercase();
    log.open = format == Format::PhpMailer && PHPMAILER_OPEN.iter().any(|w| lower.contains(w));
    log
}

/// `… program[pid]: message` → (program, message). Dovecot logs through syslog without a
/// pid (`Dec  7 10:00:02 mail dovecot: auth: …`): its name within a syslog line's head.
fn syslog(line: &str) -> Option<(&str, &str)> {
    // OpenSMTPD's message alone, its syslog head cut off (OpenSMTPD/OpenSMTPD#658).
    if line.starts_with("smtp-in: session ") || line.starts_with("smtp-out: ") {
        return Some(("smtpd", line));
    }
    // OpenSMTPD, as OpenBSD's syslog writes it: `Sep 30 18:01:37 mail smtpd: smtp-in: …`
    // (zulip/zulip#94).
    for program in ["dovecot", "smtpd"] {
        let marker = format!(" {program}: ");
        let Some(at) = line.find(&marker) else {
            continue;
        };
        let head = line.get(..at).unwrap_or("");
        // A head the poster elided (`[...] dovecot: lda(…): Fatal: …`, stdevPavelmc/mailad#122).
        let elided = head.starts_with("[...]") || head.starts_with("[…]");
        if head.len() <= 60
            && (elided
                || (head.bytes().take(3).all(|b| b.is_ascii_alphanumeric()) && head.contains(':')))
        {
            return Some((program, line.get(at + marker.len()..).unwrap_or("")));
        }
    }
    // A Postfix line pasted without its syslog prefix: `postfix/amavis/smtp: to=<…>, …`
    // (oblien/openship#392).
    if line.starts_with("postfix/") {
        if let Some((program, message)) = line.split_once(": ") {
            if !program.contains(' ') && !program.contains('[') {
                return Some((program, message));
            }
        }
    }
    let (head, message) = line.split_once("]: ")?;
    let (before, pid) = head.rsplit_once('[')?;
    if pid.is_empty() || pid.len() > 10 || !pid.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let program = before.rsplit(' ').next().unwrap_or("");
    let valid = !program.is_empty()
        && program
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'/' | b'_' | b'-' | b'.'));
    valid.then_some((program, message))
}

/// What follows the message id in Exim's mainlog, and starts a mainlog line that `exim -v`
/// prints after `LOG: MAIN`: arrival, deliveries, failures, deferrals, a host, completion.
const EXIM_MARKERS: [&str; 8] = ["<= ", "=> ", "-> ", "*> ", "** ", "== ", "H=", "Completed"];

/// Exim's mainlog: `YYYY-MM-DD HH:MM:SS [pid] ` and a body only Exim writes.
fn exim_mainlog(line: &str) -> Option<&str> {
    // A refusal copied without its time, message id and host (MailCleaner/MailCleaner#281:
    // `temporarily rejected RCPT <…>: failed to expand ACL string …`).
    let bare = line
        .strip_prefix("temporarily rejected ")
        .or_else(|| line.strip_prefix("rejected "));
    if bare.is_some_and(|rest| {
        [
            "RCPT <",
            "MAIL <",
            "EHLO ",
            "HELO ",
            "after DATA",
            "connection",
        ]
        .iter()
        .any(|w| rest.starts_with(w))
    }) && line.contains(": ")
    {
        return Some(line);
    }
    // A delivery's failure copied from its router and transport on (MailCleaner/MailCleaner#480:
    // `R=filter_forward T=local_smtp: message has lines too long for transport`).
    if line.starts_with("R=") && line.contains(" T=") && line.contains(": ") {
        return Some(line);
    }
    let bytes = line.as_bytes();
    let dated = bytes.get(4) == Some(&b'-') && bytes.first().is_some_and(u8::is_ascii_digit);
    let rest = strip_timestamp(line);
    if !dated || rest.len() == line.len() {
        return None;
    }
    // An optional `[pid] ` (log_selector +pid).
    let rest = match rest.strip_prefix('[').and_then(|r| r.split_once("] ")) {
        Some((pid, after)) if pid.bytes().all(|b| b.is_ascii_digit()) => after,
        _ => rest,
    };
    const STARTS: [&str; 12] = [
        "H=",
        "SMTP connection from",
        "SMTP protocol",
        "SMTP command timeout",
        "SMTP call from",
        "no host name found",
        "rejected ",
        "F=<",
        "U=",
        "TLS error",
        "Start queue run",
        "End queue run",
    ];
    if STARTS.iter().any(|s| rest.starts_with(s)) || rest.contains(" authenticator failed for ") {
        return Some(rest);
    }
    let (id, after) = rest.split_once(' ')?;
    let parts: Vec<&str> = id.split('-').collect();
    let id_ok = matches!(parts.as_slice(), [a, b, c]
        if a.len() == 6 && matches!(b.len(), 6 | 11) && matches!(c.len(), 2 | 4)
            && id.bytes().all(|x| x.is_ascii_alphanumeric() || x == b'-'));
    let marker = EXIM_MARKERS.iter().any(|m| after.starts_with(m))
        // A deferral's reason on its own line (PHPMailer/PHPMailer#787).
        || after.starts_with("SMTP error from remote mail server");
    (id_ok && marker).then_some(rest)
}

fn parse<const E: bool>(
    format: Format,
    program: &str,
    message: &str,
    server_side: bool,
) -> LogLine {
    let found = find_reply(message);
    let (code, mut enhanced, text) = match found {
        Some((code, enhanced, text)) => (Some(code), enhanced, text.to_string()),
        None => (None, None, message.trim().to_string()),
    };
    if enhanced.is_none() {
        enhanced = value_after(message, "dsn=")
            .filter(|d| enhanced_shaped(d))
            .map(str::to_string);
    }
    let text = match (code, &enhanced) {
        (Some(code), Some(enhanced)) => join_continuations(&text, code, enhanced),
        _ => text,
    };
    let lower = message.to_ascii_lowercase();
    // What kind of event the line is matters to the diagnosis alone: the verifier's reading
    // (`E` false) links neither `event_of` nor the rules' word lists it reads.
    let mut event = if E { event_of(&lower) } else { LogEvent::Info };
    if matches!(event, LogEvent::Info) && code.is_some_and(|c| c >= 400) {
        event = LogEvent::Reject;
    }
    // The authentication service's own refusal (Dovecot's "Password mismatch").
    if E && matches!(event, LogEvent::Info)
        && super::rules::backend_verdict::read(message).is_some()
    {
        event = LogEvent::AuthFailed;
    }
    let user = ["sasl_username=", "set_id=", "[user=", "user=", "authid="]
        .iter()
        .find_map(|key| value_after(message, key))
        .filter(|u| !u.is_empty())
        .map(str::to_string);
    let verb = verb_of(message, &lower);
    // A refused MAIL FROM names the sender: a delivery line's first address is its `to=`,
    // the recipient, so the sender is its `from=` or none.
    let address = match verb {
        Some("MAIL") if message.contains("to=<") => value_after(message, "from=<")
            .filter(|a| a.contains('@'))
            .map(|a| a.trim_end_matches('>').to_string()),
        // Exim's `H=… F=<sender> rejected RCPT <recipient>: …`: the refused one.
        Some("RCPT") if message.contains("rejected RCPT <") => {
            value_after(message, "rejected RCPT <")
                .filter(|a| a.contains('@'))
                .map(str::to_string)
        }
        _ => first_address(message),
    };
    LogLine {
        format,
        program: crate::i18n::cut::chars(program, 40).to_string(),
        server_side,
        code,
        enhanced,
        text,
        verb,
        event,
        user,
        address,
        message: cut(message, MAX_MESSAGE).to_string(),
        open: false,
    }
}

/// A multi-line reply as Postfix logs it, its lines joined with their codes inside
/// (`… is not RFC 550-5.7.1 5322 compliant …`): the text without those codes.
fn join_continuations(text: &str, code: u16, enhanced: &str) -> String {
    // Exim writes a multi-line reply's line breaks as `\n` in its log.
    let mut out = text.replace("\\n", " ");
    for marker in [
        format!(" {code}-{enhanced} "),
        format!(" {code} {enhanced} "),
    ] {
        out = out.replace(&marker, " ");
    }
    out
}

/// The longest prefix of at most `max` bytes ending on a character boundary.
fn cut(text: &str, max: usize) -> &str {
    crate::i18n::cut::bytes(text, max).0
}

/// A log line read again with more text (a wrapped line's continuation).
pub(super) fn reread<const E: bool>(log: &LogLine, more: &str) -> LogLine {
    let mut message = log.message.clone();
    if message.len() < MAX_MESSAGE {
        // A syslog line a terminal broke at its width breaks inside a word: `… Operation
        // timed o` / `ut)` (Mailu/Mailu#1187) joins without a space.
        let mid_word = log.format == Format::PostfixLog
            && message.ends_with(|c: char| c.is_ascii_alphanumeric())
            && more.starts_with(|c: char| c.is_ascii_lowercase());
        if !mid_word {
            message.push(' ');
        }
        message.push_str(cut(more.trim(), MAX_MESSAGE - message.len()));
    }
    // msmtp's re-wrapped messages: each line of the reply it quotes comes after its own
    // `msmtp: server message: `.
    if log.format == Format::Msmtp {
        message = message.replace(" msmtp: server message: ", " ");
    }
    let mut again = if log.format == Format::Bounce || !log.server_side {
        error_text::<E>(log.format, &log.program, &message)
            .unwrap_or_else(|| parse::<E>(log.format, &log.program, &message, log.server_side))
    } else {
        parse::<E>(log.format, &log.program, &message, log.server_side)
    };
    again.server_side = log.server_side;
    again.open = log.open
        && !closes(&message)
        // A bracket the first line left open closes on one below it.
        && (!unclosed_bracket(&log.message) || unclosed_bracket(&message))
        // Exim's multi-line reply ends with the line whose code has a space after it.
        && !(log.format == Format::EximLog && super::formats::reply_shaped(more.trim())
            && more.trim().as_bytes().get(3) == Some(&b' '));
    again
}

/// Whether a bounce entry's text is complete: Postfix ends it with `(in reply to … command)`.
fn closes(message: &str) -> bool {
    let lower = message.to_ascii_lowercase();
    lower.contains("(in reply to") && lower.trim_end().ends_with(')')
}

/// One entry of a bounce (a delivery status notification a sender receives):
/// `<bob@example.org>: host mx.example.org[192.0.2.1] said: 550 5.1.1 … (in reply to RCPT TO
/// command)`, possibly wrapped over several lines; Exim's `SMTP error from remote mail
/// server after RCPT TO:<…>: 550 …`; the `Diagnostic-Code: smtp; 550 …` field.
pub(super) fn bounce<const E: bool>(line: &str) -> Option<LogLine> {
    let trimmed = line.trim();
    let lower = trimmed.to_ascii_lowercase();
    if let Some(rest) = lower.strip_prefix("diagnostic-code:") {
        let at = trimmed.len() - rest.len();
        let text = trimmed.get(at..).unwrap_or("");
        let text = text.split_once(';').map_or(text, |(_, t)| t);
        // A field whose reason starts on the next line (`Diagnostic-Code: X-Postfix; connect
        // to` and the host below it, jeboehm/docker-mailserver#112): read with what follows.
        let mut log = error_text::<E>(Format::Bounce, "bounce", text)
            .unwrap_or_else(|| parse::<E>(Format::Bounce, "bounce", text, false));
        log.message = cut(trimmed, MAX_MESSAGE).to_string();
        // Its text goes on over the indented lines below (mailcow-dockerized#2639: T-Online's
        // `(BL)`).
        log.open = true;
        return Some(log);
    }
    let entry = {
        // `<a@b>: host …`, `a@b: host …`, `<a@b> (expanded from <c>): host …`.
        let head = trimmed.split(": ").next().unwrap_or("");
        let address = head.split(' ').next().unwrap_or("");
        address.contains('@')
            && !address.contains('=')
            && trimmed.get(head.len()..).is_some_and(|t| {
                // `<a@b>: host` with the host on the line below (JamBrain/JamBrain#271).
                t.eq_ignore_ascii_case(": host")
                    || t.to_ascii_lowercase().starts_with(": host ")
                    || t.to_ascii_lowercase().starts_with(": host or domain")
            })
    };
    let exim = lower.starts_with("smtp error from remote mail server after");
    if lower.starts_with("failure reason:") {
        // Haraka's bounce: the reason, sometimes without the remote reply.
        let text = trimmed.get("failure reason:".len()..).unwrap_or("").trim();
        let mut log = error_text::<E>(Format::Bounce, "bounce", text)
            .unwrap_or_else(|| parse::<E>(Format::Bounce, "bounce", text, false));
        if log.event == LogEvent::Info {
            log.event = LogEvent::Bounced;
        }
        log.message = cut(trimmed, MAX_MESSAGE).to_string();
        return Some(log);
    }
    if !(entry || exim || lower.contains(" said: ") || lower.ends_with(" said:")) {
        return None;
    }
    let mut log = error_text::<E>(Format::Bounce, "bounce", trimmed)
        .unwrap_or_else(|| parse::<E>(Format::Bounce, "bounce", trimmed, false));
    log.message = cut(trimmed, MAX_MESSAGE).to_string();
    log.open = !closes(trimmed);
    Some(log)
}

/// An application's error message or exception that carries an SMTP reply, anywhere in the
/// line: `Error: Invalid login: 535-5.7.8 …`, `response: '504 5.7.4 …'`,
/// `smtplib.SMTPAuthenticationError: (535, b'…')`, `… got response [530 5.7.0 …]`,
/// `message sending failed: 4.7.1 Ratelimit exceeded (451)`; or, without a code,
/// `SMTP AUTH extension not supported by server`, `Please enter your authorization code`,
/// `5.7.8 Username and Password not accepted`. `None` when the line carries none of these.
pub(super) fn error_text<const E: bool>(
    format: Format,
    program: &str,
    line: &str,
) -> Option<LogLine> {
    let joined = rejoined(line);
    let line = after_exchange_arrow(joined.as_ref());
    if let Some(log) = exception_code_alone::<E>(format, program, line) {
        return Some(log);
    }
    let mut log = error_text_of::<E>(format, program, line)?;
    // Thunderbird's "The mail server responded:" at the end of a line: the reply follows.
    if log.code.is_none() && line.trim_end().to_ascii_lowercase().ends_with("responded:") {
        log.open = true;
    }
    // A reply wrapped inside its brackets (PowerShell's `… to send mail [SYBPR01CA0209…` and
    // `2023-07-10T05:11:31.967Z 08DB7C994F8AAD26]` below it, VeeamHub/powershell#190).
    if unclosed_bracket(line) {
        log.open = true;
    }
    Some(log)
}

/// An smtplib exception's name and the reply code alone, the reply's text on the lines below
/// (Odoo's report: `SMTPSenderRefused: 553`, then `5.7.1 Sender address rejected: not owned by
/// auth user.`, odoo/odoo#13479): the code and the command, open for the text.
fn exception_code_alone<const E: bool>(
    format: Format,
    program: &str,
    line: &str,
) -> Option<LogLine> {
    let trimmed = line.trim();
    let (name, code) = trimmed.rsplit_once(": ")?;
    let name = name.rsplit('.').next().unwrap_or(name);
    let code: u16 = code.parse().ok().filter(|c| (400..600).contains(c))?;
    if !(name.starts_with("SMTP") && name.bytes().all(|b| b.is_ascii_alphanumeric())) {
        return None;
    }
    let mut log = parse::<E>(format, program, trimmed, false);
    log.code = Some(code);
    log.verb = smtplib_verb(name).or(log.verb);
    log.event = LogEvent::Reject;
    log.open = true;
    Some(log)
}

/// Whether a `[` in the text is still open at its end.
fn unclosed_bracket(text: &str) -> bool {
    text.matches('[').count() > text.matches(']').count()
}

/// `NNN text` from a line that writes a refusal's code between `open` and `close` before its
/// text (`(code: 553): …`, `: [451] …`).
fn code_between(line: &str, open: &str, close: &str) -> Option<String> {
    let (_, rest) = line.split_once(open)?;
    let (code, text) = rest.split_once(close)?;
    (code.len() == 3
        && code.bytes().all(|b| b.is_ascii_digit())
        && matches!(code.as_bytes().first(), Some(b'4' | b'5')))
    .then(|| format!("{code} {text}"))
}

/// The reply a Rust SMTP client's `Response` Debug output holds: its code from the words of
/// RFC 5321 §4.2.1's digits (severity, category, detail), its text from `message: ["…"]`.
fn rust_response(line: &str) -> Option<String> {
    // The three fields by place (their names would put a page's class name into the
    // modules that link the reader: xtask checks the first pages' words against CSS).
    let (_, rest) = line.split_once("code: Code { ")?;
    let fields: Vec<&str> = rest.splitn(4, ", ").collect();
    let value = |i: usize| {
        fields
            .get(i)
            .and_then(|f| f.split_once(": "))
            .map(|(_, v)| v.trim_end_matches(" }"))
    };
    let (severity, category, detail) = (value(0)?, value(1)?, value(2)?);
    let rest = fields.get(3)?;
    let first = match severity {
        "PositiveCompletion" => '2',
        "PositiveIntermediate" => '3',
        "TransientNegativeCompletion" => '4',
        "PermanentNegativeCompletion" => '5',
        _ => return None,
    };
    let second = match category {
        "Syntax" => '0',
        "Information" => '1',
        "Connections" => '2',
        "Unspecified3" => '3',
        "Unspecified4" => '4',
        "MailSystem" => '5',
        _ => return None,
    };
    let digits = [
        "Zero", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine",
    ];
    let third = digits
        .iter()
        .position(|d| *d == detail.trim_end_matches(','))?;
    let (_, message) = rest.split_once("message: [")?;
    let text = message
        .trim_start()
        .trim_start_matches(['\\', '"'])
        .split(['"', '\\'])
        .next()
        .unwrap_or("");
    Some(format!("{first}{second}{third} {text}"))
}

/// Exchange's NDR quotes its own classification, then after ` -> ` the reply the receiving
/// server gave (docker-mailserver/docker-mailserver#2704: `Remote Server returned '550
/// 5.7.514 Decision Engine classified … -> 554 5.7.1 Service unavailable; Client host […]
/// blocked using zen.spamhaus.org'`): the receiving server's reply is the one.
fn after_exchange_arrow(line: &str) -> &str {
    match line.split_once(" -> ") {
        Some((before, after))
            if before
                .to_ascii_lowercase()
                .contains("remote server returned")
                && super::formats::reply_shaped(after.trim()) =>
        {
            after
        }
        _ => line,
    }
}

/// A multi-line reply that a program shows on one line, its line breaks drawn as `↵`
/// (Node-RED's debug pane: `534-5.7.14 <…>↵534-5.7.14 then try again.↵534 5.7.14 …`) or
/// written `\n` (a JSON string): one text, each further line without its code, as the
/// reply's first line starts it.
fn rejoined(line: &str) -> std::borrow::Cow<'_, str> {
    let separator = if line.contains('↵') {
        "↵"
    } else if line.contains("\\n") {
        "\\n"
    } else {
        return std::borrow::Cow::Borrowed(line);
    };
    let mut parts = line.split(separator);
    let mut out = parts.next().unwrap_or("").to_string();
    for part in parts {
        let coded = part.len() > 4
            && part
                .as_bytes()
                .get(..3)
                .is_some_and(|d| d.iter().all(u8::is_ascii_digit))
            && matches!(part.as_bytes().get(3), Some(b'-' | b' '));
        let rest = if coded {
            let after = part.get(4..).unwrap_or("");
            let (_, text) = split_enhanced(after);
            text
        } else {
            part
        };
        if !out.ends_with(' ') {
            out.push(' ');
        }
        out.push_str(rest.trim_start());
    }
    std::borrow::Cow::Owned(out)
}

fn error_text_of<const E: bool>(format: Format, program: &str, line: &str) -> Option<LogLine> {
    // Bounded work on any input: an error message is read in its first 16 KiB.
    let line = cut(line, MAX_ERROR_LINE);
    let lower = line.to_ascii_lowercase();
    // Postfix's own reject, pasted without its syslog prefix.
    if let Some(at) = lower
        .find("noqueue: reject:")
        .or_else(|| lower.find("noqueue: milter-reject:"))
    {
        let message = line.get(at..).unwrap_or(line);
        return Some(parse::<E>(
            Format::PostfixLog,
            "postfix/smtpd",
            message,
            true,
        ));
    }
    if let Some((code, literal)) = python_tuple(line) {
        let mut log = parse::<E>(format, program, &literal, false);
        log.code = Some(code);
        let (enhanced, text) = split_enhanced(&literal);
        log.enhanced = enhanced.or(log.enhanced);
        log.text = text.to_string();
        if log.event == LogEvent::Info {
            log.event = LogEvent::Reject;
        }
        log.message = cut(line, MAX_MESSAGE).to_string();
        // The exception's name says which command the reply answers.
        if let Some(verb) = smtplib_verb(line) {
            log.verb = Some(verb);
        }
        return Some(log);
    }
    if let Some(log) = phpmailer_detail::<E>(format, program, line) {
        return Some(log);
    }
    if let Some(i) = embedded_reply(line) {
        let rest = line.get(i..).unwrap_or("");
        let code: u16 = rest.get(..3)?.parse().ok()?;
        let after = rest.get(4..).unwrap_or("").trim_start();
        let (enhanced, text) = split_enhanced(after);
        let mut log = parse::<E>(format, program, line, false);
        log.code = Some(code);
        log.enhanced = enhanced;
        // Symfony's `… with message "553 5.7.1 …".`: the reply ends where its quote does.
        let quoted = line.get(..i).is_some_and(|b| b.ends_with('"'));
        let text = if quoted {
            text.split_once('"').map_or(text, |(inside, _)| inside)
        } else {
            text
        };
        log.text = unwrap_paren(text).to_string();
        if log.event == LogEvent::Info || log.event == LogEvent::Delivered {
            log.event = if code >= 400 {
                LogEvent::Reject
            } else {
                LogEvent::Info
            };
        }
        return Some(log);
    }
    // `Message sent: 250 2.0.0 Ok: queued as …`: the client says the server accepted it.
    if let Some(at) = lower.find("250 ") {
        let before = line.get(..at).and_then(|b| b.chars().next_back());
        let rest = line.get(at..).unwrap_or("");
        let after = rest.get(4..).unwrap_or("").to_ascii_lowercase();
        let accepted = ["queued", "message accepted", "accepted for delivery"]
            .iter()
            .any(|w| after.contains(w));
        if accepted && matches!(before, Some(' ' | '"' | '\'' | ':' | '=' | '(' | '[')) {
            let (enhanced, text) = split_enhanced(rest.get(4..).unwrap_or(""));
            let mut log = parse::<E>(format, program, line, false);
            log.code = Some(250);
            log.enhanced = enhanced;
            log.text = text.to_string();
            log.event = LogEvent::Delivered;
            return Some(log);
        }
    }
    if let Some(log) = outlook_error::<E>(format, program, line, &lower) {
        return Some(log);
    }
    // A reply a program prints in a shape of its own, read as the reply it holds: a Rust
    // client's `Response { code: Code { … PermanentNegativeCompletion, … MailSystem, detail:
    // Four }, message: ["5.7.1 …"] }` (Delta Chat, chatmail/provider-db#205), Zend's
    // `Zend_Mail_Protocol_Exception(code: 553): Relaying disallowed as …`, Roundcube's `SMTP
    // error: [451] 4.7.1 Service unavailable - try again later.` (mailcow/mailcow#249).
    let held = rust_response(line)
        .or_else(|| code_between(line, "(code: ", "): "))
        .or_else(|| code_between(line, ": [", "] "));
    if let Some(reply) = held {
        if let Some(mut log) = error_text_of::<E>(format, program, &reply) {
            log.message = cut(line, MAX_MESSAGE).to_string();
            return Some(log);
        }
    }
    // MailKit's `SmtpCommandException: 6.6.0 Error sending message for delivery.`: the
    // server's reply text without its code (the exception holds it in StatusCode, which its
    // message does not print).
    if let Some(at) = lower.find("smtpcommandexception: ") {
        let reply = line
            .get(at + "smtpcommandexception: ".len()..)
            .unwrap_or("");
        let (enhanced, text) = split_enhanced(reply);
        let mut log = parse::<E>(format, program, line, false);
        log.enhanced = enhanced.or(log.enhanced);
        log.text = text.trim().to_string();
        if matches!(log.event, LogEvent::Info | LogEvent::Delivered) {
            log.event = LogEvent::Reject;
        }
        return Some(log);
    }
    let known = [
        SENDER_REFUSED[0],
        SENDER_REFUSED[1],
        SENDER_REFUSED[2],
        "smtp auth extension not supported",
        "starttls extension not supported",
        "authorization code",
        "authentication failed",
        "authentication unsuccessful",
        "password not accepted",
        "no route to host",
        "connection timed out",
        // Nodemailer's `Error: Connection timeout` (ETIMEDOUT at CONN): no TCP connection.
        "connection timeout",
        DOTNET_530[0],
        DOTNET_530[1],
        DOTNET_REPLIES[0].0,
        DOTNET_REPLIES[1].0,
        DOTNET_REPLIES[2].0,
    ];
    // A client's own words for a connection or TLS that failed before any reply.
    let connection = [
        &super::rules::tls_certificate::WORDS[..],
        &super::rules::tls_mode::WORDS[..],
        &super::rules::reply_timeout::WORDS[..],
        &super::rules::client_wants_tls::WORDS[..],
        &super::rules::retry_wait::WORDS[..],
        &super::rules::destination_dns::WORDS[..],
        &CLIENT_REFUSALS[..],
        &super::rules::tls_version::WORDS[..],
        &super::rules::no_listener::WORDS[..],
        &super::rules::host_unresolvable::WORDS[..],
        &super::rules::starttls_not_offered::WORDS[..],
        &super::rules::client_config::WORDS[..],
        &super::rules::client_sasl_empty::WORDS[..],
        &super::rules::empty_reply::WORDS[..],
        &super::rules::auth_not_offered::WORDS[..],
        &super::rules::ses_identity::WORDS[..],
        // Thunderbird's `Login to server smtp.example.com with username … failed.`
        &["could not authenticate", "login to server"][..],
        // smtplib's `SMTPServerDisconnected: Connection unexpectedly closed`; Go's `unexpected
        // EOF` (mox's `data: unexpected EOF, transient`, mjl-/mox#198).
        &[UNEXPECTEDLY_CLOSED, "unexpected eof"][..],
        // gomail refusing an address before it connects (gogs/gogs#3487).
        &["gomail: invalid address"][..],
    ]
    .iter()
    .any(|words| words.iter().any(|w| lower.contains(w)))
        || unreachable(&lower);
    let enhanced = first_enhanced(line);
    if enhanced.is_none() && !connection && !known.iter().any(|k| lower.contains(k)) {
        return None;
    }
    let mut log = parse::<E>(format, program, line, false);
    let sender = SENDER_REFUSED.iter().any(|k| lower.contains(k));
    let dotnet_530 = DOTNET_530.iter().any(|w| lower.contains(w));
    // .NET's sentence before a quoted reply names its status, not a failed login.
    let dotnet_reply = DOTNET_REPLIES.iter().any(|(w, _)| lower.contains(w));
    if log.event == LogEvent::Info
        && !sender
        && !dotnet_530
        && !dotnet_reply
        && known.iter().any(|k| lower.contains(k))
    {
        // `Login Fail. Please enter your authorization code`, `… password not accepted`.
        log.event = LogEvent::AuthFailed;
        log.verb = Some("AUTH");
    }
    if sender {
        // QQ's `mail from address must be same as authorization user`, without its 501.
        log.event = LogEvent::Reject;
        log.verb = Some("MAIL");
    }
    // `… exceeded (451)`: the basic code in parentheses at the end.
    log.code = trailing_code(line);
    // .NET's SmtpException quotes the server's text after its own sentence for reply 530
    // (SmtpStatusCode.MustIssueStartTlsFirst), without the code.
    if log.code.is_none() {
        if let Some((_, code)) = DOTNET_REPLIES.iter().find(|(w, _)| lower.contains(w)) {
            log.code = Some(*code);
        }
    }
    if log.code.is_none() && dotnet_530 {
        log.code = Some(530);
        // Its "not authenticated" names no command: the message does not say which it was.
        log.verb = None;
    }
    if let Some((e, text)) = enhanced {
        log.enhanced = Some(e.to_string());
        log.text = text.to_string();
    }
    if log.event == LogEvent::Info && (log.code.is_some() || log.enhanced.is_some()) {
        log.event = LogEvent::Reject;
    }
    // The server hung up: after a refusal the log shows, part of it; before any reply, a
    // cause of its own (rules/tls_mode.rs).
    if log.code.is_none()
        && (lower.contains(UNEXPECTEDLY_CLOSED) || lower.contains("unexpected eof"))
    {
        log.event = LogEvent::ClientLeft;
    }
    Some(log)
}

/// Outlook's and Windows Mail's error numbers (`Error Number: 0x800CCC0E`): HRESULTs of the
/// Internet Mail transport, whose names the Windows SDK's imnxport.h gives
/// (`IXP_E_FAILED_TO_CONNECT` is `HR_E(0xCC0E)`). Only the low byte after `0x800CCC`, with
/// the name, the reply code the name holds, and the command it answers. The name goes into
/// the line's text, where the rules read it.
const OUTLOOK_ERRORS: [(u8, &str, Option<u16>, Option<&str>); 24] = [
    (0x01, "IXP_E_INVALID_CERT_CN", None, None),
    (0x02, "IXP_E_INVALID_CERT_DATE", None, None),
    (0x0D, "IXP_E_CANT_FIND_HOST", None, None),
    (0x0E, "IXP_E_FAILED_TO_CONNECT", None, None),
    (0x18, "IXP_E_SICILY_LOGON_FAILED", None, Some("AUTH")),
    (0x62, "IXP_E_SMTP_500_SYNTAX_ERROR", Some(500), None),
    (0x63, "IXP_E_SMTP_501_PARAM_SYNTAX", Some(501), None),
    (0x64, "IXP_E_SMTP_502_COMMAND_NOTIMPL", Some(502), None),
    (0x65, "IXP_E_SMTP_503_COMMAND_SEQ", Some(503), None),
    (
        0x66,
        "IXP_E_SMTP_504_COMMAND_PARAM_NOTIMPL",
        Some(504),
        None,
    ),
    (0x67, "IXP_E_SMTP_421_NOT_AVAILABLE", Some(421), None),
    (0x68, "IXP_E_SMTP_450_MAILBOX_BUSY", Some(450), None),
    (0x69, "IXP_E_SMTP_550_MAILBOX_NOT_FOUND", Some(550), None),
    (0x6A, "IXP_E_SMTP_451_ERROR_PROCESSING", Some(451), None),
    (0x6B, "IXP_E_SMTP_551_USER_NOT_LOCAL", Some(551), None),
    (0x6C, "IXP_E_SMTP_452_NO_SYSTEM_STORAGE", Some(452), None),
    (0x6D, "IXP_E_SMTP_552_STORAGE_OVERFLOW", Some(552), None),
    (0x6E, "IXP_E_SMTP_553_MAILBOX_NAME_SYNTAX", Some(553), None),
    (0x6F, "IXP_E_SMTP_554_TRANSACT_FAILED", Some(554), None),
    (0x78, "IXP_E_SMTP_REJECTED_SENDER", None, Some("MAIL")),
    (0x79, "IXP_E_SMTP_REJECTED_RECIPIENTS", None, Some("RCPT")),
    (0x7C, "IXP_E_SMTP_530_STARTTLS_REQUIRED", Some(530), None),
    (
        0x7D,
        "IXP_E_SMTP_NO_STARTTLS_SUPPORT",
        None,
        Some("STARTTLS"),
    ),
    (
        0x7F,
        "IXP_E_SMTP_454_STARTTLS_FAILED",
        Some(454),
        Some("STARTTLS"),
    ),
];

/// A line naming one of [`OUTLOOK_ERRORS`] and holding no reply of its own (Outlook prints
/// "The server responded: 553 …" beside the number when it has one; that reply is read
/// before this): a refusal with the error's name in its text, its code and its command.
fn outlook_error<const E: bool>(
    format: Format,
    program: &str,
    line: &str,
    lower: &str,
) -> Option<LogLine> {
    if let Some(log) = outlook_send_error::<E>(format, program, line, lower) {
        return Some(log);
    }
    let at = lower.find("0x800ccc")?;
    let hex = lower.get(at + 8..at + 10)?;
    let low = u8::from_str_radix(hex, 16).ok()?;
    if lower
        .get(at + 10..)
        .and_then(|rest| rest.chars().next())
        .is_some_and(|c| c.is_ascii_hexdigit())
    {
        return None;
    }
    let &(_, name, code, verb) = OUTLOOK_ERRORS.iter().find(|e| e.0 == low)?;
    let mut log = parse::<E>(
        format,
        program,
        &format!("{} [{name}]", line.trim_end()),
        false,
    );
    log.code = code;
    if verb.is_some() {
        log.verb = verb;
    }
    log.event = if verb == Some("AUTH") {
        LogEvent::AuthFailed
    } else {
        LogEvent::Reject
    };
    Some(log)
}

/// Outlook's own send and receive numbers, outside imnxport.h: what Outlook prints beside
/// each, from its published error messages ("Task '… - Sending' reported error
/// (0x80042109): 'Outlook cannot connect to your outgoing (SMTP) e-mail server.'").
const OUTLOOK_SEND_ERRORS: [(&str, &str); 2] = [
    (
        "0x80042109",
        "Outlook cannot connect to your outgoing (SMTP) e-mail server",
    ),
    (
        "0x8004210b",
        "The operation timed out waiting for a response from the sending (SMTP) server",
    ),
];

/// A line with one of [`OUTLOOK_SEND_ERRORS`] and no reply of its own: a refusal whose text
/// carries Outlook's message for the number, so a number pasted alone reads as the message
/// does. 0x80042109 is a connection that failed ([`unreachable`]); 0x8004210B a server
/// that did not answer in time (the reply-timeout rule).
fn outlook_send_error<const E: bool>(
    format: Format,
    program: &str,
    line: &str,
    lower: &str,
) -> Option<LogLine> {
    let (_, message) = OUTLOOK_SEND_ERRORS.iter().find(|(number, _)| {
        lower.find(number).is_some_and(|at| {
            !lower
                .get(at + number.len()..)
                .and_then(|rest| rest.chars().next())
                .is_some_and(|c| c.is_ascii_hexdigit())
        })
    })?;
    // Outlook's dialog quotes the message beside the number (its closing quote is not the
    // message's); a number alone gets it.
    let line = line.trim_end().trim_end_matches(['\'', '"']);
    let text = if lower.contains("(smtp)") {
        line.to_string()
    } else {
        format!("{line} [{message}]")
    };
    let mut log = parse::<E>(format, program, &text, false);
    log.event = if message.contains("cannot connect") {
        LogEvent::Unreachable
    } else {
        LogEvent::TimedOut
    };
    Some(log)
}

/// Python smtplib's words when the server closed the connection.
const UNEXPECTEDLY_CLOSED: &str = "connection unexpectedly closed";

/// What clients print when they stop on their own before a reply says why: JavaMail's
/// required STARTTLS the host does not offer (jakartaee/mail-api#392), msmtp's AUTH the
/// server does not offer (marlam/msmtp#22), a Go client's PLAIN the server does not take
/// (KeepSec-Technologies/Mail2Go#3), curl's refused login (exit 67, rstudio/blastula#127).
const CLIENT_REFUSALS: [&str; 11] = [
    "host does not support starttls",
    "the server does not support authentication",
    "does not support smtp auth type",
    "login denied",
    // PHPMailer's own messages (its language file): the reply's text follows, without its
    // code, sometimes over the next lines.
    "the following recipients failed",
    "the following from address failed",
    "data not accepted",
    // An application's report that the mail did not go (calibre-web's worker).
    "error sending email",
    // Thunderbird's: `Sending of the message failed.`, `An error occurred while sending mail.
    // The mail server responded: …`.
    "sending of the message failed",
    "the mail server responded:",
    // `The message could not be sent using Outgoing server (SMTP) … for an unknown reason.`
    "for an unknown reason",
];

/// PHPMailer's messages whose reply text may go on over the lines below them (a multi-line
/// reply's lines, joined with line breaks).
const PHPMAILER_OPEN: [&str; 2] = [
    "the following recipients failed",
    "the following from address failed",
];

/// .NET's SmtpException messages that quote the server's text without its code: the code is
/// the SmtpStatusCode the message names (MailboxUnavailable 550, TransactionFailed 554;
/// andrewdavey/postal#127, smsohan/MvcMailer#114).
const DOTNET_REPLIES: [(&str, u16); 3] = [
    ("mailbox unavailable. the server response was:", 550),
    ("transaction failed. the server response was:", 554),
    // SmtpStatusCode.LocalErrorInProcessing (VeeamHub/powershell#190: Send-MailMessage and
    // Microsoft 365's `451 5.7.3 STARTTLS is required to send mail`).
    ("error in processing. the server response was:", 451),
];

/// At most this many bytes of a line are searched for an application's error.
const MAX_ERROR_LINE: usize = 16 * 1024;

/// .NET's message for reply 530 (`SmtpStatusCode.MustIssueStartTlsFirst`), in English and
/// on Chinese Windows: STARTTLS or AUTH was needed first.
const DOTNET_530: [&str; 2] = [
    "the smtp server requires a secure connection or the client was not authenticated",
    "smtp 服务器要求安全连接或客户端未通过身份验证",
];

/// Refusals of the sender that applications print without the reply code.
const SENDER_REFUSED: [&str; 3] = [
    "must be same as authorization user",
    "must equal authorized user",
    // SendGrid's sentence, quoted without its 550 (datawookie/emayili#73).
    "does not match a verified sender identity",
];

/// Where a 4xx/5xx reply starts inside an application's message: after the start, a space,
/// a quote, `[`, `(`, `:`, `=` or `|`, followed by a space, `-` or `: ` and text.
fn embedded_reply(line: &str) -> Option<usize> {
    for (i, _) in line.char_indices() {
        let Some(rest) = line.get(i..) else {
            continue;
        };
        let bytes = rest.as_bytes();
        let shaped = matches!(bytes.first(), Some(b'4' | b'5'))
            && (super::formats::reply_shaped(rest)
                || (bytes.get(1).is_some_and(|d| (b'0'..=b'5').contains(d))
                    && bytes.get(2).is_some_and(u8::is_ascii_digit)
                    && rest.get(3..5) == Some(": ")));
        // msmtp's `cannot connect to host, port 465: …`: a port, not a reply.
        let port = line.get(..i).is_some_and(|b| b.ends_with("port "));
        if !shaped || port || rest.len() < 5 {
            continue;
        }
        let before = line.get(..i).and_then(|b| b.chars().next_back());
        // A Chinese message runs straight into the code: `邮件投递失败550 Mail content denied`.
        // Exchange's NDR writes the remote reply after `#` (`mx.example.com #550 … ##`).
        let boundary = matches!(
            before,
            None | Some(' ' | '"' | '\'' | '[' | '(' | ':' | '=' | '|' | '\t' | '#')
        ) || before
            .is_some_and(|c| ('\u{4e00}'..='\u{9fff}').contains(&c) || c == '：');
        let text = rest.get(4..).unwrap_or("");
        if boundary && text.chars().any(char::is_alphabetic) {
            return Some(i);
        }
    }
    None
}

/// `(535, b'Error: authentication failed')` or `Error(550, 'User has no permission')`: the
/// code and the decoded text of a Python exception's arguments.
fn python_tuple(line: &str) -> Option<(u16, String)> {
    let mut rest = line;
    let mut tries = 0;
    while let Some(at) = rest.find('(') {
        tries += 1;
        if tries > 16 {
            return None;
        }
        let after = rest.get(at + 1..)?;
        let code = after.get(..3).and_then(|c| c.parse::<u16>().ok());
        if let (Some(code), Some(tail)) = (code, after.get(3..).and_then(|t| t.strip_prefix(", ")))
        {
            if (400..600).contains(&code) {
                let start = tail.trim_start();
                let quote = start.trim_start_matches('b').chars().next();
                if let Some(q @ ('\'' | '"')) = quote {
                    if let Some(end) = literal_end(start, q) {
                        if let Some(text) = start.get(..=end).and_then(super::formats::py_literal) {
                            return Some((code, text));
                        }
                    }
                }
            }
        }
        rest = after;
    }
    None
}

/// Where the Python string literal at the start of `text` (after an optional `b`) ends: its
/// closing `q`, past any backslash escape. `(552, b'… limit', 'me@example.com')` holds two.
fn literal_end(text: &str, q: char) -> Option<usize> {
    let open = text.find(q)?;
    let mut escaped = false;
    for (i, c) in text.get(open + 1..)?.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            _ if c == q => return Some(open + 1 + i),
            _ => {}
        }
    }
    None
}

/// An enhanced code at the start of `text` and the text after it.
fn split_enhanced(text: &str) -> (Option<String>, &str) {
    let text = text.trim_start();
    let (first, tail) = text.split_once(' ').unwrap_or((text, ""));
    let first = first.trim_end_matches([',', ';', ':']);
    if enhanced_shaped(first) {
        (Some(first.to_string()), tail.trim_start())
    } else {
        (None, text)
    }
}

/// The first enhanced code of class 4 or 5 as a word in the line, and the text after it.
fn first_enhanced(line: &str) -> Option<(&str, &str)> {
    let mut offset = 0;
    for word in line.split(' ') {
        let token = word.trim_end_matches([',', ';', ':']);
        // `服务器响应为:5.7.0 …`: .NET on Chinese Windows writes no space after the colon.
        let token = token
            .rfind([':', '：'])
            .and_then(|at| token.get(at..))
            .and_then(|rest| rest.char_indices().nth(1).map(|(i, _)| &rest[i..]))
            .unwrap_or(token);
        if enhanced_shaped(token) && !token.starts_with('2') {
            let after = line.get(offset + word.len()..).unwrap_or("").trim_start();
            return Some((token, after));
        }
        offset += word.len() + 1;
    }
    None
}

/// `(451)` at the end of a message.
fn trailing_code(line: &str) -> Option<u16> {
    let t = line.trim_end().trim_end_matches(['.', '\'', '"']);
    // PHP mailers on Chinese hosts put it after a comma: `MAIL FROM command failed,mail from
    // address must be same as authorization user ,501` (cs.sanweihu.com's WordPress post).
    if let Some((before, digits)) = t.rsplit_once(',') {
        let code: Option<u16> = digits.trim().parse().ok();
        if let Some(code) = code.filter(|c| (400..600).contains(c) && digits.trim().len() == 3) {
            if !before.trim().is_empty() {
                return Some(code);
            }
        }
    }
    let inner = t.strip_suffix(')')?;
    let (_, digits) = inner.rsplit_once('(')?;
    let code: u16 = digits.parse().ok()?;
    (400..600).contains(&code).then_some(code)
}

fn event_of(lower: &str) -> LogEvent {
    let any = |words: &[&str]| words.iter().any(|w| lower.contains(w));
    if sasl_backend_down(lower) {
        LogEvent::SaslauthdDown
    } else if any(&super::rules::tls_certificate::WORDS)
        || any(&super::rules::tls_mode::WORDS)
        || any(&super::rules::tls_version::WORDS)
        || any(&[
            "tls startup failed",
            "starttls attempted but failed",
            "tls handshake failed",
        ])
    {
        LogEvent::TlsFailed
    } else if any(&["key data is not secure", "error loading key"]) {
        // OpenDKIM refusing its own key (mailcow/mailcow#249): what it should sign waits.
        LogEvent::Deferred
    } else if any(&[
        // A daemon that stops on its own configuration (docker-mailserver#4133:
        // `postfix/virtual: fatal: bad string length 0 < 1: virtual_mailbox_base =`, then
        // master's `bad command startup -- throttling`): the mail waits.
        "bad command startup",
    ]) || lower.starts_with("fatal: ")
        || lower.contains(": fatal: ")
    {
        LogEvent::Deferred
    } else if any(&[
        "smtp auth extension not supported",
        "auth command used when not advertised",
        // swaks, when EHLO listed no AUTH: it stops there, and sends no AUTH at all.
        "host did not advertise authentication",
        "authentication not enabled",
        "the server does not support authentication",
    ]) || any(&super::rules::auth_not_offered::WORDS)
    {
        LogEvent::AuthNotOffered
    } else if any(&[
        "authentication failed",
        "authentication failure",
        "auth failure",
        "authenticator failed",
        "could not authenticate",
        "no authentication type succeeded",
        "auth failed",
        "incorrect authentication data",
        "login denied",
    ]) || (lower.contains("login to server") && lower.contains("failed"))
    {
        LogEvent::AuthFailed
    } else if any(&super::rules::reply_timeout::WORDS) {
        LogEvent::TimedOut
    } else if any(&super::rules::client_left::WORDS) && lower.contains(" from ") {
        LogEvent::ClientLeft
    } else if any(&super::rules::retry_wait::WORDS) {
        LogEvent::Deferred
    } else if any(&super::rules::destination_dns::WORDS) {
        LogEvent::Unreachable
    } else if any(&super::rules::client_wants_tls::WORDS)
        || any(&super::rules::starttls_not_offered::WORDS)
        || any(&super::rules::client_config::WORDS)
        || any(&super::rules::client_sasl_empty::WORDS)
        || any(&super::rules::empty_reply::WORDS)
        || any(&super::rules::ses_identity::WORDS)
        || any(&CLIENT_REFUSALS)
    {
        LogEvent::Reject
    } else if lower.contains("greylist") {
        LogEvent::Greylisted
    } else if unreachable(lower) {
        LogEvent::Unreachable
    } else if any(&["improper command pipelining after connect"]) && lower.contains("\\377") {
        // A test client's telnet negotiation before the greeting: the session ends there.
        LogEvent::Reject
    } else if any(&["status=sent", "stat=sent", "message accepted"]) {
        LogEvent::Delivered
    } else if any(&["status=deferred", "stat=deferred"]) {
        LogEvent::Deferred
    } else if any(&["status=bounced", "dsn=5"]) {
        LogEvent::Bounced
    } else if any(&["reject", "denied", "not permitted", "refused"]) {
        LogEvent::Reject
    } else if lower.contains("connect from") && !lower.contains("disconnect from") {
        LogEvent::Connect
    } else {
        exim_event(lower)
    }
}

/// Whether a log line says the SASL backend cannot be reached: Postfix's `warning: SASL:
/// Connect to private/auth failed` (Dovecot's socket) and `fatal: no SASL authentication
/// mechanisms`, Cyrus' `cannot connect to saslauthd server`.
pub(super) fn sasl_backend_down(lower: &str) -> bool {
    let any = |words: &[&str]| words.iter().any(|w| lower.contains(w));
    (lower.contains("saslauthd")
        && any(&[
            "cannot connect",
            "no such file",
            "connection refused",
            "not running",
        ]))
        || (lower.contains("sasl: connect to") && lower.contains("failed"))
        || lower.contains("no sasl authentication mechanisms")
}

/// Whether a line says the next server could not be reached at all.
pub(super) fn unreachable(lower: &str) -> bool {
    [
        "no route to host",
        "connection timed out",
        "connection timeout",
        // BSD's ETIMEDOUT, as Postfix on FreeBSD or macOS writes it.
        "operation timed out",
        "network is unreachable",
        "cannot assign requested address",
        "ixp_e_failed_to_connect",
        "cannot connect to your outgoing (smtp)",
        "unable to connect to your outgoing (smtp)",
        // Thunderbird: `… because connecting to Outgoing server (SMTP) smtp.example.com
        // failed. The server may be unavailable or is refusing SMTP connections.`
        "is refusing smtp connections",
    ]
    .iter()
    .chain(super::rules::no_listener::WORDS.iter())
    .chain(super::rules::host_unresolvable::WORDS.iter())
    .any(|w| lower.contains(w))
        // Go's net package: `dial tcp 203.0.113.57:25: i/o timeout`, the connection's own
        // timeout (Jinnrry/PMail#85), unlike a read's `read tcp …: i/o timeout`.
        || (lower.contains("dial tcp ") && lower.contains("i/o timeout"))
}

/// Exim's message log markers after the message id.
fn exim_event(lower: &str) -> LogEvent {
    // After the message id in the mainlog; first as `exim -v` prints it.
    let marker = if ["=> ", "-> ", "<= ", "== ", "** "]
        .iter()
        .any(|m| lower.starts_with(m))
    {
        lower
    } else {
        lower.split_once(' ').map(|(_, after)| after).unwrap_or("")
    };
    if marker.starts_with("=> ") || marker.starts_with("-> ") || marker.starts_with("<= ") {
        LogEvent::Delivered
    } else if marker.starts_with("== ") {
        LogEvent::Deferred
    } else if marker.starts_with("** ") {
        LogEvent::Bounced
    } else {
        LogEvent::Info
    }
}

/// PHPMailer 6's message for a refused command: `SMTP server error: DATA END command failed
/// Detail: Message rejected: … SMTP code: 554 Additional SMTP info: 5.7.1`, the reply's code
/// after its text (PHPMailer's `SMTP::getError`).
fn phpmailer_detail<const E: bool>(format: Format, program: &str, line: &str) -> Option<LogLine> {
    let (head, after) = line.split_once(" command failed Detail: ")?;
    let (detail, rest) = after.rsplit_once(" SMTP code: ")?;
    let digits = rest.get(..3)?;
    let code: u16 = digits.parse().ok()?;
    if !(400..600).contains(&code) {
        return None;
    }
    let info = rest
        .split_once("Additional SMTP info: ")
        .map(|(_, e)| e.trim().trim_end_matches('.'));
    let enhanced = info.filter(|e| enhanced_shaped(e)).map(str::to_string);
    let mut log = parse::<E>(format, program, line, false);
    log.code = Some(code);
    log.enhanced = enhanced.or(log.enhanced);
    // What PHPMailer took for an enhanced code but RFC 3463 does not know (Yahoo's
    // `6.6.0`) stays where the reply had it, in its text.
    log.text = match info.filter(|e| {
        !enhanced_shaped(e)
            && e.split('.').count() == 3
            && e.bytes().all(|b| b.is_ascii_digit() || b == b'.')
    }) {
        Some(info) => format!("{info} {}", detail.trim()),
        None => detail.trim().to_string(),
    };
    log.verb = match head.rsplit(' ').next().unwrap_or("") {
        "MAIL" | "FROM" => Some("MAIL"),
        "RCPT" | "TO" => Some("RCPT"),
        "DATA" => Some("DATA"),
        // `DATA END command failed`: the reply to the message's final dot.
        "END" => Some("."),
        "AUTH" => Some("AUTH"),
        _ => log.verb,
    };
    if matches!(log.event, LogEvent::Info | LogEvent::Delivered) {
        log.event = LogEvent::Reject;
    }
    Some(log)
}

/// The command an exception answers, by its name, whatever the reply's words: smtplib's
/// (`SMTPSenderRefused: (530, b'…')` is the reply to MAIL) and JavaMail's
/// (`SMTPAddressFailedException` for a recipient, `SMTPSenderFailedException` for the sender).
fn smtplib_verb(line: &str) -> Option<&'static str> {
    [
        ("SMTPSenderRefused", "MAIL"),
        ("SMTPRecipientsRefused", "RCPT"),
        ("SMTPDataError", "DATA"),
        ("SMTPAddressFailedException", "RCPT"),
        ("SMTPSenderFailedException", "MAIL"),
    ]
    .iter()
    .find(|(name, _)| line.contains(name))
    .map(|(_, verb)| *verb)
}

fn verb_of(message: &str, lower: &str) -> Option<&'static str> {
    let has = |words: &[&str]| words.iter().any(|w| message.contains(w));
    if let Some(verb) = smtplib_verb(message) {
        return Some(verb);
    }
    // Nodemailer's errors name the command: `Mail command failed: 530 …`, `Data command
    // failed: 554 …`, `Can't send mail - all recipients were rejected: 550 …`.
    for (words, verb) in [
        // Mattermost: `SendMail: Error setting "From Address", 550 …` (in Spanish `Error
        // ajuste "Dirección Desde"`, mattermost/mattermost#13652).
        ("\"From Address\"", "MAIL"),
        ("\"Dirección Desde\"", "MAIL"),
        ("Mail command failed", "MAIL"),
        ("Data command failed", "DATA"),
        ("all recipients were rejected", "RCPT"),
    ] {
        if message.contains(words) {
            return Some(verb);
        }
    }
    // Postfix says which command a remote reply answers: `(in reply to MAIL FROM command)`,
    // `(in reply to end of DATA command)`; the reply's own words may name another.
    if let Some((_, after)) = message.split_once("in reply to ") {
        let word = after.split_whitespace().next().unwrap_or("");
        let verb = match word {
            "MAIL" => Some("MAIL"),
            "RCPT" => Some("RCPT"),
            "DATA" | "end" => Some("DATA"),
            "AUTH" => Some("AUTH"),
            "EHLO" | "HELO" => Some("EHLO"),
            "STARTTLS" => Some("STARTTLS"),
            _ => None,
        };
        if verb.is_some() {
            return verb;
        }
    }
    let rcpt = has(&[
        "RCPT from",
        "rejected RCPT",
        "RCPT TO",
        "check_rcpt",
        "Recipient address rejected",
        "following recipients failed",
    ]);
    let mail = has(&[
        "MAIL from",
        "rejected MAIL",
        "MAIL FROM",
        "check_mail",
        "Sender address rejected",
        "following From address failed",
    ]);
    if rcpt && !lower.contains("sasl") {
        Some("RCPT")
    } else if mail && !lower.contains("sasl") && !message.contains("AUTH ") {
        // "MAIL FROM failed: 550 Authentication is required": the answer to MAIL.
        Some("MAIL")
    } else if lower.contains("authentic") || lower.contains("sasl") || message.contains("AUTH ") {
        Some("AUTH")
    } else if has(&[
        "RCPT from",
        "rejected RCPT",
        "RCPT TO",
        "check_rcpt",
        "Recipient address rejected",
        "Relaying denied",
        "relay not permitted",
    ]) {
        Some("RCPT")
    } else if has(&[
        "MAIL from",
        "rejected MAIL",
        "MAIL FROM",
        "check_mail",
        "Sender address rejected",
    ]) {
        Some("MAIL")
    } else if has(&[
        "END-OF-MESSAGE",
        "end of data",
        "DATA from",
        "after DATA",
        "end of DATA",
        "data not accepted",
        // msmtp's, when the reply to the message's end is a refusal.
        "did not accept the mail",
    ]) {
        Some("DATA")
    } else if has(&["CONNECT from", "check_relay"]) {
        Some("CONNECT")
    } else if has(&["EHLO", "HELO"]) {
        Some("EHLO")
    } else {
        None
    }
}

/// The first reply code in a log message: three digits after `: `, `reject=`, `(`, `| ` or at the
/// start, followed by a space, a hyphen or the end; then an optional enhanced code and the
/// text.
pub(super) fn find_reply(message: &str) -> Option<(u16, Option<String>, &str)> {
    for (i, _) in message.char_indices() {
        let Some(rest) = message.get(i..) else {
            continue;
        };
        if !super::formats::reply_shaped(rest) {
            continue;
        }
        let before = message.get(..i).unwrap_or("");
        // `reject=550` (Sendmail) but not `S=512` (Exim's message size).
        let preceded = i == 0
            || before.ends_with(": ")
            || before.ends_with("reject=")
            || before.ends_with('(')
            || before.ends_with("| ");
        if !preceded {
            continue;
        }
        let code: u16 = rest.get(..3)?.parse().ok()?;
        let after = rest.get(4..).unwrap_or("").trim_start();
        let (first, tail) = after.split_once(' ').unwrap_or((after, ""));
        let first = first.trim_end_matches([',', ';']);
        if enhanced_shaped(first) {
            return Some((code, Some(first.to_string()), unwrap_paren(tail)));
        }
        return Some((code, None, unwrap_paren(after)));
    }
    None
}

/// The text without the one `)` that closes a parenthesis opened before the reply (Postfix:
/// `status=bounced (host … said: 550 … (in reply to RCPT TO command))`).
fn unwrap_paren(text: &str) -> &str {
    let text = text.trim();
    let open = text.matches('(').count();
    let close = text.matches(')').count();
    match text.strip_suffix(')') {
        Some(inner) if close > open => inner.trim_end(),
        _ => text,
    }
}

/// `class.subject.detail` with class 2, 4 or 5 and one to three digits per part.
pub(super) fn enhanced_shaped(token: &str) -> bool {
    let parts: Vec<&str> = token.split('.').collect();
    let ok = |p: &str| !p.is_empty() && p.len() <= 3 && p.bytes().all(|b| b.is_ascii_digit());
    matches!(parts.as_slice(), [c, s, d] if matches!(*c, "2" | "4" | "5") && ok(s) && ok(d))
}

/// The value after `key` up to white space or `,;])>`.
fn value_after<'a>(message: &'a str, key: &str) -> Option<&'a str> {
    let (_, after) = message.split_once(key)?;
    let end = after
        .find(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ']' | ')' | '>'))
        .unwrap_or(after.len());
    after.get(..end).map(|v| v.trim_start_matches('<'))
}

/// The first `<local@domain>` in the message.
fn first_address(message: &str) -> Option<String> {
    let mut rest = message;
    // Bounded: the first 64 brackets.
    for _ in 0..64 {
        let Some((_, after)) = rest.split_once('<') else {
            break;
        };
        let (inside, tail) = after.split_once('>')?;
        if inside.contains('@') && !inside.contains(' ') && inside.len() <= 254 {
            return Some(inside.to_string());
        }
        rest = tail;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn postfix_relay_reject() {
        let log = read::<true>("Jan 10 12:00:00 mail postfix/smtpd[1234]: NOQUEUE: reject: RCPT from unknown[203.0.113.5]: 554 5.7.1 <bob@elsewhere.test>: Relay access denied; from=<alice@example.com> to=<bob@elsewhere.test> proto=ESMTP helo=<client.example>").unwrap();
        assert_eq!(log.format, Format::PostfixLog);
        assert_eq!(log.program, "postfix/smtpd");
        assert_eq!(log.code, Some(554));
        assert_eq!(log.enhanced.as_deref(), Some("5.7.1"));
        assert_eq!(log.verb, Some("RCPT"));
        assert_eq!(log.event, LogEvent::Reject);
        assert_eq!(log.address.as_deref(), Some("bob@elsewhere.test"));
        assert!(log
            .text
            .starts_with("<bob@elsewhere.test>: Relay access denied"));
    }

    #[test]
    fn postfix_sasl_warnings() {
        let log = read::<true>("Jan 10 12:00:01 mail postfix/smtpd[1234]: warning: unknown[203.0.113.5]: SASL LOGIN authentication failed: authentication failure, sasl_username=carven").unwrap();
        assert_eq!(log.event, LogEvent::AuthFailed);
        assert_eq!(log.user.as_deref(), Some("carven"));
        assert_eq!(log.verb, Some("AUTH"));
        let log = read::<true>("Jan 10 12:00:01 mail postfix/smtpd[1234]: warning: SASL authentication failure: cannot connect to saslauthd server: No such file or directory").unwrap();
        assert_eq!(log.event, LogEvent::SaslauthdDown);
    }

    #[test]
    fn sendmail_and_exim() {
        let log = read::<true>("Jan 10 12:00:02 mail sendmail[4321]: 0AAC2B3x004321: ruleset=check_rcpt, arg1=<bob@elsewhere.test>, relay=[203.0.113.5], reject=550 5.7.1 <bob@elsewhere.test>... Relaying denied").unwrap();
        assert_eq!(log.format, Format::SendmailLog);
        assert_eq!(log.code, Some(550));
        assert_eq!(log.verb, Some("RCPT"));
        let log = read::<true>("2024-01-10 12:00:03 H=(client.example) [203.0.113.5] F=<alice@example.com> rejected RCPT <bob@elsewhere.test>: relay not permitted").unwrap();
        assert_eq!(log.format, Format::EximLog);
        assert_eq!(log.code, None);
        assert_eq!(log.event, LogEvent::Reject);
        assert_eq!(log.verb, Some("RCPT"));
        let log = read::<true>("2024-01-10 12:00:04 login authenticator failed for (client.example) [203.0.113.5]: 535 Incorrect authentication data (set_id=alice)").unwrap();
        assert_eq!(log.code, Some(535));
        assert_eq!(log.event, LogEvent::AuthFailed);
        assert_eq!(log.user.as_deref(), Some("alice"));
        let log = read::<true>("2024-01-10 12:00:05 1rNabc-000123-AB <= alice@example.com H=(client.example) [203.0.113.5] P=esmtpa").unwrap();
        assert_eq!(log.event, LogEvent::Delivered);
    }

    #[test]
    fn not_logs() {
        assert_eq!(read::<true>("250 2.0.0 Ok"), None);
        assert_eq!(read::<true>("[3] C: EHLO x"), None);
        assert_eq!(read::<true>("2024-01-10 12:00:00 hello"), None);
        let exim = read::<true>(
            "2024-01-10 12:00:05 1rNabc-000123-AB <= a@b.c H=(x) [1.2.3.4] P=esmtpa S=512",
        )
        .unwrap();
        assert_eq!(exim.code, None);
    }

    #[test]
    fn reply_inside_a_client_message() {
        let log = client_message::<true>(Format::SentGot, "DokuWiki", "There was an unexpected problem communicating with SMTP: Unexpected return code - Expected: 250, Got: 553 | 553 Mail from must equal authorized user");
        assert_eq!(log.code, Some(553));
        assert_eq!(log.text, "Mail from must equal authorized user");
        assert!(!log.server_side);
    }
}
