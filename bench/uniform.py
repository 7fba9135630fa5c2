#!/usr/bin/env python3
"""The benchmarks' input: N doubles uniform on [-10, 10] (seed 1), each written in full
precision (repr), one per line.   python3 bench/uniform.py N > file"""
import random
import sys

r = random.Random(1)
n = int(sys.argv[1])
sys.stdout.write("\n".join(repr(r.uniform(-10, 10)) for _ in range(n)) + "\n")
