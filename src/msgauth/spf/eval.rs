//! `check_host()` (RFC 7208 §4): the record fetched from the supplied DNS data, its terms
//! evaluated left to right, each a step; `include` and `redirect` recurse; every term that
//! queries DNS counts against the limit of 10 (§4.6.4), lookups that find nothing against
//! the limit of 2 void lookups.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use super::macros::{self, Context, MacroError};
use super::record::{self, Mechanism, RecordError, Term};
use super::SpfResult;
use crate::i18n::{Lang, Tr};
use crate::msgauth::dns::{Answer, Record as Rr, Type, Zone};

/// The DNS-querying terms allowed per evaluation (§4.6.4).
pub const LOOKUP_LIMIT: u32 = 10;
/// Lookups that may find nothing (§4.6.4).
pub const VOID_LIMIT: u32 = 2;
/// Exchanges one `mx` may look up (§4.6.4).
pub const MX_LIMIT: usize = 10;

/// How a step came out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// The mechanism matched: its qualifier is the result.
    Match,
    /// It did not: go on.
    NoMatch,
    /// Not a decision (the record fetched, a modifier read).
    Info,
    /// The evaluation stops with an error.
    Error,
}

/// One step.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpfStep {
    /// Nesting: 0 for the domain checked, 1 inside an include or redirect, …
    pub depth: usize,
    /// The domain whose record this is.
    pub domain: String,
    /// A stable id: `record`, `ip4`, `ip6`, `a`, `mx`, `include`, `redirect`, `exists`,
    /// `ptr`, `all`, `exp`, `modifier`, `result`.
    pub id: &'static str,
    /// The term (or record) as written.
    pub term: String,
    /// How it came out.
    pub outcome: Outcome,
    /// DNS-querying terms counted so far.
    pub lookups: u32,
    /// What was looked up or compared (names and addresses; the same in every language).
    pub detail: String,
    /// Why the evaluation stopped at this term, when it did (said in each language by
    /// [`SpfStep::said`]).
    pub error: Option<SpfError>,
    /// What the term does, citing the RFC.
    pub explain: Tr,
}

impl SpfStep {
    /// What the step shows beside the term in `lang`: its error when it has one, else
    /// what was looked up or compared.
    pub fn said(&self, lang: Lang) -> String {
        match &self.error {
            Some(error) => error.describe(lang),
            None => self.detail.clone(),
        }
    }
}

/// Why the evaluation ended in permerror or temperror.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum SpfError {
    /// A record's syntax.
    Record(String, RecordError),
    /// More than one SPF record at a name (§4.5).
    MultipleRecords(String),
    /// More than 10 DNS-querying terms.
    TooManyLookups,
    /// More than 2 lookups found nothing.
    TooManyVoidLookups,
    /// An `mx` with more than 10 exchanges.
    TooManyMx(String),
    /// `include` of a domain without an SPF record (§5.2: permerror).
    IncludeNone(String),
    /// `redirect` to a domain without an SPF record (§6.1: permerror).
    RedirectNone(String),
    /// A macro.
    Macro(MacroError),
    /// A DNS lookup failed temporarily.
    Dns(String),
}

