#!/usr/bin/env bash
# Records the packet captures under tests/fixtures/captures/ (issue 15): real clients
# (swaks, curl, Python's smtplib) talking to `smtp-trainer serve` on loopback, captured by
# tcpdump (pcap; `-i any` gives Linux cooked capture v2) and dumpcap (pcapng). Beside each
# capture the server's and the client's own logs are kept, so the tests can check that
# every reassembled transcript equals what the two sides logged.
#
# Run by hand, as root (capturing needs it), on a Debian machine with
#   apt-get install tcpdump wireshark-common swaks libauthen-sasl-perl curl python3
# CI only replays the committed files; it does not need any of these.
set -euo pipefail
cd "$(dirname "$0")/.."
out=tests/fixtures/captures
mkdir -p "$out"
cargo build --quiet --bin smtp-trainer
bin=target/debug/smtp-trainer
work=$(mktemp -d)
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    rm -rf "$work"
}
trap cleanup EXIT

# serve LISTEN NAME: starts the server, sets $port.
serve() {
    "$bin" serve --listen "$1" --user alice:secret --hostname mx.example.com \
        >"$work/$2.serve.log" 2>&1 &
    pids+=($!)
    for _ in $(seq 50); do
        if grep -q '^listening on ' "$work/$2.serve.log"; then break; fi
        sleep 0.1
    done
    port=$(sed -n 's/^listening on .*:\([0-9]*\)$/\1/p' "$work/$2.serve.log" | head -1)
}

# capture TOOL IFACE PORT FILE: starts a capture of one port; sets $cap.
capture() {
    case "$1" in
        tcpdump) tcpdump -i "$2" -s 0 -U -w "$4" "tcp port $3" 2>/dev/null & ;;
        dumpcap) dumpcap -q -i "$2" -s 0 -f "tcp port $3" -w "$4" 2>/dev/null & ;;
    esac
    cap=$!
    pids+=("$cap")
    sleep 1.5
}

stop() {
    sleep 1
    kill -INT "$cap"
    wait "$cap" 2>/dev/null || true
}

finish() { # NAME: stops the server and keeps its transcript
    kill "${pids[0]}" 2>/dev/null || true
    wait "${pids[0]}" 2>/dev/null || true
    pids=()
    cp "$work/$1.serve.log" "$out/$1.serve.log"
}

# 1. swaks with STARTTLS, then AUTH PLAIN inside TLS (nothing after STARTTLS is readable).
serve 127.0.0.1:0 swaks-starttls
capture tcpdump lo "$port" "$out/swaks-starttls.pcap"
swaks --server "127.0.0.1:$port" --tls --auth PLAIN --auth-user alice \
    --auth-password secret --from alice@example.com --to bob@example.com \
    >"$out/swaks-starttls.client.log" 2>&1 || true
stop
finish swaks-starttls

# 2. swaks with AUTH CRAM-MD5, then AUTH LOGIN, in clear: two SMTP streams.
serve 127.0.0.1:0 swaks-auth
capture tcpdump lo "$port" "$out/swaks-auth.pcap"
swaks --server "127.0.0.1:$port" --auth CRAM-MD5 --auth-user alice --auth-password secret \
    --from alice@example.com --to bob@example.com >"$out/swaks-auth.client.log" 2>&1
swaks --server "127.0.0.1:$port" --auth LOGIN --auth-user alice --auth-password secret \
    --from alice@example.com --to bob@example.com >>"$out/swaks-auth.client.log" 2>&1
stop
finish swaks-auth

# 3. curl sending a message with AUTH, captured as pcapng by dumpcap.
serve 127.0.0.1:0 curl
capture dumpcap lo "$port" "$out/curl.pcapng"
printf 'From: alice@example.com\r\nTo: bob@example.com\r\nSubject: curl\r\n\r\nHello from curl.\r\n' \
    >"$work/message.txt"
curl -sv --url "smtp://127.0.0.1:$port" --user alice:secret --mail-from alice@example.com \
    --mail-rcpt bob@example.com --upload-file "$work/message.txt" \
    >"$out/curl.client.log" 2>&1
stop
finish curl

# 4. Python's smtplib over IPv6 loopback, captured on `any` (Linux cooked capture v2).
serve '[::1]:0' smtplib-ipv6
capture tcpdump any "$port" "$out/smtplib-ipv6.pcap"
python3 - "$port" >"$out/smtplib-ipv6.client.log" 2>&1 <<'PY'
import smtplib, sys
s = smtplib.SMTP("::1", int(sys.argv[1]))
s.set_debuglevel(1)
s.ehlo("client.example")
s.login("alice", "secret")
s.sendmail("alice@example.com", ["bob@example.com"],
           "From: alice@example.com\r\nTo: bob@example.com\r\nSubject: smtplib\r\n\r\nHi.\r\n")
s.quit()
PY
stop
finish smtplib-ipv6

ls -l "$out"
