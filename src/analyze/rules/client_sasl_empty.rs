//! The user's own Postfix has a SASL password entry for its relay host with no user name, so
//! its SASL library stops before AUTH: Cyrus's `warning: SASL authentication failure:
//! All-whitespace username.`, then `SASL authentication failed; cannot authenticate to server
//! …: generic failure`, deferred with 4.7.0. Recorded from Debian 12's Postfix 3.7 with
//! libsasl2-modules (scripts/record-postfix-client-sasl.sh): an entry `[host]:port :` gives
//! exactly these lines and no AUTH; a user name with an empty password does send AUTH, and no
//! entry at all sends none and logs nothing of SASL. A container that writes the entry from
//! empty variables leaves it so (loganmarchione/docker-postfixrelay#62, relaying to Google
//! Workspace's SMTP relay, which admits allow-listed addresses without a login). RFC 4954 §4
//! (the client's own authentication exchange).

use super::{Evidence, Rule};
use crate::analyze::{FindingKind, Severity};
use crate::i18n::Tr;

pub(super) const RULE: Rule = Rule {
    cause: "sasl-login-without-credentials",
    fix_id: "disable-client-sasl-for-ip-relay",
    kind: FindingKind::AuthFailed,
    severity: Severity::Error,
    source: "RFC 4954 §4; Postfix 3.7 with Cyrus SASL as recorded (an entry with no user name: \"All-whitespace username\", \"generic failure\")",
    title: Tr::new(
        "Your Postfix has a login for the relay without a user name",
        "你的 Postfix 为中继保存的登录信息没有用户名",
    ),
    meaning: Tr::new(
        "Your own Postfix (its SMTP client, relaying to another server) has SASL turned on, and its SASL library refused to start before any AUTH was sent. Recorded, that is what an entry for this relay in smtp_sasl_password_maps with an empty user name gives (`[relay]:587 :`, often written by a container from empty variables; Cyrus then also logs \"All-whitespace username\"). No AUTH was sent: the \"generic failure\" is Postfix's own, not the server's answer, and the mail waits in the queue. A wrong password would show the server's 535 instead.",
        "你自己的 Postfix（它的 SMTP 客户端，向另一台服务器中继）开启了 SASL，而它的 SASL 库在发送任何 AUTH 之前就拒绝开始。实际录制表明，smtp_sasl_password_maps 中这个中继的条目用户名为空时正是如此（`[relay]:587 :`，常见于容器用空变量写出的条目；这时 Cyrus 还会记录 \"All-whitespace username\"）。根本没有发送 AUTH：\"generic failure\" 是 Postfix 自己的报错，不是服务器的回答，邮件留在队列里等待。如果是密码错误，看到的会是服务器的 535。",
    ),
    fix: Tr::new(
        "If the relay admits you by your address without a login (Google Workspace's SMTP relay for allow-listed IP addresses, a provider's relay for its own network), turn client SASL off: `smtp_sasl_auth_enable = no` (in a container, leave its user and password variables unset only if its entrypoint then does this). Otherwise give the entry its user name and password (`[relay]:587 user@example.com:password`, then `postmap` the file). Then `postfix reload` and `postqueue -f`.",
        "如果中继按你的地址放行、不需要登录（Google Workspace 的 SMTP 中继对加入允许列表的 IP 地址，服务商对自己网络的中继），就关闭客户端 SASL：`smtp_sasl_auth_enable = no`（在容器中，只有入口脚本会因此这样设置时，才可以不设用户和密码变量）。否则给这个条目填上用户名和密码（`[relay]:587 user@example.com:password`，然后对该文件运行 `postmap`）。之后 `postfix reload` 并 `postqueue -f`。",
    ),
};

pub(super) fn applies(e: &Evidence<'_>) -> bool {
    e.own_server.is_none()
        && (e.has(&["all-whitespace username"])
            || (e.has(&["cannot authenticate to server"]) && e.has(&["generic failure"])))
}
