//! The message-authentication section's own texts, in English and Simplified Chinese.
//!
//! `{n}`-style placeholders are replaced by the component that shows the text.

use crate::i18n::Tr;

/// The navigation link.
pub const NAV: Tr = Tr::new("Message auth", "邮件认证");
/// The section heading.
pub const HEADING: Tr = Tr::new(
    "Message authentication: why did it land in spam?",
    "邮件认证：为什么进了垃圾箱？",
);
/// Under the heading.
pub const INTRO: Tr = Tr::new(
    "A receiving server checks three things before it trusts a message: the DKIM signature (RFC 6376), whether the sending address may send for the envelope domain (SPF, RFC 7208), and whether the From: domain the reader sees stands behind it (DMARC, RFC 7489). Each check below shows every step the receiver computes. Nothing queries DNS: paste the records. Nothing leaves this page.",
    "接收服务器在信任一封邮件之前要检查三件事：DKIM 签名（RFC 6376）、发信地址是否有权代表信封域发信（SPF，RFC 7208），以及读者看到的 From: 域是否为这封邮件背书（DMARC，RFC 7489）。下面每项检查都展示接收方计算的每一步。这里不做 DNS 查询：请粘贴记录。任何内容都不会离开本页。",
);
/// The tabs' label.
pub const TABS: Tr = Tr::new("Checks", "检查项");
/// Tab: the case studies.
pub const TAB_CASES: Tr = Tr::new("Case studies", "案例");
/// Tab: DKIM verify.
pub const TAB_DKIM: Tr = Tr::new("DKIM verify", "DKIM 验证");
/// Tab: DKIM sign.
pub const TAB_SIGN: Tr = Tr::new("DKIM sign", "DKIM 签名");
/// Tab: SPF.
pub const TAB_SPF: Tr = Tr::new("SPF", "SPF");
/// Tab: DMARC.
pub const TAB_DMARC: Tr = Tr::new("DMARC", "DMARC");
/// An unknown check in the link.
pub const UNKNOWN_CHECK: Tr = Tr::new(
    "There is no check \"{check}\": pick one of the tabs.",
    "没有名为“{check}”的检查项：请从标签中选择。",
);
/// While the worker computes.
pub const WORKING: Tr = Tr::new(
    "Computing (the first time, the checker's module is loaded)…",
    "正在计算（第一次需要加载检查模块）……",
);
/// Before the first result.
pub const EMPTY: Tr = Tr::new(
    "Fill in the inputs or load a case study, then press Check.",
    "填写输入或载入一个案例，然后点击“检查”。",
);
/// Check button.
pub const CHECK: Tr = Tr::new("Check", "检查");
/// Steps heading.
pub const STEPS: Tr = Tr::new("Every step", "每一步");
/// A step after the failure.
pub const AFTER_FAILURE: Tr = Tr::new(
    "computed after the failure — not part of the verdict",
    "在失败之后计算——不影响结论",
);
/// The failing step's badge.
pub const FAILED_HERE: Tr = Tr::new("fails here", "在此失败");
/// Notes heading.
pub const NOTES: Tr = Tr::new("Notes", "注意");
/// Header changes heading.
pub const HEADER_CHANGES: Tr = Tr::new(
    "What header canonicalization changed",
    "邮件头规范化改动了什么",
);
/// Body changes heading.
pub const BODY_CHANGES: Tr = Tr::new("What body canonicalization changed", "正文规范化改动了什么");
/// A change line.
pub const CHANGE_BEFORE_AFTER: Tr = Tr::new("before → after", "改动前 → 改动后");

// DKIM verify.
/// DKIM heading.
pub const DKIM_HEADING: Tr = Tr::new(
    "DKIM: verify a signature step by step",
    "DKIM：逐步验证签名",
);
/// DKIM hint.
pub const DKIM_HINT: Tr = Tr::new(
    "Paste the whole message as received (header and body, with its DKIM-Signature) and the TXT record published at <s>._domainkey.<d>. CR and LF are shown as ␍␊.",
    "粘贴收到的完整邮件（邮件头和正文，包括 DKIM-Signature），以及发布在 <s>._domainkey.<d> 的 TXT 记录。CR 和 LF 显示为 ␍␊。",
);
/// Message label.
pub const MESSAGE: Tr = Tr::new("The message", "邮件");
/// Key record label.
pub const KEY_RECORD: Tr = Tr::new(
    "The key record (TXT at <s>._domainkey.<d>)",
    "密钥记录（<s>._domainkey.<d> 的 TXT）",
);
/// Which signature.
pub const SIGNATURE_INDEX: Tr = Tr::new(
    "Which DKIM-Signature (1 = the topmost)",
    "第几个 DKIM-Signature（1 = 最上面的）",
);
/// Pass verdict.
pub const DKIM_PASS: Tr = Tr::new(
    "PASS: the signature verifies (d={d}, s={s}).",
    "通过：签名验证成功（d={d}，s={s}）。",
);
/// Fail verdict.
pub const DKIM_FAIL: Tr = Tr::new("FAIL at step {step}", "失败，出错的步骤：{step}");

