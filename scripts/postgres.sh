#!/usr/bin/env bash
# Idempotent: install Debian's PostgreSQL if missing, start the cluster on loopback, create the presslens
# role and database. Run as root. Prints the URL to use as PRESSLENS_TEST_PG_URL (or --db).
set -euo pipefail

ROLE="${PRESSLENS_PG_ROLE:-presslens}"
PASSWORD="${PRESSLENS_PG_PASSWORD:-presslens}"
DB="${PRESSLENS_PG_DB:-presslens}"

if ! command -v pg_lsclusters >/dev/null 2>&1 || [ -z "$(pg_lsclusters -h 2>/dev/null)" ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi

read -r VERSION CLUSTER PORT STATUS _ < <(pg_lsclusters -h | head -n 1)
if [ "$STATUS" != "online" ]; then
    pg_ctlcluster "$VERSION" "$CLUSTER" start
fi

for _ in $(seq 1 30); do
    su postgres -c "psql -p $PORT -qAtc 'SELECT 1'" >/dev/null 2>&1 && break
    sleep 1
done

psql_as_postgres() { su postgres -c "psql -p $PORT -v ON_ERROR_STOP=1 -qAt $*"; }

if [ "$(psql_as_postgres "-c \"SELECT 1 FROM pg_roles WHERE rolname = '$ROLE'\"")" != "1" ]; then
    psql_as_postgres "-c \"CREATE ROLE $ROLE LOGIN PASSWORD '$PASSWORD'\""
fi
if [ "$(psql_as_postgres "-c \"SELECT 1 FROM pg_database WHERE datname = '$DB'\"")" != "1" ]; then
    psql_as_postgres "-c \"CREATE DATABASE $DB OWNER $ROLE\""
fi

echo "postgresql+psycopg://$ROLE:$PASSWORD@127.0.0.1:$PORT/$DB"
