#!/usr/bin/env bash
# Times `wirebook build` on a synthetic site: 1000 pages of 6-8 KB with five
# images each (bench/gen_site.cc), from clean and with nothing changed; and,
# with DIAGRAMS > 0, a site where that many pages embed their own diagram,
# also timing a build after one pin changed. Prints medians of RUNS runs and
# the peak memory.
# Usage: bench/site.sh [RUNS] [DIAGRAMS]     (needs build/cmake from `make`)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
diagrams=${2:-0}
bin=${WIREBOOK:-build/cmake/wirebook}
gen=build/cmake/wirebook_gen_site
[ -x "$gen" ] || cmake --build build/cmake --target wirebook_gen_site >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$gen" "$work/project" --pages 1000 --diagrams "$diagrams"
cp -r site "$work/project/site"

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

# time_build LABEL PREPARE: runs PREPARE, then one build, RUNS times.
time_build() {
  local label=$1 prepare=$2 times=() mems=()
  for _ in $(seq "$runs"); do
    eval "$prepare"
    local start end mem
    start=$(date +%s%N)
    mem=$( { /usr/bin/time -f '%M' "$bin" build --root "$work/project" --out "$out" >/dev/null; } 2>&1 | tail -1 )
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000 )))
    mems+=("$mem")
  done
  local med peak
  med=$(printf '%s\n' "${times[@]}" | median)
  peak=$(printf '%s\n' "${mems[@]}" | sort -n | tail -1)
  awk -v l="$label" -v m="$med" -v p="$peak" 'BEGIN {printf "%-28s %10.1f ms %10.1f MiB\n", l, m/1000, p/1024}'
}

echo "1000 pages, $diagrams diagrams, median of $runs runs"
# Each clean build writes into a new folder; all are removed at exit. Deleting
# the last site just before building again would time ext4 rather than
# wirebook: for a minute or so after thousands of files are deleted, creating
# new ones makes the kernel step over every recently freed inode (measured
# here: 0.8 s, then 3.5 s, 4.6 s and 5.6 s for three rm -rf + build rounds).
n=0
time_build "clean build" "n=\$((n + 1)); out='$work/clean'\$n/site"
time_build "no-change rebuild" ":"
if [ "$diagrams" -gt 0 ]; then
  # Move one pin of one revision: exactly one diagram and one page change.
  flip=0
  time_build "one pin changed" \
    "flip=\$((1 - flip)); sed -i \"s/mcu=\\\"PD0\\\"/mcu=\\\"PE\$flip\\\"/; s/mcu=\\\"PE[01]\\\"/mcu=\\\"PE\$flip\\\"/\" '$work/project/boards/bench-board.xml'"
fi