// DKIM sign.
/// Sign heading.
pub const SIGN_HEADING: Tr = Tr::new("DKIM: sign a message step by step", "DKIM：逐步为邮件签名");
/// Sign hint.
pub const SIGN_HINT: Tr = Tr::new(
    "Generate a demo key pair (Ed25519, RFC 8463: made in this page from your browser's random numbers, never sent anywhere), or paste a private key (the base64 of an Ed25519 seed, or an RSA key in PEM). Then sign the message and watch the signature being built.",
    "生成一对演示密钥（Ed25519，RFC 8463：在本页用浏览器的随机数生成，不会发送到任何地方），或粘贴私钥（Ed25519 种子的 base64，或 PEM 格式的 RSA 密钥）。然后为邮件签名，观察签名如何一步步生成。",
);
/// Generate key button.
pub const GENERATE_KEY: Tr = Tr::new("Generate a demo key pair", "生成演示密钥对");
/// Private key label.
pub const PRIVATE_KEY: Tr = Tr::new(
    "Private key (Ed25519 seed in base64, or RSA PEM)",
    "私钥（Ed25519 种子的 base64，或 RSA PEM）",
);
/// Public record label.
pub const PUBLIC_RECORD: Tr = Tr::new(
    "Key record to publish (TXT at <s>._domainkey.<d>)",
    "要发布的密钥记录（<s>._domainkey.<d> 的 TXT）",
);
/// Domain label.
pub const DOMAIN: Tr = Tr::new("Signing domain (d=)", "签名域（d=）");
/// Selector label.
pub const SELECTOR: Tr = Tr::new("Selector (s=)", "选择器（s=）");
/// Header canonicalization relaxed.
pub const HEADER_RELAXED: Tr = Tr::new(
    "relaxed header canonicalization (else simple)",
    "邮件头使用 relaxed 规范化（否则 simple）",
);
/// Body canonicalization relaxed.
pub const BODY_RELAXED: Tr = Tr::new(
    "relaxed body canonicalization (else simple)",
    "正文使用 relaxed 规范化（否则 simple）",
);
/// Sign button.
pub const SIGN: Tr = Tr::new("Sign", "签名");
/// The signed message.
pub const SIGNED_MESSAGE: Tr = Tr::new("The signed message", "签名后的邮件");
/// Carry into verify.
pub const VERIFY_SIGNED: Tr = Tr::new("Verify it in the DKIM view", "在 DKIM 验证中检查它");
/// Could not sign.
pub const SIGN_ERROR: Tr = Tr::new("Cannot sign: {error}", "无法签名：{error}");

// SPF.
/// SPF heading.
pub const SPF_HEADING: Tr = Tr::new(
    "SPF: may this address send for the domain?",
    "SPF：这个地址可以代表该域发信吗？",
);
/// SPF hint.
pub const SPF_HINT: Tr = Tr::new(
    "Paste the records, one a line: the domain's TXT \"v=spf1 …\" and the records of every include: and redirect= target (and the A/MX records a and mx need). Then the connecting IP, MAIL FROM and HELO. Every DNS-querying term counts against the limit of 10.",
    "每行一条记录：该域的 TXT \"v=spf1 …\"，以及每个 include: 和 redirect= 目标的记录（还有 a 和 mx 需要的 A/MX 记录）。然后填写连接方 IP、MAIL FROM 和 HELO。每个需要查询 DNS 的项都计入 10 次上限。",
);
/// Records label.
pub const RECORDS: Tr = Tr::new(
    "Records (name TYPE data, one a line)",
    "记录（每行：名称 类型 数据）",
);
/// IP label.
pub const IP: Tr = Tr::new("Connecting IP address", "连接方 IP 地址");
/// MAIL FROM label.
pub const MAIL_FROM: Tr = Tr::new("MAIL FROM", "MAIL FROM");
/// HELO label.
pub const HELO: Tr = Tr::new("HELO/EHLO name", "HELO/EHLO 名称");
/// SPF result line.
pub const SPF_RESULT: Tr = Tr::new(
    "SPF result for {domain}: {result}",
    "{domain} 的 SPF 结果：{result}",
);
/// Lookup count.
pub const LOOKUPS: Tr = Tr::new(
    "DNS lookups counted: {n} of 10 (void lookups: {v} of 2)",
    "已计 DNS 查询：{n}/10（空查询：{v}/2）",
);
/// Lookups column.
pub const LOOKUPS_SHORT: Tr = Tr::new("lookups", "查询数");
/// Term column.
pub const TERM: Tr = Tr::new("Term", "项");
/// Outcome column.
pub const OUTCOME: Tr = Tr::new("Outcome", "结果");
/// Detail column.
pub const DETAIL: Tr = Tr::new("What was looked up or compared", "查询或比较了什么");
/// Domain column.
pub const RECORD_OF: Tr = Tr::new("Record of", "记录所属");
/// Could not read the inputs.
pub const INPUT_ERROR: Tr = Tr::new("Cannot check: {error}", "无法检查：{error}");

