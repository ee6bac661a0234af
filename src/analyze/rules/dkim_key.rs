//! OpenDKIM will not load a private key that other users can read or write: `key data is not
//! secure: /etc/opendkim/keyfiles/….dkim can be read or written by other users`, then `error
//! loading key`, and the MTA's milter answers `451 4.7.1 Service unavailable - try again
//! later` to the mail it was to sign (mailcow/mailcow#249). opendkim.conf(5): RequireSafeKeys,
//! on by default. RFC 6376 §3.3 (the signer's private key).

use super::{Evidence, Rule};
use crate::analyze::{FindingKind, Severity};
use crate::i18n::Tr;

pub(super) const RULE: Rule = Rule {
    cause: "dkim-signing-key-unsafe",
    fix_id: "restrict-dkim-key-permissions",
    kind: FindingKind::OtherFailure,
    severity: Severity::Error,
    source: "RFC 6376 §3.3; opendkim.conf(5) (RequireSafeKeys); mailcow/mailcow#249",
    title: Tr::new(
        "OpenDKIM refuses its signing key: others can read it",
        "OpenDKIM 拒绝使用签名私钥：其他用户可以读取它",
    ),
    meaning: Tr::new(
        "Your OpenDKIM found the private key it signs with readable or writable by other users, and will not load it (its RequireSafeKeys is on by default). Every message it should sign then fails, and the mail server answers the sending program with a temporary refusal (451 4.7.1 \"Service unavailable - try again later\"), which says nothing of the cause.",
        "你的 OpenDKIM 发现用来签名的私钥可被其他用户读取或写入，于是拒绝加载它（它的 RequireSafeKeys 默认开启）。于是每封需要它签名的邮件都会失败，邮件服务器则对发信程序回复一个临时拒绝（451 4.7.1 \"Service unavailable - try again later\"），从中看不出原因。",
    ),
    fix: Tr::new(
        "Make the key file the opendkim user's alone: `chown opendkim:opendkim` the key and `chmod 600` it (its directory not writable by others), then restart OpenDKIM. Do not turn RequireSafeKeys off: anyone who can read the key can sign mail as your domain.",
        "让私钥文件只属于 opendkim 用户：对私钥执行 `chown opendkim:opendkim` 和 `chmod 600`（所在目录也不能被其他用户写入），然后重启 OpenDKIM。不要关闭 RequireSafeKeys：任何能读到私钥的人都能以你的域名签发邮件。",
    ),
};

pub(super) fn applies(e: &Evidence<'_>) -> bool {
    e.has(&["key data is not secure"])
}
