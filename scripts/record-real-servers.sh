#!/usr/bin/env bash
# Records the parity corpus: installs Postfix, Sendmail and Exim from Debian's packages in
# turn (they conflict), configures each on 127.0.0.1:25 as documented in
# docs/transcripts/real-servers.md (with SASL AUTH), replays every client script in
# scripts/parity-clients/ and writes tests/fixtures/parity/<server>/<script>.txt.
#
# Run by hand, as root, on a Debian 12 machine you may reconfigure (it installs and purges
# MTAs, adds the Unix user alice and a line to /etc/hosts, and restores /etc/hosts at the
# end). Never run by CI: `cargo test --test profile_parity` replays the committed fixtures.
#
#   sudo scripts/record-real-servers.sh            # all three
#   sudo scripts/record-real-servers.sh exim       # just one (postfix, sendmail, exim)
#   sudo ONLY='6[1-9]-*' scripts/record-real-servers.sh   # only the client scripts matching
#                                                      # the glob; other fixtures stay as they are
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
ONLY="${ONLY:-*}"
# shellcheck disable=SC2206
CLIENTS=("$ROOT"/scripts/parity-clients/$ONLY.txt)
OUT="$ROOT/tests/fixtures/parity"
DRIVER="$ROOT/scripts/parity-driver.py"
export DEBIAN_FRONTEND=noninteractive
SERVERS=("${@:-postfix sendmail exim}")
read -r -a SERVERS <<<"${SERVERS[*]}"

[ "$(id -u)" = 0 ] || { echo "run as root" >&2; exit 2; }
command -v python3 >/dev/null || apt-get install -y python3

cp /etc/hosts /tmp/record-real-servers.hosts
restore() { cp /tmp/record-real-servers.hosts /etc/hosts; }
trap restore EXIT
# Sendmail needs a qualified name for this host, or it sleeps 60 s per try.
{ echo "127.0.0.1 mail.example.com $(hostname)"; grep -v 'mail.example.com' /tmp/record-real-servers.hosts; } >/etc/hosts

apt-get update
# The account every server authenticates and delivers to: Unix user alice, SASL password secret.
id alice >/dev/null 2>&1 || useradd -m -s /usr/sbin/nologin alice

wait_port() {
  for _ in $(seq 1 120); do
    python3 - <<'PY' && return 0
import socket, sys
s = socket.socket()
s.settimeout(1)
try:
    s.connect(("127.0.0.1", 25))
except OSError:
    sys.exit(1)
PY
    sleep 1
  done
  echo "nothing listens on 127.0.0.1:25" >&2
  return 1
}

wait_port_free() {
  for _ in $(seq 1 60); do
    ss -ltn | grep -q '127.0.0.1:25 \|0.0.0.0:25 ' || return 0
    sleep 1
  done
}

purge_all() {
  apt-get purge -y postfix sendmail sendmail-bin sendmail-base sendmail-cf \
    exim4-daemon-heavy exim4-daemon-light exim4-base exim4-config exim4 >/dev/null 2>&1 || true
  apt-get autoremove -y >/dev/null 2>&1 || true
}

sasldb_user() { # the Cyrus sasldb account, in the realms the servers ask for
  for realm in mail.example.com example.com; do
    echo secret | saslpasswd2 -p -c -u "$realm" alice
  done
  echo secret | saslpasswd2 -p -c alice
  sasldblistusers2
}

header() { # $1 server, $2 packages, $3 config text
  local h=/tmp/record-real-servers.header
  {
    echo "# server: $1"
    echo "# recorded: $(date -u +%Y-%m-%d) on Debian $(cat /etc/debian_version), 127.0.0.1:25, by scripts/record-real-servers.sh"
    echo "# packages:"
    dpkg-query -W -f='#   ${Package} ${Version}\n' $2 2>/dev/null
    echo "# config:"
    printf '%s\n' "$3" | sed 's/^/#   /'
    echo "# account: alice / secret (Unix user and SASL); local domains example.com, mail.example.com"
  } >"$h"
  echo "$h"
}

record() { # $1 server, $2 header file
  if [ "$ONLY" = "*" ]; then rm -rf "${OUT:?}/$1"; fi
  python3 "$DRIVER" --server "$1" --port 25 --header "$2" --out "$OUT/$1" "${CLIENTS[@]}"
}

