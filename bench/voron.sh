#!/usr/bin/env bash
# Times `wirebook build` of this project's own site, whose Voron 2.4 guide
# holds the full diagram set: from clean, after one pin of one revision
# changed, and with nothing changed. Prints medians of RUNS runs and the peak
# memory. Usage: bench/voron.sh [RUNS]   (needs build/cmake from `make`)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
runs=${1:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for d in boards content diagrams site; do cp -r "$d" "$work/$d"; done
out="$work/out/site"
board="$work/boards/octopus-pro.xml"

# time_build LABEL PREPARE: RUNS builds, each after PREPARE, and the last
# build's summary line.
time_build() {
  measure "$1" "$runs" "$2" "$work/summary" "$bin" build --root "$work" --out "$out"
  local summary
  summary=$(head -1 "$work/summary")
  echo "   ${summary#*: }"
}

echo "this project's site (Voron 2.4 guide, board pages), median of $runs runs"
measure_header
time_build "clean build" "rm -rf '$work/out'"
time_build "no change" ":"
# Each run moves HE0 of revision V1.1 to another free MCU pin and renames its
# signal (new every time, so the cache cannot answer): that revision's
# diagrams and pages change, nothing else.
run=0
free=(PD1 PD0 PF8)
time_build "one pin changed" "run=\$((run + 1)); pin=\${free[\$((run % 3))]}; sed -i 's/<patch id=\"HE0\"[^/]*\/>/<patch id=\"HE0\" pin=\"2\" mcu=\"'\$pin'\" signal=\"HE0-r'\$run'\"\/>/' '$board'"
