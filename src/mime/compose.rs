//! The message builder: headers (RFC 5322 §3.6), MIME structure (RFC 2045, RFC 2046), and
//! for each header and part the rule that produced it.
//!
//! ```text
//!  one text, no HTML, no attachment      text/plain; charset=…
//!  text + HTML                           multipart/alternative [text/plain, text/html]
//!  attachments                           multipart/mixed [text/plain, attachment…]
//!  text + HTML + attachments             multipart/mixed [multipart/alternative […], attachment…]
//! ```
//!
//! The boundary is an argument; a nested multipart/alternative uses `alt-` + the boundary.
//! Bcc is never written: its addresses are only in the [`Envelope`].

use super::encoding::{self, Charset, EncodingReason, TransferEncoding};
use super::header::{self, ParamForm, TextForm, WordEncoding, FOLD_AT};
use super::{
    shorten, types, AddressProblem, MimeError, MAX_ATTACHMENTS, MAX_CONTENT, MAX_HEADER_TEXT,
    MAX_RECIPIENTS,
};
use crate::i18n::{Lang, Tr};

/// A mailbox: an address with an optional display name.
#[derive(Clone, Debug, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct Mailbox {
    /// The display name (any text; non-ASCII is written as encoded words).
    pub name: Option<String>,
    /// The address, `local-part@domain` (ASCII).
    pub address: String,
}

impl Mailbox {
    /// A bare address.
    pub fn new(address: &str) -> Mailbox {
        Mailbox {
            name: None,
            address: address.trim().to_string(),
        }
    }

    /// An address with a display name.
    pub fn with_name(name: &str, address: &str) -> Mailbox {
        let name = name.trim();
        Mailbox {
            name: (!name.is_empty()).then(|| name.to_string()),
            address: address.trim().to_string(),
        }
    }

    /// Reads `Name <local@domain>`, `"Name" <local@domain>`, `<local@domain>` or
    /// `local@domain`, and checks the address.
    pub fn parse(text: &str) -> Result<Mailbox, MimeError> {
        let text = text.trim();
        let mailbox = match text.rfind('<') {
            Some(open) => {
                let (name, rest) = text.split_at(open);
                let Some(address) = rest.strip_prefix('<').and_then(|r| r.strip_suffix('>')) else {
                    return Err(MimeError::BadAddress {
                        address: shorten(text, 100),
                        problem: AddressProblem::Unbalanced,
                    });
                };
                let name = name.trim();
                let name = name
                    .strip_prefix('"')
                    .and_then(|n| n.strip_suffix('"'))
                    .map(|n| n.replace("\\\"", "\"").replace("\\\\", "\\"))
                    .unwrap_or_else(|| name.to_string());
                Mailbox::with_name(&name, address)
            }
            None => Mailbox::new(text),
        };
        check_address(&mailbox.address)?;
        Ok(mailbox)
    }
}

/// Checks an address for headers and for MAIL FROM / RCPT TO (RFC 5321 §4.1.2, §4.5.3.1).
pub fn check_address(address: &str) -> Result<(), MimeError> {
    let fail = |problem| MimeError::BadAddress {
        address: shorten(address, 100),
        problem,
    };
    if address.is_empty() {
        return Err(fail(AddressProblem::Empty));
    }
    if !address.is_ascii() {
        return Err(fail(AddressProblem::NonAscii));
    }
    // An address literal (`postmaster@[192.0.2.1]`, RFC 5321 §4.1.3) holds brackets and,
    // for IPv6, colons; they are read with the domain below.
    let (before_literal, literal) = match address.rfind("@[") {
        Some(at) if address.ends_with(']') => (&address[..at], Some(&address[at + 1..])),
        _ => (address, None),
    };
    if let Some(bad) = before_literal
        .chars()
        .find(|c| !c.is_ascii_graphic() || "<>()[],;:\"\\".contains(*c))
    {
        return Err(fail(AddressProblem::BadCharacter(bad)));
    }
    let Some((local, domain)) = address.rsplit_once('@') else {
        return Err(fail(AddressProblem::NoAt));
    };
    if local.is_empty() || domain.is_empty() {
        return Err(fail(AddressProblem::NoAt));
    }
    if local.contains('@') {
        return Err(fail(AddressProblem::BadCharacter('@')));
    }
    if local.starts_with('.') || local.ends_with('.') || local.contains("..") {
        return Err(fail(AddressProblem::Dots));
    }
    let label = |l: &str| {
        !l.is_empty()
            && l.len() <= 63
            && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
            && !l.starts_with('-')
            && !l.ends_with('-')
    };
    match literal {
        Some(literal) if !address_literal(literal) => return Err(fail(AddressProblem::BadDomain)),
        Some(_) => {}
        None if !domain.split('.').all(label) => return Err(fail(AddressProblem::BadDomain)),
        None => {}
    }
    if local.len() > 64 {
        return Err(fail(AddressProblem::LocalTooLong));
    }
    if domain.len() > 255 {
        return Err(fail(AddressProblem::DomainTooLong));
    }
    if address.len() > 254 {
        return Err(fail(AddressProblem::TooLong));
    }
    Ok(())
}

/// Whether `domain` is an address literal RFC 5321 §4.1.3 defines: `[IPv4]` or
/// `[IPv6:address]` (the General-address-literal's other tags name no registered use).
fn address_literal(domain: &str) -> bool {
    let Some(inner) = domain.strip_prefix('[').and_then(|d| d.strip_suffix(']')) else {
        return false;
    };
    match inner.get(..5) {
        Some(tag) if tag.eq_ignore_ascii_case("IPv6:") => {
            inner[5..].parse::<std::net::Ipv6Addr>().is_ok()
        }
        _ => inner.parse::<std::net::Ipv4Addr>().is_ok(),
    }
}

/// A file to attach.
#[derive(Clone, Debug, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct Attachment {
    /// The file name shown to the recipient (any text; non-ASCII per RFC 2231).
    pub filename: String,
    /// The media type; `None` guesses it from the file name ([`types::guess`]).
    pub content_type: Option<String>,
    /// The octets, any of them.
    #[serde(with = "crate::mime::octets")]
    pub data: Vec<u8>,
}

impl Attachment {
    /// An attachment whose media type is guessed from its name.
    pub fn new(filename: &str, data: Vec<u8>) -> Attachment {
        Attachment {
            filename: filename.to_string(),
            content_type: None,
            data,
        }
    }
}

/// A message to compose. Build it with [`Message::new`] and the chained setters, or fill the
/// fields directly.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Message {
    /// From: the author, also the envelope sender.
    pub from: Mailbox,
    /// To: primary recipients.
    pub to: Vec<Mailbox>,
    /// Cc: copies, visible to all.
    pub cc: Vec<Mailbox>,
    /// Bcc: blind copies — in the envelope only, never in the bytes.
    pub bcc: Vec<Mailbox>,
    /// Reply-To.
    pub reply_to: Vec<Mailbox>,
    /// Subject (any text).
    pub subject: String,
    /// Date, RFC 5322 §3.3 date-time, supplied by the caller (the engine has no clock).
    pub date: String,
    /// Message-ID, `id-left@id-right` with or without angle brackets, supplied by the caller.
    pub message_id: String,
    /// X-Mailer, if any.
    pub x_mailer: Option<String>,
    /// The plain-text body.
    pub text: String,
    /// The charset of the text (and HTML) body.
    pub charset: Charset,
    /// The charset of encoded words in headers (UTF-8 unless set).
    pub header_charset: Charset,
    /// The body's transfer encoding; `None` chooses one and says why.
    pub transfer_encoding: Option<TransferEncoding>,
    /// An HTML alternative of the text.
    pub html: Option<String>,
    /// Attachments.
    pub attachments: Vec<Attachment>,
    /// The multipart boundary (RFC 2046 §5.1.1), supplied by the caller.
    pub boundary: String,
}

