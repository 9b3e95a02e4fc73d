#!/usr/bin/env bash
# Runs the whole test suite against real PostgreSQL, on a fresh Debian machine with a JDK 17 and Maven.
# It installs PostgreSQL, Chromium with chromium-driver, jq and curl from Debian's packages if they are missing,
# starts the machine's cluster if it is down, creates a throw-away database (dropped again on exit) and points the
# tests at it. Extra arguments go to Maven.
set -euo pipefail
cd "$(dirname "$0")/.."

source scripts/postgres.sh

# What the end-to-end tests drive besides the services, from Debian's packages when missing: a real browser for the
# pages (Chromium and its WebDriver), and curl and jq for the README's tour, run as a reader runs it.
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
command -v jq >/dev/null 2>&1 || missing+=(jq)
command -v curl >/dev/null 2>&1 || missing+=(curl)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} from Debian's packages"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# A database and a role of this run's own, so that runs side by side on one cluster never disturb each other.
database="charter_ledger_test_$(date +%Y%m%d%H%M%S)_$$"
role=$database
password=$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')
# Each service connects as a role of its own, as in production (README, "Storage"): these two live for this run
# only. The test role owns the databases and migrates the ledger; it is a member of the query service's role so
# that a test can drop the views' schema as an operator would.
command_role="${database}_command"
command_password=$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')
query_role="${database}_query"
query_password=$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')
as_postgres psql -p "$port" -v ON_ERROR_STOP=1 -q <<SQL
CREATE ROLE $role WITH LOGIN CREATEDB PASSWORD '$password';
CREATE ROLE $command_role LOGIN PASSWORD '$command_password';
CREATE ROLE $query_role LOGIN PASSWORD '$query_password';
GRANT $query_role TO $role;
CREATE DATABASE $database OWNER $role;
SQL
# The suite also creates databases of its own beside this one, named after it (${database}_it_*, ${database}_e2e_*),
# so that runs side by side on one cluster never drop each other's databases.
cleanup() {
  for db in $database $(as_postgres psql -p "$port" -Atc "SELECT datname FROM pg_database WHERE datname LIKE '${database}\_%'" 2>/dev/null); do
    as_postgres psql -p "$port" -q -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true
  done
  for r in $command_role $query_role $role; do
    as_postgres psql -p "$port" -q -c "DROP ROLE IF EXISTS $r" >/dev/null 2>&1 || true
  done
}
trap cleanup EXIT
echo "Tests use the throw-away database $database on localhost:$port"

export LEDGER_TEST_DB_URL="jdbc:postgresql://localhost:$port/$database"
export LEDGER_TEST_DB_USER="$role"
export LEDGER_TEST_DB_PASSWORD="$password"
export LEDGER_TEST_DB_COMMAND_USER="$command_role"
export LEDGER_TEST_DB_COMMAND_PASSWORD="$command_password"
export LEDGER_TEST_DB_QUERY_USER="$query_role"
export LEDGER_TEST_DB_QUERY_PASSWORD="$query_password"
mvn -B -ntp verify "$@"
