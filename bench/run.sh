#!/usr/bin/env bash
# End-to-end benchmarks behind docs/performance.md (hyperfine; the NumPy comparison
# needs python3 with numpy and scipy). Run from the repository root:
#   bash bench/run.sh            # everything, 10 million values
#   N=1000000 bash bench/run.sh  # a smaller input
#   SKIP_NUMPY=1 bash bench/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."
command -v hyperfine >/dev/null || { echo "install hyperfine (apt-get install hyperfine)"; exit 1; }
cargo build --release -q
A=./target/release/actlab
N=${N:-10000000}
IN=$(mktemp /tmp/actlab-bench-XXXX.txt)
trap 'rm -f "$IN"' EXIT
python3 bench/uniform.py "$N" > "$IN"
echo "## $N doubles in full precision, one per line, uniform on [-10, 10]"
echo "## from a file (< file), output to /dev/null"
hyperfine --warmup 1 --runs 10 \
  "$A eval identity - --format csv < $IN > /dev/null" \
  "$A eval gelu - --format csv < $IN > /dev/null" \
  "$A eval gelu - --format tsv < $IN > /dev/null" \
  "$A deriv identity - --format csv < $IN > /dev/null" \
  "$A deriv gelu - --format csv < $IN > /dev/null"
echo "## a formula column (compiled once, interpreted per value) against the catalogue's silu"
hyperfine --warmup 1 --runs 10 \
  "$A eval silu - --format csv < $IN > /dev/null" \
  "$A eval 'x*sigmoid(1.702*x)' - --format csv < $IN > /dev/null" \
  "$A deriv 'x*sigmoid(1.702*x)' - --format csv < $IN > /dev/null" \
  "$A eval 'x*tanh(softplus(x))' - --format csv < $IN > /dev/null"
echo "## from a pipe (cat file |): cat itself takes CPU time on the same two cores"
hyperfine --warmup 1 --runs 5 \
  "cat $IN | $A eval identity - --format csv > /dev/null" \
  "cat $IN | $A eval gelu - --format csv > /dev/null" \
  "cat $IN | $A deriv gelu - --format csv > /dev/null"
echo "## memory (max RSS)"
/usr/bin/time -f "eval gelu:  max RSS %M KB" "$A" eval gelu - --format csv < "$IN" > /dev/null
/usr/bin/time -f "deriv gelu: max RSS %M KB" "$A" deriv gelu - --format csv < "$IN" > /dev/null
if [ -z "${SKIP_NUMPY:-}" ] && python3 -c "import numpy, scipy" 2>/dev/null; then
  echo "## the NumPy/SciPy pipeline on the same input (it holds all of it in memory)"
  hyperfine --warmup 0 --runs 3 \
    "python3 bench/numpy_gelu.py < $IN > /dev/null" \
    "python3 bench/numpy_gelu.py --deriv < $IN > /dev/null"
  /usr/bin/time -f "NumPy gelu: max RSS %M KB" python3 bench/numpy_gelu.py < "$IN" > /dev/null
fi
echo "## start-up"
hyperfine -N --warmup 20 --runs 300 "$A eval gelu 1.5"
echo "## a large range, first rows (the table shows the first rows and says how many it left out)"
hyperfine -N --warmup 3 --runs 20 "$A eval gelu -1e6..1e6:0.001"
echo "## a range of 10 million points, every row as CSV"
hyperfine --warmup 1 --runs 5 "$A eval gelu -5..5:0.000001 --format csv > /dev/null"
echo "## gradient chains"
hyperfine --warmup 1 --runs 5 \
  "$A chain sigmoid 1000000 --at 0 > /dev/null" \
  "$A chain sigmoid 10000000 --at 0 > /dev/null" \
  "$A chain gelu 10000000 > /dev/null" \
  "$A chain relu 100 --width 256 > /dev/null"
