//! The words of `matrix` (`rotate 30 then scale 2 ...`) as a list of operations.

use crate::linalg::{Axis, Op};

/// The words of `matrix`: its operations and the joining word (for completion and
/// suggestions; the parser below accepts a few more spellings).
pub const OPERATIONS: &[&str] = &["rotate", "scale", "flip", "project", "shear", "custom", "translate", "then"];

/// Parse the operations of `matrix`: `rotate 30 then scale 2 ...` ("then" optional).
pub fn parse_ops(words: &[String], shear_axis: Axis, rad: bool) -> Result<Vec<Op>, String> {
    let mut ops = Vec::new();
    let mut i = 0;
    let number = |i: usize, what: &str| -> Result<f64, String> {
        let w = words.get(i).ok_or_else(|| crate::t!("matrix-number-missing", what = what))?;
        super::input::parse_number(w).map_err(|e| format!("{what}: {e}"))
    };
    let is_num = |i: usize| words.get(i).is_some_and(|w| super::input::parse_number(w).is_ok());
    while i < words.len() {
        let w = words[i].trim().to_ascii_lowercase();
        i += 1;
        let op = match w.as_str() {
            "then" | "," => continue,
            "rotate" | "rot" => {
                let angle = number(i, "rotate DEG")?;
                i += 1;
                Op::Rotate { angle, rad }
            }
            "scale" => {
                let k1 = number(i, "scale K1 [K2]")?;
                i += 1;
                let k2 = if is_num(i) {
                    i += 1;
                    number(i - 1, "scale")?
                } else {
                    k1
                };
                Op::Scale(k1, k2)
            }
            "flip" | "reflect" => {
                let a = words.get(i).map(|s| s.trim().to_ascii_lowercase());
                i += 1;
                match a.as_deref() {
                    Some("x") => Op::Flip(Axis::X),
                    Some("y") => Op::Flip(Axis::Y),
                    _ => return Err(crate::t!("matrix-flip")),
                }
            }
            "project" | "proj" => match words.get(i).map(|s| s.trim().to_ascii_lowercase()).as_deref() {
                Some("x") => {
                    i += 1;
                    Op::Project(1.0, 0.0)
                }
                Some("y") => {
                    i += 1;
                    Op::Project(0.0, 1.0)
                }
                _ => {
                    let u1 = number(i, "project x|y|U1 U2")?;
                    let u2 = number(i + 1, "project U1 U2")?;
                    i += 2;
                    Op::Project(u1, u2)
                }
            },
            "shear" => {
                let k = number(i, "shear K")?;
                i += 1;
                Op::Shear { k, axis: shear_axis }
            }
            "custom" | "matrix" => {
                let mut v = [0.0; 4];
                for (j, slot) in v.iter_mut().enumerate() {
                    *slot = number(i + j, "custom A B C D")?;
                }
                i += 4;
                Op::Custom(v)
            }
            "translate" | "shift" => {
                let t1 = number(i, "translate T1 T2")?;
                let t2 = number(i + 1, "translate T1 T2")?;
                i += 2;
                Op::Translate(t1, t2)
            }
            other => {
                let hint = crate::suggest::did_you_mean(other, OPERATIONS.iter().copied())
                    .map_or(crate::t!("hint-matrix-operations"), |s| crate::t!("hint-did-you-mean", suggestion = s));
                return Err(crate::t!("matrix-unknown-operation", name = crate::shown::shown(other), hint = hint));
            }
        };
        ops.push(op);
    }
    if ops.is_empty() {
        return Err(crate::t!("matrix-no-operation"));
    }
    if ops.iter().any(|o| match o {
        Op::Rotate { angle, .. } => !angle.is_finite(),
        Op::Scale(a, b) | Op::Project(a, b) | Op::Translate(a, b) => !(a.is_finite() && b.is_finite()),
        Op::Shear { k, .. } => !k.is_finite(),
        Op::Custom(v) => v.iter().any(|x| !x.is_finite()),
        Op::Flip(_) => false,
    }) {
        return Err(crate::t!("matrix-not-finite"));
    }
    Ok(ops)
}
