//! Composing messages and reading them back with `mail-parser` (Stalwart's parser, which we
//! did not write): Chinese subjects and display names, seed 004's gb2312 quoted-printable
//! part, attachments byte for byte, RFC 2231 file names — and properties: dot-stuffing
//! round-trips anything, and no composed line exceeds 998 octets.

use mail_parser::{MessageParser, MimeHeaders};
use proptest::prelude::*;
use smtp_trainer::mime::compose::{Item, Rule};
use smtp_trainer::mime::{
    data_section, dot_stuff, dot_unstuff, inspect, Attachment, Charset, Mailbox, Message,
    MimeError, RecipientKind, TransferEncoding,
};

const DATE: &str = "Fri, 8 Jan 2010 16:12:30 +0800";

/// Octets that are not text in any charset, every value once.
fn binary() -> Vec<u8> {
    (0..=255u8)
        .chain((0..=255u8).rev())
        .cycle()
        .take(3000)
        .collect()
}

/// Seed 004's message, in Chinese: gb2312 quoted-printable text, attachments, CC and BCC.
fn seed_004() -> Message {
    Message::new(
        Mailbox::with_name("李卡文", "carven_li@smtp.com"),
        DATE,
        "<20100108161230.4711@smtp.com>",
        // Foxmail's boundary from seed 004 (its C++ example's "#BOUNDARY#" breaks RFC 2046:
        // `#` is not a boundary character; see below).
        "=====001_Dragon237244850520_=====",
    )
    .to(Mailbox::with_name("卡文", "carven@smtp.com"))
    .cc(Mailbox::with_name("sam", "sam@smtp.com"))
    .cc(Mailbox::with_name("Yoyo, 悠悠", "yoyo@smtp.com"))
    .bcc(Mailbox::with_name("clara", "clara@tsmtp.com"))
    .subject("这是一个测试：SMTP 发送邮件和附件")
    .x_mailer("shadowstar's mailer")
    .text("邮件正文……\n第二行，仍是中文。\n")
    .charset(Charset::Gb2312)
    .transfer_encoding(TransferEncoding::QuotedPrintable)
    .attach(Attachment::new("att.txt", b"plain attachment\r\n".to_vec()))
    .attach(Attachment::new("数据.bin", binary()))
    .attach(Attachment::new(
        "报告（最终版）非常非常长的文件名，用来测试续行.pdf",
        vec![0x25, 0x50, 0x44, 0x46],
    ))
}

#[test]
fn seed_004_message_reads_back_with_mail_parser() {
    let composed = seed_004().compose().unwrap();
    let raw = String::from_utf8(composed.bytes.clone()).expect("7-bit message");
    let parsed = MessageParser::default().parse(&composed.bytes).unwrap();

    assert_eq!(parsed.subject(), Some("这是一个测试：SMTP 发送邮件和附件"));
    let from = parsed.from().unwrap().first().unwrap();
    assert_eq!(from.name(), Some("李卡文"));
    assert_eq!(from.address(), Some("carven_li@smtp.com"));
    assert_eq!(parsed.to().unwrap().first().unwrap().name(), Some("卡文"));
    let cc: Vec<_> = parsed
        .cc()
        .unwrap()
        .iter()
        .map(|a| (a.name(), a.address()))
        .collect();
    assert_eq!(
        cc,
        [
            (Some("sam"), Some("sam@smtp.com")),
            (Some("Yoyo, 悠悠"), Some("yoyo@smtp.com"))
        ]
    );
    assert_eq!(parsed.message_id(), Some("20100108161230.4711@smtp.com"));

    // The gb2312 quoted-printable part, decoded back to the Chinese text.
    assert!(raw.contains("Content-Type: text/plain; charset=GB2312\r\nContent-Transfer-Encoding: quoted-printable\r\n"));
    assert!(
        raw.contains("=D3=CA=BC=FE=D5=FD=CE=C4"),
        "邮件正文 in GB2312, quoted-printable"
    );
    let text = parsed.body_text(0).unwrap();
    assert_eq!(
        text.replace("\r\n", "\n").trim_end(),
        "邮件正文……\n第二行，仍是中文。"
    );

    // Attachments byte for byte, names decoded (RFC 2231 filename*).
    let attachments: Vec<_> = parsed.attachments().collect();
    assert_eq!(attachments.len(), 3);
    assert_eq!(attachments[0].attachment_name(), Some("att.txt"));
    assert_eq!(attachments[1].attachment_name(), Some("数据.bin"));
    assert_eq!(attachments[1].contents(), binary().as_slice());
    assert_eq!(
        attachments[2].attachment_name(),
        Some("报告（最终版）非常非常长的文件名，用来测试续行.pdf")
    );
    assert_eq!(attachments[2].contents(), b"%PDF");
    assert!(raw.contains("filename*=UTF-8''%E6%95%B0%E6%8D%AE.bin"));
    assert!(raw.contains("filename*0*=UTF-8''%E6%8A%A5"));
    assert!(
        raw.contains(" name=\"=?UTF-8?B?"),
        "encoded-word name= for old clients"
    );

    // Bcc: in the envelope, never in the bytes.
    assert!(!raw.to_ascii_lowercase().contains("bcc"));
    assert!(!raw.contains("clara"));
    assert!(parsed.bcc().is_none());
    let bcc: Vec<_> = composed
        .envelope
        .recipients
        .iter()
        .filter(|r| r.kind == RecipientKind::Bcc)
        .map(|r| r.address.as_str())
        .collect();
    assert_eq!(bcc, ["clara@tsmtp.com"]);
    assert_eq!(composed.envelope.recipients.len(), 4);
    assert_eq!(composed.envelope.from, "carven_li@smtp.com");
}

