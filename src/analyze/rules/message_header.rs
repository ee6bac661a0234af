//! The message's header breaks RFC 5322 and the receiving server refuses it after DATA:
//! Gmail's "not RFC 5322 compliant: 'From' header is missing" / "duplicate headers" (5.7.1),
//! QQ Mail's "The \"From\" header is missing or invalid. Please follow RFC5322, RFC2047,
//! RFC822". RFC 5322 §3.6 requires exactly one From: and one Date:, and allows To:, Cc:,
//! Subject:, Message-ID: … at most once each; Gmail refuses a message without a valid
//! Message-ID: ("Messages missing a valid messageId header are not accepted"). United Internet's mail servers (IONOS, 1&1,
//! WEB.DE, GMX) answer `554-Transaction failed 554-Reject due to policy restrictions. 554 For
//! explanation visit …&c=hi`: their postmaster page for that case (quoted in
//! zammad/zammad#4630) says the header is not RFC 5321/5322 compliant (Date, From, Sender, To
//! syntactically correct; BCC, CC, Date, From, Sender, Subject, To once each); IONOS's
//! support said the same of its case `c=hd` (homematic-community/hm_email#13).

use super::{Evidence, Rule};
use crate::analyze::{FindingKind, Severity};
use crate::i18n::Tr;

pub(super) const RULE: Rule = Rule {
    cause: "message-not-rfc5322",
    fix_id: "fix-message-header",
    kind: FindingKind::OtherFailure,
    severity: Severity::Error,
    source: "RFC 5322 §3.6 (one From:, one Date:; To:, Cc:, Subject:, Message-ID: … at most once); Gmail's, QQ Mail's and United Internet's (IONOS, WEB.DE, GMX) replies",
    title: Tr::new(
        "The message's header is not valid RFC 5322",
        "邮件邮件头不符合 RFC 5322",
    ),
    meaning: Tr::new(
        "The server accepted the envelope but refused the message itself after DATA, because its header breaks RFC 5322: no From: (or a From: without a valid address — for example a whole address encoded as =?utf-8?…?=), a Date:, From: or To: that is not valid, no valid Message-ID: (Gmail insists on one), or a field RFC 5322 §3.6 allows once (From:, To:, Cc:, Subject:, Message-ID: …) given twice. Login, sender and recipients are not the problem.",
        "服务器接受了信封，却在 DATA 之后拒收了邮件本身，因为邮件头违反 RFC 5322：没有 From:（或者 From: 中没有有效地址——例如整个地址被编码成 =?utf-8?…?=），Date:、From: 或 To: 的格式无效，没有有效的 Message-ID:（Gmail 坚持要有），或者 RFC 5322 §3.6 只允许出现一次的字段（From:、To:、Cc:、Subject:、Message-ID: 等）出现了两次。登录、发件人和收件人都没有问题。",
    ),
    fix: Tr::new(
        "Fix what builds the header: give exactly one From: with a plain address (`From: Name <user@example.com>`; encode only the display name with RFC 2047 — in Python set msg['From'] = 'user@qq.com' or use email.utils.formataddr, never Header() on the address), a valid Date: (`Date: Mon, 07 Dec 2026 10:00:00 +0100`) and a Message-ID: (`<unique@your-domain>`; most mail libraries add one, an old version of a program may not), and set each of To:, Cc:, Subject:, Message-ID: once (a script that adds a header on every loop pass, or a relay that adds its own, duplicates it). Look at the sent message's source to see which field is wrong.",
        "修正生成邮件头的代码：只写一个 From:，其中是普通地址（`From: 名字 <user@example.com>`；只对显示名称做 RFC 2047 编码——在 Python 中写 msg['From'] = 'user@qq.com' 或使用 email.utils.formataddr，不要对地址使用 Header()），写一个有效的 Date:（`Date: Mon, 07 Dec 2026 10:00:00 +0100`）和一个 Message-ID:（`<唯一值@你的域名>`；多数邮件库会自动加上，程序的旧版本可能不会），To:、Cc:、Subject:、Message-ID: 各设置一次（在循环中每次都添加邮件头的脚本，或自行添加邮件头的中继，都会造成重复）。查看已发送邮件的原文即可找到出错的字段。",
    ),
};

pub(super) fn applies(e: &Evidence<'_>) -> bool {
    e.class() == Some(5)
        && (e.has(&["not rfc 5322 compliant", "not rfc 2822 compliant"])
            || (e.has(&[
                "\"from\" header is missing or invalid",
                "'from' header is missing",
            ]) && e.has(&["rfc5322", "rfc 5322"]))
            // Gmail: `550-5.7.1 … Messages missing a valid messageId header are not
            // accepted` (agilare/ladecadanse#58, splitbrain/dokuwiki-plugin-smtp#59).
            || e.has(&["missing a valid messageid header"])
            || (e.has(&["reject due to policy restrictions"])
                && e.has(&["&c=hi", "?c=hi", "&c=hd", "?c=hd"])))
}
