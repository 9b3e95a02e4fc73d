#!/usr/bin/env bash
# Measures Charter Ledger on PostgreSQL beside raw PostgreSQL on the same server, on a fresh Debian machine with a
# JDK 17 and Maven. Like scripts/test.sh it installs PostgreSQL from Debian's packages if it is missing (pgbench comes
# with it), starts the machine's cluster if it is down and creates a throw-away database (dropped again on exit, with
# every database the run created beside it). It builds the service jars and the benchmark if they are missing or
# older than their sources, starts both services on the database with NEAR's register imported, and prints every
# figure beside its anchor, its target and PASS/FAIL; the same goes to target/bench/ as JSON.
#
#   scripts/bench.sh                      # the whole run, growth at 10k and 100k events (under 15 minutes)
#   scripts/bench.sh --sizes=10k,100k,1m  # growth up to a million events too (a sizes entry may name the
#                                         # association: near:100k, synthetic:100k)
#   scripts/bench.sh --skip-build         # use the jars as they are
#   scripts/bench.sh --parts=writes,reads # only some figures: writes, read-your-write, assembly, reads, rebuild, growth
#   scripts/bench.sh --parts=proofs --sizes=100k,1m  # Merkle proofs: inclusion and consistency proofs asked
#                                         # and verified, the tree recomputed, its storage (not in the default run)
#   scripts/bench.sh --seconds=30         # longer load windows (default 15 s; --read-seconds=10, --anchor-seconds=10)
set -euo pipefail
cd "$(dirname "$0")/.."

build=true
arguments=()
for argument in "$@"; do
  case "$argument" in
    --skip-build) build=false ;;
    *) arguments+=("$argument") ;;
  esac
done

source scripts/postgres.sh
if ! command -v pgbench >/dev/null 2>&1; then
  echo "pgbench is not installed: installing postgresql-contrib from Debian's packages"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-contrib >/dev/null
fi

jars=(command-service/target/command-service-0.1.0-SNAPSHOT.jar query-service/target/query-service-0.1.0-SNAPSHOT.jar
      bench/target/bench-0.1.0-SNAPSHOT.jar)
stale() {
  for jar in "${jars[@]}"; do
    [ -f "$jar" ] || return 0
    [ -n "$(find pom.xml shared-events command-service query-service bench -newer "$jar" \
            \( -path '*/src/main/*' -o -name pom.xml \) -type f -print -quit)" ] && return 0
  done
  return 1
}
if $build && stale; then
  echo "Building the service jars and the benchmark (mvn -DskipTests package)"
  mvn -B -ntp -q -DskipTests package -pl command-service,query-service,bench -am
fi
for jar in "${jars[@]}"; do
  [ -f "$jar" ] || { echo "$jar is missing: run without --skip-build" >&2; exit 1; }
done

# A database and a role of this run's own, so that it never disturbs a test run on the same cluster.
database="charter_ledger_bench_$(date +%Y%m%d%H%M%S)_$$"
role=$database
password=$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')
as_postgres psql -p "$port" -v ON_ERROR_STOP=1 -q <<SQL
CREATE ROLE $role WITH LOGIN CREATEDB PASSWORD '$password';
CREATE DATABASE $database OWNER $role;
SQL

out=target/bench
mkdir -p "$out/logs"
: > "$out/logs/pids"
cleanup() {
  # the service processes this run started, by their ids, should the benchmark have been cut short
  while read -r pid; do
    [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
  done < "$out/logs/pids"
  for db in $database $(as_postgres psql -p "$port" -Atc "SELECT datname FROM pg_database WHERE datname LIKE '${database}\_%'" 2>/dev/null); do
    as_postgres psql -p "$port" -q -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true
  done
  as_postgres psql -p "$port" -q -c "DROP ROLE IF EXISTS $role" >/dev/null 2>&1 || true
}
trap cleanup EXIT
echo "Benchmark database $database on localhost:$port; logs in $out/logs"

log="$out/bench-$(date +%Y%m%d-%H%M%S).txt"
BENCH_DB_PASSWORD="$password" BENCH_COMMIT="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)" \
  java -Dslf4j.internal.verbosity=ERROR -jar bench/target/bench-0.1.0-SNAPSHOT.jar run \
    --db-url="jdbc:postgresql://localhost:$port/$database" --db-user="$role" \
    --command-jar="${jars[0]}" --query-jar="${jars[1]}" --out="$out" "${arguments[@]}" 2>&1 | tee "$log"
echo "This run's output: $log"