impl Message {
    /// A message from `from`, with its date, message id and boundary (values the caller
    /// takes from its clock and random source).
    pub fn new(from: Mailbox, date: &str, message_id: &str, boundary: &str) -> Message {
        Message {
            from,
            to: Vec::new(),
            cc: Vec::new(),
            bcc: Vec::new(),
            reply_to: Vec::new(),
            subject: String::new(),
            date: date.to_string(),
            message_id: message_id.to_string(),
            x_mailer: None,
            text: String::new(),
            charset: Charset::Utf8,
            header_charset: Charset::Utf8,
            transfer_encoding: None,
            html: None,
            attachments: Vec::new(),
            boundary: boundary.to_string(),
        }
    }

    /// Adds a To recipient.
    pub fn to(mut self, mailbox: Mailbox) -> Message {
        self.to.push(mailbox);
        self
    }

    /// Adds a Cc recipient.
    pub fn cc(mut self, mailbox: Mailbox) -> Message {
        self.cc.push(mailbox);
        self
    }

    /// Adds a Bcc recipient.
    pub fn bcc(mut self, mailbox: Mailbox) -> Message {
        self.bcc.push(mailbox);
        self
    }

    /// Adds a Reply-To address.
    pub fn reply_to(mut self, mailbox: Mailbox) -> Message {
        self.reply_to.push(mailbox);
        self
    }

    /// Sets the subject.
    pub fn subject(mut self, subject: &str) -> Message {
        self.subject = subject.to_string();
        self
    }

    /// Sets the X-Mailer header.
    pub fn x_mailer(mut self, mailer: &str) -> Message {
        self.x_mailer = Some(mailer.to_string());
        self
    }

    /// Sets the plain-text body.
    pub fn text(mut self, text: &str) -> Message {
        self.text = text.to_string();
        self
    }

    /// Sets the body's charset.
    pub fn charset(mut self, charset: Charset) -> Message {
        self.charset = charset;
        self
    }

    /// Sets the charset of encoded words in headers.
    pub fn header_charset(mut self, charset: Charset) -> Message {
        self.header_charset = charset;
        self
    }

    /// Asks for a transfer encoding instead of the automatic choice.
    pub fn transfer_encoding(mut self, encoding: TransferEncoding) -> Message {
        self.transfer_encoding = Some(encoding);
        self
    }

    /// Adds an HTML alternative.
    pub fn html(mut self, html: &str) -> Message {
        self.html = Some(html.to_string());
        self
    }

    /// Adds an attachment.
    pub fn attach(mut self, attachment: Attachment) -> Message {
        self.attachments.push(attachment);
        self
    }

    /// The SMTP envelope: MAIL FROM is the From address; one RCPT TO per To, Cc and Bcc
    /// address, each once.
    pub fn envelope(&self) -> Envelope {
        let mut recipients: Vec<EnvelopeRecipient> = Vec::new();
        let lists = [
            (&self.to, RecipientKind::To),
            (&self.cc, RecipientKind::Cc),
            (&self.bcc, RecipientKind::Bcc),
        ];
        for (list, kind) in lists {
            for mailbox in list {
                if !recipients
                    .iter()
                    .any(|r| r.address.eq_ignore_ascii_case(&mailbox.address))
                {
                    recipients.push(EnvelopeRecipient {
                        address: mailbox.address.clone(),
                        kind,
                    });
                }
            }
        }
        Envelope {
            from: self.from.address.clone(),
            recipients,
        }
    }

    /// Writes the message: its exact bytes, the notes explaining every header and part, and
    /// the envelope.
    pub fn compose(&self) -> Result<Composed, MimeError> {
        self.check()?;
        let mut writer = Writer::default();
        let charset = self.header_charset;

        writer.addresses(
            "From",
            std::slice::from_ref(&self.from),
            Rule::From,
            charset,
        )?;
        if !self.to.is_empty() {
            let rule = Rule::Destination {
                field: "To",
                count: self.to.len(),
            };
            writer.addresses("To", &self.to, rule, charset)?;
        }
        if !self.cc.is_empty() {
            let rule = Rule::Destination {
                field: "Cc",
                count: self.cc.len(),
            };
            writer.addresses("Cc", &self.cc, rule, charset)?;
        }
        if !self.reply_to.is_empty() {
            writer.addresses("Reply-To", &self.reply_to, Rule::ReplyTo, charset)?;
        }
        if !self.bcc.is_empty() {
            let listed: Vec<String> = self.bcc.iter().map(|m| m.address.clone()).collect();
            writer.notes.push(Note {
                item: Item::Omitted { name: "Bcc" },
                wire: String::new(),
                rules: vec![Rule::BccOmitted { addresses: listed }],
            });
        }
        let room = FOLD_AT - "Subject: ".len();
        let (atoms, form) = header::unstructured(&self.subject, charset, room)?;
        writer.header("Subject", atoms, vec![Rule::Subject], form);
        writer.header(
            "Date",
            vec![self.date.trim().to_string()],
            vec![Rule::Date],
            TextForm::Plain,
        );
        let (id, bracketed) = message_id(&self.message_id)?;
        writer.header(
            "Message-ID",
            vec![id],
            vec![Rule::MessageId {
                added_brackets: !bracketed,
            }],
            TextForm::Plain,
        );
        if let Some(mailer) = &self.x_mailer {
            let room = FOLD_AT - "X-Mailer: ".len();
            let (atoms, form) = header::unstructured(mailer, charset, room)?;
            writer.header("X-Mailer", atoms, vec![Rule::XMailer], form);
        }
        writer.header(
            "MIME-Version",
            vec!["1.0".into()],
            vec![Rule::MimeVersion],
            TextForm::Plain,
        );

        let root = self.structure()?;
        let mut bytes = std::mem::take(&mut writer.out);
        render(&root, "", true, &mut bytes, &mut writer.notes)?;

        let envelope = self.envelope();
        let bcc = envelope
            .recipients
            .iter()
            .filter(|r| r.kind == RecipientKind::Bcc)
            .count();
        let mut duplicates = Vec::new();
        let all = self.to.iter().chain(&self.cc).chain(&self.bcc);
        let mut seen: Vec<&str> = Vec::new();
        for mailbox in all {
            if seen
                .iter()
                .any(|s| s.eq_ignore_ascii_case(&mailbox.address))
            {
                duplicates.push(mailbox.address.clone());
            } else {
                seen.push(&mailbox.address);
            }
        }
        let mut rules = vec![Rule::Envelope {
            from: envelope.from.clone(),
            recipients: envelope.recipients.len(),
            bcc,
        }];
        rules.extend(
            duplicates
                .into_iter()
                .map(|address| Rule::Duplicate { address }),
        );
        let mut wire = format!("MAIL FROM:<{}>", envelope.from);
        for r in &envelope.recipients {
            wire.push_str(&format!("\r\nRCPT TO:<{}>", r.address));
        }
        writer.notes.push(Note {
            item: Item::Envelope,
            wire,
            rules,
        });
        Ok(Composed {
            bytes,
            notes: writer.notes,
            envelope,
        })
    }