#[test]
fn seed_004_hash_boundary_breaks_rfc_2046() {
    let mut m = seed_004();
    m.boundary = "#BOUNDARY#".into();
    assert_eq!(
        m.compose(),
        Err(MimeError::BadBoundary {
            boundary: "#BOUNDARY#".into()
        })
    );
}

#[test]
fn inspect_gives_headers_tree_bodies_and_attachments() {
    let composed = seed_004().html("<p>邮件正文</p>").compose().unwrap();
    let inspected = inspect(&composed.bytes).unwrap();
    assert_eq!(
        inspected.subject.as_deref(),
        Some("这是一个测试：SMTP 发送邮件和附件")
    );
    assert_eq!(inspected.from[0].name.as_deref(), Some("李卡文"));
    assert!(inspected.bcc.is_empty());
    assert_eq!(
        inspected.html.as_deref().map(str::trim_end),
        Some("<p>邮件正文</p>")
    );
    assert!(inspected.text.as_deref().unwrap().starts_with("邮件正文……"));
    let tree: Vec<(&str, &str)> = inspected
        .parts
        .iter()
        .map(|p| (p.path.as_str(), p.content_type.as_str()))
        .collect();
    assert_eq!(
        tree,
        [
            ("", "multipart/mixed"),
            ("1", "multipart/alternative"),
            ("1.1", "text/plain"),
            ("1.2", "text/html"),
            ("2", "text/plain"),
            ("3", "application/octet-stream"),
            ("4", "application/pdf"),
        ]
    );
    assert_eq!(inspected.parts[2].charset.as_deref(), Some("GB2312"));
    let names: Vec<_> = inspected
        .attachments
        .iter()
        .map(|a| a.filename.as_deref())
        .collect();
    assert_eq!(
        names,
        [
            Some("att.txt"),
            Some("数据.bin"),
            Some("报告（最终版）非常非常长的文件名，用来测试续行.pdf")
        ]
    );
    // A text/plain attachment comes back byte for byte too.
    assert_eq!(inspected.attachments[0].data, b"plain attachment\r\n");
    assert_eq!(inspected.attachments[1].data, binary());
    assert_eq!(inspected.attachments[1].path, "3");
    let subject = inspected
        .headers
        .iter()
        .find(|h| h.name == "Subject")
        .unwrap();
    assert!(subject.raw.starts_with("=?UTF-8?B?"));
    assert_eq!(subject.decoded, "这是一个测试：SMTP 发送邮件和附件");
}

