//! Message authentication against software nobody here wrote: Python's `dkimpy` (PyPI)
//! signs messages that the trainer verifies and verifies the trainer's signatures, in both
//! algorithms and every canonicalization; `pyspf` (PyPI) evaluates the same SPF records
//! as the trainer, case by case, with its DNS lookups answered from the same records file
//! (pyspf's `DNSLookup` replaced: no DNS at all).
//!
//! A missing dkimpy, dnspython or pyspf fails the tests (never skips): `cargo xtask test`
//! installs them.

use std::path::{Path, PathBuf};
use std::process::Command;

use smtp_trainer::msgauth::dkim::sign::{sign, PrivateKey, SignInput};
use smtp_trainer::msgauth::dkim::verify::{verify, VerifyInput};
use smtp_trainer::msgauth::dkim::Canon;
use smtp_trainer::msgauth::dns::Zone;
use smtp_trainer::msgauth::spf::check_host;

mod rfc8463;
use rfc8463::*;

const INSTALL_HINT: &str =
    "dkimpy, dnspython and pyspf (PyPI) are needed: `cargo xtask test` installs them \
    (python3 -m pip install dkimpy dnspython pyspf)";

/// The Python side: `sign`, `verify` (dkimpy) and `spf` (pyspf), DNS answered from files.
const PEER: &str = r#"
import sys, re
cmd = sys.argv[1]

def read_zone(path):
    zone = {}
    for line in open(path, encoding='utf-8'):
        line = line.strip()
        if not line or line.startswith('#'):
            continue
        name, rest = line.split(None, 1)
        parts = rest.split(None, 1)
        rtype = parts[0].upper()
        data = parts[1].strip() if len(parts) > 1 else ''
        name = name.rstrip('.').lower()
        if rtype == 'TXT':
            if data.startswith('"'):
                strings = [re.sub(r'\\(.)', r'\1', s) for s in re.findall(r'"((?:[^"\\]|\\.)*)"', data)]
            else:
                strings = [data]
            value = [s.encode() for s in strings]
        elif rtype == 'MX':
            pref, host = data.split()
            value = (int(pref), host.rstrip('.').lower())
        else:
            value = data
        zone.setdefault(name, []).append((rtype, value))
    return zone

if cmd == 'sign':
    import dkim
    alg, hc, bc, length, key, msg = sys.argv[2:8]
    message = open(msg, 'rb').read()
    sig = dkim.sign(message, b'brisbane', b'football.example.com', open(key, 'rb').read().strip(),
                    canonicalize=(hc.encode(), bc.encode()), signature_algorithm=alg.encode(),
                    include_headers=[b'from', b'to', b'subject', b'date', b'message-id'],
                    length=(length == '1'))
    sys.stdout.buffer.write(sig + message)
elif cmd == 'verify':
    import dkim
    msg, idx, record = sys.argv[2], int(sys.argv[3]), sys.argv[4]
    d = dkim.DKIM(open(msg, 'rb').read())
    try:
        ok = d.verify(idx=idx, dnsfunc=lambda name, timeout=5: record.encode())
    except dkim.ValidationError as e:
        # dkimpy raises for some failures (a body hash mismatch) instead of returning False.
        ok = False
    print('pass' if ok else 'fail')
elif cmd == 'spf':
    import spf
    zone = read_zone(sys.argv[2])
    def lookup(name, qtype, strict=True, timeout=30):
        name = name.rstrip('.').lower()
        entries = zone.get(name, [])
        if any(t == 'TEMPFAIL' for t, _ in entries):
            raise spf.TempError('DNS timeout for ' + name)
        return [((name, t), v) for t, v in entries if t == qtype]
    spf.DNSLookup = lookup
    for case in sys.argv[3:]:
        ip, sender, helo = case.split('|')
        result, explanation = spf.check2(i=ip, s=sender, h=helo)
        print(result)
"#;

