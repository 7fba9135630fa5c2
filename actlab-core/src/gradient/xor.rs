//! XOR, the classic problem no linear model solves: a 2-N-1 network (hidden
//! activation f, linear output, mean squared error) trained on the four points by
//! full-batch gradient descent, with backpropagation written out by hand. Without
//! an activation the network is one affine map and its loss stalls at 0.25, the
//! best linear fit's.

use crate::activation::Function;
use crate::interrupt::{Interrupt, Interrupted};
use rand::rngs::StdRng;
use rand::{RngExt, SeedableRng};
use statrs::distribution::Normal;

/// The four XOR points and their targets.
pub const POINTS: [([f64; 2], f64); 4] = [([0.0, 0.0], 0.0), ([0.0, 1.0], 1.0), ([1.0, 0.0], 1.0), ([1.0, 1.0], 0.0)];

#[derive(Clone, Copy, Debug)]
/// A 2-N-1 network and how to train it.
pub struct XorSpec<'a> {
    /// Hidden activation; None: no activation (a linear network).
    pub act: Option<&'a Function>,
    /// Hidden units.
    pub hidden: usize,
    /// Full-batch epochs.
    pub epochs: u64,
    /// Learning rate.
    pub lr: f64,
    /// Seed of the initial weights.
    pub seed: u64,
    /// Epochs at which every parameter and its gradient are recorded (the gradient
    /// computed at that epoch, before the update).
    pub snapshots: &'a [u64],
}

/// A parameter and its gradient at one epoch, as matrices (rows of columns).
#[derive(Clone, Debug, PartialEq)]
pub struct ParamValue {
    /// W1, b1, W2 or b2.
    pub name: &'static str,
    /// The parameter.
    pub value: Vec<Vec<f64>>,
    /// ∂L/∂parameter: the same shape.
    pub grad: Vec<Vec<f64>>,
}

/// Every parameter with its gradient at one epoch.
#[derive(Clone, Debug, PartialEq)]
pub struct Snapshot {
    /// The epoch.
    pub epoch: u64,
    /// The loss at that epoch.
    pub loss: f64,
    /// W1 (hidden × 2), b1 (hidden × 1), W2 (1 × hidden), b2 (1 × 1).
    pub params: Vec<ParamValue>,
}

/// A parameter and its gradient (same shape: the seed's point).
#[derive(Clone, Debug)]
pub struct ParamInfo {
    /// W1, b1, W2 or b2.
    pub name: &'static str,
    /// The parameter's shape (rows, columns).
    pub shape: (usize, usize),
    /// Its gradient's shape: the same.
    pub grad_shape: (usize, usize),
    /// The gradient's norm after training.
    pub grad_norm: f64,
}

#[derive(Clone, Debug)]
/// What training gave.
pub struct XorResult {
    /// (epoch, loss) at epochs 0, 1, 2, 5, 10, 20, 50, ... and the last.
    pub losses: Vec<(u64, f64)>,
    /// (x1, x2, target, prediction)
    pub predictions: Vec<(f64, f64, f64, f64)>,
    /// Points classified right (prediction on the target's side of 0.5).
    pub correct: usize,
    /// Every parameter with its gradient's shape and norm.
    pub params: Vec<ParamInfo>,
    /// The parameters and gradients at the epochs asked for.
    pub snapshots: Vec<Snapshot>,
    /// The loss became infinite or NaN, or grew past 1e6 times its start: training stopped
    /// at this epoch.
    pub diverged_at: Option<u64>,
}

struct Net {
    w1: Vec<[f64; 2]>,
    b1: Vec<f64>,
    w2: Vec<f64>,
    b2: f64,
}

/// Epochs 0, 1, 2, 5, 10, 20, 50, ... (the last is added by the caller).
fn shown_epoch(e: u64) -> bool {
    e < 3 || e == 5 || super::is_125(e)
}

/// A prediction counts as right when it is on the target's side of 0.5; NaN is on
/// neither side.
pub fn is_correct(prediction: f64, target: f64) -> bool {
    !prediction.is_nan() && (prediction > 0.5) == (target > 0.5)
}

