//! Plots: a small terminal plot against a snapshot (ACTLAB_UPDATE_DOCS=1 rewrites
//! it), no escape codes in pipes, SVG that is well-formed XML and holds every series,
//! and machine formats that give the points.

mod common;
use common::{actlab, stdout_of};

#[test]
fn terminal_plot_matches_its_snapshot() {
    let got =
        stdout_of(&["plot", "sigmoid", "--deriv", "--from", "-6", "--to", "6", "--width", "40", "--height", "10"]);
    let path = format!("{}/tests/snapshots/plot_sigmoid.txt", env!("CARGO_MANIFEST_DIR"));
    if std::env::var_os("ACTLAB_UPDATE_DOCS").is_some() {
        std::fs::write(&path, &got).unwrap();
    }
    let want = std::fs::read_to_string(&path).unwrap();
    assert_eq!(got, want, "the plot changed; ACTLAB_UPDATE_DOCS=1 cargo test --test plots rewrites the snapshot");
    assert!(!got.contains('\x1b'), "escape codes in a pipe");
    assert!(got.contains("sigmoid'") && got.contains('⠒'));
}

#[test]
fn colour_only_when_asked() {
    let got = stdout_of(&["plot", "relu,tanh", "--width", "30", "--height", "6", "--color", "always"]);
    assert!(got.contains("\x1b[34m") && got.contains("\x1b[31m"), "one colour per series");
}

fn check_svg(args: &[&str], names: &[&str]) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.svg");
    let mut a: Vec<&str> = args.to_vec();
    let p = path.to_str().unwrap();
    a.extend(["--svg", p]);
    let msg = stdout_of(&a);
    assert!(msg.starts_with("wrote "), "{msg}");
    let text = std::fs::read_to_string(&path).unwrap();
    let doc = roxmltree::Document::parse(&text).expect("well-formed SVG");
    assert_eq!(doc.root_element().tag_name().name(), "svg");
    let texts: Vec<String> = doc
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter_map(|n| n.text().map(|t| t.trim().to_string()))
        .collect();
    for name in names {
        assert!(texts.iter().any(|t| t == name), "legend lacks {name}: {texts:?}");
    }
    let lines = doc.descendants().filter(|n| n.has_tag_name("polyline") || n.has_tag_name("path")).count();
    assert!(lines >= names.len(), "only {lines} lines for {} series", names.len());
}

#[test]
fn svg_files_are_well_formed_and_hold_every_series() {
    check_svg(&["plot", "gelu,relu", "--deriv"], &["gelu", "gelu'", "relu", "relu'"]);
    check_svg(&["plot", "chain", "sigmoid,tanh", "30"], &["sigmoid", "tanh"]);
    check_svg(&["matrix", "rotate", "30", "--plot"], &["unit square", "its image", "e1, e2", "M e1, M e2"]);
}

#[test]
fn machine_formats_give_the_points() {
    let csv = stdout_of(&["plot", "relu", "--from", "-1", "--to", "1", "--width", "10", "-f", "csv"]);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines[0], "series,x,f(x)");
    assert_eq!(lines[1], "relu,-1,0");
    assert_eq!(*lines.last().unwrap(), "relu,1,1");
    assert_eq!(lines.len(), 1 + 21);
}

#[test]
fn bad_plots_are_refused() {
    actlab().args(["plot", "gelu", "--from", "2", "--to", "1"]).assert().code(2);
    actlab().args(["plot", "chain", "sigmoid"]).assert().code(2);
    actlab().args(["plot", "gelu", "--width", "5"]).assert().code(2);
    actlab().args(["plot", "gelu", "--svg", "/nonexistent/dir/x.svg"]).assert().code(1);
}

#[test]
fn a_chain_plot_that_jumps_draws_what_stepping_every_layer_gives() {
    use actlab::activation::Function;
    use actlab::gradient::scalar::{PreActivation, ScalarChain};
    // sigmoid's forward pass settles on a fixed point within a few dozen layers; the
    // plot jumps from there, at most 2000 points are drawn
    let depth = 300_000u64;
    let csv = stdout_of(&["plot", "chain", "sigmoid,gelu", &depth.to_string(), "-f", "csv"]);
    let every = (depth / 2000).max(1);
    for name in ["sigmoid", "gelu"] {
        let f = Function::entry(actlab::activation::lookup(name).unwrap());
        let mut c = ScalarChain::new(&f, PreActivation::Forward { bias: 0.0, input: 1.0 }, 1.0);
        let mut want = Vec::new();
        for k in 1..=depth {
            let l = c.next_layer();
            if k % every == 0 || k == 1 || k == depth {
                want.push((k as f64, l.product.log10()));
            }
        }
        let got: Vec<(f64, f64)> = csv
            .lines()
            .filter_map(|l| l.strip_prefix(&format!("{name},")))
            .map(|r| {
                let (x, y) = r.split_once(',').unwrap();
                (x.parse().unwrap(), y.parse().unwrap())
            })
            .collect();
        assert_eq!(got.len(), want.len(), "{name}");
        for ((gx, gy), (wx, wy)) in got.iter().zip(&want) {
            assert_eq!(gx, wx, "{name}");
            assert!((gy - wy).abs() <= 1e-12 * wy.abs().max(1.0), "{name} at layer {gx}: {gy} against {wy}");
        }
    }
}
