#!/usr/bin/env bash
# Times `wirebook build` on a synthetic site: 1000 pages of 6-8 KB with five
# images each (bench/gen_site.cc), from clean and with nothing changed; and,
# with DIAGRAMS > 0, a site where that many pages embed their own diagram,
# also timing a build after one pin changed. Prints medians of RUNS runs and
# the peak memory.
# Usage: bench/site.sh [RUNS] [DIAGRAMS]     (needs build/cmake from `make`)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
runs=${1:-5}
diagrams=${2:-0}
gen=build/cmake/wirebook_gen_site
[ -x "$gen" ] || cmake --build build/cmake --target wirebook_gen_site >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$gen" "$work/project" --pages 1000 --diagrams "$diagrams"
cp -r site "$work/project/site"

# time_build LABEL PREPARE: RUNS builds, each after PREPARE.
time_build() {
  measure "$1" "$runs" "$2" - "$bin" build --root "$work/project" --out "$work/out/site"
  echo
}

echo "1000 pages, $diagrams diagrams, median of $runs runs"
measure_header
# Before each clean build the last output is moved aside; all of it is
# removed at exit. Deleting it just before building again would time ext4,
# not wirebook: for a minute or so after thousands of files are deleted,
# creating new ones makes the kernel step over every recently freed inode
# (measured here: 0.8 s, then 3.5 s, 4.6 s and 5.6 s for three rm -rf +
# build rounds).
n=0
time_build "clean build" "n=\$((n + 1)); [ ! -e '$work/out' ] || mv '$work/out' '$work/old'\$n"
time_build "no-change rebuild" ":"
if [ "$diagrams" -gt 0 ]; then
  # Move one pin of one revision: exactly one diagram and one page change.
  flip=0
  time_build "one pin changed" \
    "flip=\$((1 - flip)); sed -i \"s/mcu=\\\"PD0\\\"/mcu=\\\"PE\$flip\\\"/; s/mcu=\\\"PE[01]\\\"/mcu=\\\"PE\$flip\\\"/\" '$work/project/boards/bench-board.xml'"
fi
