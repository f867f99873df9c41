#!/usr/bin/env bash
# Quick start, part 2: installs what Dossier needs, builds it, and runs every test (C++ unit tests,
# command-line end-to-end tests, benchmark-scorer tests). Usage: scripts/test.sh [BUILD_DIR] [cmake args]
# The PostgreSQL store's tests run against a throw-away server started here (a Unix socket in a
# temporary directory, scripts/postgres-test-server.sh) and stopped on the way out.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="${1:-$root/build}"
shift || true
bash "$root/scripts/setup.sh"
bash "$root/scripts/build.sh" "$dir" "$@"
pgdir="$(mktemp -d /tmp/dossier-pg.XXXXXX)"
trap 'bash "$root/scripts/postgres-test-server.sh" stop "$pgdir"' EXIT
DOSSIER_TEST_POSTGRES_URL="$(bash "$root/scripts/postgres-test-server.sh" start "$pgdir")"
export DOSSIER_TEST_POSTGRES_URL
cd "$dir"
ctest --output-on-failure -j "$(nproc)" --timeout 900