fn python(args: &[&str]) -> String {
    let out = Command::new("python3")
        .arg("-c")
        .arg(PEER)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("python3: {e}; {INSTALL_HINT}"));
    assert!(
        out.status.success(),
        "python3 {args:?} failed: {}\n{INSTALL_HINT}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn require_peers() {
    let ok = Command::new("python3")
        .args(["-c", "import dkim, dns, spf, nacl"])
        .status()
        .is_ok_and(|s| s.success());
    assert!(ok, "{INSTALL_HINT} (and PyNaCl for Ed25519)");
}

fn scratch(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!(
        "smtp-trainer-interop-{}-{name}",
        std::process::id()
    ));
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

/// A message whose header and body give every canonicalization rule work: a folded
/// Subject with a tab, upper-case names, spaces before a colon, trailing and repeated
/// whitespace in the body, empty lines at the end.
const MESSY: &str = concat!(
    "From: Joe SixPack <joe@football.example.com>\r\n",
    "To:   Suzie Q <suzie@shopping.example.net>  \r\n",
    "SUBJECT: Is dinner\r\n\tready?  Really?\r\n",
    "Date: Fri, 11 Jul 2003 21:00:37 -0700 (PDT)\r\n",
    "Message-ID: <20030712040037.46341.5F8J@football.example.com>\r\n",
    "\r\n",
    "Hi.   \r\n",
    "\r\n",
    "We lost\t the game.  Are you hungry yet?\r\n",
    "\r\n",
    "Joe.\r\n",
    "\r\n",
    "\r\n",
);

const CANONS: [(&str, &str); 4] = [
    ("simple", "simple"),
    ("simple", "relaxed"),
    ("relaxed", "simple"),
    ("relaxed", "relaxed"),
];

fn canon(name: &str) -> Canon {
    if name == "simple" {
        Canon::Simple
    } else {
        Canon::Relaxed
    }
}

#[test]
fn dkimpy_signatures_verify_here() {
    require_peers();
    let dir = scratch("dkimpy-signs");
    let msg = write(&dir, "messy.eml", MESSY.as_bytes());
    let ed_key = write(&dir, "ed.key", ED25519_SEED.as_bytes());
    let rsa_key = write(&dir, "rsa.key", RSA_PRIVATE.as_bytes());
    for (alg, key, record) in [
        ("ed25519-sha256", &ed_key, ED25519_RECORD),
        ("rsa-sha256", &rsa_key, RSA_RECORD),
    ] {
        for (hc, bc) in CANONS {
            for length in ["0", "1"] {
                let signed = python(&[
                    "sign",
                    alg,
                    hc,
                    bc,
                    length,
                    key.to_str().unwrap(),
                    msg.to_str().unwrap(),
                ]);
                let r = verify(&VerifyInput {
                    message: signed.as_bytes(),
                    index: 0,
                    key_record: record,
                    now: None,
                });
                assert!(
                    r.pass(),
                    "dkimpy {alg} {hc}/{bc} l={length}: {:?}\n{signed}",
                    r.failure
                );
                assert_eq!(
                    r.signature.as_ref().map(|s| (s.header_canon, s.body_canon)),
                    Some((canon(hc), canon(bc)))
                );
            }
        }
    }
}