    /// Limits and header inputs, before anything is written.
    fn check(&self) -> Result<(), MimeError> {
        let recipients = self.to.len() + self.cc.len() + self.bcc.len();
        if recipients == 0 {
            return Err(MimeError::NoRecipients);
        }
        if recipients > MAX_RECIPIENTS {
            return Err(MimeError::TooManyRecipients);
        }
        if self.attachments.len() > MAX_ATTACHMENTS {
            return Err(MimeError::TooManyAttachments);
        }
        let content = self.text.len()
            + self.html.as_ref().map_or(0, String::len)
            + self.attachments.iter().map(|a| a.data.len()).sum::<usize>();
        if content > MAX_CONTENT {
            return Err(MimeError::TooLong {
                what: "content",
                limit: MAX_CONTENT,
            });
        }
        let mailboxes = std::iter::once(&self.from)
            .chain(&self.to)
            .chain(&self.cc)
            .chain(&self.bcc)
            .chain(&self.reply_to);
        for mailbox in mailboxes {
            check_address(&mailbox.address)?;
            if let Some(name) = &mailbox.name {
                check_text(name, "display name")?;
            }
        }
        check_text(&self.subject, "subject")?;
        if let Some(mailer) = &self.x_mailer {
            check_text(mailer, "X-Mailer")?;
        }
        let date = self.date.trim();
        if date.is_empty() || date.len() > 100 || !date.bytes().all(|b| (0x20..0x7f).contains(&b)) {
            return Err(MimeError::BadDate);
        }
        check_boundary(&self.boundary)?;
        for attachment in &self.attachments {
            if attachment.filename.trim().is_empty() {
                return Err(MimeError::EmptyFilename);
            }
            check_text(&attachment.filename, "file name")?;
            if attachment.filename.chars().count() > 255 {
                return Err(MimeError::TooLong {
                    what: "file name",
                    limit: 255,
                });
            }
            if attachment.filename.chars().any(char::is_control) {
                return Err(MimeError::LineBreakInHeader { what: "file name" });
            }
            if let Some(ct) = &attachment.content_type {
                check_content_type(ct)?;
            }
        }
        Ok(())
    }

    /// The MIME tree of the body.
    fn structure(&self) -> Result<Node, MimeError> {
        let text = text_leaf(&self.text, "plain", self.charset, self.transfer_encoding)?;
        let body = match &self.html {
            Some(html) => {
                let html = text_leaf(html, "html", self.charset, self.transfer_encoding)?;
                let boundary = if self.attachments.is_empty() {
                    self.boundary.clone()
                } else {
                    alternative_boundary(&self.boundary)
                };
                Node::Multi {
                    subtype: "alternative",
                    boundary,
                    children: vec![text, html],
                }
            }
            None => text,
        };
        if self.attachments.is_empty() {
            return Ok(body);
        }
        let mut children = Vec::with_capacity(self.attachments.len() + 1);
        let empty_text = self.html.is_none() && self.text.is_empty();
        if !empty_text {
            children.push(body);
        }
        for attachment in &self.attachments {
            children.push(attachment_leaf(attachment)?);
        }
        Ok(Node::Multi {
            subtype: "mixed",
            boundary: self.boundary.clone(),
            children,
        })
    }
}

/// `alt-` + the boundary, kept within 70 characters.
fn alternative_boundary(boundary: &str) -> String {
    let inner: String = format!("alt-{boundary}").chars().take(70).collect();
    inner.trim_end().to_string()
}

/// A header input: no CR or LF, at most [`MAX_HEADER_TEXT`] characters.
fn check_text(text: &str, what: &'static str) -> Result<(), MimeError> {
    if text.contains(['\r', '\n']) {
        return Err(MimeError::LineBreakInHeader { what });
    }
    if text.chars().count() > MAX_HEADER_TEXT {
        return Err(MimeError::TooLong {
            what,
            limit: MAX_HEADER_TEXT,
        });
    }
    Ok(())
}

/// RFC 2046 §5.1.1: `boundary := 0*69<bchars> bcharsnospace`.
fn check_boundary(boundary: &str) -> Result<(), MimeError> {
    let bchar = |c: char| c.is_ascii_alphanumeric() || "'()+_,-./:=? ".contains(c);
    let ok = (1..=70).contains(&boundary.len())
        && boundary.chars().all(bchar)
        && !boundary.ends_with(' ');
    if ok {
        Ok(())
    } else {
        Err(MimeError::BadBoundary {
            boundary: shorten(boundary, 100),
        })
    }
}

/// RFC 2045 §5.1: `type "/" subtype`, both tokens.
fn check_content_type(value: &str) -> Result<(), MimeError> {
    let token = |t: &str| {
        !t.is_empty()
            && t.bytes()
                .all(|b| b.is_ascii_graphic() && !b"()<>@,;:\\\"/[]?=".contains(&b))
    };
    match value.split_once('/') {
        Some((kind, sub)) if value.len() <= 100 && token(kind) && token(sub) => Ok(()),
        _ => Err(MimeError::BadContentType {
            value: shorten(value, 100),
        }),
    }
}

/// `<id-left@id-right>`; whether the input had the brackets.
fn message_id(input: &str) -> Result<(String, bool), MimeError> {
    let trimmed = input.trim();
    let (inner, bracketed) = match trimmed.strip_prefix('<').and_then(|t| t.strip_suffix('>')) {
        Some(inner) => (inner, true),
        None => (trimmed, false),
    };
    let ok = !inner.is_empty()
        && inner.len() <= 250
        && inner
            .bytes()
            .all(|b| b.is_ascii_graphic() && !b"<>\"\\()[],;:".contains(&b) || b == b'@')
        && inner.bytes().filter(|b| *b == b'@').count() == 1
        && !inner.starts_with('@')
        && !inner.ends_with('@');
    if ok {
        Ok((format!("<{inner}>"), bracketed))
    } else {
        Err(MimeError::BadMessageId)
    }
}

/// A header of a part, before folding.
struct PartHeader {
    name: &'static str,
    atoms: Vec<String>,
    rules: Vec<Rule>,
}

/// The MIME tree.
enum Node {
    Leaf {
        headers: Vec<PartHeader>,
        body: Vec<u8>,
        rules: Vec<Rule>,
    },
    Multi {
        subtype: &'static str,
        boundary: String,
        children: Vec<Node>,
    },
}

fn text_leaf(
    text: &str,
    subtype: &'static str,
    charset: Charset,
    requested: Option<TransferEncoding>,
) -> Result<Node, MimeError> {
    let normalized = encoding::normalize_newlines(text);
    let octets = charset.encode(&normalized)?;
    let (chosen, reason) = encoding::choose(&octets, requested)?;
    let body = encoding::encode_body(&octets, chosen);
    let mut rules = vec![Rule::TextBody {
        encoding: chosen,
        octets: octets.len(),
        encoded: body.len(),
        lines: body.split(|b| *b == b'\n').count().saturating_sub(1),
    }];
    if !octets.is_empty() && !octets.ends_with(b"\r\n") && chosen != TransferEncoding::Base64 {
        rules.push(Rule::FinalLineBreak);
    }
    let headers = vec![
        PartHeader {
            name: "Content-Type",
            atoms: vec![
                format!("text/{subtype};"),
                format!("charset={}", charset.label()),
            ],
            rules: vec![Rule::TextType {
                subtype,
                charset,
                characters: text.chars().count(),
                octets: octets.len(),
            }],
        },
        PartHeader {
            name: "Content-Transfer-Encoding",
            atoms: vec![chosen.token().to_string()],
            rules: vec![Rule::TransferEncoding { chosen, reason }],
        },
    ];
    Ok(Node::Leaf {
        headers,
        body,
        rules,
    })
}

