#!/usr/bin/env bash
# lianxi's benchmark: one command, every figure of issue #6.
#   benches/bench.sh
# Needs hyperfine (apt-get install hyperfine). When a typst CLI of the same version is on PATH
# (cargo install typst-cli --version 0.15.1 --locked), it also compiles lianxi's own Typst
# source with it — same fonts only, one process per document — and prints the ratios.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin=$PWD/target/release/lianxi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
date=--as-of=2026-11-28

# The founding notice alone (build also writes the roster appendix).
cp -r examples/duji "$work/notice-only" && rm -rf "$work/notice-only/filings" "$work/notice-only/sessions" "$work/notice-only/documents"
# The plenary notice alone, for the copies workload.
cp -r examples/duji "$work/plenary" && rm -rf "$work/plenary/filings" "$work/plenary/founding-notice.yaml" "$work/plenary/documents" "$work/plenary/sessions/2026-联络员会议.yaml"
sed -i '/^minutes:/,$d' "$work/plenary/sessions/"*.yaml

peak() { # peak RSS in MB of one run of "$@"
  /usr/bin/time -f %M "$@" >/dev/null 2>"$work/time" || true
  echo "$(( $(tail -1 "$work/time") / 1024 )) MB"
}

echo "== (a) cold, one document; (b) cold, every document of examples/duji (17 PDFs) =="
hyperfine -N -w 2 -r 15 --export-markdown "$work/cold.md" \
  -n "check examples/duji" "$bin check examples/duji" \
  -n "(a) build founding notice" "$bin build $work/notice-only -o $work/a $date --no-system-fonts" \
  -n "(b) build examples/duji" "$bin build examples/duji -o $work/b $date --no-system-fonts" \
  -n "(b) build examples/duji --format ofd" "$bin build examples/duji -o $work/o $date --no-system-fonts --format ofd" >/dev/null
cat "$work/cold.md"
echo "peak RSS: (a) $(peak "$bin" build "$work/notice-only" -o "$work/a" $date --no-system-fonts), (b) $(peak "$bin" build examples/duji -o "$work/b" $date --no-system-fonts)"
echo "founding-notice.pdf: $(stat -c %s "$work/b/founding-notice.pdf") bytes, .ofd: $(stat -c %s "$work/o/founding-notice.ofd") bytes"

echo
echo "== (c) warm, pinned to one core (the PDF export would otherwise spread font work over threads) =="
cargo bench --quiet --bench warm --no-run 2>/dev/null
pin=(); command -v taskset >/dev/null 2>&1 && pin=(taskset -c 0)
"${pin[@]}" cargo bench --quiet --bench warm 2>/dev/null

echo
echo "== (d) 1,000 numbered copies of the plenary notice (one PDF) =="
start=$(date +%s.%N)
mem=$(peak "$bin" build "$work/plenary" -o "$work/d" $date --no-system-fonts --copies 1000)
end=$(date +%s.%N)
pdf="$work/d/sessions/2026-全体会议-notice.pdf"
echo "wall $(echo "$end - $start" | bc) s, peak RSS $mem, $(pdfinfo "$pdf" | awk '/^Pages/ {print $2}') pages, $(( $(stat -c %s "$pdf") / 1024 )) KB"

if command -v typst >/dev/null 2>&1; then
  echo
  echo "== lianxi vs $(typst --version) on lianxi's own Typst source (fonts/ only) =="
  "$bin" build examples/duji -o "$work/typ" $date --no-system-fonts --format typ >/dev/null 2>&1
  mapfile -t sources < <(cd "$work/typ" && find . -name '*.typ' | sort)
  fonts="--font-path $PWD/fonts --ignore-system-fonts --ignore-embedded-fonts"
  cli_one="typst compile $fonts $work/typ/founding-notice.typ $work/cli-one.pdf"
  cli_all="cd $work/typ && for f in ${sources[*]}; do typst compile $fonts \$f \$f.pdf; done"
  hyperfine -w 2 -r 10 --export-json "$work/cli.json" \
    -n "lianxi, founding notice" "$bin build $work/notice-only -o $work/a $date --no-system-fonts" \
    -n "typst-cli, founding notice" "$cli_one" \
    -n "lianxi, all ${#sources[@]} documents" "$bin build examples/duji -o $work/b $date --no-system-fonts" \
    -n "typst-cli, one process per document" "bash -c '$cli_all'" >/dev/null
  python3 - "$work/cli.json" <<'PY'
import json, sys
r = {x["command"]: x["median"] for x in json.load(open(sys.argv[1]))["results"]}
names = list(r)
for name in names:
    print(f"  {name}: median {r[name] * 1000:.0f} ms")
print(f"  one document: lianxi / typst-cli = {r[names[0]] / r[names[1]]:.2f}")
print(f"  whole example: lianxi / typst-cli = {r[names[2]] / r[names[3]]:.2f}")
PY
else
  echo
  echo "(no typst CLI on PATH: cargo install typst-cli --version 0.15.1 --locked)"
fi
