#!/usr/bin/env bash
# Times rendering the Octopus Pro colour-pin diagram in each format, as whole
# wirebook processes (start-up, reading boards/, layout, drawing, writing),
# and prints the median, fastest and peak memory of RUNS runs.
# Usage: bench/render.sh [RUNS]   (needs build/cmake from `make site`)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
runs=${1:-21}
board=octopus-pro@v1.1
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

echo "colour-pin diagram of $board, median of $runs runs"
measure_header
for spec in "png 1" "png 2" "svg 1" "pdf 1"; do
  set -- $spec
  label=$1; [ "$2" = 2 ] && label="$1@2x"
  "$bin" render pinout "$board" --format "$1" --scale "$2" -o "$out/warm.$1"  # warm the page cache
  measure "$label" "$runs" : - "$bin" render pinout "$board" --format "$1" --scale "$2" -o "$out/x.$1"
  echo
done
