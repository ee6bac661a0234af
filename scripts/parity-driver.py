#!/usr/bin/env python3
r"""Replays client scripts against a real SMTP server on loopback and writes C:/S: fixtures.

Run by scripts/record-real-servers.sh (by hand, never by CI). Usage:

    parity-driver.py --server NAME --port 25 --header FILE --out DIR SCRIPT...

A client script is one client line per line, sent with CRLF, each followed by a wait for the
server's whole reply. Lines starting with `#` are comments; `! source IP` (first lines only)
picks the client's source address (default 127.0.0.2: a client the server does not trust).
Macros, expanded before sending:
  {x*N}                  N times the letter x (any single character before `*`)
  {cram-md5 USER PASS}   CRAM-MD5 response (RFC 2195) to the last 334 challenge
  {digest-md5 USER PASS} DIGEST-MD5 digest-response (RFC 2831) to the last 334 challenge,
                         digest-uri smtp/mail.example.com
  {empty}                an empty line
A line `!raw N TEXT` sends the bytes of TEXT (with the escapes \r \n \t \\ \xHH) N times
as they are, no CRLF added, then collects every reply that arrives within a few seconds; the
fixture notes it as `C~ TEXT` repeated N times, escapes kept. This is how junk, bare LFs and
SMTP-smuggling end-of-data variants are sent.
After a 354 reply the following lines are message data, sent without waiting, up to the
lone `.`. After `BDAT n` the next line is the chunk (sent with its CRLF, which `n` counts).
The fixture notes each computed response as `C+ mechanism user password` followed by the
`C:` line actually sent, so a replay can compute its own for the engine's challenge.
"""
import argparse
import base64
import hashlib
import hmac
import os
import re
import select
import socket
import sys
import time

CRLF = b"\r\n"
FINAL = re.compile(rb"^\d{3}(?: |$)")


def read_reply(sock, buf, timeout):
    """Reads one complete reply (up to its final line). Returns (lines, buf, closed)."""
    lines = []
    deadline = time.time() + timeout
    while True:
        while CRLF in buf or b"\n" in buf:
            at = buf.find(b"\n")
            line, buf = buf[:at].rstrip(b"\r"), buf[at + 1:]
            lines.append(line)
            if FINAL.match(line):
                return lines, buf, False
        remaining = deadline - time.time()
        if remaining <= 0:
            return lines, buf, False
        ready, _, _ = select.select([sock], [], [], remaining)
        if not ready:
            return lines, buf, False
        try:
            data = sock.recv(65536)
        except OSError:
            data = b""
        if not data:
            if buf:
                lines.append(buf)
            return lines, b"", True
        buf += data


def extra_replies(sock, buf, wait):
    """Any further replies that arrive within `wait` seconds."""
    out = []
    closed = False
    while True:
        if b"\n" not in buf:
            ready, _, _ = select.select([sock], [], [], wait)
            if not ready:
                break
        lines, buf, closed = read_reply(sock, buf, 5)
        out.extend(lines)
        if closed or not lines:
            break
    return out, buf, closed


def cram(challenge_b64, user, password):
    challenge = base64.b64decode(challenge_b64)
    digest = hmac.new(password.encode(), challenge, hashlib.md5).hexdigest()
    return base64.b64encode(f"{user} {digest}".encode()).decode()


def digest_md5(challenge_b64, user, password, host="mail.example.com"):
    text = base64.b64decode(challenge_b64).decode("utf-8", "replace")
    fields = dict(
        (k.strip(), v.strip().strip('"'))
        for k, v in re.findall(r'([a-zA-Z-]+)=("[^"]*"|[^,]*)', text)
    )
    realm = fields.get("realm", "")
    nonce = fields.get("nonce", "")
    cnonce = base64.b64encode(os.urandom(12)).decode()
    nc = "00000001"
    qop = "auth"
    uri = f"smtp/{host}"
    md5 = lambda b: hashlib.md5(b).digest()
    hexmd5 = lambda b: hashlib.md5(b).hexdigest()
    a1 = md5(f"{user}:{realm}:{password}".encode()) + f":{nonce}:{cnonce}".encode()
    a2 = f"AUTHENTICATE:{uri}".encode()
    response = hexmd5(
        f"{hexmd5(a1)}:{nonce}:{nc}:{cnonce}:{qop}:{hexmd5(a2)}".encode()
    )
    parts = [f'username="{user}"']
    if realm:
        parts.append(f'realm="{realm}"')
    parts += [
        f'nonce="{nonce}"', f'cnonce="{cnonce}"', f"nc={nc}", f"qop={qop}",
        f'digest-uri="{uri}"', f"response={response}", "charset=utf-8",
    ]
    return base64.b64encode(",".join(parts).encode()).decode()