record_postfix() {
  purge_all
  echo "postfix postfix/main_mailer_type select Internet Site" | debconf-set-selections
  echo "postfix postfix/mailname string mail.example.com" | debconf-set-selections
  apt-get install -y postfix sasl2-bin libsasl2-modules ssl-cert
  postconf -e 'myhostname = mail.example.com' \
    'mydestination = $myhostname, example.com, localhost' \
    'inet_interfaces = 127.0.0.1' 'inet_protocols = ipv4' \
    'mynetworks = 127.0.0.1/32' \
    'smtpd_relay_restrictions = permit_mynetworks permit_sasl_authenticated reject_unauth_destination' \
    'smtpd_sasl_auth_enable = yes' 'smtpd_sasl_type = cyrus' 'smtpd_sasl_path = smtpd' \
    'smtpd_sasl_security_options = noanonymous'
  # smtpd outside the chroot, so that it reads /etc/sasldb2.
  postconf -F 'smtp/inet/chroot = n'
  mkdir -p /etc/postfix/sasl
  printf 'pwcheck_method: auxprop\nauxprop_plugin: sasldb\nmech_list: PLAIN LOGIN CRAM-MD5 DIGEST-MD5\n' \
    >/etc/postfix/sasl/smtpd.conf
  sasldb_user
  chgrp postfix /etc/sasldb2 && chmod 640 /etc/sasldb2
  newaliases
  postfix stop >/dev/null 2>&1 || true
  postfix start
  wait_port
  local h
  h=$(header postfix "postfix libsasl2-modules sasl2-bin" \
    "$(postconf -n; echo "master.cf: smtp inet chroot=n"; echo "/etc/postfix/sasl/smtpd.conf:"; cat /etc/postfix/sasl/smtpd.conf)")
  record postfix "$h"
  postfix stop
  wait_port_free
}

record_sendmail() {
  purge_all
  apt-get install -y sendmail sasl2-bin libsasl2-modules
  local mc=/etc/mail/sendmail.mc
  # Before the MAILER lines: the server's name, SIZE, AUTH with Cyrus sasldb.
  sed -i '/^MAILER_DEFINITIONS/i\
define(`confDOMAIN_NAME'"'"', `mail.example.com'"'"')dnl\
define(`confMAX_MESSAGE_SIZE'"'"', `10240000'"'"')dnl\
FEATURE(`accept_unresolvable_domains'"'"')dnl\
define(`confAUTH_OPTIONS'"'"', `A'"'"')dnl\
define(`confAUTH_MECHANISMS'"'"', `PLAIN LOGIN CRAM-MD5 DIGEST-MD5'"'"')dnl\
TRUST_AUTH_MECH(`PLAIN LOGIN CRAM-MD5 DIGEST-MD5'"'"')dnl' "$mc"
  printf 'localhost\nmail.example.com\nexample.com\n' >/etc/mail/local-host-names
  # Debian relays for all of 127/8; trust 127.0.0.1 only, so 127.0.0.2 is an outside client.
  sed -i 's/^Connect:127\s.*RELAY/Connect:127.0.0.1\t\t\tRELAY/' /etc/mail/access
  for d in /etc/sasl2 /etc/mail/sasl /usr/lib/sasl2; do
    mkdir -p "$d"
    printf 'pwcheck_method: auxprop\nauxprop_plugin: sasldb\nmech_list: PLAIN LOGIN CRAM-MD5 DIGEST-MD5\n' >"$d/Sendmail.conf"
  done
  sasldb_user
  chgrp smmsp /etc/sasldb2 2>/dev/null || true
  chmod 640 /etc/sasldb2
  (cd /etc/mail && make) >/dev/null
  /etc/init.d/sendmail stop >/dev/null 2>&1 || true
  /usr/sbin/sendmail -bd -q10m
  wait_port
  local h
  h=$(header sendmail "sendmail sendmail-bin libsasl2-modules sasl2-bin" \
    "$(grep -v '^dnl\|^#\|^$' "$mc"; echo "/etc/mail/access:"; grep -v '^#\|^$' /etc/mail/access; echo "Sendmail.conf:"; cat /etc/sasl2/Sendmail.conf)")
  record sendmail "$h"
  kill "$(head -1 /run/sendmail/mta/sendmail.pid)" 2>/dev/null || true
  wait_port_free
}

