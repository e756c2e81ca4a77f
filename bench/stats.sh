# Sourced by the bench scripts: the statistics they report.
# median N...: the median of the numbers (mean of the middle two for an even count).
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
# ratio A B: A/B to three decimals.
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.3f", a/b}'; }
# timed ARGS...: milliseconds a run of the sourcing script's own build function with ARGS takes.
timed() { local start; start=$(date +%s%N); build "$@"; echo $(( ($(date +%s%N) - start) / 1000000 )); }
# paired RUNS "WITH" "WITHOUT": runs the two timing commands (each prints milliseconds) RUNS times in pairs, which goes
# first alternating, and prints "median-without median-with median-of-paired-ratios" (ms, ms, with/without).
paired() {
  local runs=$1 with_cmd=$2 without_cmd=$3 run
  local -a with=() without=() ratios=()
  for run in $(seq 1 "$runs"); do
    if (( run % 2 )); then without+=("$($without_cmd)"); with+=("$($with_cmd)")
    else with+=("$($with_cmd)"); without+=("$($without_cmd)"); fi
    ratios+=("$(ratio "${with[-1]}" "${without[-1]}")")
  done
  printf '%.0f %.0f %.3f\n' "$(median "${without[@]}")" "$(median "${with[@]}")" "$(median "${ratios[@]}")"
}