// DMARC.
/// DMARC heading.
pub const DMARC_HEADING: Tr = Tr::new(
    "DMARC: does the From: domain stand behind the message?",
    "DMARC：From: 域为这封邮件背书吗？",
);
/// DMARC hint.
pub const DMARC_HINT: Tr = Tr::new(
    "Give the From: domain, what SPF and DKIM concluded and for which domains (as the receiver computed them, or taken with one click from the last SPF and DKIM checks: the From: domain then comes from the DKIM check's message), and the _dmarc TXT record.",
    "填写 From: 域、SPF 和 DKIM 的结论及其对应的域（接收方算出的，或一键采用最近一次 SPF 和 DKIM 检查的结果：此时 From: 域取自 DKIM 检查中的邮件），以及 _dmarc 的 TXT 记录。",
);
/// Takes SPF's and DKIM's last results.
pub const TAKE_RESULTS: Tr = Tr::new(
    "Take the results of the SPF and DKIM checks",
    "采用 SPF 和 DKIM 检查的结果",
);
/// From domain label.
pub const FROM_DOMAIN: Tr = Tr::new("From: domain", "From: 域");
/// SPF result label.
pub const SPF_RESULT_LABEL: Tr = Tr::new(
    "SPF result (pass, fail, softfail, neutral, none, permerror, temperror; empty: none computed)",
    "SPF 结果（pass、fail、softfail、neutral、none、permerror、temperror；留空：未计算）",
);
/// SPF domain label.
pub const SPF_DOMAIN: Tr = Tr::new(
    "Domain SPF checked (MAIL FROM's)",
    "SPF 检查的域（MAIL FROM 的域）",
);
/// DKIM results label.
pub const DKIM_RESULTS: Tr = Tr::new(
    "DKIM results, one a line: d=domain pass|fail",
    "DKIM 结果，每行一个：d=域 pass|fail",
);
/// Sample label.
pub const SAMPLE: Tr = Tr::new(
    "Receiver's draw against pct= (0–99; the policy applies when below pct)",
    "接收方针对 pct= 的抽样值（0–99；小于 pct 时执行策略）",
);
/// DMARC result.
pub const DMARC_RESULT: Tr = Tr::new(
    "DMARC: {result} — receiver: {disposition}",
    "DMARC：{result}——接收方：{disposition}",
);
/// A DKIM result line that does not read.
pub const DKIM_LINE_ERROR: Tr = Tr::new(
    "Line {n}: write a DKIM result as \"example.com pass\" or \"example.com fail\".",
    "第 {n} 行：DKIM 结果应写成“example.com pass”或“example.com fail”。",
);
/// Report heading.
pub const REPORT_HEADING: Tr = Tr::new(
    "An aggregate report (rua=) explained",
    "解读聚合报告（rua=）",
);
/// Report label.
pub const REPORT_XML: Tr = Tr::new(
    "The report's XML (unpacked from its .gz or .zip)",
    "报告的 XML（从 .gz 或 .zip 中解压）",
);
/// Explain report button.
pub const EXPLAIN_REPORT: Tr = Tr::new("Explain the report", "解读报告");
/// Report summary.
pub const REPORT_SUMMARY: Tr = Tr::new(
    "Report {id} from {org} for {domain} ({policy})",
    "来自 {org} 的报告 {id}，域 {domain}（{policy}）",
);
/// Report table headers.
pub const SOURCE: Tr = Tr::new("Source", "来源");
/// Messages.
pub const COUNT: Tr = Tr::new("Messages", "邮件数");
/// Disposition.
pub const DISPOSITION: Tr = Tr::new("Done", "处理");
/// Auth results column.
pub const RESULTS: Tr = Tr::new("DKIM / SPF", "DKIM / SPF");
/// Diagnosis column.
pub const DIAGNOSIS: Tr = Tr::new("Likely cause and fix", "可能的原因和修正");
/// Example report button.
pub const EXAMPLE_REPORT: Tr = Tr::new("Load an example report", "载入示例报告");

// Cases.
/// Cases heading.
pub const CASES_HEADING: Tr = Tr::new("Case studies", "案例");
/// Cases intro.
pub const CASES_INTRO: Tr = Tr::new(
    "Real reasons mail is rejected or lands in spam. Each case loads its inputs into a check; the verdict you see is computed then, by the same engine the command line uses.",
    "邮件被拒或进垃圾箱的真实原因。每个案例把输入载入相应的检查；你看到的结论是当场计算出来的，和命令行使用的是同一个引擎。",
);
/// Goal label.
pub const GOAL: Tr = Tr::new("Goal", "目标");
/// Fix label.
pub const FIX: Tr = Tr::new("What to fix", "如何修正");
/// Open a case's check.
pub const OPEN_IN: Tr = Tr::new("Open in {check}", "在 {check} 中打开");
/// Banner above a check loaded from a case.
pub const FROM_CASE: Tr = Tr::new("Case study: {title}", "案例：{title}");
/// Back to the cases.
pub const BACK_TO_CASES: Tr = Tr::new("All case studies", "全部案例");