const RECORD: Tr = Tr::new("{d}: {e}", "{d}：{e}");
const MULTIPLE_RECORDS: Tr = Tr::new(
    "{d} publishes more than one \"v=spf1\" record; RFC 7208 §4.5 makes that a permerror. Merge them into one.",
    "{d} 发布了不止一条“v=spf1”记录；按 RFC 7208 §4.5 这是 permerror。请合并成一条。",
);
const TOO_MANY_LOOKUPS: Tr = Tr::new(
    "More than {lookup_limit} DNS-querying terms (include, a, mx, ptr, exists, redirect, counted across all includes): RFC 7208 §4.6.4 makes that a permerror. Flatten includes or replace a/mx with ip4/ip6.",
    "需要查询 DNS 的项（include、a、mx、ptr、exists、redirect，包括所有 include 里的）超过 {lookup_limit} 个：按 RFC 7208 §4.6.4 这是 permerror。请展开 include，或把 a/mx 换成 ip4/ip6。",
);
const TOO_MANY_VOID_LOOKUPS: Tr = Tr::new(
    "More than {void_limit} lookups found no record (NXDOMAIN or no data): RFC 7208 §4.6.4's void lookup limit, a permerror. Remove includes of domains that no longer exist.",
    "超过 {void_limit} 次查询没有结果（NXDOMAIN 或无数据）：触犯 RFC 7208 §4.6.4 的空查询限制，permerror。请删除指向已不存在的域的 include。",
);
const TOO_MANY_MX: Tr = Tr::new(
    "{d} has more than {mx_limit} MX records; an mx mechanism may look up at most {mx_limit} (RFC 7208 §4.6.4): permerror.",
    "{d} 的 MX 记录超过 {mx_limit} 条；mx 机制最多查询 {mx_limit} 个（RFC 7208 §4.6.4）：permerror。",
);
const INCLUDE_NONE: Tr = Tr::new(
    "include:{d} found no SPF record there; RFC 7208 §5.2 makes that a permerror (not a non-match).",
    "include:{d} 在那里找不到 SPF 记录；按 RFC 7208 §5.2 这是 permerror（而不是不匹配）。",
);
const REDIRECT_NONE: Tr = Tr::new(
    "redirect={d} found no SPF record there; RFC 7208 §6.1 makes that a permerror.",
    "redirect={d} 在那里找不到 SPF 记录；按 RFC 7208 §6.1 这是 permerror。",
);
const DNS: Tr = Tr::new(
    "The DNS lookup of {d} failed temporarily (SERVFAIL or timeout): temperror, try again later (RFC 7208 §2.6.6).",
    "查询 {d} 的 DNS 暂时失败（SERVFAIL 或超时）：temperror，稍后重试（RFC 7208 §2.6.6）。",
);

impl SpfError {
    /// The error in words.
    pub fn describe(&self, lang: Lang) -> String {
        match self {
            SpfError::Record(d, e) => RECORD.fill(lang, &[("d", &d), ("e", &e.describe(lang))]),
            SpfError::MultipleRecords(d) => MULTIPLE_RECORDS.fill(lang, &[("d", &d)]),
            SpfError::TooManyLookups => {
                TOO_MANY_LOOKUPS.fill(lang, &[("lookup_limit", &LOOKUP_LIMIT)])
            }
            SpfError::TooManyVoidLookups => {
                TOO_MANY_VOID_LOOKUPS.fill(lang, &[("void_limit", &VOID_LIMIT)])
            }
            SpfError::TooManyMx(d) => TOO_MANY_MX.fill(lang, &[("d", &d), ("mx_limit", &MX_LIMIT)]),
            SpfError::IncludeNone(d) => INCLUDE_NONE.fill(lang, &[("d", &d)]),
            SpfError::RedirectNone(d) => REDIRECT_NONE.fill(lang, &[("d", &d)]),
            SpfError::Macro(e) => e.describe(lang),
            SpfError::Dns(d) => DNS.fill(lang, &[("d", &d)]),
        }
    }
}

/// The evaluation of one identity.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpfReport {
    /// The result.
    pub result: SpfResult,
    /// Why, for permerror and temperror.
    pub error: Option<SpfError>,
    /// The steps.
    pub steps: Vec<SpfStep>,
    /// DNS-querying terms counted.
    pub lookups: u32,
    /// Void lookups counted.
    pub void_lookups: u32,
    /// The domain checked.
    pub domain: String,
    /// The sender used (`postmaster@helo` for a null MAIL FROM, §2.4).
    pub sender: String,
}

struct Eval<'a> {
    zone: &'a Zone,
    ip: IpAddr,
    sender: String,
    helo: String,
    lookups: u32,
    voids: u32,
    steps: Vec<SpfStep>,
}

type Flow<T> = Result<T, (SpfResult, SpfError)>;

fn perm(e: SpfError) -> (SpfResult, SpfError) {
    (SpfResult::PermError, e)
}

/// Whether a domain is one SPF can check (§4.3): several labels, none empty or longer than
/// 63, at most 253 characters.
pub fn valid_domain(d: &str) -> bool {
    let d = d.trim_end_matches('.');
    d.len() <= 253 && d.contains('.') && d.split('.').all(|l| !l.is_empty() && l.len() <= 63)
}

