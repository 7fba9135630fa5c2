#!/usr/bin/env bash
# Every catalogue function's cost on the stream over the identity pass (issue 21: "every
# function's value and derivative within 1.3x of the identity pass"). For each function,
# ROUNDS times: `eval identity`, `eval FN`, `deriv identity`, `deriv FN` back to back on
# the same input (so a pair shares the machine's mood of the moment); the ratio of each
# pair is taken and the median over the rounds printed, as a Markdown table.
# Run from the repository root:
#   bash bench/ratio_all.sh                 # 2 million values, 5 rounds
#   N=10000000 ROUNDS=7 bash bench/ratio_all.sh
set -euo pipefail
cd "$(dirname "$0")/.."
[ -n "${A:-}" ] || cargo build --release -q
A=${A:-./target/release/actlab}
N=${N:-2000000}
ROUNDS=${ROUNDS:-5}
IN=$(mktemp /tmp/actlab-ratio-XXXX.txt)
trap 'rm -f "$IN"' EXIT
python3 bench/uniform.py "$N" > "$IN"
ms() {
  local s e
  s=$(date +%s%N)
  $A "$@" - --format csv < "$IN" > /dev/null
  e=$(date +%s%N)
  echo $(( (e - s) / 100000 ))  # tenths of a millisecond
}
median() { tr ' ' '\n' | grep . | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
FUNCS=${FUNCS:-$($A list --format csv | tail -n +2 | cut -d, -f1 | grep -v '^identity$')}
echo "## $N doubles, uniform on [-10, 10], CSV to /dev/null; median of $ROUNDS back-to-back pairs"
echo
echo "| function | eval: ms | eval / identity | deriv: ms | deriv / identity |"
echo "|---|---|---|---|---|"
for f in $FUNCS; do
  ev="" dv="" evt="" dvt=""
  for _ in $(seq "$ROUNDS"); do
    i=$(ms eval identity); t=$(ms eval "$f")
    ev+="$(awk -v a="$t" -v b="$i" 'BEGIN {printf "%.3f", a / b}') "; evt+="$t "
    i=$(ms deriv identity); t=$(ms deriv "$f")
    dv+="$(awk -v a="$t" -v b="$i" 'BEGIN {printf "%.3f", a / b}') "; dvt+="$t "
  done
  printf "| %s | %.1f | %.2f | %.1f | %.2f |\n" "$f" \
    "$(echo "$evt" | median | awk '{print $1 / 10}')" "$(echo "$ev" | median)" \
    "$(echo "$dvt" | median | awk '{print $1 / 10}')" "$(echo "$dv" | median)"
done