#[test]
fn signatures_made_here_verify_in_dkimpy() {
    require_peers();
    let dir = scratch("dkimpy-verifies");
    for (key, record) in [
        (PrivateKey::Ed25519(ED25519_SEED.into()), ED25519_RECORD),
        (PrivateKey::Rsa(RSA_PRIVATE.into()), RSA_RECORD),
    ] {
        for (hc, bc) in CANONS {
            let r = sign(&SignInput {
                message: MESSY.as_bytes(),
                domain: "football.example.com",
                selector: "brisbane",
                key: key.clone(),
                header_canon: canon(hc),
                body_canon: canon(bc),
                headers: vec![],
                timestamp: Some(1528637909),
                expiration: None,
            })
            .unwrap();
            let file = write(&dir, &format!("{hc}-{bc}.eml"), &r.signed);
            assert_eq!(
                python(&["verify", file.to_str().unwrap(), "0", record]).trim(),
                "pass",
                "{hc}/{bc}\n{}",
                String::from_utf8_lossy(&r.signed)
            );
            // And a changed body fails there too.
            let mut changed = r.signed.clone();
            changed.extend_from_slice(b"-- \r\nfooter\r\n");
            let file = write(&dir, &format!("{hc}-{bc}-footer.eml"), &changed);
            assert_eq!(
                python(&["verify", file.to_str().unwrap(), "0", record]).trim(),
                "fail"
            );
        }
    }
    // RFC 8463's message: dkimpy agrees with both published signatures.
    let file = write(&dir, "rfc8463.eml", RFC8463_MESSAGE.as_bytes());
    assert_eq!(
        python(&["verify", file.to_str().unwrap(), "0", ED25519_RECORD]).trim(),
        "pass"
    );
    assert_eq!(
        python(&["verify", file.to_str().unwrap(), "1", RSA_RECORD]).trim(),
        "pass"
    );
}

/// The records both evaluators read.
const SPF_ZONE: &str = r#"
example.com TXT "v=spf1 ip4:192.0.2.0/24 ip6:2001:db8::/32 a:mail.example.com mx include:_spf.example.net ~all"
mail.example.com A 198.51.100.10
mail.example.com AAAA 2001:db8:beef::10
example.com MX 10 mx1.example.com
example.com MX 20 mx2.example.com
mx1.example.com A 203.0.113.21
mx2.example.com A 203.0.113.22
_spf.example.net TXT "v=spf1 ip4:198.51.100.128/25 -all"
redirect.example TXT "v=spf1 redirect=example.com"
neutral.example TXT "v=spf1 ?all"
nothing.example TXT "v=spf1 ip4:192.0.2.1"
hard.example TXT "v=spf1 -all"
cidr.example TXT "v=spf1 a:mail.example.com/24 mx:example.com/30 -all"
exists.example TXT "v=spf1 exists:%{ir}.%{v}._spf.%{d} -all"
1.2.0.192.in-addr._spf.exists.example A 127.0.0.2
macro.example TXT "v=spf1 exists:%{l}.users.%{d} -all"
alice.users.macro.example A 127.0.0.2
two.example TXT "v=spf1 -all"
two.example TXT "v=spf1 +all"
syntax.example TXT "v=spf1 ip4:192.0.2.300 -all"
unknown.example TXT "v=spf1 ipv4:192.0.2.1 -all"
badinclude.example TXT "v=spf1 include:nospf.example -all"
nospf.example TXT "some other text"
badredirect.example TXT "v=spf1 redirect=nospf.example"
temp.example TXT "v=spf1 a:down.example -all"
down.example TEMPFAIL
void.example TXT "v=spf1 a:v1.example a:v2.example a:v3.example ip4:192.0.2.1 -all"
many.example TXT "v=spf1 include:i1.example include:i2.example include:i3.example include:i4.example include:i5.example include:i6.example ip4:192.0.2.77 -all"
i1.example TXT "v=spf1 a:h.i1.example mx:i1.example ?all"
i2.example TXT "v=spf1 a:h.i2.example mx:i2.example ?all"
i3.example TXT "v=spf1 a:h.i3.example ?all"
i4.example TXT "v=spf1 a:h.i4.example ?all"
i5.example TXT "v=spf1 a:h.i5.example ?all"
i6.example TXT "v=spf1 a:h.i6.example ?all"
h.i1.example A 192.0.2.201
h.i2.example A 192.0.2.202
h.i3.example A 192.0.2.203
h.i4.example A 192.0.2.204
h.i5.example A 192.0.2.205
h.i6.example A 192.0.2.206
i1.example MX 10 h.i1.example
i2.example MX 10 h.i2.example
nine.example TXT "v=spf1 include:i1.example include:i2.example include:i3.example include:i4.example ip4:192.0.2.77 -all"
helo.example TXT "v=spf1 ip4:192.0.2.50 -all"
modifier.example TXT "v=spf1 foo=bar ip4:192.0.2.1 -all exp=explain.modifier.example"
"#;

