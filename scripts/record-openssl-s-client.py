#!/usr/bin/env python3
"""Records OpenSSL's `s_client -starttls smtp` typed into by hand, as people paste it: the
handshake's report, then the session as the terminal shows it (each typed line echoed, the
replies between). A pseudo-terminal stands in for the person typing; the server is
`smtp-trainer serve --profile postfix` on 127.0.0.1:2525.

    renegotiating  `RCPT TO:<…>` typed in capitals: in s_client's interactive mode a line
                   that starts with R asks it to renegotiate, and is never sent (TLS 1.3
                   cannot renegotiate: an error, and s_client ends)
    lowercase      the same session with `rcpt to:<…>`: delivered; `QUIT` is s_client's Q,
                   so it ends the connection itself (`DONE`) and QUIT is never sent
    nocommands     `-nocommands`: every line goes to the server, `RCPT TO` and `QUIT` too

Output: tests/fixtures/openssl-s-client/<case>.txt (the certificate, the session ids and
the times vary from run to run). `cargo test --lib analyze` replays them. Needs OpenSSL's
command line and a built `smtp-trainer` (cargo build); touches nothing outside the repository.
Never run by CI.

    python3 scripts/record-openssl-s-client.py
"""
import os
import pty
import select
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "tests", "fixtures", "openssl-s-client")
TARGET = os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target"))
TRAINER = os.path.join(TARGET, "debug", "smtp-trainer")
PLAIN_WRONG = "AGFsaWNlQGV4YW1wbGUuY29tAHdyb25n"  # \0alice@example.com\0wrong
PLAIN_RIGHT = "AGFsaWNlQGV4YW1wbGUuY29tAHNlY3JldA=="  # \0alice@example.com\0secret


def session(rcpt, extra):
    """Runs s_client in a pseudo-terminal, types the session's lines, returns what showed."""
    pid, fd = pty.fork()
    if pid == 0:
        os.execvp("openssl", ["openssl", "s_client", "-starttls", "smtp",
                              "-connect", "127.0.0.1:2525", "-crlf"] + extra)
    out = b""

    def read(seconds):
        nonlocal out
        end = time.time() + seconds
        while time.time() < end:
            ready, _, _ = select.select([fd], [], [], 0.1)
            if ready:
                try:
                    data = os.read(fd, 65536)
                except OSError:
                    return
                if not data:
                    return
                out += data

    read(2)
    lines = ["EHLO client.example", "AUTH PLAIN " + PLAIN_WRONG, "AUTH PLAIN " + PLAIN_RIGHT,
             "MAIL FROM:<alice@example.com>", rcpt + ":<bob@example.org>", "DATA",
             "Subject: test", "", "hello", ".", "QUIT"]
    for line in lines:
        os.write(fd, (line + "\r").encode())
        read(0.7)
    read(1)
    try:
        os.kill(pid, 9)
    except ProcessLookupError:
        pass
    os.waitpid(pid, 0)
    return out.replace(b"\r\n", b"\n")


def main():
    subprocess.run(["cargo", "build", "--quiet", "--bin", "smtp-trainer"], cwd=ROOT, check=True)
    server = subprocess.Popen([TRAINER, "serve", "--listen", "127.0.0.1:2525", "--profile",
                               "postfix", "--user", "alice@example.com:secret"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        time.sleep(1)
        os.makedirs(OUT, exist_ok=True)
        for name, rcpt, extra in [("renegotiating", "RCPT TO", []),
                                  ("lowercase", "rcpt to", []),
                                  ("nocommands", "RCPT TO", ["-nocommands"])]:
            with open(os.path.join(OUT, name + ".txt"), "wb") as f:
                f.write(session(rcpt, extra))
            print("recorded", name)
        version = subprocess.run(["openssl", "version"], capture_output=True, text=True).stdout
        with open(os.path.join(OUT, "VERSION"), "w") as f:
            f.write(version)
    finally:
        server.kill()


if __name__ == "__main__":
    sys.exit(main())
