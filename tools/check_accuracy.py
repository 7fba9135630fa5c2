#!/usr/bin/env python3
"""Dense end-to-end accuracy check (not part of CI: it needs mpmath and takes minutes).

For every function, at its defaults and at every other parameter value of the fixture
(gen_reference.PARAMETERS, e.g. `celu(alpha=1e+300)`), ~25,000 inputs (a grid on [-20, 20], 1e-300..1e300 of both signs,
dense tails 5 <= |x| <= 40, ±0, subnormals, ±inf, nan, random doubles) are piped
through `actlab eval FN - --format csv` and `actlab deriv FN - --format csv`, and each
printed result is compared with mpmath (the same formulas as
tests/fixtures/gen_reference.py). Prints, per function and column, the max ulp, the bad
results and how many printed results are not the correctly rounded double.

Run: cargo build --release && python3 tools/check_accuracy.py [FN | LABEL ...]
(FN: every set of that function; LABEL: one set, as `softplus(beta=3.0)`.)
(CHECK_FAST=1 leaves out |x| < 1e-250, the slow part; tests/fixtures covers it.)
"""
import math
import os
import random
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "tests", "fixtures"))
import gen_reference as ref  # noqa: E402
import mpmath as mp  # noqa: E402

BIN = os.path.join(os.path.dirname(__file__), "..", "target", "release", "actlab")


def points():
    pts = [i / 1000 * 20 for i in range(-1000, 1001)]            # [-20, 20]
    for k in range(-300, 301):
        for m in (1.0, 2.5, 7.1):
            pts += [m * 10.0 ** k, -m * 10.0 ** k]
    rng = random.Random(7)
    pts += [s * rng.uniform(5, 40) for s in (1, -1) for _ in range(6000)]
    pts += [0.0, -0.0, 5e-324, -5e-324, 1e-310, -1e-310, math.inf, -math.inf, math.nan]
    pts += [rng.uniform(-4, 4) for _ in range(5000)]
    pts += [math.ldexp(rng.random(), rng.randint(-1074, 1020)) * rng.choice((1, -1)) for _ in range(2000)]
    if os.environ.get("CHECK_FAST"):
        # skip |x| < 1e-250, which needs 5000-bit mpmath (the fixture covers it)
        pts = [p for p in pts if not (p != 0 and abs(p) < 1e-250)]
    return pts


def ulp(h):
    a = abs(h)
    if a < 2.2250738585072014e-308:
        return 5e-324
    return math.ulp(a)


def sets():
    """(label, function, (value, deriv, limits), {param: value}) for every reference set."""
    out = [(name, name, fdl, {}) for name, fdl in ref.F.items()]
    out += [(ref.label(name, params), name, fdl, params) for name, params, fdl, _ in ref.PARAMETERS]
    return out


def main():
    wanted = sys.argv[1:]
    chosen = [s for s in sets() if not wanted or s[0] in wanted or s[1] in wanted]
    pts = points()
    text = "\n".join(ref.fmt(p) for p in pts) + "\n"
    worst = 0.0
    for label, name, (f, d, lim), params in chosen:
        opts = [a for k, v in params.items() for a in ("--" + k, repr(float(v)))]
        for kind, fun, li, col in (("eval", f, (lim[0], lim[1]), 1), ("deriv", d, (lim[2], lim[3]), 2)):
            out = subprocess.run([BIN, kind, name, "-", "--format", "csv"] + opts, input=text, capture_output=True,
                                 text=True, check=True).stdout.splitlines()[1:]
            mx, at, bad, mis = 0.0, None, 0, 0
            for x, line in zip(pts, out):
                got = float(line.split(",")[col])
                if math.isnan(x):
                    bad += not math.isnan(got)
                    continue
                if math.isinf(x):
                    bad += got != float(li[1] if x > 0 else li[0])
                    continue
                if x != 0 and abs(x) < 1e-250:
                    with mp.workprec(5000):
                        exact = fun(mp.mpf(x))
                        hi, lo = ref.split(exact)
                        err = abs(float((mp.mpf(got) - exact) / mp.mpf(ulp(hi))))
                else:
                    exact = fun(mp.mpf(x))
                    hi, lo = ref.split(exact)
                    # against the exact value itself: among the subnormals hi + lo cannot
                    # hold it (lo would be below the smallest double)
                    err = abs(float((mp.mpf(got) - exact) / mp.mpf(ulp(hi))))
                if math.isinf(hi):
                    bad += got != hi
                    continue
                mis += got != hi
                if (got == 0) != (hi == 0) or (got != 0 and (got > 0) != (hi > 0)):
                    bad += 1
                # a negative value that underflows rounds to -0 (an exact 0 is written +0)
                if hi == 0 and got == 0 and math.copysign(1, hi) < 0 < math.copysign(1, got):
                    bad += 1
                if err > mx:
                    mx, at = err, x
            worst = max(worst, mx)
            print(f"{label:34s} {kind:5s} max {mx:.3f} ulp at {at!r}, bad {bad}, misrounded {mis}, points {len(out)}",
                  flush=True)
    print(f"worst {worst:.3f} ulp")


if __name__ == "__main__":
    main()
