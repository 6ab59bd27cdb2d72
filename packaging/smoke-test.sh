#!/usr/bin/env bash
# Starts the built app image once, headless: its version, the embedded demo broker (until it prints its address),
# and, where xvfb-run exists, the window (until it reports itself shown). Used by .ci/run after packaging/build.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
launcher=target/packaging/FeedLens/bin/FeedLens
[ -x "$launcher" ] || { echo "No app image at $launcher: run packaging/build.sh --app-image first" >&2; exit 1; }
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT

"$launcher" --version

# Runs "$@" in its own process group until its output has a line matching $pattern (or $seconds pass), then stops it.
first_line_matching() {
  local pattern=$1 seconds=$2; shift 2
  local out="$home/out.txt"
  setsid "$@" > "$out" 2> "$home/err.txt" &
  local pid=$!
  local found=false
  for _ in $(seq 1 "$((seconds * 2))"); do
    if grep -q "$pattern" "$out"; then found=true; break; fi
    if ! kill -0 "$pid" 2> /dev/null; then break; fi
    sleep 0.5
  done
  kill -TERM -- "-$pid" 2> /dev/null || true
  wait "$pid" 2> /dev/null || true
  if $found; then
    grep -m1 "$pattern" "$out"
  else
    echo "No line matching '$pattern' within $seconds s from: $*" >&2
    tail -20 "$home/err.txt" >&2
    return 1
  fi
}

first_line_matching '^[0-9.]*:[0-9]*' 180 "$launcher" demo --headless --data-dir "$home/demo"
if command -v xvfb-run > /dev/null && [ -z "${FEEDLENS_SMOKE_NO_WINDOW:-}" ]; then
  first_line_matching 'FeedLens window shown' 120 xvfb-run -a "$launcher" --data-dir "$home/window"
else
  echo "xvfb-run is missing: the window was not started (Debian: apt-get install xvfb)"
fi
echo "The app image starts."
