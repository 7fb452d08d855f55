# Sourced by the bench scripts. Needs build/cmake from `make site`.
#
# measure LABEL RUNS PREPARE OUT COMMAND...: RUNS times, evaluates PREPARE
# (shell code) and then runs COMMAND with its standard output in OUT (or -
# for none), timed by wirebook_timed (bench/timed.cc), which counts the
# process alone, not the shell around it. Prints the label, the median and
# fastest wall time and the peak memory of all runs.
bin=${WIREBOOK:-build/cmake/wirebook}
timer=build/cmake/wirebook_timed
if [ ! -x "$timer" ]; then
  cmake -S . -B build/cmake >/dev/null  # a build tree from before the timer existed
  cmake --build build/cmake --target wirebook_timed >/dev/null
fi

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

measure() {
  local label=$1 runs=$2 prepare=$3 out=$4
  shift 4
  local times=() mems=() result
  for _ in $(seq "$runs"); do
    eval "$prepare"
    result=$("$timer" "$out" "$@")
    times+=("${result% *}")
    mems+=("${result#* }")
  done
  local med min peak
  med=$(printf '%s\n' "${times[@]}" | median)
  min=$(printf '%s\n' "${times[@]}" | sort -n | head -1)
  peak=$(printf '%s\n' "${mems[@]}" | sort -n | tail -1)
  awk -v l="$label" -v m="$med" -v n="$min" -v p="$peak" \
    'BEGIN {printf "%-20s %10.1f %10.1f %10.1f", l, m/1000, n/1000, p/1024}'
}

measure_header() { printf '%-20s %10s %10s %10s\n' "" median_ms min_ms peak_MiB; }