/// Evaluates the SPF policy of the MAIL FROM identity (or, for a null sender `<>` or an
/// empty one, `postmaster@helo`, §2.4).
pub fn check_host(zone: &Zone, ip: IpAddr, mail_from: &str, helo: &str) -> SpfReport {
    let ip = match ip {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(ip, IpAddr::V4),
        v4 => v4,
    };
    let mail_from = mail_from
        .trim()
        .trim_start_matches('<')
        .trim_end_matches('>');
    let sender = if mail_from.is_empty() {
        format!("postmaster@{helo}")
    } else if !mail_from.contains('@') {
        format!("postmaster@{mail_from}")
    } else if mail_from.starts_with('@') {
        format!("postmaster{mail_from}")
    } else {
        mail_from.to_string()
    };
    let domain = sender.rsplit_once('@').map_or("", |(_, d)| d).to_string();
    let mut e = Eval {
        zone,
        ip,
        sender: sender.clone(),
        helo: helo.to_string(),
        lookups: 0,
        voids: 0,
        steps: Vec::new(),
    };
    let (result, error) = if valid_domain(&domain) {
        match e.check(&domain, 0) {
            Ok(r) => (r, None),
            Err((r, err)) => (r, Some(err)),
        }
    } else {
        (SpfResult::None, None)
    };
    e.steps.push(SpfStep {
        depth: 0,
        domain: domain.clone(),
        id: "result",
        term: result.name().to_string(),
        outcome: if error.is_some() {
            Outcome::Error
        } else {
            Outcome::Info
        },
        lookups: e.lookups,
        detail: format!("{} {} {}", ip, sender, result.name()),
        error: None,
        explain: result.explain(),
    });
    SpfReport {
        result,
        error,
        steps: e.steps,
        lookups: e.lookups,
        void_lookups: e.voids,
        domain,
        sender,
    }
}

fn in_v4(net: Ipv4Addr, len: u8, ip: IpAddr) -> bool {
    let IpAddr::V4(ip) = ip else { return false };
    let mask = if len == 0 {
        0
    } else {
        u32::MAX << (32 - u32::from(len))
    };
    u32::from(net) & mask == u32::from(ip) & mask
}

fn in_v6(net: Ipv6Addr, len: u8, ip: IpAddr) -> bool {
    let IpAddr::V6(ip) = ip else { return false };
    let mask = if len == 0 {
        0
    } else {
        u128::MAX << (128 - u32::from(len))
    };
    u128::from(net) & mask == u128::from(ip) & mask
}

