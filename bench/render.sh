#!/usr/bin/env bash
# Times rendering the Octopus Pro colour-pin diagram in each format, as whole
# wirebook processes (start-up, reading boards/, layout, drawing, writing),
# and prints the median, fastest and peak memory of RUNS runs. Then shows
# where the time goes: the median of each phase wirebook reports with
# WIREBOOK_TIMING=1, and "start+exit", the rest of the process's wall time
# (loading the shared libraries, exiting). `wirebook --version` alone gives
# the least any command costs.
# Usage: bench/render.sh [RUNS]   (needs build/cmake from `make site`)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
runs=${1:-21}
board=octopus-pro@v1.1
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
specs=("png 1" "png 2" "svg 1" "pdf 1")

echo "colour-pin diagram of $board, median of $runs runs"
measure_header
for spec in "${specs[@]}"; do
  set -- $spec
  label=$1; [ "$2" = 2 ] && label="$1@2x"
  "$bin" render pinout "$board" --format "$1" --scale "$2" -o "$out/warm.$1"  # warm the page cache
  measure "$label" "$runs" : - "$bin" render pinout "$board" --format "$1" --scale "$2" -o "$out/x.$1"
  echo
done
measure "wirebook --version" "$runs" : - "$bin" --version
echo

echo
echo "where the time goes (ms, medians)"
printf '%-20s %10s %10s %10s %10s %10s\n' "" start+exit load layout draw write
for spec in "${specs[@]}"; do
  set -- $spec
  label=$1; [ "$2" = 2 ] && label="$1@2x"
  : > "$out/phases"
  for _ in $(seq "$runs"); do
    wall=$(WIREBOOK_TIMING=1 "$timer" - "$bin" render pinout "$board" --format "$1" --scale "$2" -o "$out/x.$1" \
           2> "$out/err" | cut -d' ' -f1)
    awk -v wall="$wall" '{ms[$1] = $2; sum += $2}
      END {printf "%.1f %s %s %s %s\n", wall / 1000 - sum, ms["load"], ms["layout"], ms["draw"], ms["write"]}' \
      "$out/err" >> "$out/phases"
  done
  printf '%-20s' "$label"
  for col in 1 2 3 4 5; do printf ' %10s' "$(cut -d' ' -f$col "$out/phases" | median)"; done
  echo
done