#[test]
fn every_charset_and_encoding_decodes_to_the_same_chinese() {
    let text = "你好，世界！\n这是第二行。\n";
    for charset in Charset::ALL {
        for te in [
            None,
            Some(TransferEncoding::EightBit),
            Some(TransferEncoding::QuotedPrintable),
            Some(TransferEncoding::Base64),
        ] {
            let mut m = Message::new(Mailbox::new("a@example.com"), DATE, "1@example.com", "b")
                .to(Mailbox::with_name("孙勇峰", "sunyongfeng@xxx.com"))
                .subject("主题")
                .text(text)
                .charset(charset)
                .header_charset(charset);
            m.transfer_encoding = te;
            let composed = m.compose().unwrap();
            let parsed = MessageParser::default().parse(&composed.bytes).unwrap();
            let body = parsed.body_text(0).unwrap();
            assert_eq!(body.replace("\r\n", "\n"), text, "{charset:?} {te:?}");
            assert_eq!(parsed.subject(), Some("主题"), "{charset:?}");
            assert_eq!(
                parsed.to().unwrap().first().unwrap().name(),
                Some("孙勇峰"),
                "{charset:?}"
            );
        }
    }
}

#[test]
fn the_transfer_encoding_choice_is_explained() {
    let composed = Message::new(Mailbox::new("a@example.com"), DATE, "1@example.com", "b")
        .to(Mailbox::new("b@example.com"))
        .text("plain ASCII text\n")
        .compose()
        .unwrap();
    let te = composed
        .notes
        .iter()
        .find(|n| {
            matches!(
                n.item,
                Item::Header {
                    name: "Content-Transfer-Encoding",
                    ..
                }
            )
        })
        .unwrap();
    assert!(matches!(
        te.rules[0],
        Rule::TransferEncoding {
            chosen: TransferEncoding::SevenBit,
            ..
        }
    ));
    // Every header and every part has a note in both languages.
    for note in &composed.notes {
        assert!(!note.rules.is_empty(), "{note:?}");
        let en = note.explain(smtp_trainer::i18n::Lang::En);
        let zh = note.explain(smtp_trainer::i18n::Lang::Zh);
        assert!(en.contains("RFC") && zh.contains("RFC"));
        assert_ne!(en, zh);
    }
    // 7bit cannot carry Chinese.
    let refused = Message::new(Mailbox::new("a@example.com"), DATE, "1@example.com", "b")
        .to(Mailbox::new("b@example.com"))
        .text("中文")
        .transfer_encoding(TransferEncoding::SevenBit)
        .compose();
    assert!(matches!(refused, Err(MimeError::CannotCarry { .. })));
}

#[test]
fn a_long_line_is_encoded_and_dot_lines_survive_the_server_way() {
    let long = "x".repeat(3000);
    let text = format!(".starts with a dot\n{long}\n.\n");
    let composed = Message::new(Mailbox::new("a@example.com"), DATE, "1@example.com", "b")
        .to(Mailbox::new("b@example.com"))
        .text(&text)
        .compose()
        .unwrap();
    assert!(composed
        .bytes
        .split(|b| *b == b'\n')
        .all(|l| l.len() <= 1000));
    let data = data_section(&composed.bytes);
    assert!(data.ends_with(b"\r\n.\r\n"));
    let unstuffed = dot_unstuff(data.strip_suffix(b".\r\n").unwrap());
    assert_eq!(unstuffed, composed.bytes);
    let parsed = MessageParser::default().parse(&composed.bytes).unwrap();
    assert_eq!(parsed.body_text(0).unwrap().replace("\r\n", "\n"), text);
}

/// Found by `no_composed_line_exceeds_998_octets`: a subject with U+E78D in GB18030 went out
/// as A6 D9, which mail-parser (like GB18030-2022) reads as U+FE10 — the receiver saw another
/// character. It is refused now, by name, as a character the charset cannot carry.
#[test]
fn a_gb18030_subject_never_reads_back_as_other_characters() {
    let compose = |subject: &str| {
        Message::new(Mailbox::new("a@example.com"), DATE, "1@example.com", "b")
            .to(Mailbox::new("b@example.com"))
            .subject(subject)
            .text("x")
            .header_charset(Charset::Gb18030)
            .compose()
    };
    assert!(matches!(
        compose("\u{e78d} 主题"),
        Err(MimeError::NotInCharset {
            character: '\u{e78d}',
            ..
        })
    ));
    let composed = compose("︐ 主题").unwrap();
    let parsed = MessageParser::default().parse(&composed.bytes).unwrap();
    assert_eq!(parsed.subject(), Some("︐ 主题"));
}