impl Eval<'_> {
    #[allow(clippy::too_many_arguments)] // one step's fields, in the order they are shown
    fn step(
        &mut self,
        depth: usize,
        domain: &str,
        id: &'static str,
        term: &str,
        outcome: Outcome,
        detail: String,
        explain: Tr,
    ) {
        self.steps.push(SpfStep {
            depth,
            domain: domain.to_string(),
            id,
            term: term.to_string(),
            outcome,
            lookups: self.lookups,
            detail,
            error: None,
            explain,
        });
    }

    fn count_lookup(&mut self) -> Flow<()> {
        self.lookups += 1;
        if self.lookups > LOOKUP_LIMIT {
            return Err(perm(SpfError::TooManyLookups));
        }
        Ok(())
    }

    /// A lookup that counts voids and turns SERVFAIL into temperror.
    fn lookup(&mut self, name: &str, ty: Type) -> Flow<Vec<Rr>> {
        match self.zone.lookup(name, ty) {
            Answer::Records(r) => Ok(r),
            Answer::NoData | Answer::NxDomain => {
                self.voids += 1;
                if self.voids > VOID_LIMIT {
                    return Err(perm(SpfError::TooManyVoidLookups));
                }
                Ok(Vec::new())
            }
            Answer::TempFail => Err((
                SpfResult::TempError,
                SpfError::Dns(format!("{name} {}", ty.name())),
            )),
        }
    }

    fn expand(&self, spec: &str, domain: &str) -> Flow<String> {
        let ctx = Context {
            sender: &self.sender,
            domain,
            ip: self.ip,
            helo: &self.helo,
        };
        macros::expand(spec, &ctx).map_err(|e| perm(SpfError::Macro(e)))
    }

    fn addresses(&mut self, name: &str) -> Flow<Vec<IpAddr>> {
        let ty = if self.ip.is_ipv4() {
            Type::A
        } else {
            Type::Aaaa
        };
        Ok(self
            .lookup(name, ty)?
            .into_iter()
            .filter_map(|r| match r {
                Rr::A(a) => Some(IpAddr::V4(a)),
                Rr::Aaaa(a) => Some(IpAddr::V6(a)),
                _ => None,
            })
            .collect())
    }

    fn matches_any(&self, addrs: &[IpAddr], v4: u8, v6: u8) -> Option<IpAddr> {
        addrs.iter().copied().find(|a| match a {
            IpAddr::V4(n) => in_v4(*n, v4, self.ip),
            IpAddr::V6(n) => in_v6(*n, v6, self.ip),
        })
    }

    /// `check_host(ip, domain, sender)`, §4.
    fn check(&mut self, domain: &str, depth: usize) -> Flow<SpfResult> {
        let txt = match self.zone.lookup(domain, Type::Txt) {
            Answer::TempFail => {
                return Err((SpfResult::TempError, SpfError::Dns(format!("{domain} TXT"))))
            }
            Answer::Records(r) => r
                .into_iter()
                .filter_map(|r| match r {
                    Rr::Txt(t) if record::is_spf(&t) => Some(t),
                    _ => None,
                })
                .collect::<Vec<_>>(),
            _ => Vec::new(),
        };
        let text = match txt.as_slice() {
            [] => {
                self.step(depth, domain, "record", "", Outcome::Info, format!("{domain} TXT: no v=spf1"), Tr::new(
                    "RFC 7208 §4.5: no TXT record beginning with v=spf1 at this name: the result is none.",
                    "RFC 7208 §4.5：此名称下没有以 v=spf1 开头的 TXT 记录：结果为 none。",
                ));
                return Ok(SpfResult::None);
            }
            [one] => one.clone(),
            _ => {
                self.step(
                    depth,
                    domain,
                    "record",
                    &txt.join(" | "),
                    Outcome::Error,
                    format!("{domain} TXT: {} records", txt.len()),
                    Tr::new(
                        "RFC 7208 §4.5: more than one v=spf1 record is a permerror.",
                        "RFC 7208 §4.5：多于一条 v=spf1 记录即为 permerror。",
                    ),
                );
                return Err(perm(SpfError::MultipleRecords(domain.to_string())));
            }
        };
        let rec = match record::parse(&text) {
            Ok(r) => r,
            Err(err) => {
                self.step(depth, domain, "record", &text, Outcome::Error, format!("{domain} TXT"), Tr::new(
                    "RFC 7208 §4.6: the record is parsed whole before anything is evaluated; a syntax error anywhere is a permerror.",
                    "RFC 7208 §4.6：在求值之前先完整解析记录；任何位置的语法错误都是 permerror。",
                ));
                return Err(perm(SpfError::Record(domain.to_string(), err)));
            }
        };
        self.step(depth, domain, "record", &text, Outcome::Info, format!("{domain} TXT"), Tr::new(
            "RFC 7208 §4.4–4.6: the SPF record of the domain; its terms are evaluated left to right until a mechanism matches.",
            "RFC 7208 §4.4–4.6：该域的 SPF 记录；各项从左到右求值，直到某个机制匹配。",
        ));
        for (text, term) in &rec.terms {
            let (qualifier, mechanism) = match term {
                Term::Directive(q, m) => (*q, m),
                Term::Redirect(_) => continue,
                Term::Exp(_) => {
                    self.step(depth, domain, "exp", text, Outcome::Info, String::new(), Tr::new(
                        "RFC 7208 §6.2 exp=: where a fail's explanation text is; used only to word a rejection, not evaluated here.",
                        "RFC 7208 §6.2 exp=：fail 时的说明文字所在；只用于措辞拒绝信息，这里不求值。",
                    ));
                    continue;
                }
                Term::Unknown(name, _) => {
                    // `include=…` reads as a modifier named include: ignored, where
                    // `include:` was meant, and the verdict is as if it were not there.
                    let mechanism_name =
                        ["all", "include", "a", "mx", "ptr", "ip4", "ip6", "exists"]
                            .contains(&name.to_ascii_lowercase().as_str());
                    let explain = if mechanism_name {
                        Tr::new(
                            "RFC 7208 §6: an unknown modifier is ignored. This one has a mechanism's name with '=' instead of ':' (include=…, a=…): a typo, and the mechanism that was meant is not evaluated.",
                            "RFC 7208 §6：未知的修饰符被忽略。这一项用了机制的名字，但写成了 '=' 而不是 ':'（include=…、a=…）：是笔误，原本想要的机制并没有被评估。",
                        )
                    } else {
                        Tr::new(
                            "RFC 7208 §6: an unknown modifier is ignored.",
                            "RFC 7208 §6：未知的修饰符被忽略。",
                        )
                    };
                    self.step(
                        depth,
                        domain,
                        "modifier",
                        text,
                        Outcome::Info,
                        String::new(),
                        explain,
                    );
                    continue;
                }
            };
            let (id, matched, detail, explain) =
                match self.mechanism(mechanism, domain, depth, text) {
                    Ok(v) => v,
                    Err((r, err)) => {
                        let id = mechanism_id(mechanism);
                        self.step(
                            depth,
                            domain,
                            id,
                            text,
                            Outcome::Error,
                            String::new(),
                            mechanism_explain(mechanism),
                        );
                        if let Some(step) = self.steps.last_mut() {
                            step.error = Some(err.clone());
                        }
                        return Err((r, err));
                    }
                };
            self.step(
                depth,
                domain,
                id,
                text,
                if matched {
                    Outcome::Match
                } else {
                    Outcome::NoMatch
                },
                detail,
                explain,
            );
            if matched {
                return Ok(qualifier.result());
            }
        }
        if let Some(target) = rec.redirect() {
            let redirect_text = format!("redirect={target}");
            if let Err(e) = self.count_lookup() {
                self.step(
                    depth,
                    domain,
                    "redirect",
                    &redirect_text,
                    Outcome::Error,
                    String::new(),
                    REDIRECT,
                );
                return Err(e);
            }
            let target = self.expand(target, domain)?;
            self.step(
                depth,
                domain,
                "redirect",
                &redirect_text,
                Outcome::Info,
                target.clone(),
                REDIRECT,
            );
            return match self.check(&target, depth + 1)? {
                SpfResult::None => Err(perm(SpfError::RedirectNone(target))),
                r => Ok(r),
            };
        }
        self.step(depth, domain, "all", "", Outcome::Info, "neutral".into(), Tr::new(
            "RFC 7208 §4.7: no mechanism matched and there is no redirect: the result is neutral.",
            "RFC 7208 §4.7：没有机制匹配，也没有 redirect：结果为 neutral。",
        ));
        Ok(SpfResult::Neutral)
    }

    fn mechanism(
        &mut self,
        m: &Mechanism,
        domain: &str,
        depth: usize,
        text: &str,
    ) -> Flow<(&'static str, bool, String, Tr)> {
        let explain = mechanism_explain(m);
        let id = mechanism_id(m);
        Ok(match m {
            Mechanism::All => (id, true, String::new(), explain),
            Mechanism::Ip4(net, len) => (
                id,
                in_v4(*net, *len, self.ip),
                format!("{} in {net}/{len}?", self.ip),
                explain,
            ),
            Mechanism::Ip6(net, len) => (
                id,
                in_v6(*net, *len, self.ip),
                format!("{} in {net}/{len}?", self.ip),
                explain,
            ),
            Mechanism::A {
                domain: spec,
                v4,
                v6,
            } => {
                self.count_lookup()?;
                let target = match spec {
                    Some(s) => self.expand(s, domain)?,
                    None => domain.to_string(),
                };
                let addrs = self.addresses(&target)?;
                let hit = self.matches_any(&addrs, *v4, *v6);
                (
                    id,
                    hit.is_some(),
                    format!("{target} → [{}]", join(&addrs)),
                    explain,
                )
            }
            Mechanism::Mx {
                domain: spec,
                v4,
                v6,
            } => {
                self.count_lookup()?;
                let target = match spec {
                    Some(s) => self.expand(s, domain)?,
                    None => domain.to_string(),
                };
                let mut mx: Vec<(u16, String)> = self
                    .lookup(&target, Type::Mx)?
                    .into_iter()
                    .filter_map(|r| match r {
                        Rr::Mx(p, h) => Some((p, h)),
                        _ => None,
                    })
                    .collect();
                mx.sort();
                if mx.len() > MX_LIMIT {
                    return Err(perm(SpfError::TooManyMx(target)));
                }
                let mut all = Vec::new();
                let mut hit = false;
                for (_, host) in &mx {
                    // The exchanges' address lookups are part of this term (not counted
                    // again), and do not count as void lookups either.
                    let ty = if self.ip.is_ipv4() {
                        Type::A
                    } else {
                        Type::Aaaa
                    };
                    let addrs: Vec<IpAddr> = match self.zone.lookup(host, ty) {
                        Answer::Records(r) => r
                            .into_iter()
                            .filter_map(|r| match r {
                                Rr::A(a) => Some(IpAddr::V4(a)),
                                Rr::Aaaa(a) => Some(IpAddr::V6(a)),
                                _ => None,
                            })
                            .collect(),
                        Answer::TempFail => {
                            return Err((
                                SpfResult::TempError,
                                SpfError::Dns(format!("{host} {}", ty.name())),
                            ))
                        }
                        _ => Vec::new(),
                    };
                    hit |= self.matches_any(&addrs, *v4, *v6).is_some();
                    all.push(format!("{host} → [{}]", join(&addrs)));
                }
                (id, hit, format!("{target} MX: {}", all.join("; ")), explain)
            }
            Mechanism::Exists(spec) => {
                self.count_lookup()?;
                let target = self.expand(spec, domain)?;
                let found = !self.lookup(&target, Type::A)?.is_empty();
                (id, found, format!("{target} A?"), explain)
            }
            Mechanism::Ptr(_) => {
                self.count_lookup()?;
                (id, false, "not evaluated".into(), explain)
            }
            Mechanism::Include(spec) => {
                self.count_lookup()?;
                let target = self.expand(spec, domain)?;
                self.step(
                    depth,
                    domain,
                    "include",
                    text,
                    Outcome::Info,
                    format!("→ {target}"),
                    explain,
                );
                let inner = self.check(&target, depth + 1)?;
                let matched = match inner {
                    SpfResult::Pass => true,
                    SpfResult::Fail | SpfResult::SoftFail | SpfResult::Neutral => false,
                    SpfResult::None => return Err(perm(SpfError::IncludeNone(target))),
                    SpfResult::PermError | SpfResult::TempError => false,
                };
                (id, matched, format!("{target}: {}", inner.name()), Tr::new(
                    "RFC 7208 §5.2: the included domain's result — pass matches; fail, softfail and neutral do not; none is a permerror.",
                    "RFC 7208 §5.2：被包含域的结果——pass 算匹配；fail、softfail、neutral 不算；none 为 permerror。",
                ))
            }
        })
    }
}

