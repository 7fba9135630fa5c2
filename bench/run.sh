#!/usr/bin/env bash
# End-to-end benchmarks behind docs/performance.md (hyperfine; needs python3 with
# numpy and scipy for the comparison). Run from the repository root:
#   bash bench/run.sh            # everything
#   N=1000000 bash bench/run.sh  # a smaller input
set -euo pipefail
cd "$(dirname "$0")/.."
command -v hyperfine >/dev/null || { echo "install hyperfine (apt-get install hyperfine)"; exit 1; }
cargo build --release -q
A=./target/release/actlab
N=${N:-10000000}
IN=$(mktemp /tmp/actlab-bench-XXXX.txt)
trap 'rm -f "$IN"' EXIT
python3 - "$N" > "$IN" <<'PY'
import random, sys
r = random.Random(1)
n = int(sys.argv[1])
sys.stdout.write("\n".join(repr(r.uniform(-10, 10)) for _ in range(n)) + "\n")
PY
echo "## $N doubles, full precision, one per line"
hyperfine --warmup 1 --runs 5 \
  "$A eval identity - --format csv < $IN > /dev/null" \
  "$A eval gelu - --format csv < $IN > /dev/null" \
  "$A eval gelu - --format tsv < $IN > /dev/null" \
  "$A deriv identity - --format csv < $IN > /dev/null" \
  "$A deriv gelu - --format csv < $IN > /dev/null"
echo "## memory (max RSS) for eval gelu"
/usr/bin/time -f "max RSS %M KB" "$A" eval gelu - --format csv < "$IN" > /dev/null
if python3 -c "import numpy, scipy" 2>/dev/null; then
  echo "## NumPy/SciPy pipeline on the first 1e6 values (it holds all input in memory)"
  head -1000000 "$IN" > "$IN.1m"
  hyperfine --warmup 1 --runs 3 \
    "python3 bench/numpy_gelu.py < $IN.1m > /dev/null" \
    "$A eval gelu - --format csv < $IN.1m > /dev/null"
  rm -f "$IN.1m"
fi
echo "## start-up"
hyperfine -N --warmup 20 --runs 200 "$A eval gelu 1.5"
echo "## gradient chains"
hyperfine --warmup 1 --runs 5 \
  "$A chain sigmoid 1000000 --at 0 > /dev/null" \
  "$A chain sigmoid 10000000 --at 0 > /dev/null" \
  "$A chain gelu 10000000 > /dev/null" \
  "$A chain relu 100 --width 256 > /dev/null"
