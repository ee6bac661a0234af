//! A sender refused after a successful login, or a reply that says the login does not own
//! the sender: the sender differs from the account (seed 000: 235, then 553). RFC 5321
//! §4.2.3 (553, 550); the provider's rule that an account sends only as itself (163.com's
//! 553 "Mail from must equal authorized user", Postfix smtpd_sender_login_maps).

use super::{Context, General};
use crate::analyze::diagnose::{finding, same_address};
use crate::analyze::{Finding, FindingKind, Format, Severity, Text};
use crate::i18n::Tr;

pub(super) const RULE: General = General {
    id: "sender-not-login",
    kind: FindingKind::SenderMismatch,
    source: "RFC 5321 §4.2.3 (553, 550); the provider's rule that an account sends only as itself (163.com's 553 \"Mail from must equal authorized user\", Postfix smtpd_sender_login_maps)",
    decide,
};

/// Whether the rule applies, and its finding if so.
pub(super) fn decide(c: &Context<'_>, lines: &mut Vec<usize>) -> Option<Finding> {
    // A refused sender after a successful login, or a text that says the login does
    // not own the sender: the sender differs from the account (seed 000, 235 then 553).
    let not_owner = c.has(&[
        "not owned by",
        "send as this sender",
        "permissions to send as",
        "must equal authorized user",
        "must be same as authorization user",
        "not authorized to send as",
        // Exchange: `554 5.2.0 STOREDRV.Submission.Exception:SendAsDeniedException…`.
        "sendasdenied",
        // 163.com: `553 Local user only` when MAIL FROM is not the logged-in account
        // (ruanyf/weather-action#5).
        "local user only",
        // Zoho: `553 Relaying disallowed as Name <address>`, a From the account may not use
        // (magepal/magento2-gmail-smtp-app#122).
        "relaying disallowed as",
        // hydroxide, a Proton Mail bridge, through go-smtp: `554 5.0.0 Error: transaction
        // failed, blame it on the weather: unknown sender address`, a From the account does
        // not own (emersion/hydroxide#173).
        "unknown sender address",
        // Mail.ru: `550 not local sender over smtp`, a From that is not the account's
        // (motioneye-project/motioneyeos#28).
        "not local sender",
    ]);
    // A provider's submission server refusing the sender as an unavailable mailbox, in
    // answer to MAIL: Yahoo's `550 Request failed; Mailbox unavailable` for a From that is not
    // the account (mattermost/mattermost#13652).
    // Not .NET's name for the status (`Mailbox unavailable. The server response was: …`), nor
    // a reply that asks for the login first.
    let not_owner = not_owner
        || (c.verb == Some("MAIL")
            && c.class == Some(5)
            && c.has(&["request failed; mailbox unavailable"])
            && !c.mentions_auth());
    let sender_words = c.has(&["sender", "from", "owned"]);
    // Proton Mail Bridge refuses a From its account does not own with a 451
    // (shenxn/protonmail-bridge-docker#28: `451 4.0.0 backend: invalid return path: not owned
    // by user`): no retry changes it.
    let bridge = c.class == Some(4) && c.has(&["invalid return path"]) && not_owner;
    if (c.class == Some(5) || (c.code.is_none() && not_owner) || bridge)
        && (not_owner
            || (c.auth_ok.is_some()
                && sender_words
                && matches!(c.verb, Some("MAIL") | Some("RCPT"))))
    {
        let sender = c.sender();
        if let Some(mismatch) = login_mismatch(c, &sender, lines) {
            return Some(mismatch);
        }
        if let Some(l) = c.auth_ok {
            lines.push(l);
        }
        return Some(not_owned(
            &c.quote,
            &sender,
            c.auth_ok,
            std::mem::take(lines),
        ));
    }
    None
}

/// [`mismatch`] when the session logged in as someone other than `sender`; the lines of
/// the MAIL FROM and of the login join `lines`.
pub(super) fn login_mismatch(
    c: &Context<'_>,
    sender: &str,
    lines: &mut Vec<usize>,
) -> Option<Finding> {
    if let Some((_, l)) = &c.mail {
        lines.push(*l);
    }
    let (user, user_line) = c.authenticated.as_ref()?;
    if same_address(user, sender) {
        return None;
    }
    lines.push(*user_line);
    Some(mismatch(
        c,
        &c.quote,
        user,
        *user_line,
        sender,
        std::mem::take(lines),
    ))
}

