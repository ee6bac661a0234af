//! The sending server could not reach the next one at all: Exim's `defer (113): No route to
//! host`, `defer (110): Connection timed out`, Postfix's `connect to …: Connection timed
//! out`. No SMTP reply was exchanged; RFC 5321 §4.5.4.1 has the queue retry.

use super::{Evidence, Rule};
use crate::analyze::{FindingKind, Severity};
use crate::i18n::Tr;

pub(super) const RULE: Rule = Rule {
    cause: "network-unreachable",
    fix_id: "check-network-route",
    kind: FindingKind::ConnectionFailed,
    severity: Severity::Error,
    source: "RFC 5321 §4.5.4.1 (retry strategy); errno 113/110/111",
    title: Tr::new(
        "The next server could not be reached",
        "连不上下一台服务器",
    ),
    meaning: Tr::new(
        "No SMTP was spoken: the TCP connection to the mail server failed (no route to the host, or a timeout). A mail server's queue keeps retrying until the message expires; an application reports the error and gives up.",
        "根本没有进行 SMTP 对话：到邮件服务器的 TCP 连接失败了（没有到该主机的路由，或者超时）。邮件服务器的队列会一直重试，直到邮件过期；应用程序则报告错误后放弃。",
    ),
    fix: Tr::new(
        "Check the path to the host the log names: its DNS (`dig MX domain`, `dig A host` — the right address?), a firewall on either side, and whether your provider blocks outgoing port 25 (many clouds and home lines do: `nc -vz host 25`). If port 25 is blocked, relay through a smarthost on port 587 with AUTH.",
        "检查通往日志中那台主机的路径：它的 DNS（`dig MX 域名`、`dig A 主机`——地址对吗？）、双方的防火墙，以及你的服务商是否封锁了出站 25 端口（很多云主机和家庭宽带都封锁：用 `nc -vz 主机 25` 测试）。如果 25 端口被封，就通过 587 端口加认证的中继服务器（smarthost）发信。",
    ),
};

pub(super) fn applies(e: &Evidence<'_>) -> bool {
    e.code.is_none() && crate::analyze::serverlog::unreachable(e.lower) && !e.has(&["sasl"])
}
