#!/usr/bin/env bash
# The least time a whole-process render of the colour-pin diagram can take
# on this machine, from its parts measured on their own: starting and ending
# a wirebook process that does nothing (`wirebook --version`), then, in one
# warm process (bench/floor.cc), reading the boards, the layout, and cairo's
# writers. "least" adds start, load, layout and the warm writer: with a warm
# layout as if nothing were ever done for the first time (fonts, shaping,
# glyphs, memory), and with the cold layout a new process cannot avoid.
# Usage: bench/floor.sh [RUNS]   (needs build/cmake from `make site`)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
runs=${1:-21}
floor=build/cmake/wirebook_floor
[ -x "$floor" ] || cmake --build build/cmake --target wirebook_floor >/dev/null

start=$(for _ in $(seq "$runs"); do "$timer" - "$bin" --version | cut -d' ' -f1; done | median)
parts=$("$floor" . octopus-pro@v1.1 "$runs" 2>/dev/null)
part() { grep "^$1" <<<"$parts" | awk '{print $NF}'; }

echo "parts of a render of octopus-pro@v1.1 (ms, medians of $runs)"
printf '%-30s %6.1f\n' "start and exit (--version)" "$(awk -v s="$start" 'BEGIN {print s / 1000}')"
echo "$parts"
echo
# A new process must load its fonts and shape its text once, which a warm
# layout does not count; the second column adds the cold layout instead.
echo "least whole-process time: start + load + layout + writer (warm)"
printf '%-30s %12s %12s\n' "" "warm layout" "cold layout"
for format in "PDF, cairo's writer" "PDF, two halves" "SVG, two layers" "PNG 2x, all cores"; do
  awk -v s="$start" -v l="$(part 'load boards')" -v w="$(part "$format")" -v f="$format" \
      -v warm="$(part 'layout (warm)')" -v cold="$(part 'layout (cold)')" \
      'BEGIN {printf "%-30s %12.1f %12.1f\n", f, s / 1000 + l + warm + w, s / 1000 + l + cold + w}'
done
