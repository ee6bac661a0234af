//! The receiver's spam filter refused the message for what it looks like: NetEase's `554
//! DT:SPM 163 smtp10,… please see http://mail.163.com/help/help_spam_16.htm…` (its published
//! list: the content holds unpermitted information or was recognized as spam), Gmail's
//! `550-5.7.1 … this message is likely unsolicited mail … ?p=UnsolicitedMessageError`.
//! RFC 5321 §4.2.3 (550/554).

use super::{Evidence, Rule};
use crate::analyze::{FindingKind, Severity};
use crate::i18n::Tr;

pub(super) const RULE: Rule = Rule {
    cause: "message-judged-spam",
    fix_id: "change-the-message",
    kind: FindingKind::OtherFailure,
    severity: Severity::Error,
    source: "RFC 5321 §4.2.3 (550/554); NetEase's published SMTP errors (DT:SPM); Gmail's published SMTP errors (UnsolicitedMessageError)",
    title: Tr::new("The message was judged as spam", "邮件被判定为垃圾邮件"),
    meaning: Tr::new(
        "The receiving server's spam filter refused this message for what it looks like: its subject, body, links or attachments, or the same text sent many times. The login and the addresses were accepted; sending the same message again fails again. NetEase (163.com, 126.com) publish DT:SPM as: the content holds unpermitted information or was recognized as spam.",
        "收件服务器的垃圾邮件过滤器因为这封邮件的样子而拒收：它的主题、正文、链接或附件，或者同样的内容发了很多次。登录和地址都被接受了；原样再发还会失败。网易（163.com、126.com）公布的 DT:SPM 含义是：发送的邮件内容包含了未被许可的信息，或被系统识别为垃圾邮件。",
    ),
    fix: Tr::new(
        "Change the message before sending again: a real subject and body (not \"test\", not empty, not a bare link), fewer links, a From that matches the login. Many copies of one text, or many messages in a short time from one account, look like spam as well: send fewer. Check that the account itself is not sending spam or viruses (a leaked password). At 163 and 126 (DT:SPM), threads report that a changed subject or body went through; for Gmail, authenticate the sending domain (SPF, DKIM, DMARC) and follow its sender guidelines.",
        "修改邮件后再发：写一个真实的主题和正文（不要用“测试”，不要留空，也不要只有一个链接），减少链接，发件人（From）与登录账号一致。同一内容发很多份，或一个账号在短时间内发很多封，也会像垃圾邮件：少发一些。检查账号本身有没有在发垃圾邮件或病毒（密码泄露）。对 163 和 126（DT:SPM），有用户反馈改了主题或正文后就能发出；对 Gmail，为发信域名配置 SPF、DKIM 和 DMARC，并遵守它的发件人指南。",
    ),
};

pub(super) fn applies(e: &Evidence<'_>) -> bool {
    e.class() == Some(5)
        && e.has(&[
            "dt:spm",
            "likely unsolicited mail",
            "unsolicitedmessageerror",
            // A filter that says so in its reply (`550 5.7.1 Message rejected as spam by
            // Content Filtering`).
            "rejected as spam",
            // Rambler's `554 5.7.1 Spam message rejected` (chatwoot/chatwoot#4629).
            "spam message rejected",
            // Rspamd's `554 5.7.1 Gtube pattern`: the spam filters' test string
            // (docker-mailserver/docker-mailserver#3323).
            "gtube",
            // Yandex: `5.7.1 [2] Message rejected under suspicion of SPAM`
            // (chatmail/provider-db#205).
            "suspicion of spam",
            // `552 Message rejected for spam or virus content` (kgretzky/evilginx2#480): a
            // content verdict, whatever 552 says of sizes.
            "rejected for spam",
            "spam or virus content",
            // QQ Mail's and Tencent Exmail's content filter: `550 Mail content denied`
            // (Jinnrry/PMail#220, YMFE/yapi#1964), `550 The mail may contain inappropriate
            // words or content.` (sansan0/TrendRadar#373).
            "mail content denied",
            "inappropriate words or content",
        ])
}
