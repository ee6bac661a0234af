#!/usr/bin/env bash
# Records what Debian's sSMTP 2.64 prints with -v (`[->]` sent, `[<-]` received) and the
# error it ends with, for the cases people post: ssmtp is the `sendmail` of many containers
# and small servers (PHP's mail(), cron), so its lines often come as `sendmail: …`. The
# server is `smtp-trainer serve --profile gmail --require-auth` on 127.0.0.1:2525 under the
# name smtp.example.com:
#
#   delivered             STARTTLS, AUTH LOGIN accepted, the message queued
#   wrong-password        AUTH LOGIN refused: `Authorization failed (535 …)`
#   no-login              STARTTLS but no AuthUser: MAIL refused with 530
#   no-starttls           AuthUser without UseSTARTTLS: `Server didn't like our AUTH LOGIN`
#   refused               nothing listens on the port: `Cannot open …`
#   unknown-host          a name that does not resolve: the same `Cannot open …`
#   tls-on-starttls-port  UseTLS=YES (TLS from the first byte) on a STARTTLS port: the same
#
# Output: tests/fixtures/ssmtp/<case>.txt, what ssmtp printed (the session ids and dates
# vary from run to run; every case but `delivered` exits with status 1). `cargo test --lib
# analyze` replays them. Run by hand, as root, on a Debian 12 machine you may reconfigure:
# it installs ssmtp (purging another MTA) and adds smtp.example.com to /etc/hosts (restored
# at the end). Never run by CI.
#
#   sudo scripts/record-ssmtp.sh
OUT="$(cd "$(dirname "$0")/.." && pwd)/tests/fixtures/ssmtp"
# shellcheck source=scripts/record-common.sh
source "$(dirname "$0")/record-common.sh"
install_and_build ssmtp
start_serve --profile gmail --require-auth --user alice@example.com:secret

record() { # case, mailhub, then ssmtp.conf's other lines
  local name="$1" hub="$2"
  shift 2
  {
    echo "root=alice@example.com"
    echo "mailhub=$hub"
    echo "hostname=host.example"
    echo "FromLineOverride=YES"
    printf '%s\n' "$@"
  } >"$WORK/ssmtp.conf"
  printf 'Subject: test\n\nhello\n' |
    timeout 30 ssmtp -v -C"$WORK/ssmtp.conf" -falice@example.com user@example.org \
      >"$OUT/$name.txt" 2>&1 || true
  echo "recorded $name"
}

login=(AuthUser=alice@example.com AuthPass=secret)
record delivered smtp.example.com:2525 UseSTARTTLS=YES "${login[@]}"
record wrong-password smtp.example.com:2525 UseSTARTTLS=YES AuthUser=alice@example.com AuthPass=wrong
record no-login smtp.example.com:2525 UseSTARTTLS=YES
record no-starttls smtp.example.com:2525 "${login[@]}"
record refused smtp.example.com:2526 UseSTARTTLS=YES "${login[@]}"
record unknown-host smtp.nonexistent.invalid:587 UseSTARTTLS=YES "${login[@]}"
record tls-on-starttls-port smtp.example.com:2525 UseTLS=YES "${login[@]}"

dpkg-query -W ssmtp >"$OUT/VERSION"