fn attachment_leaf(attachment: &Attachment) -> Result<Node, MimeError> {
    let filename = attachment.filename.trim();
    let (content_type, extension, given) = match &attachment.content_type {
        Some(ct) => (ct.to_ascii_lowercase(), None, true),
        None => {
            let (ct, ext) = types::guess(filename);
            (ct.to_string(), ext, false)
        }
    };
    let ascii = filename.bytes().all(|b| (0x20..0x7f).contains(&b));
    let mut type_rules = vec![Rule::AttachmentType {
        content_type: content_type.clone(),
        extension,
        given,
    }];
    // Each RFC 2231 continuation is a parameter of its own (`;` between them); the legacy
    // encoded words are one parameter (one quoted-string).
    let mut type_groups = vec![vec![content_type]];
    if ascii {
        let (atoms, _) = header::parameter("name", filename);
        type_groups.extend(atoms.into_iter().map(|a| vec![a]));
    } else {
        type_rules.push(Rule::LegacyName);
        type_groups.push(header::legacy_name_parameter("name", filename)?);
    }
    let type_atoms = header::with_semicolons(type_groups);
    let (filename_atoms, form) = header::parameter("filename", filename);
    let mut disposition_groups = vec![vec!["attachment".to_string()]];
    disposition_groups.extend(filename_atoms.into_iter().map(|a| vec![a]));
    let disposition_atoms = header::with_semicolons(disposition_groups);
    let headers = vec![
        PartHeader {
            name: "Content-Type",
            atoms: type_atoms,
            rules: type_rules,
        },
        PartHeader {
            name: "Content-Disposition",
            atoms: disposition_atoms,
            rules: vec![Rule::Disposition {
                filename: filename.to_string(),
                form,
            }],
        },
        PartHeader {
            name: "Content-Transfer-Encoding",
            atoms: vec!["base64".into()],
            rules: vec![Rule::TransferEncoding {
                chosen: TransferEncoding::Base64,
                reason: EncodingReason::Binary,
            }],
        },
    ];
    Ok(Node::Leaf {
        headers,
        body: encoding::base64_lines(&attachment.data),
        rules: vec![Rule::AttachmentBody {
            octets: attachment.data.len(),
        }],
    })
}

/// Folds one header, appends it and its note.
fn write_header(
    out: &mut Vec<u8>,
    notes: &mut Vec<Note>,
    part: &str,
    name: &'static str,
    atoms: &[String],
    mut rules: Vec<Rule>,
) {
    let (text, lines) = header::fold(name, atoms);
    if lines > 1 {
        rules.push(Rule::Folded { lines });
    }
    out.extend_from_slice(text.as_bytes());
    notes.push(Note {
        item: Item::Header {
            part: part.to_string(),
            name,
        },
        wire: text.trim_end().to_string(),
        rules,
    });
}

/// Writes a node (its headers, the empty line, its body) after `out`; `root` for the
/// message itself, whose other headers are already in `out`.
fn render(
    node: &Node,
    path: &str,
    root: bool,
    out: &mut Vec<u8>,
    notes: &mut Vec<Note>,
) -> Result<(), MimeError> {
    match node {
        Node::Leaf {
            headers,
            body,
            rules,
        } => {
            for h in headers {
                write_header(out, notes, path, h.name, &h.atoms, clone_rules(&h.rules));
            }
            out.extend_from_slice(b"\r\n");
            out.extend_from_slice(body);
            notes.push(Note {
                item: Item::Part {
                    path: path.to_string(),
                },
                wire: preview(body),
                rules: clone_rules(rules),
            });
        }
        Node::Multi {
            subtype,
            boundary,
            children,
        } => {
            let atoms = vec![
                format!("multipart/{subtype};"),
                format!("boundary=\"{boundary}\""),
            ];
            let rule = Rule::Multipart {
                subtype,
                boundary: boundary.clone(),
                parts: children.len(),
            };
            write_header(out, notes, path, "Content-Type", &atoms, vec![rule]);
            out.extend_from_slice(b"\r\n");
            if root {
                out.extend_from_slice(b"This is a multi-part message in MIME format.\r\n");
            }
            let delimiter = format!("--{boundary}");
            for (i, child) in children.iter().enumerate() {
                let child_path = if path.is_empty() {
                    (i + 1).to_string()
                } else {
                    format!("{path}.{}", i + 1)
                };
                let mut child_bytes = Vec::new();
                render(child, &child_path, false, &mut child_bytes, notes)?;
                let collides = child_bytes
                    .split(|b| *b == b'\n')
                    .any(|line| line.starts_with(delimiter.as_bytes()));
                if collides {
                    return Err(MimeError::BoundaryInContent {
                        boundary: boundary.clone(),
                    });
                }
                out.extend_from_slice(delimiter.as_bytes());
                out.extend_from_slice(b"\r\n");
                out.extend_from_slice(&child_bytes);
            }
            out.extend_from_slice(delimiter.as_bytes());
            out.extend_from_slice(b"--\r\n");
            notes.push(Note {
                item: Item::Part {
                    path: path.to_string(),
                },
                wire: format!("{delimiter}\r\n…\r\n{delimiter}--"),
                rules: vec![Rule::Delimiters {
                    boundary: boundary.clone(),
                    preamble: root,
                }],
            });
        }
    }
    Ok(())
}

/// Rules are small; notes own their copies.
fn clone_rules(rules: &[Rule]) -> Vec<Rule> {
    rules.to_vec()
}

/// The first 300 characters of a body, for a note.
fn preview(body: &[u8]) -> String {
    // Every character (a replacement character too) comes from one to four octets, so the
    // first 300 come from the first 1200 and decoding stops there; past 1204 octets there
    // are more than 300 characters. A large attachment is not decoded whole.
    const CHARS: usize = 300;
    const HEAD: usize = CHARS * 4 + 4;
    let head = &body[..body.len().min(HEAD)];
    let text = String::from_utf8_lossy(head);
    let mut shown = crate::i18n::cut::quote(&text, CHARS);
    if body.len() > HEAD && !shown.ends_with('…') {
        shown.push('…');
    }
    shown.trim_end().to_string()
}

/// Collects the message headers and their notes.
#[derive(Default)]
struct Writer {
    out: Vec<u8>,
    notes: Vec<Note>,
}

impl Writer {
    fn header(
        &mut self,
        name: &'static str,
        atoms: Vec<String>,
        mut rules: Vec<Rule>,
        form: TextForm,
    ) {
        if let TextForm::Encoded(words) = form {
            rules.push(Rule::EncodedWords {
                encoding: words.encoding,
                charset: words.charset,
                q_len: words.q_len,
                b_len: words.b_len,
                words: words.words.len(),
            });
        }
        write_header(&mut self.out, &mut self.notes, "", name, &atoms, rules);
    }

    fn addresses(
        &mut self,
        name: &'static str,
        list: &[Mailbox],
        rule: Rule,
        charset: Charset,
    ) -> Result<(), MimeError> {
        let mut atoms: Vec<String> = Vec::new();
        let mut rules = vec![rule];
        for (i, mailbox) in list.iter().enumerate() {
            let name_atoms = match &mailbox.name {
                Some(display) => {
                    let (atoms, form) = header::phrase(display, charset)?;
                    match form {
                        TextForm::Plain => {}
                        TextForm::Quoted => rules.push(Rule::QuotedName {
                            name: display.clone(),
                        }),
                        TextForm::Encoded(words) => rules.push(Rule::EncodedWords {
                            encoding: words.encoding,
                            charset: words.charset,
                            q_len: words.q_len,
                            b_len: words.b_len,
                            words: words.words.len(),
                        }),
                    }
                    atoms
                }
                None => Vec::new(),
            };
            let has_name = !name_atoms.is_empty();
            atoms.extend(name_atoms);
            let mut address = if has_name {
                format!("<{}>", mailbox.address)
            } else {
                mailbox.address.clone()
            };
            if i + 1 < list.len() {
                address.push(',');
            }
            atoms.push(address);
        }
        write_header(&mut self.out, &mut self.notes, "", name, &atoms, rules);
        Ok(())
    }
}