record_exim() {
  purge_all
  apt-get install -y exim4-daemon-heavy sasl2-bin libsasl2-modules
  cat >/etc/exim4/update-exim4.conf.conf <<'CONF'
dc_eximconfig_configtype='internet'
dc_other_hostnames='example.com:mail.example.com'
dc_local_interfaces='127.0.0.1'
dc_readhost=''
dc_relay_domains=''
dc_minimaldns='false'
dc_relay_nets=''
dc_smarthost=''
CFILEMODE='644'
dc_use_split_config='false'
dc_hide_mailname=''
dc_mailname_in_oh='true'
dc_localdelivery='mail_spool'
CONF
  echo 'MAIN_HARDCODE_PRIMARY_HOSTNAME = mail.example.com' >/etc/exim4/exim4.conf.localmacros
  echo "alice:$(python3 -c 'import crypt; print(crypt.crypt("secret", crypt.mksalt(crypt.METHOD_SHA512)))' 2>/dev/null || openssl passwd -6 secret):secret" \
    >/etc/exim4/passwd
  chgrp Debian-exim /etc/exim4/passwd && chmod 640 /etc/exim4/passwd
  # The template's plain_server/login_server/cram_md5_server, advertised without TLS (as
  # AUTH_SERVER_ALLOW_NOTLS_PASSWORDS does), and DIGEST-MD5 through Cyrus sasldb.
  cat >>/etc/exim4/exim4.conf.template <<'AUTH'

plain_server:
  driver = plaintext
  public_name = PLAIN
  server_condition = "${if crypteq{$auth3}{${extract{1}{:}{${lookup{$auth2}lsearch{CONFDIR/passwd}{$value}{*:*}}}}}{1}{0}}"
  server_set_id = $auth2
  server_prompts = :

login_server:
  driver = plaintext
  public_name = LOGIN
  server_prompts = "Username:: : Password::"
  server_condition = "${if crypteq{$auth2}{${extract{1}{:}{${lookup{$auth1}lsearch{CONFDIR/passwd}{$value}{*:*}}}}}{1}{0}}"
  server_set_id = $auth1

cram_md5_server:
  driver = cram_md5
  public_name = CRAM-MD5
  server_secret = ${extract{2}{:}{${lookup{$auth1}lsearch{CONFDIR/passwd}{$value}fail}}}
  server_set_id = $auth1

digest_md5_server:
  driver = cyrus_sasl
  public_name = DIGEST-MD5
  server_mech = digest-md5
  server_realm = mail.example.com
  server_set_id = $auth1
AUTH
  mkdir -p /usr/lib/sasl2 /etc/sasl2
  printf 'pwcheck_method: auxprop\nauxprop_plugin: sasldb\nmech_list: DIGEST-MD5\n' >/etc/sasl2/exim.conf
  cp /etc/sasl2/exim.conf /usr/lib/sasl2/exim.conf
  sasldb_user
  chgrp Debian-exim /etc/sasldb2 && chmod 640 /etc/sasldb2
  update-exim4.conf
  /etc/init.d/exim4 stop >/dev/null 2>&1 || true
  /usr/sbin/exim4 -bd -q30m
  wait_port
  local h
  h=$(header exim "exim4-daemon-heavy exim4-config exim4-base libsasl2-modules sasl2-bin" \
    "$(cat /etc/exim4/update-exim4.conf.conf; cat /etc/exim4/exim4.conf.localmacros; echo "authenticators: plain_server, login_server, cram_md5_server (/etc/exim4/passwd), digest_md5_server (cyrus_sasl, sasldb), advertised without TLS")")
  record exim "$h"
  kill "$(cat /run/exim4/exim.pid)" 2>/dev/null || true
  wait_port_free
}

for s in "${SERVERS[@]}"; do
  case "$s" in
    postfix) record_postfix ;;
    sendmail) record_sendmail ;;
    exim) record_exim ;;
    *) echo "unknown server $s" >&2; exit 2 ;;
  esac
done
purge_all
echo "fixtures written under $OUT"
