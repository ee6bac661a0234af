#!/usr/bin/env bash
# Records what Debian's git send-email 2.39 prints with --smtp-debug=1: Perl's Net::SMTP
# debug lines (`Net::SMTP=GLOB(0x…)>>> ` sent, `<<< ` read, AUTH's answers also shown
# `(decoded)`), git send-email's own messages, and its summary after `OK. Log says:`. The
# server is `smtp-trainer serve --profile gmail --require-auth` on 127.0.0.1:2525 under the
# name smtp.example.com; the cases are the ones people post:
#
#   delivered              STARTTLS (--smtp-encryption=tls), AUTH LOGIN accepted
#   wrong-password         AUTH LOGIN refused (535), the reply's text printed again
#   no-login               no --smtp-user: MAIL refused with 530
#   no-encryption          no --smtp-encryption: AUTH is not offered in clear,
#                          `Command unknown: 'AUTH'`
#   ssl-on-starttls-port   --smtp-encryption=ssl on a STARTTLS port: `wrong version number`,
#                          `Unable to initialize SMTP properly`
#   refused                nothing listens on the port: `Unable to initialize SMTP properly`
#
# Output: tests/fixtures/git-send-email/<case>.txt, what git send-email printed (session ids,
# dates and the GLOB addresses vary from run to run). `cargo test --lib analyze` replays
# them. Run by hand, as root, on a Debian 12 machine you may reconfigure: it installs
# git-email (with Debian's git in /usr/bin) and adds smtp.example.com to /etc/hosts
# (restored at the end). Never run by CI.
#
#   sudo scripts/record-git-send-email.sh
OUT="$(cd "$(dirname "$0")/.." && pwd)/tests/fixtures/git-send-email"
# shellcheck source=scripts/record-common.sh
source "$(dirname "$0")/record-common.sh"
install_and_build git-email
GIT=/usr/bin/git
start_serve --profile gmail --require-auth --user alice@example.com:secret

# One patch to send.
REPO="$WORK/repo"
mkdir -p "$REPO"
cd "$REPO"
"$GIT" init -q .
echo hi >a.txt
"$GIT" add a.txt
"$GIT" -c user.name=Alice -c user.email=alice@example.com commit -q -m "Add a.txt"
"$GIT" format-patch -q -1 -o patches

record() { # case, then git send-email's options
  local name="$1"
  shift
  # An empty smtpsslcertpath: serve's self-signed certificate is not what is tested here.
  "$GIT" -c sendemail.smtpsslcertpath= send-email --confirm=never \
    --smtp-server=smtp.example.com --smtp-debug=1 --from=alice@example.com \
    --to=user@example.org "$@" patches/*.patch >"$OUT/$name.txt" 2>&1 || true
  echo "recorded $name"
}

login=(--smtp-user=alice@example.com --smtp-pass=secret)
record delivered --smtp-server-port=2525 --smtp-encryption=tls "${login[@]}"
record wrong-password --smtp-server-port=2525 --smtp-encryption=tls \
  --smtp-user=alice@example.com --smtp-pass=wrong
record no-login --smtp-server-port=2525 --smtp-encryption=tls
record no-encryption --smtp-server-port=2525 "${login[@]}"
record ssl-on-starttls-port --smtp-server-port=2525 --smtp-encryption=ssl "${login[@]}"
record refused --smtp-server-port=2526 --smtp-encryption=tls "${login[@]}"

{
  dpkg-query -W git-email
  perl -MNet::SMTP -e 'print "Net::SMTP\t$Net::SMTP::VERSION\n"'
} >"$OUT/VERSION"