/// The SMTP envelope of a message (RFC 5321 §3.3): who it is from and to whom it goes —
/// what MAIL FROM and RCPT TO carry, whatever the headers say.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Envelope {
    /// MAIL FROM.
    pub from: String,
    /// One RCPT TO each, in order: To, then Cc, then Bcc, each address once.
    pub recipients: Vec<EnvelopeRecipient>,
}

/// A recipient of the envelope and the header it came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EnvelopeRecipient {
    /// The address.
    pub address: String,
    /// To, Cc or Bcc.
    pub kind: RecipientKind,
}

/// Which header a recipient came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum RecipientKind {
    /// To.
    To,
    /// Cc.
    Cc,
    /// Bcc: in the envelope only.
    Bcc,
}

impl RecipientKind {
    /// `To`, `Cc` or `Bcc`.
    pub fn name(self) -> &'static str {
        match self {
            RecipientKind::To => "To",
            RecipientKind::Cc => "Cc",
            RecipientKind::Bcc => "Bcc",
        }
    }
}

/// A composed message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Composed {
    /// The exact bytes, CRLF line ends, ending in CRLF; no line over 998 octets.
    pub bytes: Vec<u8>,
    /// Every header and part with the rules that produced it, in order.
    pub notes: Vec<Note>,
    /// MAIL FROM and the RCPT TOs.
    pub envelope: Envelope,
}

/// One header or part of a composed message, and why it is so.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Note {
    /// What it is about.
    pub item: Item,
    /// The text as written (a header's folded lines with CRLF; the start of a body).
    pub wire: String,
    /// The rules that produced it.
    pub rules: Vec<Rule>,
}

impl Note {
    /// The rules in `lang`, one per line, each with its source.
    pub fn explain(&self, lang: Lang) -> String {
        self.rules
            .iter()
            .map(|r| format!("{} ({})", r.explain(lang), r.source()))
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// What a note is about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Item {
    /// A header of the message (`part` empty) or of a part (`1`, `1.2` …).
    Header {
        /// The part's path; empty for the message's own headers.
        part: String,
        /// The header's name.
        name: &'static str,
    },
    /// A part's body (or a multipart's delimiters); the path is empty for the message body.
    Part {
        /// `1`, `1.2` …, empty for the message itself.
        path: String,
    },
    /// A header deliberately not written.
    Omitted {
        /// Its name (Bcc).
        name: &'static str,
    },
    /// The SMTP envelope.
    Envelope,
}

const LABEL_HEADER: Tr = Tr::new("Part {part}: {name}", "第 {part} 部分：{name}");
const LABEL_BODY: Tr = Tr::new("Message body", "邮件正文");
const LABEL_PART: Tr = Tr::new("Part {path}", "第 {path} 部分");
const LABEL_OMITTED: Tr = Tr::new("{name} (not written)", "{name}（不写入）");
const LABEL_ENVELOPE: Tr = Tr::new(
    "Envelope (MAIL FROM, RCPT TO)",
    "信封（MAIL FROM、RCPT TO）",
);

impl Item {
    /// A label for the item in `lang`.
    pub fn label(&self, lang: Lang) -> String {
        match self {
            Item::Header { part, name } if part.is_empty() => (*name).to_string(),
            Item::Header { part, name } => {
                LABEL_HEADER.fill(lang, &[("part", part), ("name", name)])
            }
            Item::Part { path } if path.is_empty() => LABEL_BODY.get(lang).to_owned(),
            Item::Part { path } => LABEL_PART.fill(lang, &[("path", path)]),
            Item::Omitted { name } => LABEL_OMITTED.fill(lang, &[("name", name)]),
            Item::Envelope => LABEL_ENVELOPE.get(lang).to_owned(),
        }
    }
}

/// A rule that shaped a header or a part.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Rule {
    /// From: the author.
    From,
    /// To or Cc.
    Destination {
        /// `To` or `Cc`.
        field: &'static str,
        /// How many addresses.
        count: usize,
    },
    /// Reply-To.
    ReplyTo,
    /// Bcc left out of the bytes; its addresses go only into the envelope.
    BccOmitted {
        /// The Bcc addresses.
        addresses: Vec<String>,
    },
    /// Subject.
    Subject,
    /// Date, supplied by the caller.
    Date,
    /// Message-ID; whether the angle brackets were added.
    MessageId {
        /// The input lacked `<` `>`.
        added_brackets: bool,
    },
    /// X-Mailer, an extension field.
    XMailer,
    /// MIME-Version: 1.0.
    MimeVersion,
    /// A display name written as a quoted-string.
    QuotedName {
        /// The name.
        name: String,
    },
    /// Text written as encoded words.
    EncodedWords {
        /// Q or B.
        encoding: WordEncoding,
        /// The charset inside the words.
        charset: Charset,
        /// Its length in Q.
        q_len: usize,
        /// Its length in B.
        b_len: usize,
        /// How many words.
        words: usize,
    },
    /// Folded over several lines.
    Folded {
        /// How many lines.
        lines: usize,
    },
    /// A text part's type and charset.
    TextType {
        /// `plain` or `html`.
        subtype: &'static str,
        /// The charset.
        charset: Charset,
        /// Characters of text.
        characters: usize,
        /// Octets in the charset.
        octets: usize,
    },
    /// A Content-Transfer-Encoding and why.
    TransferEncoding {
        /// The encoding.
        chosen: TransferEncoding,
        /// Why.
        reason: EncodingReason,
    },
    /// A multipart's type and boundary.
    Multipart {
        /// `mixed` or `alternative`.
        subtype: &'static str,
        /// The boundary.
        boundary: String,
        /// How many parts.
        parts: usize,
    },
    /// A multipart's delimiter lines (and the preamble for the message).
    Delimiters {
        /// The boundary.
        boundary: String,
        /// Whether a preamble was written.
        preamble: bool,
    },
    /// An attachment's media type.
    AttachmentType {
        /// The type.
        content_type: String,
        /// The extension that decided it, when guessed from the table.
        extension: Option<&'static str>,
        /// Whether the caller gave it.
        given: bool,
    },
    /// Content-Type's `name=` as encoded words, for readers older than RFC 2231.
    LegacyName,
    /// Content-Disposition: attachment with its file name.
    Disposition {
        /// The file name.
        filename: String,
        /// How `filename` was written.
        form: ParamForm,
    },
    /// An attachment's body.
    AttachmentBody {
        /// Its size before encoding.
        octets: usize,
    },
    /// A text part's body.
    TextBody {
        /// Its transfer encoding.
        encoding: TransferEncoding,
        /// Octets in the charset.
        octets: usize,
        /// Octets once encoded.
        encoded: usize,
        /// Lines once encoded.
        lines: usize,
    },
    /// The text did not end with a line break; one was added.
    FinalLineBreak,
    /// The envelope.
    Envelope {
        /// MAIL FROM.
        from: String,
        /// How many RCPT TO.
        recipients: usize,
        /// How many of them are Bcc.
        bcc: usize,
    },
    /// An address listed more than once gets one RCPT TO.
    Duplicate {
        /// The address.
        address: String,
    },
}

