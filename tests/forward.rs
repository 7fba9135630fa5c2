//! The seed notes' drift argument, pinned with the default seed: `forward` shows
//! sigmoid's activations keep a mean near 0.5 (never zero-centred) where tanh's stay
//! near 0; ReLU with He init keeps its scale through 50 layers where Xavier's shrinks
//! it; a larger gain saturates more of sigmoid's units; normalisation and the backward
//! pass work through the same network.

use actlab::command::line::Session;
use actlab::render::{Format, Style};

/// The CSV rows of one command: (layer, then the numbers).
fn rows(line: &str) -> Vec<Vec<f64>> {
    let mut s = Session::new(Style { format: Format::Csv, ..Style::default() }, None);
    let (mut out, mut err) = (Vec::new(), Vec::new());
    s.run_line(line, &mut out, &mut err).unwrap_or_else(|e| panic!("{line}: {e}"));
    String::from_utf8_lossy(&out)
        .lines()
        .skip(1)
        .take_while(|l| l.chars().next().is_some_and(|c| c.is_ascii_digit()))
        .map(|l| l.split(',').map(|c| c.parse::<f64>().unwrap()).collect())
        .collect()
}

#[test]
fn sigmoid_drifts_where_tanh_stays_centred() {
    // columns per function: z mean, z std, a mean, a std, saturated, dead
    let r = rows("forward sigmoid,tanh 50 --all");
    assert_eq!(r.len(), 50);
    for row in &r {
        let (sig_mean, tanh_mean, tanh_std) = (row[3], row[9], row[10]);
        assert!((sig_mean - 0.5).abs() < 0.06, "sigmoid's mean stays near 0.5: {row:?}");
        assert!(tanh_mean.abs() < 0.1 * tanh_std, "tanh's mean stays near 0: {row:?}");
    }
}

#[test]
fn he_keeps_relu_in_scale_where_xavier_shrinks_it() {
    let he = rows("forward relu 50 --init he");
    let xavier = rows("forward relu 50 --init xavier");
    let (he_last, xa_last) = (he.last().unwrap(), xavier.last().unwrap());
    assert_eq!((he_last[0], xa_last[0]), (50.0, 50.0));
    let (he_std, xa_std) = (he_last[4], xa_last[4]);
    assert!(he_std > 0.2 && he_std < 5.0, "He keeps the scale: {he_std}");
    // each layer halves the second moment: 2^-25 after 50 layers, give or take
    assert!(xa_std < 1e-6, "Xavier shrinks it: {xa_std}");
    assert!((he[0][4] / xa_std) > 1e5);
}

#[test]
fn a_larger_gain_saturates_more_of_sigmoid() {
    let sat = |g: &str| rows(&format!("forward sigmoid 5 --gain {g}"))[0][5];
    let (a, b, c) = (sat("1"), sat("4"), sat("16"));
    assert!(a < 0.01 && b > 0.2 && c > 0.7 && a < b && b < c, "{a} {b} {c}");
}

#[test]
fn normalisation_and_the_backward_pass() {
    // batch norm: every unit's pre-activations have mean 0 and variance 1 (less ε = 1e-5)
    for row in rows("forward sigmoid 20 --norm batch --all") {
        assert!(row[1].abs() < 1e-12 && (row[2] - 1.0).abs() < 2e-3, "{row:?}");
    }
    // orthogonal weights and the identity: nothing changes, forward or back
    for row in rows("forward identity 20 --init orthogonal --backward --all") {
        assert!(row[7].abs() < 1e-12, "{row:?}");
    }
    // tanh's gradient shrinks on the way back (log10 ‖g‖ at layer 1 is the most negative)
    let r = rows("forward tanh 30 --backward --all");
    assert!(r[0][7] < r[29][7], "{:?} {:?}", r[0], r[29]);
    let mut s = Session::new(Style::default(), None);
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let e = s.run_line("forward relu 100 --width 4096", &mut out, &mut err).unwrap_err().to_string();
    assert!(e.contains("more than the limit"), "{e}");
}

#[test]
fn gradients_have_the_shape_of_their_parameters() {
    // one dense layer, given explicitly: δ = g ⊙ f'(z), ∂L/∂W = δ xᵀ, ∂L/∂x = Wᵀ δ
    let mut s = Session::new(Style { format: Format::Csv, ..Style::default() }, None);
    let (mut out, mut err) = (Vec::new(), Vec::new());
    s.run_line("grad relu --weights 1 2 3 / -1 0.5 0 --bias 0 0.5 --input 1 -1 2 --upstream 1 2", &mut out, &mut err)
        .unwrap();
    let text = String::from_utf8_lossy(&out);
    assert!(text.contains("j,z,a,f'(z),g = ∂L/∂a,δ = ∂L/∂z = ∂L/∂b\n1,5,5,1,1,1\n2,-1,0,0,2,0\n"), "{text}");
    assert!(
        text.contains(
            "row,W col 1,W col 2,W col 3,∂L/∂W col 1,∂L/∂W col 2,∂L/∂W col 3\n1,1,2,3,1,-1,2\n2,-1,0.5,0,0,0,0\n"
        ),
        "{text}"
    );
    assert!(text.contains("row,x,∂L/∂x\n1,1,1\n2,-1,2\n3,2,3\n"), "{text}");
    let e = s.run_line("grad relu --weights 1 2 / 3 4 --input 1 2 3", &mut out, &mut err).unwrap_err().to_string();
    assert!(e.contains("the shapes do not fit: W is 2×2"), "{e}");
    // xor: every parameter beside its gradient, same shape, at the epochs asked for
    let mut out = Vec::new();
    s.run_line("xor --hidden 3 --epochs 200 --show-gradients first,200", &mut out, &mut err).unwrap();
    let text = String::from_utf8_lossy(&out);
    assert!(text.contains("row,W1 col 1,W1 col 2,∂L/∂W1 col 1,∂L/∂W1 col 2\n"), "{text}");
    assert!(text.contains("row,W2 col 1,W2 col 2,W2 col 3,∂L/∂W2 col 1,∂L/∂W2 col 2,∂L/∂W2 col 3\n"), "{text}");
    assert_eq!(text.matches("row,b1,∂L/∂b1\n").count(), 2);
    // divergence is caught, and a NaN prediction is never correct
    let mut out = Vec::new();
    s.run_line("xor --hidden 64 --act relu --lr 5 -f table", &mut out, &mut err).unwrap();
    let text = String::from_utf8_lossy(&out);
    assert!(text.contains("Training diverged at epoch"), "{text}");
}
