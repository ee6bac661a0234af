#!/usr/bin/env bash
# Records what Debian's sendEmail 1.56 prints (Brandon Zehm's Perl script, the `sendemail`
# package, much used in shell scripts and monitoring): its syslog-like lines `… sendEmail[pid]:
# LEVEL => …`, with -v the dialogue (`INFO => Sending: `, `SUCCESS => Received: `, a
# multi-line reply's lines joined by ", "). The server is `smtp-trainer serve` on port 2525
# under the name smtp.example.com:
#
#   starttls-required      --profile gmail, -o tls=no with a login: AUTH is not offered in
#                          clear, and MAIL gets 530 (`Must issue a STARTTLS command first`)
#   untrusted-certificate  -o tls=yes against serve's self-signed certificate: IO::Socket::SSL
#                          refuses it (`TLS setup failed: … certificate verify failed`)
#   name-not-verified      -o tls=yes, with -v, against a certificate for smtp.example.com from
#                          an authority the system trusts: `TLS setup failed: hostname
#                          verification failed` all the same (sendEmail 1.56 does not give
#                          IO::Socket::SSL the server's name: mogaal/sendemail#30,
#                          zehm/sendEmail#14)
#   relay-denied           --profile postfix without TLS or a login, with -v: a recipient
#                          elsewhere is refused (`Relay access denied`)
#   delivered              the same to a local recipient
#   refused                nothing listens on the port
#
# Output: tests/fixtures/sendemail/<case>.txt, what sendEmail printed (its times, pids,
# this machine's name and the session ids vary from run to run). `cargo test --lib analyze`
# replays them. Run by hand, as root, on a Debian 12 machine you may reconfigure: it
# installs sendemail, adds smtp.example.com to /etc/hosts and a test authority to the
# system's trusted certificates for the trusted cases (both undone at the end). Never run
# by CI.
#
#   sudo scripts/record-sendemail.sh
OUT="$(cd "$(dirname "$0")/.." && pwd)/tests/fixtures/sendemail"
CA=/usr/local/share/ca-certificates/smtp-trainer-record.crt
extra_cleanup() {
  if [ -e "$CA" ]; then
    rm -f "$CA"
    update-ca-certificates --fresh >/dev/null 2>&1 || true
  fi
}
# shellcheck source=scripts/record-common.sh
source "$(dirname "$0")/record-common.sh"
install_and_build sendemail openssl ca-certificates

serve() { # the gmail profile, with serve's own arguments after the common ones
  start_serve --profile gmail --require-auth --user alice@example.com:secret "$@"
}

record() { # case, then sendEmail's options
  local name="$1"
  shift
  timeout 30 sendEmail -f alice@example.com -t "${TO:-user@example.org}" -u test -m hello \
    -s smtp.example.com:2525 "$@" >"$OUT/$name.txt" 2>&1 || true
  echo "recorded $name"
}

serve
record starttls-required -xu alice@example.com -xp secret -o tls=no
record untrusted-certificate -xu alice@example.com -xp secret -o tls=yes

# A certificate for smtp.example.com from an authority the system is told to trust.
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$WORK/key.pem" -out "$WORK/cert.pem" \
  -days 3650 -subj "/CN=smtp.example.com" -addext "subjectAltName=DNS:smtp.example.com" 2>/dev/null
cp "$WORK/cert.pem" "$CA"
update-ca-certificates >/dev/null
serve --cert "$WORK/cert.pem" --key "$WORK/key.pem"
record name-not-verified -xu alice@example.com -xp secret -o tls=yes -v

start_serve --profile postfix --no-tls
record relay-denied -o tls=no -v
TO=bob@example.com record delivered -o tls=no -v
stop_serve
record refused -xu alice@example.com -xp secret -o tls=yes

dpkg-query -W sendemail libio-socket-ssl-perl >"$OUT/VERSION"