const FROM: Tr = Tr::new(
    "From names the author; the client also uses this address for MAIL FROM, the envelope sender that bounces go to.",
    "From 表示作者；客户端也把这个地址用作 MAIL FROM，即接收退信的信封发件人。",
);
const DESTINATION: Tr = Tr::new(
    "{field} lists {count} recipient(s), visible to everyone who gets the message. The header itself delivers nothing: each address also gets its own RCPT TO.",
    "{field} 列出 {count} 个收件人，所有收到邮件的人都能看到。这个邮件头本身不投递任何东西：每个地址还要各有一条 RCPT TO。",
);
const REPLY_TO: Tr = Tr::new(
    "Reply-To: where replies should go, instead of From.",
    "Reply-To：回复应发往的地址（代替 From）。",
);
const BCC_OMITTED: Tr = Tr::new(
    "Bcc is not written into the message, so no recipient can see {addresses}. The blind copies are made by the envelope alone: one RCPT TO each (the C++ mailer article: \"CC and BCC live in the envelope\").",
    "Bcc 不写进邮件，因此任何收件人都看不到 {addresses}。密送完全靠信封实现：每个地址一条 RCPT TO（那篇 C++ 发信文章：“抄送和密送都在信封里”）。",
);
/// Between the addresses of a list: a comma in English, the enumeration comma in Chinese.
const ADDRESS_SEPARATOR: Tr = Tr::new(", ", "、");
const SUBJECT: Tr = Tr::new(
    "Subject: one line of text for the reader; unstructured, so any words may be folded.",
    "Subject：给读者看的一行文字；属于非结构化字段，任何词之间都可以折行。",
);
const DATE: Tr = Tr::new(
    "Date: when the message was written, day-month-year time zone (date-time of §3.3). The composer does not read a clock: the caller supplies it.",
    "Date：邮件写成的时间，格式为 星期, 日 月 年 时间 时区（§3.3 的 date-time）。编写器不读时钟：由调用者提供。",
);
const MESSAGE_ID: Tr = Tr::new(
    "Message-ID: a unique id in angle brackets, left@right; the caller supplies it (the engine has no randomness).",
    "Message-ID：尖括号中的唯一标识，形如 left@right；由调用者提供（引擎没有随机源）。",
);
const MESSAGE_ID_BRACKETS_ADDED: Tr = Tr::new(
    "Message-ID: a unique id in angle brackets, left@right; the brackets were added to the given id.",
    "Message-ID：尖括号中的唯一标识，形如 left@right；给定的标识缺少尖括号，已补上。",
);
const X_MAILER: Tr = Tr::new(
    "X-Mailer: the sending program, an optional field no standard defines (the C++ mailer article sends \"shadowstar's mailer\").",
    "X-Mailer：发信程序名，是标准未定义的可选字段（那篇 C++ 发信文章发送的是 \"shadowstar's mailer\"）。",
);
const MIME_VERSION: Tr = Tr::new(
    "MIME-Version: 1.0 tells the reader the message uses MIME: Content-Type and Content-Transfer-Encoding mean something.",
    "MIME-Version: 1.0 告诉阅读器这封邮件使用 MIME：Content-Type 和 Content-Transfer-Encoding 才有意义。",
);
const QUOTED_NAME: Tr = Tr::new(
    "The display name {name} has characters such as , . @ that end a plain phrase, so it is a quoted-string (\" and \\ escaped with \\).",
    "显示名 {name} 含有 , . @ 等会截断普通短语的字符，因此写成带引号的字符串（\" 和 \\ 用 \\ 转义）。",
);
const ENCODED_WORDS_B: Tr = Tr::new(
    "Headers are ASCII, so the text is written as {words} encoded word(s) =?{label}?B?…?=. B (base64) takes {b_len} characters where Q would take {q_len}: B is shorter, as for most Chinese text. Each word is at most 75 characters and holds whole characters.",
    "邮件头只能是 ASCII，因此文字写成 {words} 个编码词 =?{label}?B?…?=。B（base64）需要 {b_len} 个字符，Q 需要 {q_len} 个：B 更短，大多数中文都是如此。每个编码词最多 75 个字符，且只包含完整的字符。",
);
const ENCODED_WORDS_Q: Tr = Tr::new(
    "Headers are ASCII, so the text is written as {words} encoded word(s) =?{label}?{letter}?…?=. Q (like quoted-printable, _ for space) takes {q_len} characters where B would take {b_len}: Q is not longer, and keeps the ASCII letters readable. Each word is at most 75 characters and holds whole characters.",
    "邮件头只能是 ASCII，因此文字写成 {words} 个编码词 =?{label}?{letter}?…?=。Q（类似 quoted-printable，空格写成 _）需要 {q_len} 个字符，B 需要 {b_len} 个：Q 并不比 B 长，而且 ASCII 字母仍然可读。每个编码词最多 75 个字符，且只包含完整的字符。",
);
const FOLDED: Tr = Tr::new(
    "Folded into {lines} lines: a line break (CRLF) is inserted before a space, and readers remove it again. Lines stay under 78 characters (the hard limit is 998).",
    "折成 {lines} 行：在空格前插入换行（CRLF），阅读器会再把它去掉。每行保持在 78 个字符以内（硬性上限是 998）。",
);
const TEXT_TYPE: Tr = Tr::new(
    "text/{subtype} in {label}: the {characters} characters are {octets} octets in that charset (encoded with encoding_rs for the GB charsets); the charset parameter tells the reader how to turn them back into characters.",
    "text/{subtype}，字符集 {label}：{characters} 个字符在该字符集中是 {octets} 个字节（GB 系列字符集用 encoding_rs 编码）；charset 参数告诉阅读器如何把字节还原成字符。",
);
const MULTIPART_ALTERNATIVE: Tr = Tr::new(
    "multipart/alternative: {parts} versions of the same content, simplest first; the reader shows the last one it can (the HTML). Parts are separated by lines --{boundary}.",
    "multipart/alternative：同一内容的 {parts} 个版本，最简单的在前；阅读器显示它能显示的最后一个（HTML）。各部分之间用 --{boundary} 行分隔。",
);
const MULTIPART_MIXED: Tr = Tr::new(
    "multipart/mixed: {parts} independent parts in order — the text, then each attachment. Parts are separated by lines --{boundary}.",
    "multipart/mixed：{parts} 个依次排列的独立部分——先是正文，然后是每个附件。各部分之间用 --{boundary} 行分隔。",
);
const DELIMITERS: Tr = Tr::new(
    "Each part starts after a line --{boundary}; the CRLF before that line belongs to the delimiter, not to the part. The last part ends with --{boundary}--. The boundary must not occur in any part: it was checked.{pre}",
    "每个部分从 --{boundary} 行之后开始；该行之前的 CRLF 属于分隔符，不属于该部分。最后以 --{boundary}-- 结束。边界不能出现在任何部分的内容中：已检查。{pre}",
);
const PREAMBLE: Tr = Tr::new(
    " Before the first one, a preamble for readers without MIME, which MIME readers ignore.",
    "第一个分隔行之前是给不支持 MIME 的阅读器看的前言，MIME 阅读器会忽略它。",
);
const ATTACHMENT_TYPE_GIVEN: Tr = Tr::new(
    "Content-Type {content_type}, as given.",
    "Content-Type {content_type}，按给定的值。",
);
const ATTACHMENT_TYPE_GUESSED: Tr = Tr::new(
    "Content-Type {content_type}, guessed from the extension .{ext} (a small table).",
    "Content-Type {content_type}，根据扩展名 .{ext} 猜测（一张小表）。",
);
const ATTACHMENT_TYPE_UNKNOWN: Tr = Tr::new(
    "Content-Type {content_type}: the extension is not in the table, so the type says \"arbitrary binary data\" (as the C++ mailer article sends every attachment).",
    "Content-Type {content_type}：扩展名不在表中，因此类型写成“任意二进制数据”（那篇 C++ 发信文章的附件都是这样发送的）。",
);
const LEGACY_NAME: Tr = Tr::new(
    "name= carries the file name as encoded words inside quotes, for readers older than RFC 2231 (Outlook, old Foxmail). RFC 2047 §5 forbids encoded words in a quoted-string, yet those readers need it; RFC 2231 readers use filename*= instead.",
    "name= 用引号中的编码词携带文件名，供早于 RFC 2231 的阅读器（Outlook、旧版 Foxmail）使用。RFC 2047 §5 禁止在带引号的字符串中使用编码词，但这些阅读器需要它；支持 RFC 2231 的阅读器改用 filename*=。",
);
const DISPOSITION_QUOTED: Tr = Tr::new(
    "Content-Disposition: attachment — show it as a file to save, named {filename} (a quoted-string).",
    "Content-Disposition: attachment——作为要保存的文件显示，文件名 {filename}（带引号的字符串）。",
);
const DISPOSITION_CONTINUED: Tr = Tr::new(
    "Content-Disposition: attachment, file name {filename} in {n} RFC 2231 continuations (filename*0=, filename*1= …), because one line would be too long.",
    "Content-Disposition: attachment，文件名 {filename} 太长放不下一行，按 RFC 2231 分成 {n} 段续行（filename*0=、filename*1= …）。",
);
const DISPOSITION_EXTENDED_ONE_LINE: Tr = Tr::new(
    "Content-Disposition: attachment. The file name {filename} is not ASCII, so RFC 2231 writes it as filename*=UTF-8''… with each non-ASCII octet as %XX.",
    "Content-Disposition: attachment。文件名 {filename} 不是 ASCII，因此按 RFC 2231 写成 filename*=UTF-8''…，每个非 ASCII 字节写成 %XX。",
);
const DISPOSITION_EXTENDED: Tr = Tr::new(
    "Content-Disposition: attachment. The file name {filename} is not ASCII, so RFC 2231 writes it as UTF-8 with each non-ASCII octet as %XX, in {n} continuations (filename*0*=, filename*1*= …) to keep lines short.",
    "Content-Disposition: attachment。文件名 {filename} 不是 ASCII，因此按 RFC 2231 写成 UTF-8，每个非 ASCII 字节写成 %XX，并分成 {n} 段续行（filename*0*=、filename*1*= …）以保持行短。",
);
const ATTACHMENT_BODY: Tr = Tr::new(
    "The file's {octets} octets in base64, 76 characters per line.",
    "文件的 {octets} 个字节，base64 编码，每行 76 个字符。",
);
const TEXT_BODY_AS_IS: Tr = Tr::new(
    "The text as it is ({token}): {octets} octets in {lines} lines, each ending in CRLF.",
    "正文原样发送（{token}）：{octets} 字节，共 {lines} 行，每行以 CRLF 结尾。",
);
const TEXT_BODY_ENCODED: Tr = Tr::new(
    "The text's {octets} octets, {token}-encoded into {encoded} octets in {lines} lines of at most 76 characters.",
    "正文的 {octets} 个字节经 {token} 编码成 {encoded} 字节，共 {lines} 行，每行最多 76 个字符。",
);
const FINAL_LINE_BREAK: Tr = Tr::new(
    "The text did not end with a line break; a CRLF was added, since a body is made of lines ending in CRLF (and DATA's end marker needs one).",
    "正文末尾没有换行；已补上一个 CRLF，因为正文由以 CRLF 结尾的行组成（DATA 的结束标记也需要它）。",
);
const ENVELOPE: Tr = Tr::new(
    "The envelope, which the server delivers by: MAIL FROM:<{from}>, then {recipients} RCPT TO (To, Cc and Bcc alike; {bcc} of them Bcc). The headers are only what the recipients read.",
    "信封才是服务器投递的依据：MAIL FROM:<{from}>，然后 {recipients} 条 RCPT TO（To、Cc、Bcc 一视同仁；其中 {bcc} 个是密送）。邮件头只是收件人读到的内容。",
);
const DUPLICATE: Tr = Tr::new(
    "{address} is listed more than once; it gets one RCPT TO, so one copy.",
    "{address} 出现了不止一次；它只有一条 RCPT TO，因此只收到一份。",
);

