#!/usr/bin/env bash
# Times rendering the Octopus Pro colour-pin diagram in each format, as whole
# wirebook processes (start-up, reading boards/, layout, drawing, writing),
# and prints the median and peak memory of RUNS runs.
# Usage: bench/render.sh [RUNS]   (needs a built build/cmake/wirebook)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-21}
bin=${WIREBOOK:-build/cmake/wirebook}
board=octopus-pro@v1.1
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

printf '%-10s %10s %10s %10s\n' format median_ms min_ms peak_MiB
for spec in "png 1" "png 2" "svg 1" "pdf 1"; do
  set -- $spec
  fmt=$1 scale=$2
  "$bin" render pinout "$board" --format "$fmt" --scale "$scale" -o "$out/warm.$fmt"  # warm the page cache
  times=() mems=()
  for _ in $(seq "$runs"); do
    start=$(date +%s%N)
    mem=$( { /usr/bin/time -f '%M' "$bin" render pinout "$board" --format "$fmt" --scale "$scale" -o "$out/x.$fmt"; } 2>&1 )
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000 )))
    mems+=("$mem")
  done
  med=$(printf '%s\n' "${times[@]}" | median)
  min=$(printf '%s\n' "${times[@]}" | sort -n | head -1)
  peak=$(printf '%s\n' "${mems[@]}" | sort -n | tail -1)
  label="$fmt"; [ "$scale" = 2 ] && label="$fmt@2x"
  awk -v l="$label" -v m="$med" -v n="$min" -v p="$peak" 'BEGIN {printf "%-10s %10.1f %10.1f %10.1f\n", l, m/1000, n/1000, p/1024}'
done
