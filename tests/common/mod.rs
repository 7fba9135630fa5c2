//! Helpers shared by the integration tests that drive the binary.

use assert_cmd::Command;

/// The binary, with the colour environment cleared and in English whatever the
/// locale the tests run in (LC_ALL wins over LANG).
pub fn actlab() -> Command {
    let mut c = Command::cargo_bin("actlab").unwrap();
    c.env_remove("NO_COLOR").env_remove("CLICOLOR_FORCE").env("LC_ALL", "C.UTF-8");
    c
}

/// Stdout of a command that must succeed.
#[allow(dead_code)] // not every test crate uses it
pub fn stdout_of(args: &[&str]) -> String {
    let out = actlab().args(args).output().unwrap();
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// ulp of the double nearest the exact value (2^-1074 among the subnormals).
#[allow(dead_code)] // not every test crate uses it
pub fn ulp(hi: f64) -> f64 {
    let a = hi.abs();
    if a < f64::MIN_POSITIVE {
        return f64::from_bits(1);
    }
    let e = ((a.to_bits() >> 52) as i32) - 1023 - 52;
    if e >= -1022 { f64::from_bits(((e + 1023) as u64) << 52) } else { f64::from_bits(1u64 << (e + 1074)) }
}

/// Error of `got` in ulps of the exact value hi + lo (NaN and infinities: 0 if equal,
/// else infinite).
#[allow(dead_code)] // not every test crate uses it
pub fn ulp_error(got: f64, hi: f64, lo: f64) -> f64 {
    if hi.is_nan() {
        return if got.is_nan() { 0.0 } else { f64::INFINITY };
    }
    if hi.is_infinite() {
        return if got == hi { 0.0 } else { f64::INFINITY };
    }
    if !got.is_finite() {
        return f64::INFINITY;
    }
    // scale small values up to keep (got - hi) - lo exact in the subnormal range (not
    // large ones: they would overflow, and a NaN error would pass every bound)
    let s = if hi.abs() < 1.0 { 2f64.powi(600) } else { 1.0 };
    (((got * s - hi * s) - lo * s) / (ulp(hi) * s)).abs()
}
