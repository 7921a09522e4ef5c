#!/usr/bin/env bash
# Cold-process timings with hyperfine (Debian: apt-get install hyperfine), medians over 15 runs.
#   benches/cold.sh            # builds the release binary first
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin=target/release/lianxi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The founding notice alone (plus the roster appendix every build writes).
cp -r examples/duji "$work/notice-only" && rm -rf "$work/notice-only/filings"
hyperfine -N -w 2 -r 15 --export-markdown "$work/results.md" \
  -n "check examples/duji" "$bin check examples/duji" \
  -n "build notice (cold)" "$bin build $work/notice-only -o $work/o1 --as-of 2026-11-28 --no-system-fonts" \
  -n "build examples/duji (cold, all documents)" "$bin build examples/duji -o $work/o2 --as-of 2026-11-28 --no-system-fonts"
cat "$work/results.md"
