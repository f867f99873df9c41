#!/usr/bin/env bash
# Installs everything Dossier needs to build, test and run, from Debian 12 packages only.
# Idempotent: packages already present are left alone, and apt is only updated when something is missing.
set -euo pipefail

PACKAGES=(
  build-essential g++ cmake ninja-build pkg-config git
  libicu-dev            # UTF-8, normalisation, break iteration
  nlohmann-json3-dev    # JSON reading (gold files, configuration)
  libcli11-dev          # command-line parsing
  zlib1g-dev            # .gz inputs (the fallback inflater)
  libdeflate-dev        # .warc.gz / .gz inputs: whole-member inflate, faster than zlib
  libgumbo-dev          # reference HTML5 parser
  libsqlite3-dev sqlite3  # the corpus store (WAL, FTS5); the CLI inspects databases in tests
  libzstd-dev python3-zstandard  # the corpus store's compressed text; tests read it from Python
  libpq-dev postgresql  # the corpus store on PostgreSQL (libpq; the server the tests start locally)
  libsimdjson-dev       # reading `dossier analyze` JSON Lines back into the store, fast
  libcpp-httplib-dev libssl-dev libbrotli-dev  # `dossier serve` (httplib's header needs the other two)
  chromium nodejs       # browser tests of the web UI (tests/e2e: Playwright drives Debian's Chromium)
  libgtest-dev libgmock-dev googletest
  libbenchmark-dev      # micro-benchmarks
  wamerican wbritish wamerican-insane wbritish-insane   # word lists for glued-word repair
  python3 python3-pytest  # end-to-end tests and benchmark scorers (run with /usr/bin/python3)
  python3-dev pybind11-dev  # the Python package (python/dossier, built by CMake)
  python3-distributed python3-dask  # scale-out on a Dask cluster (python3 -m dossier.dask)
  time                  # /usr/bin/time -v for peak-memory figures
  python3-readability   # benchmark yardstick: readability-lxml, timed by bench/time_readability.py
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}" >&2
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
echo "setup: all packages present" >&2

# npm (Debian's package, unless the machine's Node.js brings its own) and the browser tests' one
# npm package, playwright-core, pinned by tests/e2e/package-lock.json; it uses /usr/bin/chromium and
# never downloads a browser.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if ! command -v npm >/dev/null; then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends npm >/dev/null
fi
if [ ! -f "$root/tests/e2e/node_modules/playwright-core/package.json" ]; then
  echo "setup: installing playwright-core for the browser tests" >&2
  (cd "$root/tests/e2e" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi
echo "setup: browser-test packages present" >&2
