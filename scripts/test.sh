#!/usr/bin/env bash
# Quick start, part 2: installs what Dossier needs, builds it, and runs every test (C++ unit tests,
# command-line end-to-end tests, benchmark-scorer tests). Usage: scripts/test.sh [BUILD_DIR] [cmake args]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="${1:-$root/build}"
shift || true
bash "$root/scripts/setup.sh"
bash "$root/scripts/build.sh" "$dir" "$@"
cd "$dir"
ctest --output-on-failure -j "$(nproc)" --timeout 900