fn lines_within_998(bytes: &[u8]) -> bool {
    bytes.split(|b| *b == b'\n').all(|line| {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        line.len() <= 998
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn inspect_never_panics(raw in proptest::collection::vec(any::<u8>(), 0..3000)) {
        let _ = inspect(&raw);
    }

    #[test]
    fn dot_stuffing_round_trips_any_body(body in proptest::collection::vec(any::<u8>(), 0..2000)) {
        let stuffed = dot_stuff(&body);
        prop_assert_eq!(dot_unstuff(&stuffed), body.clone());
        // No line of the stuffed body is a lone dot: only the terminator is.
        let lone = stuffed
            .split(|b| *b == b'\n')
            .any(|l| l == b"." || l == b".\r");
        prop_assert!(!lone);
        let data = data_section(&body);
        prop_assert!(data.ends_with(b".\r\n"));
    }

    #[test]
    fn no_composed_line_exceeds_998_octets(
        subject in "[^\r\n]{0,300}",
        name in "[^\r\n]{0,120}",
        body in any::<String>(),
        long_word in "[a-zA-Z0-9]{900,1200}",
        charset in prop::sample::select(Charset::ALL.to_vec()),
        filename in "[^\r\n\u{0}-\u{1f}\u{7f}-\u{9f}]{1,200}",
    ) {
        let body = format!("{body}\n{long_word}\n");
        let subject = format!("{subject} {long_word}");
        let message = Message::new(Mailbox::with_name(&name, "from@example.com"), DATE, "id@example.com", "=_b")
            .to(Mailbox::with_name(&name, "to@example.com"))
            .subject(&subject)
            .text(&body)
            .charset(Charset::Utf8)
            .header_charset(charset)
            .attach(Attachment::new(&filename, body.as_bytes().to_vec()));
        match message.compose() {
            Ok(composed) => {
                prop_assert!(lines_within_998(&composed.bytes));
                // Headers stay under 78 columns but for unsplittable addresses and ids.
                let head_end = composed.bytes.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
                for line in composed.bytes[..head_end].split(|b| *b == b'\n') {
                    prop_assert!(line.len() <= 78, "{}", String::from_utf8_lossy(line));
                }
                let parsed = MessageParser::default().parse(&composed.bytes).unwrap();
                prop_assert_eq!(parsed.subject().map(str::trim), Some(subject.trim()));
                let attachment = parsed.attachments().next().unwrap();
                prop_assert_eq!(attachment.contents(), body.as_bytes());
                prop_assert_eq!(attachment.attachment_name(), Some(filename.trim()));
            }
            // GB charsets lack some characters; GB18030 only the private-use ones whose 2005
            // octets its 2022 edition reads as other characters. Nothing else may fail.
            Err(MimeError::NotInCharset { character, .. }) => prop_assert!(
                charset != Charset::Utf8
                    && (charset != Charset::Gb18030 || ('\u{e000}'..='\u{f8ff}').contains(&character)),
                "{character:?} in {charset:?}"
            ),
            Err(other) => prop_assert!(false, "{other:?}"),
        }
    }
}

#[test]
fn addresses_that_are_no_dot_strings_or_domains_are_refused() {
    use smtp_trainer::mime::compose::check_address;
    for bad in [
        "bob@@example.com",
        "a.@example.com",
        ".a@example.com",
        "a..b@example.com",
        "a@example..com",
        "a@-example.com",
        "a@example.com.",
        "a@exa_mple.com",
        "a@[300.1.1.1]",
        "a@[192.0.2.1",
        "a@192.0.2.1]",
        "a@[IPv6:192.0.2.1]",
        "a@[IPv6:::1:]",
        "a@[x:1]",
        "a[b]@[192.0.2.1]",
        "a:b@[IPv6:::1]",
    ] {
        assert!(check_address(bad).is_err(), "{bad}");
    }
    // Address literals (RFC 5321 §4.1.3), as used to test a server by its address.
    for good in [
        "a.b@example.com",
        "a+tag@mail-1.example.com",
        "x@localhost",
        "postmaster@[192.0.2.1]",
        "bob@[IPv6:2001:db8::1]",
        "bob@[ipv6:::1]",
    ] {
        assert!(check_address(good).is_ok(), "{good}");
    }
}
