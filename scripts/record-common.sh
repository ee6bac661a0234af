# Sourced by the scripts that record a real client against `smtp-trainer serve` on
# 127.0.0.1:2525 under the name smtp.example.com (record-exim-verbose.sh, record-ssmtp.sh,
# record-git-send-email.sh, record-sendemail.sh): root, /etc/hosts kept and restored, the
# packages installed, the trainer built, and serve started and stopped. The sourcing script
# sets OUT (its fixtures' folder) first, and may define `extra_cleanup`.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="$(mktemp -d)"
export DEBIAN_FRONTEND=noninteractive

[ "$(id -u)" = 0 ] || { echo "run as root" >&2; exit 2; }

cp /etc/hosts "$WORK/hosts"
record_cleanup() {
  cp "$WORK/hosts" /etc/hosts
  stop_serve
  if declare -F extra_cleanup >/dev/null; then extra_cleanup; fi
}
trap record_cleanup EXIT
echo "127.0.0.1 smtp.example.com" >>/etc/hosts

# Installs the packages given (after apt-get update) and builds the trainer.
install_and_build() {
  apt-get update
  apt-get install -y "$@"
  (cd "$ROOT" && cargo build --quiet --bin smtp-trainer)
  TRAINER="${CARGO_TARGET_DIR:-$ROOT/target}/debug/smtp-trainer"
  mkdir -p "$OUT"
}

stop_serve() {
  pkill -f "smtp-trainer serve --listen 127.0.0.1:2525" 2>/dev/null || true
  sleep 0.5
}

# serve on 127.0.0.1:2525 as smtp.example.com, with the arguments given (profile, users …).
start_serve() {
  stop_serve
  "$TRAINER" serve --listen 127.0.0.1:2525 --hostname smtp.example.com "$@" \
    >"$WORK/serve.log" 2>&1 &
  sleep 1
}
