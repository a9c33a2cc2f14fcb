#!/usr/bin/env bash
# Installs Debian's Chromium (and its driver) for the browser tests, once: a second run changes nothing.
# Playwright drives this binary through PRESSLENS_TEST_CHROMIUM; `playwright install` cannot reach its CDN here.
set -euo pipefail

if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then
    command -v chromium
    exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
    echo "chromium.sh: installing packages needs root" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium chromium-driver >/dev/null
command -v chromium
