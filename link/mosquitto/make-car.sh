#!/usr/bin/env bash
# Makes everything a car's Mosquitto needs for the CabinTune protocol: a CA of the car's own,
# the broker's TLS certificate signed by it, a login per head unit, tuner and phone
# (mosquitto_passwd), an ACL that keeps every head unit to its own topics, and mosquitto.conf.
# Optionally a client certificate per login. See docs/mqtt-setup.md.
set -euo pipefail

usage() {
  cat >&2 <<'USAGE'
usage: make-car.sh --out DIR --unit ID [--unit ID ...] [--tuner NAME ...] [--phone NAME ...]
                   [--host NAME] [--port N] [--bind ADDRESS] [--run-as USER] [--client-certs] [--days N]

  --out DIR        new directory for the car's files (must not hold a mosquitto.conf yet)
  --unit ID        a head unit: lower-case words of a-z 0-9 joined by hyphens, at most 32 characters
  --tuner NAME     a tuner login, may send every command (default: tuner)
  --phone NAME     a phone login, same rights as a tuner
  --host NAME      the broker's host name, put in its certificate (default: cabintune.local)
  --port N         the TLS port (default: 8883)
  --bind ADDRESS   listen on this address only (default: every address)
  --run-as USER    the user mosquitto drops to when started as root (default: mosquitto)
  --client-certs   also make a client certificate per login, and make the broker require one
  --days N         validity of the server and client certificates (default: 825; the CA gets 3650)
USAGE
  exit 2
}

out="" host="cabintune.local" port=8883 bind="" run_as=mosquitto client_certs="" days=825
units=() tuners=() phones=()
while [ $# -gt 0 ]; do
  case "$1" in
    --out) out=${2:?}; shift 2 ;;
    --unit) units+=("${2:?}"); shift 2 ;;
    --tuner) tuners+=("${2:?}"); shift 2 ;;
    --phone) phones+=("${2:?}"); shift 2 ;;
    --host) host=${2:?}; shift 2 ;;
    --port) port=${2:?}; shift 2 ;;
    --bind) bind=${2:?}; shift 2 ;;
    --run-as) run_as=${2:?}; shift 2 ;;
    --client-certs) client_certs=yes; shift ;;
    --days) days=${2:?}; shift 2 ;;
    -h|--help) usage ;;
    *) echo "make-car.sh: unknown option $1" >&2; usage ;;
  esac
done
[ -n "$out" ] && [ ${#units[@]} -gt 0 ] || usage
[ ${#tuners[@]} -gt 0 ] || tuners=(tuner)
for tool in openssl mosquitto_passwd; do
  command -v "$tool" >/dev/null || { echo "make-car.sh: $tool is not installed (apt-get install openssl mosquitto-clients mosquitto)" >&2; exit 1; }
done
[[ "$port" =~ ^[0-9]+$ ]] && [ "$port" -ge 1 ] && [ "$port" -le 65535 ] || { echo "make-car.sh: --port $port is outside 1..65535" >&2; exit 1; }

# Unit ids name MQTT topics, so they follow the protocol's rule (no wildcards, no '/').
declare -A seen=()
for name in "${units[@]}" "${tuners[@]}" "${phones[@]}"; do
  if ! [[ "$name" =~ ^[a-z0-9]+(-[a-z0-9]+)*$ ]] || [ ${#name} -gt 32 ]; then
    echo "make-car.sh: '$name' must be lower-case words of a-z 0-9 joined by single hyphens, at most 32 characters" >&2
    exit 1
  fi
  [ -z "${seen[$name]:-}" ] || { echo "make-car.sh: '$name' is given twice; every login needs a name of its own" >&2; exit 1; }
  seen[$name]=1
done
if [ -e "$out/mosquitto.conf" ]; then
  echo "make-car.sh: $out already holds a car's broker; choose a new --out" >&2
  exit 1
fi

umask 077
mkdir -p "$out"/ca "$out"/server "$out"/credentials "$out"/data
out=$(cd "$out" && pwd)

# The car's CA: the only certificate the car's clients trust.
openssl req -x509 -new -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 3650 \
  -keyout "$out/ca/ca.key" -out "$out/ca/ca.crt" -subj "/CN=CabinTune car CA $host" \
  -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null

# sign NAME SUBJECT EXTENSIONS: a key and a certificate signed by the car's CA.
sign() {
  local base=$1 subject=$2 extensions=$3
  openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout "$base.key" \
    -out "$base.csr" -subj "$subject" 2>/dev/null
  openssl x509 -req -in "$base.csr" -CA "$out/ca/ca.crt" -CAkey "$out/ca/ca.key" -CAcreateserial \
    -days "$days" -out "$base.crt" -extfile <(printf '%s\n' "$extensions") 2>/dev/null
  rm -f "$base.csr"
}
sign "$out/server/server" "/CN=$host" \
  "$(printf 'subjectAltName=DNS:%s,DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\nbasicConstraints=CA:FALSE' "$host")"

# One login per unit, tuner and phone; each gets a credentials file the tuner's --credentials reads.
: > "$out/passwd"
for name in "${units[@]}" "${tuners[@]}" "${phones[@]}"; do
  password=$(openssl rand -base64 33 | tr -d '/+=\n' | cut -c1-32)
  mosquitto_passwd -b "$out/passwd" "$name" "$password"
  printf 'user=%s\npassword=%s\ncafile=%s\n' "$name" "$password" "$out/ca/ca.crt" > "$out/credentials/$name.properties"
  if [ -n "$client_certs" ]; then
    mkdir -p "$out/clients"
    sign "$out/clients/$name" "/CN=$name" "$(printf 'extendedKeyUsage=clientAuth\nbasicConstraints=CA:FALSE')"
  fi
done

# The ACL: a head unit publishes only its own state, meters, events, status and replies, and
# reads only its own cmd; tuners and phones send commands to every unit and read what units publish.
{
  echo "# Made by make-car.sh. A head unit logs in with its unit id as user name."
  for unit in "${units[@]}"; do
    echo
    echo "user $unit"
    for topic in state meters events status; do
      echo "topic write cabintune/v1/$unit/$topic"
    done
    echo "topic write cabintune/v1/$unit/reply/+"
    echo "topic read cabintune/v1/$unit/cmd"
  done
  for client in "${tuners[@]}" "${phones[@]}"; do
    echo
    echo "user $client"
    echo "topic write cabintune/v1/+/cmd"
    for topic in state meters events status reply/+; do
      echo "topic read cabintune/v1/+/$topic"
    done
  done
} > "$out/acl"

{
  echo "# Made by make-car.sh for $host. TLS only; every client logs in; the ACL keeps units apart."
  echo "per_listener_settings false"
  echo "allow_anonymous false"
  echo "password_file $out/passwd"
  echo "acl_file $out/acl"
  echo "persistence true"
  echo "persistence_location $out/data/"
  echo "user $run_as"
  echo "log_dest stderr"
  echo
  echo "listener $port${bind:+ $bind}"
  echo "protocol mqtt"
  echo "cafile $out/ca/ca.crt"
  echo "certfile $out/server/server.crt"
  echo "keyfile $out/server/server.key"
  if [ -n "$client_certs" ]; then
    echo "require_certificate true"
  fi
} > "$out/mosquitto.conf"

# Mosquitto started as root reads its files after dropping to --run-as.
if [ "$(id -u)" = 0 ] && id "$run_as" >/dev/null 2>&1; then
  chown -R "$run_as" "$out/passwd" "$out/acl" "$out/server" "$out/data"
fi

echo "made $out: mosquitto -c $out/mosquitto.conf; credentials in $out/credentials/"
