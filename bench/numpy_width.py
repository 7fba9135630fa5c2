#!/usr/bin/env python3
"""The NumPy peer of `actlab chain FN DEPTH --width N` (issue 21): the same computation
with memory bounded as actlab's is.

Each layer's W (N x N, entries N(0, 1/N), or N(0, 2/N) with --he) is drawn from its own
seed, used for the forward pass z_k = W a_(k-1), a_k = f(z_k) (only z is kept), drawn
again on the way back, and the gradient goes g <- W^T (f'(z_k) * g), its norm tracked in
log10 and the vector renormalised, one matrix-vector product per layer each way. Prints
the final log10 of the gradient's norm.

Run:  python3 bench/numpy_width.py tanh 300 512
      python3 bench/numpy_width.py relu 100 4096 --he
(NumPy's default_rng is PCG64 with a ziggurat normal; its matrix-vector products use
OpenBLAS on both cores.)
"""
import sys

import numpy as np


def main():
    name, depth, n = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    sigma = (2.0 / n) ** 0.5 if "--he" in sys.argv else 1.0 / n ** 0.5
    if name == "tanh":
        f, df = np.tanh, lambda z: 1.0 - np.tanh(z) ** 2
    elif name == "relu":
        f, df = (lambda z: np.maximum(z, 0.0)), (lambda z: (z > 0).astype(float))
    else:
        raise SystemExit("tanh or relu")

    def weights(k):
        return np.random.default_rng((0, k)).standard_normal((n, n)) * sigma

    a = np.random.default_rng(0).standard_normal(n)
    zs = []
    for k in range(1, depth + 1):
        z = weights(k) @ a
        zs.append(z)
        a = f(z)
    g = np.full(n, 1.0 / n ** 0.5)
    log_norm = 0.0
    for k in range(depth, 0, -1):
        g = weights(k).T @ (df(zs[k - 1]) * g)
        nn = np.linalg.norm(g)
        if nn == 0.0:
            log_norm = float("-inf")
            break
        log_norm += np.log10(nn)
        g /= nn
    print(f"{name} {depth} x {n}: log10 |g| = {log_norm:.4f}")


if __name__ == "__main__":
    main()
