//! SPF (RFC 7208): is this IP address allowed to send mail for this domain? Evaluated
//! term by term against DNS data the caller supplies ([`crate::msgauth::dns::Zone`]), each
//! mechanism a step, DNS lookups counted against the limit of 10 (§4.6.4).
//!
//! - [`record`]: the record's terms (§4.6, §5, §6), every syntax error a `permerror`.
//! - [`macros`]: macro expansion (§7), for `exists:%{i}._spf.%{d}` and friends.
//! - [`eval`]: `check_host()` (§4), with `include`, `redirect`, void lookups and the
//!   limits.

pub mod eval;
pub mod macros;
pub mod record;

pub use eval::{check_host, Outcome, SpfError, SpfReport, SpfStep};

use crate::i18n::Tr;

/// The result of an SPF evaluation (RFC 7208 §2.6).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SpfResult {
    /// The domain authorizes the address.
    Pass,
    /// The domain says the address is not authorized (`-`).
    Fail,
    /// Probably not authorized (`~`).
    SoftFail,
    /// The domain makes no assertion (`?`, or nothing matched).
    Neutral,
    /// No SPF record (or no valid domain to check).
    None,
    /// The records cannot be interpreted.
    PermError,
    /// A transient DNS error.
    TempError,
}

impl SpfResult {
    /// The result's name, as in Received-SPF (RFC 7208 §9.1).
    pub fn name(self) -> &'static str {
        match self {
            SpfResult::Pass => "pass",
            SpfResult::Fail => "fail",
            SpfResult::SoftFail => "softfail",
            SpfResult::Neutral => "neutral",
            SpfResult::None => "none",
            SpfResult::PermError => "permerror",
            SpfResult::TempError => "temperror",
        }
    }

    /// What the result means and what receivers do with it.
    pub fn explain(self) -> Tr {
        match self {
            SpfResult::Pass => Tr::new("pass: the domain authorizes this address to send for it (RFC 7208 §2.6.3).", "pass：该域授权此地址代表它发信（RFC 7208 §2.6.3）。"),
            SpfResult::Fail => Tr::new("fail: the domain says this address is not authorized; receivers may reject the mail (550 5.7.23) (RFC 7208 §2.6.4, §8.4).", "fail：该域声明此地址未获授权；接收方可以拒收（550 5.7.23）（RFC 7208 §2.6.4、§8.4）。"),
            SpfResult::SoftFail => Tr::new("softfail: probably not authorized; receivers accept but mark it, often into spam (RFC 7208 §2.6.5).", "softfail：很可能未获授权；接收方通常接收但做标记，常被归入垃圾邮件（RFC 7208 §2.6.5）。"),
            SpfResult::Neutral => Tr::new("neutral: the domain makes no assertion about this address (RFC 7208 §2.6.2).", "neutral：该域对此地址不作判断（RFC 7208 §2.6.2）。"),
            SpfResult::None => Tr::new("none: no SPF record, or no valid domain to check (RFC 7208 §2.6.1).", "none：没有 SPF 记录，或没有可检查的有效域名（RFC 7208 §2.6.1）。"),
            SpfResult::PermError => Tr::new("permerror: the domain's records cannot be interpreted; the domain owner must fix them (RFC 7208 §2.6.7).", "permerror：该域的记录无法解释；需要域名所有者修正（RFC 7208 §2.6.7）。"),
            SpfResult::TempError => Tr::new("temperror: a transient DNS error; receivers usually answer 451 4.4.3 and the sender retries (RFC 7208 §2.6.6, §8.6).", "temperror：暂时的 DNS 错误；接收方通常回复 451 4.4.3，发送方稍后重试（RFC 7208 §2.6.6、§8.6）。"),
        }
    }
}