impl Rule {
    /// Where the rule is written.
    pub fn source(&self) -> &'static str {
        match self {
            Rule::From | Rule::ReplyTo => "RFC 5322 §3.6.2",
            Rule::Destination { .. } => "RFC 5322 §3.6.3",
            Rule::BccOmitted { .. } => "RFC 5322 §3.6.3, RFC 5321 §3.3",
            Rule::Subject => "RFC 5322 §3.6.5",
            Rule::Date => "RFC 5322 §3.6.1, §3.3",
            Rule::MessageId { .. } => "RFC 5322 §3.6.4",
            Rule::XMailer => "RFC 5322 §3.6.8",
            Rule::MimeVersion => "RFC 2045 §4",
            Rule::QuotedName { .. } => "RFC 5322 §3.2.4",
            Rule::EncodedWords { .. } => "RFC 2047 §2, §4, §5",
            Rule::Folded { .. } => "RFC 5322 §2.2.3, §2.1.1",
            Rule::TextType { .. } => "RFC 2045 §5.1, RFC 2046 §4.1.2",
            Rule::TransferEncoding { .. } => "RFC 2045 §6",
            Rule::Multipart { subtype, .. } => match *subtype {
                "alternative" => "RFC 2046 §5.1.4",
                _ => "RFC 2046 §5.1.3",
            },
            Rule::Delimiters { .. } => "RFC 2046 §5.1.1",
            Rule::AttachmentType { .. } => "RFC 2046 §4.5.1",
            Rule::LegacyName => "RFC 2047 §5, RFC 2231",
            Rule::Disposition { form, .. } => match form {
                ParamForm::Quoted => "RFC 2183 §2",
                ParamForm::Continued(_) => "RFC 2183 §2, RFC 2231 §3",
                ParamForm::Extended(_) => "RFC 2183 §2, RFC 2231 §4",
            },
            Rule::AttachmentBody { .. } => "RFC 2045 §6.8",
            Rule::TextBody { encoding, .. } => match encoding {
                TransferEncoding::QuotedPrintable => "RFC 2045 §6.7",
                TransferEncoding::Base64 => "RFC 2045 §6.8",
                _ => "RFC 2045 §2.7, §2.8",
            },
            Rule::FinalLineBreak => "RFC 5322 §2.3",
            Rule::Envelope { .. } | Rule::Duplicate { .. } => "RFC 5321 §3.3",
        }
    }

    /// The rule applied, in `lang`.
    pub fn explain(&self, lang: Lang) -> String {
        match self {
            Rule::From => FROM.get(lang).to_owned(),
            Rule::Destination { field, count } => {
                DESTINATION.fill(lang, &[("field", field), ("count", count)])
            }
            Rule::ReplyTo => REPLY_TO.get(lang).to_owned(),
            Rule::BccOmitted { addresses } => BCC_OMITTED.fill(
                lang,
                &[("addresses", &addresses.join(ADDRESS_SEPARATOR.get(lang)))],
            ),
            Rule::Subject => SUBJECT.get(lang).to_owned(),
            Rule::Date => DATE.get(lang).to_owned(),
            Rule::MessageId { added_brackets } => match added_brackets {
                false => MESSAGE_ID.get(lang).to_owned(),
                true => MESSAGE_ID_BRACKETS_ADDED.get(lang).to_owned(),
            },
            Rule::XMailer => X_MAILER.get(lang).to_owned(),
            Rule::MimeVersion => MIME_VERSION.get(lang).to_owned(),
            Rule::QuotedName { name } => QUOTED_NAME.fill(lang, &[("name", &format!("{name:?}"))]),
            Rule::EncodedWords {
                encoding,
                charset,
                q_len,
                b_len,
                words,
            } => {
                let text = match encoding {
                    WordEncoding::B => ENCODED_WORDS_B,
                    WordEncoding::Q => ENCODED_WORDS_Q,
                };
                text.fill(
                    lang,
                    &[
                        ("words", words),
                        ("label", &charset.label()),
                        ("letter", &encoding.letter()),
                        ("q_len", q_len),
                        ("b_len", b_len),
                    ],
                )
            }
            Rule::Folded { lines } => FOLDED.fill(lang, &[("lines", lines)]),
            Rule::TextType {
                subtype,
                charset,
                characters,
                octets,
            } => TEXT_TYPE.fill(
                lang,
                &[
                    ("subtype", subtype),
                    ("label", &charset.label()),
                    ("characters", characters),
                    ("octets", octets),
                ],
            ),
            Rule::TransferEncoding { chosen, reason } => reason.explain(*chosen, lang),
            Rule::Multipart {
                subtype,
                boundary,
                parts,
            } => {
                let text = match *subtype {
                    "alternative" => MULTIPART_ALTERNATIVE,
                    _ => MULTIPART_MIXED,
                };
                text.fill(lang, &[("parts", parts), ("boundary", boundary)])
            }
            Rule::Delimiters { boundary, preamble } => {
                let pre = if *preamble { PREAMBLE.get(lang) } else { "" };
                DELIMITERS.fill(lang, &[("boundary", boundary), ("pre", &pre)])
            }
            Rule::AttachmentType {
                content_type,
                extension,
                given,
            } => match (given, extension) {
                (true, _) => ATTACHMENT_TYPE_GIVEN.fill(lang, &[("content_type", content_type)]),
                (false, Some(ext)) => ATTACHMENT_TYPE_GUESSED
                    .fill(lang, &[("content_type", content_type), ("ext", ext)]),
                (false, None) => {
                    ATTACHMENT_TYPE_UNKNOWN.fill(lang, &[("content_type", content_type)])
                }
            },
            Rule::LegacyName => LEGACY_NAME.get(lang).to_owned(),
            Rule::Disposition { filename, form } => {
                let filename = format!("{filename:?}");
                match form {
                    ParamForm::Quoted => DISPOSITION_QUOTED.fill(lang, &[("filename", &filename)]),
                    ParamForm::Continued(n) => {
                        DISPOSITION_CONTINUED.fill(lang, &[("filename", &filename), ("n", n)])
                    }
                    ParamForm::Extended(1) => {
                        DISPOSITION_EXTENDED_ONE_LINE.fill(lang, &[("filename", &filename)])
                    }
                    ParamForm::Extended(n) => {
                        DISPOSITION_EXTENDED.fill(lang, &[("filename", &filename), ("n", n)])
                    }
                }
            }
            Rule::AttachmentBody { octets } => ATTACHMENT_BODY.fill(lang, &[("octets", octets)]),
            Rule::TextBody {
                encoding,
                octets,
                encoded,
                lines,
            } => {
                let text = match encoding {
                    TransferEncoding::SevenBit | TransferEncoding::EightBit => TEXT_BODY_AS_IS,
                    _ => TEXT_BODY_ENCODED,
                };
                text.fill(
                    lang,
                    &[
                        ("token", &encoding.token()),
                        ("octets", octets),
                        ("encoded", encoded),
                        ("lines", lines),
                    ],
                )
            }
            Rule::FinalLineBreak => FINAL_LINE_BREAK.get(lang).to_owned(),
            Rule::Envelope {
                from,
                recipients,
                bcc,
            } => ENVELOPE.fill(
                lang,
                &[("from", from), ("recipients", recipients), ("bcc", bcc)],
            ),
            Rule::Duplicate { address } => DUPLICATE.fill(lang, &[("address", address)]),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seed_004() -> Message {
        Message::new(
            Mailbox::with_name("carven_li", "carven_li@smtp.com"),
            "Wed, 6 Jan 2010 12:11:48 +0800",
            "20100106121148.1@smtp.com",
            "=====001_Dragon237244850520_=====",
        )
        .to(Mailbox::with_name("carven", "carven@smtp.com"))
        .cc(Mailbox::with_name("sam", "sam@smtp.com"))
        .cc(Mailbox::with_name("yoyo", "yoyo@smtp.com"))
        .bcc(Mailbox::with_name("clara", "clara@tsmtp.com"))
        .subject("t")
        .x_mailer("Foxmail 5.0 [cn]")
        .text("邮件正文")
        .charset(Charset::Gb2312)
        .transfer_encoding(TransferEncoding::QuotedPrintable)
        .attach(Attachment::new("att.txt", b"attachment".to_vec()))
    }

    #[test]
    fn seed_004_foxmail_message_without_its_bcc() {
        let composed = seed_004().compose().unwrap();
        let text = String::from_utf8(composed.bytes.clone()).unwrap();
        assert!(text.starts_with("From: carven_li <carven_li@smtp.com>\r\nTo: carven <carven@smtp.com>\r\nCc: sam <sam@smtp.com>, yoyo <yoyo@smtp.com>\r\n"));
        assert!(!text.to_ascii_lowercase().contains("bcc"));
        assert!(!text.contains("clara"));
        assert!(text.contains("Content-Type: multipart/mixed;\r\n boundary=\"=====001_Dragon237244850520_=====\"\r\n") || text.contains("Content-Type: multipart/mixed; boundary=\"=====001_Dragon237244850520_=====\"\r\n"), "{text}");
        assert!(text.contains("Content-Type: text/plain; charset=GB2312\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n=D3=CA=BC=FE=D5=FD=CE=C4\r\n"));
        assert!(text.contains("Content-Type: text/plain; name=\"att.txt\"\r\nContent-Disposition: attachment; filename=\"att.txt\"\r\nContent-Transfer-Encoding: base64\r\n\r\nYXR0YWNobWVudA==\r\n--=====001_Dragon237244850520_=====--\r\n"));
        let envelope: Vec<&str> = composed
            .envelope
            .recipients
            .iter()
            .map(|r| r.address.as_str())
            .collect();
        assert_eq!(
            envelope,
            [
                "carven@smtp.com",
                "sam@smtp.com",
                "yoyo@smtp.com",
                "clara@tsmtp.com"
            ]
        );
        assert!(composed
            .notes
            .iter()
            .any(|n| n.item == Item::Omitted { name: "Bcc" }));
        for note in &composed.notes {
            for lang in Lang::ALL {
                assert!(!note.explain(lang).is_empty());
            }
        }
    }

    #[test]
    fn mailbox_forms() {
        assert_eq!(
            Mailbox::parse("\"孙勇峰\" <sunyongfeng@xxx.com>").unwrap(),
            Mailbox::with_name("孙勇峰", "sunyongfeng@xxx.com")
        );
        assert_eq!(
            Mailbox::parse("xxx@163.com").unwrap(),
            Mailbox::new("xxx@163.com")
        );
        assert!(Mailbox::parse("Name <a@b").is_err());
        assert!(Mailbox::parse("no-at-sign").is_err());
        assert!(Mailbox::parse("用户@163.com").is_err());
    }

    #[test]
    fn refuses_header_injection_and_bad_boundaries() {
        let base = seed_004();
        let injected = base.clone().subject("hi\r\nBcc: evil@example.com");
        assert_eq!(
            injected.compose(),
            Err(MimeError::LineBreakInHeader { what: "subject" })
        );
        let mut bad = base.clone();
        bad.boundary = "has\"quote".into();
        assert!(matches!(bad.compose(), Err(MimeError::BadBoundary { .. })));
        let mut collide = base.text("--=====001_Dragon237244850520_===== in the text");
        collide.charset = Charset::Utf8;
        collide.transfer_encoding = None;
        assert!(matches!(
            collide.compose(),
            Err(MimeError::BoundaryInContent { .. })
        ));
    }
}