def unescape(text):
    out = bytearray()
    i = 0
    while i < len(text):
        c = text[i]
        if c == "\\" and i + 1 < len(text):
            n = text[i + 1]
            if n == "x":
                out.append(int(text[i + 2:i + 4], 16))
                i += 4
                continue
            out += {"r": b"\r", "n": b"\n", "t": b"\t", "\\": b"\\"}.get(n, n.encode())
            i += 2
            continue
        out += c.encode("utf-8")
        i += 1
    return bytes(out)


def expand(line):
    return re.sub(r"\{(.)\*(\d+)\}", lambda m: m.group(1) * int(m.group(2)), line)


def run(script_path, port, header):
    with open(script_path, encoding="utf-8") as f:
        raw = [l.rstrip("\n") for l in f]
    source = "127.0.0.2"
    comments = []
    lines = []
    for l in raw:
        if l.startswith("! source "):
            source = l.split()[2]
        elif l.startswith("#"):
            comments.append(l)
        else:
            lines.append(l)
    out = [header.rstrip("\n")]
    out += comments
    out.append(f"# client source address: {source}")
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind((source, 0))
    sock.settimeout(20)
    sock.connect(("127.0.0.1", port))
    buf = b""
    reply, buf, closed = read_reply(sock, buf, 30)
    out += ["S: " + r.decode("utf-8", "replace") for r in reply]
    last = reply[-1].decode("utf-8", "replace") if reply else ""
    data_mode = False
    chunk_next = False
    i = 0
    while i < len(lines) and not closed:
        line = lines[i]
        i += 1
        raw = re.fullmatch(r"!raw (\d+) (.*)", line)
        if raw:
            times, escaped = int(raw.group(1)), raw.group(2)
            sock.sendall(unescape(escaped) * times)
            out.append("C~ " + escaped * times)
            more, buf, closed = extra_replies(sock, buf, 3)
            out += ["S: " + r.decode("utf-8", "replace") for r in more]
            if not more:
                out.append("# (no reply)")
            else:
                last = more[-1].decode("utf-8", "replace")
            data_mode = last.startswith("354")
            if last.startswith("221") or last.startswith("421"):
                break
            continue
        text = expand(line)
        m = re.fullmatch(r"\{(cram-md5|digest-md5) (\S+) (\S+)\}", text)
        if m:
            mech, user, password = m.groups()
            if last.startswith("334 ") and len(last) > 4:
                fn = cram if mech == "cram-md5" else digest_md5
                text = fn(last[4:].strip(), user, password)
                out.append(f"C+ {mech} {user} {password}")
            else:
                text = "*"
        elif text == "{empty}":
            text = ""
        payload = text.encode("utf-8")
        sock.sendall(payload + CRLF)
        out.append("C: " + text)
        if data_mode:
            if text == ".":
                data_mode = False
            else:
                continue
        elif chunk_next:
            chunk_next = False
        elif re.match(r"(?i)^BDAT \d+", text):
            # The reply comes after the chunk, unless the command is refused at once.
            more, buf, closed = extra_replies(sock, buf, 0.5)
            out += ["S: " + r.decode("utf-8", "replace") for r in more]
            if not more:
                chunk_next = True
                continue
            last = more[-1].decode("utf-8", "replace")
            continue
        reply, buf, closed = read_reply(sock, buf, 30)
        more, buf, closed2 = ([], buf, closed) if closed else extra_replies(sock, buf, 0.25)
        closed = closed or closed2
        reply += more
        out += ["S: " + r.decode("utf-8", "replace") for r in reply]
        if not reply:
            out.append("# (no reply)")
        last = reply[-1].decode("utf-8", "replace") if reply else ""
        if last.startswith("354"):
            data_mode = True
        if last.startswith("220") and text.upper().startswith("STARTTLS"):
            out.append("# (client closes: TLS handshake not performed)")
            break
        if last.startswith("221") or last.startswith("421"):
            more, buf, closed = extra_replies(sock, buf, 0.5)
            out += ["S: " + r.decode("utf-8", "replace") for r in more]
            break
    if closed:
        out.append("# (connection closed by server)")
    sock.close()
    return "\n".join(out) + "\n"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--server", required=True)
    ap.add_argument("--port", type=int, default=25)
    ap.add_argument("--header", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("scripts", nargs="+")
    args = ap.parse_args()
    with open(args.header, encoding="utf-8") as f:
        header = f.read()
    os.makedirs(args.out, exist_ok=True)
    failed = 0
    for path in args.scripts:
        name = os.path.splitext(os.path.basename(path))[0]
        try:
            text = run(path, args.port, header)
        except OSError as err:
            print(f"{args.server} {name}: {err}", file=sys.stderr)
            failed += 1
            continue
        # Dates, queue ids and nonces differ between runs; the fixture keeps them as received.
        with open(os.path.join(args.out, name + ".txt"), "w", encoding="utf-8") as f:
            f.write(text)
        print(f"{args.server} {name}: {text.count(chr(10) + 'S: ')} reply lines")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
