use super::*;
use crate::activation::lookup;

fn f(text: &str) -> Formula {
    Definitions::new().function(text, &[]).unwrap_or_else(|e| panic!("{text}: {e:?}"))
}

fn kind(text: &str) -> ErrorKind {
    Definitions::new().function(text, &[]).unwrap_err().kind
}

#[test]
fn numbers_are_formulas() {
    let d = Definitions::new();
    assert_eq!(d.constant("sqrt(2)").unwrap(), std::f64::consts::SQRT_2);
    assert_eq!(d.constant("1/3").unwrap(), 1.0 / 3.0);
    assert_eq!(d.constant("-2^0.5").unwrap(), -std::f64::consts::SQRT_2);
    assert_eq!(d.constant("3*pi/4").unwrap(), 3.0 * std::f64::consts::PI / 4.0);
    assert_eq!(d.constant("ln(2)").unwrap(), std::f64::consts::LN_2);
    assert_eq!(d.constant("π").unwrap(), std::f64::consts::PI);
    let s = lookup("sigmoid").unwrap();
    assert_eq!(d.constant("sigmoid(1)").unwrap(), s.value(1.0, &s.default_params()));
    assert_eq!(d.constant("1e-3").unwrap(), 1e-3);
    assert!(d.constant("ln(-1)").unwrap().is_nan());
    assert_eq!(d.constant("x + 1").unwrap_err().kind, ErrorKind::FreeVariable("x".into()));
    assert_eq!(d.constant("y + 1").unwrap_err().kind, ErrorKind::UnknownName("y".into()));
}

#[test]
fn derivatives_use_the_catalogue_and_its_kink_convention() {
    let silu = lookup("silu").unwrap();
    let p = silu.default_params();
    let g = f("x*sigmoid(x)");
    for x in [-3.0, -1.0, 0.0, 0.5, 2.0] {
        let (v, d) = g.value_and_deriv(x);
        assert!((v - silu.value(x, &p)).abs() <= 1e-15 * v.abs().max(1e-300), "{x}");
        assert!((d - silu.deriv(x, &p)).abs() <= 4e-16 * 4.0, "{x}: {d}");
    }
    // relu'(0) = 0 (PyTorch's convention) carries through a formula
    assert_eq!(f("2*relu(x)").deriv(0.0), 0.0);
    assert_eq!(f("abs(x)").deriv(0.0), 0.0);
    assert_eq!(f("max(x, 0)").deriv(0.0), 0.5);
    assert_eq!(f("sigmoid'").value(0.0), 0.25);
    assert_eq!(f("leaky_relu(x, slope=1/5)").value(-1.0), -0.2);
    assert_eq!(f("if(x > 0, x, 0.01*x)").value_and_deriv(-2.0), (-0.02, 0.01));
    assert_eq!(f("x^2").deriv(-3.0), -6.0);
    assert_eq!(f("x^0.5").deriv(0.0), f64::INFINITY);
    assert_eq!(f("2^x").deriv(0.0), std::f64::consts::LN_2);
}

#[test]
fn naive_formulas_lose_digits_where_the_catalogue_does_not() {
    assert_eq!(f("1 - tanh(x)^2").value(20.0), 0.0);
    assert!(f("tanh'").value(20.0) > 0.0);
}

#[test]
fn errors_name_what_is_wrong() {
    assert_eq!(kind("sigmoid(x, 2)"), ErrorKind::Arity { name: "sigmoid".into(), expected: 1, found: 2 });
    assert_eq!(
        kind("leaky_relu(x, slop=1)"),
        ErrorKind::UnknownParam { function: "leaky_relu".into(), param: "slop".into() }
    );
    assert_eq!(kind("sigmoid + 1"), ErrorKind::NotAValue("sigmoid".into()));
    assert_eq!(kind("pi(x)"), ErrorKind::NotAFunction("pi".into()));
    assert_eq!(kind("sigmoud(x)"), ErrorKind::UnknownName("sigmoud".into()));
    assert_eq!(kind("exp'(x)"), ErrorKind::PrimeOfElementary("exp'".into()));
    assert_eq!(kind("tanh''"), ErrorKind::TooManyPrimes("tanh''".into()));
    assert_eq!(kind("leaky_relu(x, slope=x)"), ErrorKind::ParamNotConstant("slope".into()));
    assert!(matches!(kind("elu(x, alpha=-1)"), ErrorKind::Param(_)));
    assert_eq!(f("sigmoid'").derivative_blocked_by(), Some("sigmoid'"));
    assert_eq!(f("x*sigmoid(x)").derivative_blocked_by(), None);
}

#[test]
fn definitions_with_parameters_and_limits() {
    let mut d = Definitions::new();
    d.define("swish(x; beta = 1) = x*sigmoid(beta*x)").unwrap();
    d.define("k = 1.702").unwrap();
    let silu = lookup("silu").unwrap();
    let p = silu.default_params();
    assert_eq!(d.function("swish", &[]).unwrap().value(1.5), silu.value(1.5, &p));
    let two = d.function("swish", &[("beta", 2.0)]).unwrap();
    assert_eq!(two.value(1.0), d.function("x*sigmoid(2*x)", &[]).unwrap().value(1.0));
    assert_eq!(
        d.function("swish(x, beta=k)", &[]).unwrap().value(1.0),
        d.function("x*sigmoid(1.702*x)", &[]).unwrap().value(1.0)
    );
    let prime = d.function("swish'", &[]).unwrap();
    assert_eq!(prime.value(0.7), silu.deriv(0.7, &p));
    assert_eq!(d.define("gelu(x) = x").unwrap_err().kind, ErrorKind::Reserved("gelu".into()));
    assert_eq!(d.define("f(x) = f(x)").unwrap_err().kind, ErrorKind::Recursive("f".into()));
    d.define("g(x) = swish(x) + 1").unwrap();
    assert_eq!(d.define("swish(x) = g(x)").unwrap_err().kind, ErrorKind::Recursive("swish".into()));
    assert!(matches!(d.remove("swish").unwrap_err().kind, ErrorKind::UsedBy { .. }));
    d.remove("g").unwrap();
    d.remove("swish").unwrap();
    assert_eq!(d.remove("swish").unwrap_err().kind, ErrorKind::NotDefined("swish".into()));
    // expansion is bounded: each level doubles the size
    let mut d = Definitions::new();
    d.define("f0(x) = x").unwrap();
    let mut last = Ok(String::new());
    for i in 1..40 {
        last = d.define(&format!("f{i}(x) = f{}(x) + f{}(x)", i - 1, i - 1));
        if last.is_err() {
            break;
        }
    }
    let e = last.unwrap_err().kind;
    assert!(matches!(e, ErrorKind::TooLarge { .. } | ErrorKind::CallsTooDeep { .. }), "{e:?}");
}
