#!/usr/bin/env bash
# Records what Debian's Postfix logs when it relays through a smarthost with client SASL
# (smtp_sasl_auth_enable = yes, smtp_sasl_password_maps = hash:/etc/postfix/sasl_passwd,
# smtp_sasl_security_options = noanonymous), above all when its credentials are missing or
# empty: does it send AUTH at all, and when does it log a local "SASL authentication failed;
# cannot authenticate to server …: generic failure" rather than the server's 535? The
# smarthost is `smtp-trainer serve --profile gmail --require-auth --user
# alice@example.com:secret` on 127.0.0.1:2525 under the name smtp.example.com (relayhost =
# [smtp.example.com]:2525, smtp_tls_security_level = may: the gmail profile offers AUTH LOGIN
# PLAIN … only after STARTTLS). One message each, `sendmail -f alice@example.com
# user@example.org`:
#
#   empty-password   sasl_passwd `[smtp.example.com]:2525 alice@example.com:` (empty
#                    password): AUTH PLAIN is sent with the empty password; serve refuses it
#                    (501: RFC 4616's passwd is 1*SAFE); deferred, "server … said: 501 …"
#   empty-both       sasl_passwd `[smtp.example.com]:2525 :` (empty user and password): no
#                    AUTH sent; Cyrus's "All-whitespace username." and the local "cannot
#                    authenticate to server …: generic failure"; deferred
#   no-entry         sasl_passwd has a line for another host only: no AUTH, MAIL gets 530,
#                    bounced
#   wrong-password   sasl_passwd `… alice@example.com:wrong`: AUTH PLAIN, the server's 535;
#                    deferred
#   good             sasl_passwd `… alice@example.com:secret`: AUTH PLAIN accepted, sent
#   no-auth-offered  the right password, but smtp_tls_security_level = none: without
#                    STARTTLS the gmail profile advertises no AUTH, so none is sent and
#                    nothing about SASL is logged; MAIL gets 530, bounced
#
# Output: tests/fixtures/postfix-client-sasl/<case>.txt, the lines Postfix wrote to
# maillog_file (/var/log/postfix.log) for that message's queue id, plus every warning, error
# or fatal line of the attempt; <case>.serve.txt, serve's transcript of the same attempt
# (what was really sent: AUTH or not, and which mechanism); VERSION. The dates, pids, queue
# ids and session ids vary from run to run. Postfix is restarted and its queue emptied
# before each case, so no case sees another's deferral or connection cache; a sender's
# non-delivery notice (to alice@example.com) is discarded by transport_maps rather than
# sent to the smarthost, so it never shows in serve's transcript.
#
# Run by hand, as root, on a Debian 12 machine you may reconfigure: it installs postfix
# and libsasl2-modules, writes /etc/postfix/main.cf and sasl_passwd, comments out the smtpd
# listener in master.cf (nothing listens on port 25), adds smtp.example.com to /etc/hosts
# (restored at the end, also in Postfix's chroot), and stops Postfix at the end. Never run
# by CI.
#
#   sudo CARGO_TARGET_DIR=/tmp/tgt-rec scripts/record-postfix-client-sasl.sh
OUT="$(cd "$(dirname "$0")/.." && pwd)/tests/fixtures/postfix-client-sasl"
LOG=/var/log/postfix.log
# shellcheck source=scripts/record-common.sh
source "$(dirname "$0")/record-common.sh"

# serve is stopped by its process id, not by pattern (replaces record-common.sh's pair).
SERVE_PID=
stop_serve() {
  if [ -n "$SERVE_PID" ]; then
    kill "$SERVE_PID" 2>/dev/null || true
    wait "$SERVE_PID" 2>/dev/null || true
    SERVE_PID=
  fi
}
start_serve() {
  stop_serve
  "$TRAINER" serve --listen 127.0.0.1:2525 --hostname smtp.example.com "$@" \
    >"$WORK/serve.log" 2>&1 &
  SERVE_PID=$!
  sleep 1
}

