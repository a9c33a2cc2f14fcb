#!/usr/bin/env bash
# The whole test suite, with the services it needs (PostgreSQL, Chromium), lint and type checks.
. "$(dirname "$0")/env.sh"
install_runtime "[dev,train]"
bash scripts/postgres.sh
bash scripts/chromium.sh
export PRESSLENS_TEST_PG_URL="${PRESSLENS_TEST_PG_URL:-postgresql+psycopg://presslens:presslens@127.0.0.1:5432/presslens}"
export PRESSLENS_TEST_CHROMIUM="${PRESSLENS_TEST_CHROMIUM:-$(command -v chromium)}"
ruff check presslens tests bench training
mypy
pytest "$@"
