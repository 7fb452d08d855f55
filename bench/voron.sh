#!/usr/bin/env bash
# Times `wirebook build` of this project's own site, whose Voron 2.4 guide
# holds the full diagram set: from clean, after one pin of one revision
# changed, and with nothing changed. Prints medians of RUNS runs and the peak
# memory. Usage: bench/voron.sh [RUNS]   (needs build/cmake from `make`)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
bin=${WIREBOOK:-build/cmake/wirebook}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for d in boards content diagrams site; do cp -r "$d" "$work/$d"; done
out="$work/out/site"
board="$work/boards/octopus-pro.xml"

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

time_build() {
  local label=$1 prepare=$2 times=() mems=() summary=""
  for _ in $(seq "$runs"); do
    eval "$prepare"
    local start end mem
    start=$(date +%s%N)
    mem=$( { /usr/bin/time -f '%M' "$bin" build --root "$work" --out "$out" > "$work/summary"; } 2>&1 | tail -1 )
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000 )))
    mems+=("$mem")
    summary=$(head -1 "$work/summary")
  done
  local med peak
  med=$(printf '%s\n' "${times[@]}" | median)
  peak=$(printf '%s\n' "${mems[@]}" | sort -n | tail -1)
  awk -v l="$label" -v m="$med" -v p="$peak" 'BEGIN {printf "%-20s %9.1f ms %8.1f MiB   ", l, m/1000, p/1024}'
  echo "${summary#*: }"
}

echo "this project's site (Voron 2.4 guide, board pages), median of $runs runs"
time_build "clean build" "rm -rf '$work/out'"
time_build "no change" ":"
# Each run moves HE0 of revision V1.1 to another free MCU pin and renames its
# signal (new every time, so the cache cannot answer): that revision's
# diagrams and pages change, nothing else.
run=0
free=(PD1 PD0 PF8)
time_build "one pin changed" "run=\$((run + 1)); pin=\${free[\$((run % 3))]}; sed -i 's/<patch id=\"HE0\"[^/]*\/>/<patch id=\"HE0\" pin=\"2\" mcu=\"'\$pin'\" signal=\"HE0-r'\$run'\"\/>/' '$board'"
