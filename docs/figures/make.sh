#!/usr/bin/env bash
# Rebuild the seed's figures with actlab itself: bash docs/figures/make.sh
set -euo pipefail
cd "$(dirname "$0")"
A=${ACTLAB:-../../target/release/actlab}
[ -x "$A" ] || (cd ../.. && cargo build --release -q)
$A plot sigmoid --deriv --from -8 --to 8 --svg sigmoid.svg
$A plot tanh --deriv --from -4 --to 4 --svg tanh.svg
$A plot relu,leaky_relu --deriv --from -3 --to 3 --slope 0.1 --svg relu.svg
$A plot normal_cdf --deriv --from -4 --to 4 --svg normal.svg
$A plot gelu,relu --deriv --from -4 --to 4 --svg gelu_relu.svg
$A plot gelu,gelu_tanh --deriv --from -4 --to 4 --svg gelu_tanh.svg
$A plot chain sigmoid,tanh,relu 50 --svg chain.svg
$A matrix rotate 30 then scale 2 --plot --svg matrix.svg