postfix_stop() {
  if postfix status >/dev/null 2>&1; then postfix stop >/dev/null 2>&1 || true; fi
  sleep 1
}
extra_cleanup() { # after /etc/hosts is restored
  postfix_stop
  if [ -d /var/spool/postfix/etc ]; then cp /etc/hosts /var/spool/postfix/etc/hosts; fi
}

echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections
echo "postfix postfix/mailname string host.example" | debconf-set-selections
install_and_build postfix libsasl2-modules
postfix_stop

cat >/etc/postfix/main.cf <<'CONF'
# written by scripts/record-postfix-client-sasl.sh
compatibility_level = 3.6
biff = no
append_dot_mydomain = no
readme_directory = no
myhostname = host.example
myorigin = $myhostname
mydestination = localhost
inet_interfaces = loopback-only
inet_protocols = ipv4
alias_maps = hash:/etc/aliases
alias_database = hash:/etc/aliases
maillog_file = /var/log/postfix.log
# the smarthost, found through /etc/hosts (this machine has no DNS)
relayhost = [smtp.example.com]:2525
smtp_host_lookup = native
smtp_sasl_auth_enable = yes
smtp_sasl_password_maps = hash:/etc/postfix/sasl_passwd
smtp_sasl_security_options = noanonymous
smtp_tls_security_level = may
# the sender's non-delivery notices stay here
transport_maps = inline:{ alice@example.com=discard: }
CONF
postconf -M# smtp/inet 2>/dev/null || true
newaliases

sasl_passwd() { # the map's whole text
  printf '%s\n' "$1" >/etc/postfix/sasl_passwd
  chmod 600 /etc/postfix/sasl_passwd
  postmap hash:/etc/postfix/sasl_passwd
}

record() { # case, sasl_passwd's text, smtp_tls_security_level
  local name="$1" offset qid i
  sasl_passwd "$2"
  postconf -e "smtp_tls_security_level = $3"
  postfix_stop
  postsuper -d ALL >/dev/null 2>&1 || true
  start_serve --profile gmail --require-auth --user alice@example.com:secret
  /usr/lib/postfix/configure-instance.sh - # what the systemd unit runs first: the chroot's files
  postfix start >/dev/null 2>&1
  sleep 2
  touch "$LOG"
  offset=$(stat -c %s "$LOG")
  printf 'Subject: test\n\nhello\n' | sendmail -f alice@example.com user@example.org
  qid=
  for i in $(seq 1 60); do
    sleep 1
    [ -n "$qid" ] || qid=$(tail -c +"$((offset + 1))" "$LOG" |
      sed -n 's/.* postfix\/pickup\[[0-9]*\]: \([0-9A-F]*\): uid=.*/\1/p' | head -1)
    if [ -n "$qid" ] && tail -c +"$((offset + 1))" "$LOG" | grep -q "$qid: .*status="; then
      break
    fi
  done
  sleep 5 # the rest of the attempt: warnings, removal, the notice (no `postqueue -f`: it
  # would retry a deferred message and log a second attempt)
  postfix_stop
  stop_serve
  tail -c +"$((offset + 1))" "$LOG" >"$WORK/$name.log"
  grep -E "${qid:-NOQID}: |warning: |error: |fatal: |panic: " "$WORK/$name.log" \
    >"$OUT/$name.txt" || true
  cp "$WORK/serve.log" "$OUT/$name.serve.txt"
  echo "recorded $name (queue id ${qid:-none})"
}

login='[smtp.example.com]:2525 alice@example.com:secret'
record empty-password '[smtp.example.com]:2525 alice@example.com:' may
record empty-both '[smtp.example.com]:2525 :' may
record no-entry '[other.example.net]:587 alice@example.com:secret' may
record wrong-password '[smtp.example.com]:2525 alice@example.com:wrong' may
record good "$login" may
record no-auth-offered "$login" none

postsuper -d ALL >/dev/null 2>&1 || true
dpkg-query -W postfix libsasl2-modules >"$OUT/VERSION"
