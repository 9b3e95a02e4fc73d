#!/usr/bin/env bash
# Builds Charter Ledger and runs both services on the embedded default (H2 files under ./data), with NEAR's
# register imported as an opening balance (importing it again appends nothing). Ctrl-C stops both services.
set -euo pipefail
cd "$(dirname "$0")/.."

mvn -B -ntp -q -DskipTests package
mkdir -p data/logs

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
await_port() {
  for _ in $(seq 1 120); do
    port_open "$1" && return 0
    sleep 1
  done
  echo "$2 did not start; see data/logs/$2.log" >&2
  exit 1
}
for port in 8081 8082; do
  if port_open "$port"; then echo "Port $port is already in use: stop what runs there first." >&2; exit 1; fi
done

pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true; wait' EXIT INT TERM

echo "Starting the command service on http://localhost:8081 (log: data/logs/command-service.log)"
java -jar command-service/target/command-service-*.jar \
  --ledger.import.reference-data=classpath:reference/near-2021.yaml > data/logs/command-service.log 2>&1 &
pids+=($!)
await_port 8081 command-service

echo "Starting the query service on http://localhost:8082 (log: data/logs/query-service.log)"
java -jar query-service/target/query-service-*.jar \
  --ledger.security.anonymous-reads=true > data/logs/query-service.log 2>&1 &
pids+=($!)
await_port 8082 query-service

cat <<'MSG'

Charter Ledger is running with NEAR's register.
  Open the pages:  http://localhost:8082/   (the register, rights, meetings and motions, offices, the audit)
  The register:  http://localhost:8082/api/members
  Query API:     http://localhost:8082/swagger-ui.html
  Command API:   http://localhost:8081/swagger-ui.html   (user secretariat, password secretariat)
Press Ctrl-C to stop.
MSG
# on a desktop, open the pages in the browser at once
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && command -v xdg-open >/dev/null; then
  xdg-open http://localhost:8082/ >/dev/null 2>&1 || true
elif [ "$(uname -s)" = Darwin ]; then
  open http://localhost:8082/ || true
fi
wait