/// The title of both findings of a sender the login may not use.
const SENDER_DIFFERS: Tr = Tr::new("Sender differs from the login", "发件人与登录账号不一致");

pub(super) fn mismatch(
    c: &Context<'_>,
    quote: &str,
    user: &str,
    user_line: usize,
    sender: &str,
    lines: Vec<usize>,
) -> Finding {
    let (hint_en, hint_zh) = if c.formats.contains(&Format::SentGot) {
        (
            "in DokuWiki: Admin → Configuration Settings → Notification settings → mailfrom"
                .to_string(),
            "DokuWiki 中：管理 → 配置设置 → 通知设置 → mailfrom".to_string(),
        )
    } else if c.formats.contains(&Format::PhpMailer) {
        (
            format!("in PHPMailer: $mail->setFrom('{user}')"),
            format!("PHPMailer 中：$mail->setFrom('{user}')"),
        )
    } else if c.formats.contains(&Format::Smtplib) {
        (
            format!("in smtplib: sendmail('{user}', …) and the From: header"),
            format!("smtplib 中：sendmail('{user}', …) 以及邮件头 From:"),
        )
    } else if c.formats.contains(&Format::Swaks) {
        (
            format!("with swaks: --from {user}"),
            format!("swaks 中：--from {user}"),
        )
    } else {
        (
            "in a mail program: the sender (From) address of the account".to_string(),
            "邮件客户端中：账号设置里的发件人（From）地址".to_string(),
        )
    };
    finding(
        FindingKind::SenderMismatch,
        Severity::Error,
        lines,
        SENDER_DIFFERS,
        Text::new(
            format!("The server refused the sender <{sender}>: the login was {user} (decoded from the AUTH exchange, line {user_line}), and this server lets an account send only as itself — \"{quote}\"."),
            format!("服务器拒绝了发件人 <{sender}>：登录账号是 {user}（从 AUTH 交换中解码，第 {user_line} 行），而该服务器只允许账号以自己的地址发信——\"{quote}\"。"),
        ),
        Text::new(
            format!("Make the sender the login address: MAIL FROM:<{user}>, and the From: header too ({hint_en}). Or log in as {sender}, if that account is yours."),
            format!("把发件人改成登录地址：MAIL FROM:<{user}>，邮件头 From: 也一样（{hint_zh}）。或者，如果 {sender} 也是你的账号，就用它登录。"),
        ),
    )
}

/// The sender refused because the login does not own it, the login not shown (hidden by
/// the log, or a server's log line).
pub(super) fn not_owned(
    quote: &str,
    sender: &str,
    auth_ok: Option<usize>,
    lines: Vec<usize>,
) -> Finding {
    let who = super::bracketed(sender);
    let (after_en, after_zh) = match auth_ok {
        Some(l) => (
            format!(" The login succeeded (235, line {l}), so this is not about the password: the account may not send as this address."),
            format!("登录已经成功（第 {l} 行的 235），所以与密码无关：这个账号不能以该地址发信。"),
        ),
        None => (
            " The account that logged in may not send as this address.".to_string(),
            "登录的账号不能以该地址发信。".to_string(),
        ),
    };
    finding(
        FindingKind::SenderMismatch,
        Severity::Error,
        lines,
        SENDER_DIFFERS,
        Text::new(
            format!("The server refused the sender{who}: \"{quote}\".{after_en}"),
            format!("服务器拒绝了发件人{who}：\"{quote}\"。{after_zh}"),
        ),
        Text::from(Tr::new(
            "Make the sender the address you log in with: MAIL FROM and the From: header (in the program's settings: the from/sender address, or DokuWiki's mailfrom). A null sender MAIL FROM:<> is not owned by anyone either. If the account should send as another address: on your own Postfix map it to the login in smtpd_sender_login_maps (or the mail panel's sender ACL, or fix the alias that owns it); on Exchange/Microsoft 365 grant the account Send As permission for that address.",
            "把发件人改成登录所用的地址：MAIL FROM 和邮件头 From:（在程序设置中：发件人地址，或 DokuWiki 的 mailfrom）。空发件人 MAIL FROM:<> 也不属于任何账号。如果这个账号应当能以另一个地址发信：在自己的 Postfix 上，把该地址在 smtpd_sender_login_maps 中映射到登录名（或在邮件管理面板的发件人 ACL 中设置，或修正占用该地址的别名）；在 Exchange/Microsoft 365 上，为该账号授予该地址的“代理发送”（Send As）权限。",
        )),
    )
}
