#!/usr/bin/env bash
# Set-up and the main job: install presslens and analyse the sample article the project ships.
. "$(dirname "$0")/env.sh"
install_runtime ""
presslens analyze examples/sample.txt --published 2026-11-25 --format text