const REDIRECT: Tr = Tr::new(
    "RFC 7208 §6.1 redirect=: no mechanism matched, so the result is the other domain's (counted as a lookup; none there is a permerror).",
    "RFC 7208 §6.1 redirect=：没有机制匹配，结果取另一个域的（计为一次查询；那里没有记录则为 permerror）。",
);

fn join(addrs: &[IpAddr]) -> String {
    addrs
        .iter()
        .map(|a| a.to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

fn mechanism_id(m: &Mechanism) -> &'static str {
    match m {
        Mechanism::All => "all",
        Mechanism::Include(_) => "include",
        Mechanism::A { .. } => "a",
        Mechanism::Mx { .. } => "mx",
        Mechanism::Ptr(_) => "ptr",
        Mechanism::Ip4(..) => "ip4",
        Mechanism::Ip6(..) => "ip6",
        Mechanism::Exists(_) => "exists",
    }
}

fn mechanism_explain(m: &Mechanism) -> Tr {
    match m {
        Mechanism::All => Tr::new("RFC 7208 §5.1 all: always matches; it ends the record (-all fail, ~all softfail, ?all neutral).", "RFC 7208 §5.1 all：总是匹配；它结束记录（-all 为 fail，~all 为 softfail，?all 为 neutral）。"),
        Mechanism::Include(_) => Tr::new("RFC 7208 §5.2 include: evaluate another domain's record (one DNS lookup, counted).", "RFC 7208 §5.2 include：对另一个域的记录求值（一次 DNS 查询，计数）。"),
        Mechanism::A { .. } => Tr::new("RFC 7208 §5.3 a: matches if the address is one of the domain's A (or AAAA) records, within the prefix (one lookup, counted).", "RFC 7208 §5.3 a：连接地址是该域的 A（或 AAAA）记录之一（在前缀范围内）则匹配（一次查询，计数）。"),
        Mechanism::Mx { .. } => Tr::new("RFC 7208 §5.4 mx: matches if the address is one of the domain's mail exchangers' addresses (one lookup counted; at most 10 exchangers).", "RFC 7208 §5.4 mx：连接地址是该域邮件交换器的地址之一则匹配（计一次查询；最多 10 个交换器）。"),
        Mechanism::Ptr(_) => Tr::new("RFC 7208 §5.5 ptr: not evaluated here — slow, unreliable and discouraged (\"SHOULD NOT be published\"); it still counts as a lookup and is treated as no match.", "RFC 7208 §5.5 ptr：这里不求值——它慢、不可靠且不推荐（“不应发布”）；仍计为一次查询，按不匹配处理。"),
        Mechanism::Ip4(..) => Tr::new("RFC 7208 §5.6 ip4: matches if the IPv4 address is in the network; no DNS lookup.", "RFC 7208 §5.6 ip4：IPv4 地址在该网段内则匹配；不查询 DNS。"),
        Mechanism::Ip6(..) => Tr::new("RFC 7208 §5.6 ip6: matches if the IPv6 address is in the network; no DNS lookup.", "RFC 7208 §5.6 ip6：IPv6 地址在该网段内则匹配；不查询 DNS。"),
        Mechanism::Exists(_) => Tr::new("RFC 7208 §5.7 exists: matches if the (macro-expanded) name has an A record, whatever its address (one lookup, counted).", "RFC 7208 §5.7 exists：（宏展开后的）名称有任意 A 记录即匹配（一次查询，计数）。"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn zone(text: &str) -> Zone {
        Zone::parse(text).unwrap()
    }

    #[test]
    fn include_redirect_and_the_limits() {
        let z = zone(
            "example.com TXT \"v=spf1 ip4:192.0.2.0/24 include:_spf.example.net ~all\"\n\
             _spf.example.net TXT \"v=spf1 a:mail.example.net -all\"\n\
             mail.example.net A 198.51.100.7\n\
             redir.example TXT \"v=spf1 redirect=example.com\"\n",
        );
        let r =
            |ip: &str, from: &str| check_host(&z, ip.parse().unwrap(), from, "h.example").result;
        assert_eq!(r("192.0.2.9", "a@example.com"), SpfResult::Pass);
        assert_eq!(r("198.51.100.7", "a@example.com"), SpfResult::Pass);
        assert_eq!(r("203.0.113.1", "a@example.com"), SpfResult::SoftFail);
        assert_eq!(r("203.0.113.1", "a@redir.example"), SpfResult::SoftFail);
        assert_eq!(r("203.0.113.1", "a@nospf.example"), SpfResult::None);

        let mut many = String::from("many.example TXT \"v=spf1");
        for n in 0..11 {
            many.push_str(&format!(" include:i{n}.example"));
        }
        many.push_str(" -all\"\n");
        for n in 0..11 {
            many.push_str(&format!("i{n}.example TXT \"v=spf1 -all\"\n"));
        }
        let z = zone(&many);
        let rep = check_host(&z, "192.0.2.1".parse().unwrap(), "a@many.example", "h");
        assert_eq!(rep.result, SpfResult::PermError);
        assert_eq!(rep.error, Some(SpfError::TooManyLookups));
        assert_eq!(rep.lookups, 11);

        let z = zone("v.example TXT \"v=spf1 a:x1.example a:x2.example a:x3.example -all\"\n");
        let rep = check_host(&z, "192.0.2.1".parse().unwrap(), "a@v.example", "h");
        assert_eq!(rep.error, Some(SpfError::TooManyVoidLookups));

        let z = zone("t.example TXT \"v=spf1 a:down.example -all\"\ndown.example TEMPFAIL\n");
        assert_eq!(
            check_host(&z, "192.0.2.1".parse().unwrap(), "a@t.example", "h").result,
            SpfResult::TempError
        );
    }
}
