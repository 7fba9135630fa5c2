#!/usr/bin/env bash
# What GELU costs over identity, end to end (issue 7: "GELU within 30% of eval identity").
# On a shared machine hyperfine's back-to-back runs drift by ±10% between commands, so
# this alternates the four commands, ROUNDS times, and prints each one's median wall time
# and the two ratios. Run from the repository root:
#   bash bench/ratio.sh            # 10 million values, 11 rounds
#   N=1000000 ROUNDS=21 bash bench/ratio.sh
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release -q
A=./target/release/actlab
N=${N:-10000000}
ROUNDS=${ROUNDS:-11}
IN=$(mktemp /tmp/actlab-ratio-XXXX.txt)
trap 'rm -f "$IN"' EXIT
python3 bench/uniform.py "$N" > "$IN"
cmds=("eval identity" "eval gelu" "deriv identity" "deriv gelu")
declare -A times
for _ in $(seq "$ROUNDS"); do
  for c in "${cmds[@]}"; do
    s=$(date +%s%N)
    $A $c - --format csv < "$IN" > /dev/null
    e=$(date +%s%N)
    times[$c]+="$(( (e - s) / 1000000 )) "
  done
done
median() { tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
declare -A med
echo "## $N doubles, uniform on [-10, 10], from a file, CSV to /dev/null; $ROUNDS alternating rounds"
for c in "${cmds[@]}"; do
  med[$c]=$(echo "${times[$c]}" | median)
  echo "$c: median ${med[$c]} ms (all: ${times[$c]})"
done
awk -v a="${med[eval gelu]}" -v b="${med[eval identity]}" 'BEGIN {printf "eval gelu / eval identity: %.2f\n", a / b}'
awk -v a="${med[deriv gelu]}" -v b="${med[deriv identity]}" 'BEGIN {printf "deriv gelu / deriv identity: %.2f\n", a / b}'