/// Train; `stop` is asked every epoch.
pub fn train(spec: &XorSpec, stop: &dyn Interrupt) -> Result<XorResult, Interrupted> {
    let n = spec.hidden;
    let mut rng = StdRng::seed_from_u64(spec.seed);
    let w_init = Normal::new(0.0, 1.0).expect("valid");
    let out_init = Normal::new(0.0, (1.0 / n as f64).sqrt()).expect("valid");
    let b_init = Normal::new(0.0, 0.5).expect("valid");
    let mut net = Net {
        w1: (0..n).map(|_| [rng.sample(w_init), rng.sample(w_init)]).collect(),
        b1: (0..n).map(|_| rng.sample(b_init)).collect(),
        w2: (0..n).map(|_| rng.sample(out_init)).collect(),
        b2: 0.0,
    };
    let f = |z: f64| spec.act.map_or(z, |a| a.value(z));
    let df = |z: f64| spec.act.map_or(1.0, |a| a.deriv(z));
    let mut losses = Vec::new();
    let mut grads = (vec![[0.0; 2]; n], vec![0.0; n], vec![0.0; n], 0.0);
    let mut z = vec![0.0; n];
    let mut h = vec![0.0; n];
    let mut snapshots = Vec::new();
    let mut diverged_at = None;
    let mut first_loss = f64::NAN;
    for epoch in 0..=spec.epochs {
        if stop.interrupted() {
            return Err(Interrupted);
        }
        if epoch % 256 == 0 {
            stop.progress(epoch, spec.epochs);
        }
        // forward and backward over the four points
        let mut loss = 0.0;
        grads.0.iter_mut().for_each(|g| *g = [0.0; 2]);
        grads.1.iter_mut().for_each(|g| *g = 0.0);
        grads.2.iter_mut().for_each(|g| *g = 0.0);
        grads.3 = 0.0;
        for (x, y) in POINTS {
            for j in 0..n {
                z[j] = net.w1[j][0] * x[0] + net.w1[j][1] * x[1] + net.b1[j];
                h[j] = f(z[j]);
            }
            let out: f64 = net.w2.iter().zip(&h).map(|(w, v)| w * v).sum::<f64>() + net.b2;
            let err = out - y;
            loss += err * err / 4.0;
            let dout = err / 2.0; // d(mean of squares)/d out
            grads.3 += dout;
            for j in 0..n {
                grads.2[j] += dout * h[j];
                let dz = dout * net.w2[j] * df(z[j]);
                grads.1[j] += dz;
                grads.0[j][0] += dz * x[0];
                grads.0[j][1] += dz * x[1];
            }
        }
        if epoch == 0 {
            first_loss = loss;
        }
        let diverged = !loss.is_finite() || loss > 1e6 * first_loss.max(1e-300);
        if shown_epoch(epoch) || epoch == spec.epochs || diverged {
            losses.push((epoch, loss));
        }
        if spec.snapshots.contains(&epoch) {
            let col = |v: &[f64]| v.iter().map(|x| vec![*x]).collect::<Vec<_>>();
            snapshots.push(Snapshot {
                epoch,
                loss,
                params: vec![
                    ParamValue {
                        name: "W1",
                        value: net.w1.iter().map(|r| r.to_vec()).collect(),
                        grad: grads.0.iter().map(|r| r.to_vec()).collect(),
                    },
                    ParamValue { name: "b1", value: col(&net.b1), grad: col(&grads.1) },
                    ParamValue { name: "W2", value: vec![net.w2.clone()], grad: vec![grads.2.clone()] },
                    ParamValue { name: "b2", value: vec![vec![net.b2]], grad: vec![vec![grads.3]] },
                ],
            });
        }
        if diverged {
            diverged_at = Some(epoch);
            break;
        }
        if epoch == spec.epochs {
            break;
        }
        for j in 0..n {
            net.w1[j][0] -= spec.lr * grads.0[j][0];
            net.w1[j][1] -= spec.lr * grads.0[j][1];
            net.b1[j] -= spec.lr * grads.1[j];
            net.w2[j] -= spec.lr * grads.2[j];
        }
        net.b2 -= spec.lr * grads.3;
    }
    let predict = |x: [f64; 2]| -> f64 {
        (0..n).map(|j| net.w2[j] * f(net.w1[j][0] * x[0] + net.w1[j][1] * x[1] + net.b1[j])).sum::<f64>() + net.b2
    };
    let predictions: Vec<(f64, f64, f64, f64)> = POINTS.iter().map(|(x, y)| (x[0], x[1], *y, predict(*x))).collect();
    let correct = predictions.iter().filter(|(_, _, y, p)| is_correct(*p, *y)).count();
    let norm = |v: &mut dyn Iterator<Item = f64>| v.map(|x| x * x).sum::<f64>().sqrt();
    let params = vec![
        ParamInfo {
            name: "W1",
            shape: (n, 2),
            grad_shape: (n, 2),
            grad_norm: norm(&mut grads.0.iter().flatten().copied()),
        },
        ParamInfo { name: "b1", shape: (n, 1), grad_shape: (n, 1), grad_norm: norm(&mut grads.1.iter().copied()) },
        ParamInfo { name: "W2", shape: (1, n), grad_shape: (1, n), grad_norm: norm(&mut grads.2.iter().copied()) },
        ParamInfo { name: "b2", shape: (1, 1), grad_shape: (1, 1), grad_norm: grads.3.abs() },
    ];
    Ok(XorResult { losses, predictions, correct, params, snapshots, diverged_at })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::activation::lookup;

    fn run(act: Option<&str>, seed: u64) -> XorResult {
        let a = act.map(|n| Function::entry(lookup(n).unwrap()));
        train(
            &XorSpec { act: a.as_ref(), hidden: 4, epochs: 5000, lr: 0.1, seed, snapshots: &[0, 5000] },
            &crate::interrupt::Never,
        )
        .unwrap()
    }

    #[test]
    fn nonlinear_solves_linear_cannot() {
        for act in ["tanh", "relu"] {
            let r = run(Some(act), 1);
            assert_eq!(r.correct, 4, "{act}: {:?}", r.predictions);
        }
        let lin = run(None, 1);
        assert!(lin.losses.last().unwrap().1 >= 0.25 - 1e-9);
        assert!(lin.correct < 4);
    }

    #[test]
    fn every_gradient_has_its_parameters_shape() {
        let r = run(Some("tanh"), 1);
        assert_eq!(r.snapshots.len(), 2);
        for snap in &r.snapshots {
            for p in &snap.params {
                assert_eq!(p.value.len(), p.grad.len(), "{}", p.name);
                assert!(p.value.iter().zip(&p.grad).all(|(a, b)| a.len() == b.len()), "{}", p.name);
            }
        }
        // at the end the gradient is small: the network has learnt XOR
        let last = &r.snapshots[1];
        assert!(last.params[0].grad.iter().flatten().all(|g| g.abs() < 1e-2), "{last:?}");
    }

    #[test]
    fn a_nan_prediction_is_never_correct() {
        assert!(!is_correct(f64::NAN, 0.0) && !is_correct(f64::NAN, 1.0));
        assert!(is_correct(0.1, 0.0) && is_correct(0.9, 1.0) && !is_correct(0.9, 0.0));
    }

    #[test]
    fn divergence_is_caught() {
        let f = Function::entry(lookup("relu").unwrap());
        let spec = XorSpec { act: Some(&f), hidden: 64, epochs: 5000, lr: 5.0, seed: 1, snapshots: &[] };
        let r = train(&spec, &crate::interrupt::Never).unwrap();
        assert!(r.diverged_at.is_some(), "{:?}", r.losses);
        assert!(r.correct < 4 || r.predictions.iter().all(|p| p.3.is_finite()));
    }
}
