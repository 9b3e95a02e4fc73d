#!/usr/bin/env bash
# Creates the ledger's database roles. The postgres image runs this once, as its superuser, when it initialises a
# new data directory (docker-entrypoint-initdb.d); an operator can run the same SQL by hand on any cluster.
#   charter_ledger  owns the database and schema ledger; runs the command service's migrations (LEDGER_DB_OWNER)
#   ledger_command  the command service: appends events and keeps its lookups, never changes an event
#   ledger_query    the query service: reads schema ledger, owns schema projection (its views)
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
     -v owner_password="$LEDGER_DB_OWNER_PASSWORD" \
     -v command_password="$LEDGER_COMMAND_DB_PASSWORD" \
     -v query_password="$LEDGER_QUERY_DB_PASSWORD" <<'SQL'
CREATE ROLE charter_ledger LOGIN PASSWORD :'owner_password';
CREATE ROLE ledger_command LOGIN PASSWORD :'command_password';
CREATE ROLE ledger_query LOGIN PASSWORD :'query_password';
ALTER DATABASE :"DBNAME" OWNER TO charter_ledger;
-- Only the ledger's roles connect, and none needs temporary tables (PUBLIC has both by default).
REVOKE ALL ON DATABASE :"DBNAME" FROM PUBLIC;
GRANT CONNECT ON DATABASE :"DBNAME" TO ledger_command, ledger_query;
CREATE SCHEMA projection AUTHORIZATION ledger_query;
SQL
