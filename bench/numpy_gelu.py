#!/usr/bin/env python3
"""The best plain NumPy/SciPy pipeline for GELU over stdin (the comparison of
docs/performance.md): read everything, compute 0.5*x*erfc(-x/sqrt(2)), print the
shortest round-trip repr of each value, one per line.
With --deriv: the derivative Φ(x) + x φ(x) = 0.5*erfc(-x/√2) + x e^(-x²/2)/√(2π) instead."""
import sys

import numpy as np
from scipy.special import erfc

x = np.array(sys.stdin.read().split(), float)
if "--deriv" in sys.argv:
    y = 0.5 * erfc(-x / np.sqrt(2)) + x * np.exp(-0.5 * x * x) / np.sqrt(2 * np.pi)
else:
    y = 0.5 * x * erfc(-x / np.sqrt(2))
sys.stdout.write("\n".join(map(repr, y.tolist())))
sys.stdout.write("\n")