#[test]
fn spf_results_agree_with_pyspf() {
    require_peers();
    let dir = scratch("pyspf");
    let zone_file = write(&dir, "zone.txt", SPF_ZONE.as_bytes());
    let zone = Zone::parse(SPF_ZONE).unwrap();
    let cases: Vec<(&str, &str, &str)> = vec![
        ("192.0.2.9", "a@example.com", "h.example"),
        ("2001:db8::9", "a@example.com", "h.example"),
        ("198.51.100.10", "a@example.com", "h.example"),
        ("203.0.113.22", "a@example.com", "h.example"),
        ("198.51.100.200", "a@example.com", "h.example"),
        ("203.0.113.99", "a@example.com", "h.example"),
        ("2001:db9::1", "a@example.com", "h.example"),
        ("203.0.113.99", "a@redirect.example", "h.example"),
        ("192.0.2.9", "a@redirect.example", "h.example"),
        ("203.0.113.99", "a@neutral.example", "h.example"),
        ("203.0.113.99", "a@nothing.example", "h.example"),
        ("203.0.113.99", "a@hard.example", "h.example"),
        ("198.51.100.99", "a@cidr.example", "h.example"),
        ("203.0.113.23", "a@cidr.example", "h.example"),
        ("203.0.113.25", "a@cidr.example", "h.example"),
        ("192.0.2.1", "a@exists.example", "h.example"),
        ("192.0.2.2", "a@exists.example", "h.example"),
        ("192.0.2.2", "alice@macro.example", "h.example"),
        ("192.0.2.2", "bob@macro.example", "h.example"),
        ("192.0.2.1", "a@two.example", "h.example"),
        ("192.0.2.1", "a@syntax.example", "h.example"),
        ("192.0.2.1", "a@unknown.example", "h.example"),
        ("192.0.2.1", "a@badinclude.example", "h.example"),
        ("192.0.2.1", "a@badredirect.example", "h.example"),
        ("192.0.2.1", "a@temp.example", "h.example"),
        ("192.0.2.1", "a@void.example", "h.example"),
        ("192.0.2.77", "a@many.example", "h.example"),
        ("192.0.2.77", "a@nine.example", "h.example"),
        ("192.0.2.203", "a@nine.example", "h.example"),
        ("192.0.2.1", "a@nospf-at-all.example", "h.example"),
        ("192.0.2.50", "", "helo.example"),
        ("192.0.2.51", "", "helo.example"),
        ("192.0.2.1", "a@modifier.example", "h.example"),
        ("::ffff:192.0.2.9", "a@example.com", "h.example"),
    ];
    let args: Vec<String> = cases
        .iter()
        .map(|(i, s, h)| format!("{i}|{s}|{h}"))
        .collect();
    let mut argv: Vec<&str> = vec!["spf", zone_file.to_str().unwrap()];
    argv.extend(args.iter().map(String::as_str));
    let theirs = python(&argv);
    let theirs: Vec<&str> = theirs.lines().collect();
    assert_eq!(theirs.len(), cases.len());
    let mut disagreements = Vec::new();
    for ((ip, sender, helo), their) in cases.iter().zip(&theirs) {
        let ours = check_host(&zone, ip.parse().unwrap(), sender, helo);
        if ours.result.name() != *their {
            disagreements.push(format!(
                "{ip} {sender:?} {helo}: ours {} ({:?}), pyspf {their}",
                ours.result.name(),
                ours.error
            ));
        }
    }
    assert!(disagreements.is_empty(), "{}", disagreements.join("\n"));
}
