//! Options that no other test touches, each checked against a value worked out by
//! hand: the forward pass of a chain (--weight, --bias, --input, --all), angles in
//! degrees and radians (--deg, --rad, set angle), xor --epochs, and the session's
//! settings (settings, set color).

mod common;

use actlab::command::line::Session;
use actlab::render::Style;
use common::stdout_of;

fn csv_rows(text: &str) -> Vec<Vec<String>> {
    text.lines().skip(1).map(|l| l.split(',').map(str::to_string).collect()).collect()
}

#[test]
fn chain_forward_pass_options() {
    // z_k = 2·a_(k-1) + 0.5 from a_0 = 1 through relu: 2.5, 5.5, 11.5; each factor W·f' = 2
    let out =
        stdout_of(&["chain", "relu", "3", "--weight", "2", "--bias", "0.5", "--input", "1", "--all", "-f", "csv"]);
    assert!(out.starts_with("layer,z,f'(z),W·f'(z),product,log10 product\n"), "{out}");
    let rows = csv_rows(&out);
    let cols = |i: usize| rows.iter().map(|r| r[i].as_str()).collect::<Vec<_>>();
    assert_eq!(cols(1), ["2.5", "5.5", "11.5"]);
    assert_eq!(cols(3), ["2", "2", "2"]);
    assert_eq!(cols(4), ["2", "4", "8"]);
    for (r, k) in rows.iter().zip(1..) {
        let l: f64 = r[5].parse().unwrap();
        assert!((l - k as f64 * 2f64.log10()).abs() < 1e-15, "{l}");
    }
    // --all shows every layer of a longer chain; the default shows a selection
    assert_eq!(csv_rows(&stdout_of(&["chain", "sigmoid", "40", "--at", "0", "--all", "-f", "csv"])).len(), 40);
    assert!(csv_rows(&stdout_of(&["chain", "sigmoid", "40", "--at", "0", "-f", "csv"])).len() < 40);
}

#[test]
fn angles_in_degrees_and_radians() {
    let row1 = |args: &[&str]| -> Vec<f64> {
        let out = stdout_of(args);
        let line = out.lines().find(|l| l.starts_with("M row 1")).unwrap().to_string();
        line.split(',').skip(1).map(|v| v.parse().unwrap()).collect()
    };
    assert_eq!(row1(&["matrix", "rotate", "90", "--deg", "-f", "csv"]), [0.0, -1.0]);
    let r = row1(&["matrix", "rotate", "1.5707963267948966", "--rad", "-f", "csv"]);
    assert!(r[0].abs() < 1e-16 && r[1] == -1.0, "{r:?}");
    // set angle rad: the session reads angles in radians until told otherwise
    let mut s = Session::new(Style::default(), None);
    let (mut out, mut err) = (Vec::new(), Vec::new());
    for line in ["set angle rad", "matrix rotate 3.141592653589793 -f csv", "set angle deg", "matrix rotate 180 -f csv"]
    {
        s.run_line(line, &mut out, &mut err).unwrap();
    }
    let text = String::from_utf8(out).unwrap();
    let rows: Vec<&str> = text.lines().filter(|l| l.starts_with("M row 1")).collect();
    assert_eq!(rows.len(), 2);
    let first: Vec<f64> = rows[0].split(',').skip(1).map(|v| v.parse().unwrap()).collect();
    assert!(first[0] == -1.0 && first[1].abs() < 1e-15, "{first:?}");
    assert_eq!(rows[1], "M row 1,-1,0");
}

#[test]
fn xor_epochs() {
    let out = stdout_of(&["xor", "--epochs", "10", "-f", "csv"]);
    let epochs: Vec<&str> = out.lines().skip(1).take_while(|l| !l.is_empty() && !l.starts_with('x')).collect();
    assert_eq!(epochs.first().map(|l| l.split(',').next()), Some(Some("0")));
    assert_eq!(epochs.last().map(|l| l.split(',').next()), Some(Some("10")));
}

#[test]
fn settings_and_set_color() {
    let mut s = Session::new(Style::default(), None);
    let mut run = |line: &str| {
        let (mut out, mut err) = (Vec::new(), Vec::new());
        s.run_line(line, &mut out, &mut err).unwrap();
        String::from_utf8(out).unwrap()
    };
    let before = run("settings -f csv");
    assert!(before.contains("format,table") && before.contains("precision,10") && before.contains("angle,deg"));
    assert!(before.contains("color,auto (off)"), "{before}");
    run("set format csv");
    run("set precision 4");
    run("set color always");
    let after = run("settings");
    assert!(after.contains("format,csv") && after.contains("precision,4") && after.contains("color,always"), "{after}");
    // colour on: a table's header is bold
    let table = run("eval gelu 1 -f table");
    assert!(table.contains('\u{1b}'), "{table}");
    run("set color never");
    assert!(!run("eval gelu 1 -f table").contains('\u{1b}'));
}
