//! The arguments of each command (clap derive structs), shared by the one grammar
//! in [`super::Command`].

use super::input;
use crate::render::Format;
use clap::{Args, ValueEnum};
use std::path::PathBuf;

/// Options every command accepts, in every front end.
#[derive(Args, Clone, Debug, Default)]
pub struct Global {
    /// Output format
    #[arg(long, short = 'f', global = true, value_enum, value_name = "FORMAT")]
    pub format: Option<Format>,
    /// Significant digits in tables (1-17; machine formats always print every digit)
    #[arg(long, short = 'p', global = true, value_name = "N", value_parser = parse_precision)]
    pub precision: Option<usize>,
    /// Colour: auto (only on a terminal, honouring NO_COLOR and CLICOLOR_FORCE), always, never
    #[arg(long, global = true, value_enum, value_name = "WHEN")]
    pub color: Option<ColorChoice>,
    /// Language of everything a person reads: en, zh (default: from LC_ALL, LC_MESSAGES, LANG)
    #[arg(long, global = true, value_enum, value_name = "LANG")]
    pub lang: Option<crate::i18n::Lang>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

pub(crate) fn parse_precision(s: &str) -> Result<usize, String> {
    let n: usize = s.parse().map_err(|_| crate::t!("precision-not-whole", text = s))?;
    if !(1..=17).contains(&n) {
        return Err(crate::t!("precision-range", n = n));
    }
    Ok(n)
}

fn parse_f64(s: &str) -> Result<f64, String> {
    input::parse_number(s)
}

/// A free-text argument whose usual values shell completion should offer: accepts any
/// text (a function list, a formula, a matrix word or number) and lists `candidates`
/// as its possible values for `actlab completions` (hidden in help).
#[derive(Clone)]
pub struct Suggest(fn() -> Vec<&'static str>);

impl clap::builder::TypedValueParser for Suggest {
    type Value = String;

    fn parse_ref(
        &self,
        _: &clap::Command,
        _: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<String, clap::Error> {
        value.to_str().map(str::to_string).ok_or_else(|| clap::Error::new(clap::error::ErrorKind::InvalidUtf8))
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = clap::builder::PossibleValue> + '_>> {
        Some(Box::new((self.0)().into_iter().map(clap::builder::PossibleValue::new)))
    }
}

/// A command's arguments, added to the grammar only when that command is parsed or
/// its help shown (clap's `Command::defer`): a one-shot command builds its own
/// arguments, not every command's (start-up was 1 ms of building the whole grammar).
/// Whatever walks the whole grammar (completion, docs, the man page) calls
/// `Command::build` first, which runs every deferred part.
#[derive(Clone, Debug, Default)]
pub struct Lazy<T>(pub T);

impl<T> std::ops::Deref for Lazy<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T> std::ops::DerefMut for Lazy<T> {
    fn deref_mut(&mut self) -> &mut T {
        &mut self.0
    }
}

impl<T: clap::FromArgMatches> clap::FromArgMatches for Lazy<T> {
    fn from_arg_matches(m: &clap::ArgMatches) -> Result<Self, clap::Error> {
        T::from_arg_matches(m).map(Lazy)
    }

    fn update_from_arg_matches(&mut self, m: &clap::ArgMatches) -> Result<(), clap::Error> {
        self.0.update_from_arg_matches(m)
    }
}

impl<T: clap::Args> clap::Args for Lazy<T> {
    fn augment_args(cmd: clap::Command) -> clap::Command {
        cmd.defer(|c| keep_about(c, T::augment_args))
    }

    fn augment_args_for_update(cmd: clap::Command) -> clap::Command {
        cmd.defer(|c| keep_about(c, T::augment_args_for_update))
    }
}

/// `augment` with the command's own description kept: the arguments' struct has a doc
/// comment of its own, which would replace the command's when added after it.
fn keep_about(c: clap::Command, augment: fn(clap::Command) -> clap::Command) -> clap::Command {
    let (about, long) = (c.get_about().cloned(), c.get_long_about().cloned());
    let c = augment(c);
    let name = c.get_name().to_string();
    let c = match about {
        Some(a) => c.about(a),
        None => c.about(None::<&str>),
    };
    let c = match long {
        Some(l) => c.long_about(l),
        None => c.long_about(None::<&str>),
    };
    crate::i18n::localise_args(c, &name)
}

/// `info FN`.
#[derive(clap::Args, Clone, Debug)]
pub struct InfoArgs {
    /// Function name or alias, or a formula in x
    #[arg(value_name = "FN", value_parser = function_candidates_parser(), hide_possible_values = true)]
    pub function: String,
    #[command(flatten)]
    pub params: ParamArgs,
}

/// Every catalogue name and alias: what shell completion offers for a function.
pub fn function_candidates() -> Vec<&'static str> {
    crate::activation::CATALOGUE.iter().flat_map(|a| a.names()).collect()
}

fn functions() -> Suggest {
    Suggest(function_candidates)
}

/// The function argument's parser, for arguments declared outside this file.
pub fn function_candidates_parser() -> Suggest {
    functions()
}

fn matrix_words() -> Suggest {
    Suggest(|| super::matrix_words::OPERATIONS.to_vec())
}

/// `--init`: by the names PyTorch and Keras users know, any case.
fn init_parser() -> impl clap::builder::TypedValueParser<Value = crate::gradient::matrix::Init> {
    use crate::gradient::matrix::Init;
    use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
    PossibleValuesParser::new([
        PossibleValue::new("normal"),
        PossibleValue::new("he").alias("kaiming"),
        PossibleValue::new("xavier").alias("glorot"),
    ])
    .map(|s| match s.to_ascii_lowercase().as_str() {
        "he" | "kaiming" => Init::He,
        "xavier" | "glorot" => Init::Xavier,
        _ => Init::Normal,
    })
}

/// A number that must be finite (a weight, a bias, a pre-activation): NaN or an
/// infinity would only turn every product into NaN.
fn parse_finite(s: &str) -> Result<f64, String> {
    let v = input::parse_number(s)?;
    if !v.is_finite() {
        return Err(crate::t!("not-finite", text = crate::shown::shown(s.trim())));
    }
    Ok(v)
}

/// Parameters of the activations: one option per parameter name of the catalogue
/// (`--slope`, `--alpha`, …), made from the catalogue when the command is built, with
/// help naming the functions that have it and their defaults. Each applies to the
/// functions that have it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ParamArgs {
    /// The parameters given, by name, in the catalogue's order (then the definitions').
    pub given: Vec<(String, f64)>,
}

impl ParamArgs {
    /// The parameters given, by name.
    pub fn given(&self) -> Vec<(&str, f64)> {
        self.given.iter().map(|(n, v)| (n.as_str(), *v)).collect()
    }
}

/// The parameter options a command gets: the catalogue's, then the parameters of the
/// session's definitions that the catalogue does not have (`def f(x; k = 1) = ...`
/// makes `--k`).
fn all_param_names() -> Vec<String> {
    let names = param_names();
    let mut all: Vec<String> = names.iter().map(|n| n.to_string()).collect();
    all.extend(crate::defs::extra_param_names(&names));
    all
}

/// Every parameter name of the catalogue, once, in the order the entries list them.
pub fn param_names() -> Vec<&'static str> {
    let mut names: Vec<&'static str> = Vec::new();
    for p in crate::activation::CATALOGUE.iter().flat_map(|a| a.params) {
        if !names.contains(&p.name) {
            names.push(p.name);
        }
    }
    names
}

/// `leaky_relu: slope for x <= 0 [default: 0.01]`, for every function that has it
/// (functions whose parameter reads the same share one entry: `elu, celu: …`).
pub(crate) fn param_help(name: &str) -> String {
    // the grammar has the parameters three times (plot, plot chain and the command
    // parsed): each text is made once per language
    thread_local! {
        static MADE: std::cell::RefCell<Vec<(bool, String, String)>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    let zh = crate::i18n::help::localising() && crate::i18n::is_zh();
    if let Some(t) = MADE.with(|m| m.borrow().iter().find(|(z, n, _)| *z == zh && n == name).map(|(_, _, t)| t.clone()))
    {
        return t;
    }
    let text = make_param_help(name, zh);
    MADE.with(|m| m.borrow_mut().push((zh, name.to_string(), text.clone())));
    text
}

/// `zh`: the grammar built to show help in Chinese (the one parsed with is English).
fn make_param_help(name: &str, zh: bool) -> String {
    let mut groups: Vec<(Vec<&str>, String)> = Vec::new();
    for a in crate::activation::CATALOGUE {
        for p in a.params.iter().filter(|p| p.name == name) {
            let help = if zh {
                crate::i18n::entry_text(a.name, &format!("param-{}", p.name), p.help)
            } else {
                p.help.to_string()
            };
            let text = format!("{help} [default: {}]", crate::render::num::shortest(p.default));
            match groups.iter_mut().find(|(_, t)| *t == text) {
                Some((owners, _)) => owners.push(a.name),
                None => groups.push((vec![a.name], text)),
            }
        }
    }
    groups.iter().map(|(owners, text)| format!("{}: {text}", owners.join(", "))).collect::<Vec<_>>().join("; ")
}

impl clap::FromArgMatches for ParamArgs {
    fn from_arg_matches(m: &clap::ArgMatches) -> Result<Self, clap::Error> {
        let given = all_param_names()
            .into_iter()
            .filter_map(|n| m.try_get_one::<f64>(&n).ok().flatten().map(|v| (n, *v)))
            .collect();
        Ok(ParamArgs { given })
    }

    fn update_from_arg_matches(&mut self, m: &clap::ArgMatches) -> Result<(), clap::Error> {
        *self = Self::from_arg_matches(m)?;
        Ok(())
    }
}

impl clap::Args for ParamArgs {
    fn augment_args(cmd: clap::Command) -> clap::Command {
        all_param_names().into_iter().fold(cmd, |cmd, name| {
            if cmd.get_arguments().any(|a| a.get_long() == Some(name.as_str())) {
                return cmd;
            }
            let help = param_help(&name);
            let help = if help.is_empty() { crate::t!("param-of-definition") } else { help };
            cmd.arg(
                clap::Arg::new(name.clone())
                    .long(name.clone())
                    .value_name(name.to_uppercase())
                    .value_parser(parse_f64)
                    .allow_negative_numbers(true)
                    .help(help),
            )
        })
    }

    fn augment_args_for_update(cmd: clap::Command) -> clap::Command {
        Self::augment_args(cmd)
    }
}

#[derive(Args, Clone, Debug)]
pub struct EvalArgs {
    /// Function name, or several separated by commas (gelu,relu,tanh)
    #[arg(value_name = "FN[,FN...]", value_parser = functions(), hide_possible_values = true)]
    pub functions: String,
    /// Numbers, ranges A..B:STEP (e.g. -2..2:0.5), or - to read numbers from stdin
    #[arg(value_name = "X", required = true, num_args = 1.., allow_negative_numbers = true)]
    pub xs: Vec<String>,
    /// With -: read one column of CSV/TSV input, by its header NAME or its number N (1 is the first)
    #[arg(long, value_name = "NAME|N")]
    pub column: Option<String>,
    #[command(flatten)]
    pub params: ParamArgs,
}

/// How each layer of a gradient chain gets its pre-activation, and the network behind
/// it: shared by `chain` and `plot chain`, so every option works in both.
#[derive(Args, Clone, Debug, Default)]
pub struct ForwardArgs {
    /// Every layer sees this pre-activation z (instead of a forward pass)
    #[arg(long, value_name = "X", value_parser = parse_finite, allow_negative_numbers = true, conflicts_with_all = ["random", "width", "bias", "input"])]
    pub at: Option<f64>,
    /// Weight W of every layer: z_k = W·a_(k-1) + B and factor W·f'(z_k) [default: 1]
    #[arg(long, value_name = "W", value_parser = parse_finite, allow_negative_numbers = true, conflicts_with = "width")]
    pub weight: Option<f64>,
    /// Bias B of the forward pass [default: 0]
    #[arg(long, value_name = "B", value_parser = parse_finite, allow_negative_numbers = true, conflicts_with_all = ["random", "width"])]
    pub bias: Option<f64>,
    /// Input a_0 of the forward pass [default: 1]
    #[arg(long, value_name = "X0", value_parser = parse_finite, allow_negative_numbers = true, conflicts_with_all = ["random", "width"])]
    pub input: Option<f64>,
    /// Draw each pre-activation from N(0, 1)
    #[arg(long, conflicts_with = "width")]
    pub random: bool,
    /// Seed for --random and --width [default: 0]
    #[arg(long, value_name = "S")]
    pub seed: Option<u64>,
    /// Backpropagate a gradient vector through random WIDTH×WIDTH layers
    #[arg(long, value_name = "N")]
    pub width: Option<usize>,
    /// With --width: scale of the weights [default: 1]
    #[arg(long, value_name = "G", value_parser = parse_f64, requires = "width")]
    pub gain: Option<f64>,
    /// With --width: weight initialisation: normal (σ = gain/√N), he or kaiming (σ = gain·√(2/N), made for
    /// relu), xavier or glorot (σ = gain·√(2/(N + N))) [default: normal]
    #[arg(long, value_name = "INIT", value_parser = init_parser(), requires = "width")]
    pub init: Option<crate::gradient::matrix::Init>,
    /// With --width: clip the gradient's norm to MAX at every layer
    #[arg(long, value_name = "MAX", value_parser = parse_f64, requires = "width")]
    pub clip_norm: Option<f64>,
}

/// `chain`: the gradient product through DEPTH layers.
#[derive(Args, Clone, Debug)]
pub struct ChainArgs {
    /// Function name, or several separated by commas (side by side)
    #[arg(value_name = "FN[,FN...]", value_parser = functions(), hide_possible_values = true)]
    pub functions: String,
    /// Number of layers (a whole number, up to 1e8; 1e6 is fine)
    #[arg(value_name = "DEPTH", value_parser = depth_parser(super::chain::MAX_DEPTH), allow_hyphen_values = true)]
    pub depth: u64,
    #[command(flatten)]
    pub forward: ForwardArgs,
    /// With --random: repeat T times and summarise log10 of the final product
    #[arg(long, value_name = "T", requires = "random")]
    pub trials: Option<u64>,
    /// Show every N-th layer (and crossings and the last)
    #[arg(long, value_name = "N", conflicts_with = "all")]
    pub every: Option<u64>,
    /// Show every layer
    #[arg(long)]
    pub all: bool,
    #[command(flatten)]
    pub params: ParamArgs,
}

/// A DEPTH argument: a whole number of layers from 1 to `max` (written as a number:
/// `1e6` works).
fn depth_parser(max: u64) -> impl Fn(&str) -> Result<u64, String> + Clone + Send + Sync + 'static {
    move |s: &str| input::parse_depth(s, max)
}

/// `compare F G`: how far apart two functions are, where, and what each costs.
#[derive(Args, Clone, Debug)]
pub struct CompareArgs {
    /// The reference function: a name, a derivative (tanh') or a formula in x
    #[arg(value_name = "F", value_parser = functions(), hide_possible_values = true)]
    pub first: String,
    /// The function compared with it
    #[arg(value_name = "G", value_parser = functions(), hide_possible_values = true)]
    pub second: String,
    /// Numbers (a table at each), or one range A..B to search [default: -6..6]
    #[arg(value_name = "X", num_args = 0.., allow_negative_numbers = true)]
    pub xs: Vec<String>,
    /// Compare the derivatives F' and G'
    #[arg(long)]
    pub deriv: bool,
    /// Draw the difference G - F in the terminal
    #[arg(long)]
    pub plot: bool,
    /// Write the difference plot as an SVG file
    #[arg(long, value_name = "FILE", value_hint = clap::ValueHint::FilePath)]
    pub svg: Option<PathBuf>,
    #[command(flatten)]
    pub params: ParamArgs,
}

/// `--init` of `forward`: by the names PyTorch and Keras users know, any case.
fn forward_init_parser() -> impl clap::builder::TypedValueParser<Value = crate::gradient::forward::WeightInit> {
    use crate::gradient::forward::WeightInit;
    use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
    PossibleValuesParser::new([
        PossibleValue::new("normal").alias("lecun"),
        PossibleValue::new("xavier").alias("glorot"),
        PossibleValue::new("he").alias("kaiming"),
        PossibleValue::new("orthogonal"),
    ])
    .map(|s| match s.to_ascii_lowercase().as_str() {
        "he" | "kaiming" => WeightInit::He,
        "orthogonal" => WeightInit::Orthogonal,
        _ => WeightInit::Normal,
    })
}

/// `forward`: a batch through random dense layers, layer by layer.
#[derive(Args, Clone, Debug)]
pub struct ForwardPassArgs {
    /// Function name, formula, or several separated by commas (side by side, same network)
    #[arg(value_name = "FN[,FN...]", value_parser = functions(), hide_possible_values = true)]
    pub functions: String,
    /// Number of layers (up to 10000)
    #[arg(value_name = "DEPTH", value_parser = depth_parser(10_000), allow_hyphen_values = true)]
    pub depth: u64,
    /// Units per layer [default: 128]
    #[arg(long, value_name = "N")]
    pub width: Option<usize>,
    /// Input vectors, each N(0, 1) [default: 256]
    #[arg(long, value_name = "B")]
    pub batch: Option<usize>,
    /// Weights: normal or lecun (σ = gain/√N), xavier or glorot (the same for square layers), he or kaiming
    /// (σ = gain·√(2/N)), orthogonal (gain·Q) [default: normal]
    #[arg(long, value_name = "INIT", value_parser = forward_init_parser())]
    pub init: Option<crate::gradient::forward::WeightInit>,
    /// Scale of the weights [default: 1]
    #[arg(long, value_name = "G", value_parser = parse_f64)]
    pub gain: Option<f64>,
    /// Added to every pre-activation [default: 0]
    #[arg(long, value_name = "B", value_parser = parse_finite, allow_negative_numbers = true)]
    pub bias: Option<f64>,
    /// Normalise the pre-activations before each activation: layer (each sample) or batch (each unit)
    #[arg(long, value_name = "layer|batch", value_parser = ["layer", "batch"])]
    pub norm: Option<String>,
    /// Seed of the inputs and weights [default: 0]
    #[arg(long, value_name = "S")]
    pub seed: Option<u64>,
    /// Also backpropagate through the same network: the gradient's norm at each layer
    #[arg(long)]
    pub backward: bool,
    /// Show every N-th layer (and the last)
    #[arg(long, value_name = "N", conflicts_with = "all")]
    pub every: Option<u64>,
    /// Show every layer
    #[arg(long)]
    pub all: bool,
    /// Draw the activations' mean and standard deviation against depth
    #[arg(long)]
    pub plot: bool,
    /// Write that plot as an SVG file
    #[arg(long, value_name = "FILE", value_hint = clap::ValueHint::FilePath)]
    pub svg: Option<PathBuf>,
    #[command(flatten)]
    pub size: PlotSize,
    #[command(flatten)]
    pub params: ParamArgs,
}

/// `grad`: one dense layer's gradients, each the shape of its parameter.
#[derive(Args, Clone, Debug)]
pub struct GradArgs {
    /// The activation: a name, a derivative or a formula in x
    #[arg(value_name = "FN", value_parser = functions(), hide_possible_values = true)]
    pub function: String,
    /// The weights W, row by row, '/' between rows: --weights 1 2 / 3 4 (out × in)
    #[arg(long, value_name = "W", num_args = 1.., allow_negative_numbers = true)]
    pub weights: Option<Vec<String>>,
    /// The bias b (out) [default: 0]
    #[arg(long, value_name = "B", num_args = 1.., allow_negative_numbers = true)]
    pub bias: Option<Vec<String>>,
    /// The input x (in)
    #[arg(long, value_name = "X", num_args = 1.., allow_negative_numbers = true)]
    pub input: Option<Vec<String>>,
    /// The upstream gradient g = ∂L/∂a (out) [default: 1 each]
    #[arg(long, value_name = "G", num_args = 1.., allow_negative_numbers = true)]
    pub upstream: Option<Vec<String>>,
    /// Without --weights: inputs of a random layer [default: 3]
    #[arg(long = "in", value_name = "N")]
    pub inputs: Option<usize>,
    /// Without --weights: outputs of a random layer [default: 2]
    #[arg(long = "out", value_name = "M")]
    pub outputs: Option<usize>,
    /// Seed of the random layer [default: 1]
    #[arg(long, value_name = "S")]
    pub seed: Option<u64>,
    #[command(flatten)]
    pub params: ParamArgs,
}

/// `softmax`, `log_softmax`, `softmin`: a vector in, a vector out.
#[derive(Args, Clone, Debug)]
pub struct SoftmaxArgs {
    /// The inputs (logits)
    #[arg(value_name = "X", required = true, num_args = 1.., allow_negative_numbers = true)]
    pub values: Vec<String>,
    /// Divide every input by T first: T > 1 flattens the output, T < 1 sharpens it [default: 1]
    #[arg(long, short = 't', value_name = "T", value_parser = parse_f64)]
    pub temperature: Option<f64>,
    /// Also print the Jacobian ∂y_i/∂x_j
    #[arg(long)]
    pub jacobian: bool,
}

/// `clip`: a gradient vector before and after clipping.
#[derive(Args, Clone, Debug)]
pub struct ClipArgs {
    /// Scale the vector so that its norm is at most MAX
    #[arg(long, value_name = "MAX", value_parser = parse_f64, conflicts_with = "value", required_unless_present = "value")]
    pub norm: Option<f64>,
    /// Clamp each component to [-MAX, MAX]
    #[arg(long, value_name = "MAX", value_parser = parse_f64)]
    pub value: Option<f64>,
    /// The gradient's components
    #[arg(value_name = "G", required = true, num_args = 1.., allow_negative_numbers = true)]
    pub values: Vec<String>,
}

/// `matrix`: a 2-D linear (or affine) map.
#[derive(Args, Clone, Debug)]
pub struct MatrixArgs {
    /// Operations, applied in the order written (optionally joined by 'then'): rotate DEG, scale K1 [K2],
    /// flip x|y, project x|y, project U1 U2, shear K, custom A B C D, translate T1 T2
    #[arg(
        value_name = "OP",
        required = true,
        num_args = 1..,
        allow_negative_numbers = true,
        value_parser = matrix_words(),
        hide_possible_values = true
    )]
    pub ops: Vec<String>,
    /// Angles in radians instead of degrees
    #[arg(long, conflicts_with = "deg")]
    pub rad: bool,
    /// Angles in degrees (the default, unless the session says `set angle rad`)
    #[arg(long)]
    pub deg: bool,
    /// Axis of shear: x ([[1, k], [0, 1]]) or y ([[1, 0], [k, 1]]) [default: x]
    #[arg(long, value_name = "x|y")]
    pub axis: Option<String>,
    /// Draw the unit square and the basis vectors before and after the map
    #[arg(long)]
    pub plot: bool,
    /// Write the picture as an SVG file instead of drawing it in the terminal (implies --plot)
    #[arg(long, value_name = "FILE", value_hint = clap::ValueHint::FilePath)]
    pub svg: Option<PathBuf>,
    /// Also show the image of the vector (X, Y)
    #[arg(long, num_args = 2, value_names = ["X", "Y"], allow_negative_numbers = true)]
    pub apply: Option<Vec<String>>,
}

/// `collapse`: stacked affine layers are one affine map.
#[derive(Args, Clone, Debug)]
pub struct CollapseArgs {
    /// Number of layers (up to 10000)
    #[arg(value_name = "DEPTH", value_parser = depth_parser(crate::linalg::collapse::MAX_DEPTH), allow_hyphen_values = true)]
    pub depth: u64,
    /// Units per layer (1-16) [default: 2]
    #[arg(long, value_name = "N")]
    pub width: Option<usize>,
    /// Seed of the random weights, biases and inputs [default: 0]
    #[arg(long, value_name = "S")]
    pub seed: Option<u64>,
    /// Activation between the layers (none: purely linear) [default: none]
    #[arg(long, value_name = "FN", value_parser = functions(), hide_possible_values = true)]
    pub act: Option<String>,
    #[command(flatten)]
    pub params: ParamArgs,
}

/// `glu`: a gated linear unit on one input or a batch.
#[derive(Args, Clone, Debug)]
pub struct GluArgs {
    /// The input x, split into halves a = x[:d] and b = x[d:]; '/' starts another row of the batch
    /// (glu 1 2 3 4 / 5 6 7 8), '-' reads rows from stdin (one per line: CSV, TSV or spaces)
    #[arg(value_name = "X", num_args = 0.., allow_negative_numbers = true, required_unless_present = "file")]
    pub values: Vec<String>,
    /// Read the rows from a file (one per line: CSV, TSV or spaces; a header line is skipped)
    #[arg(long, value_name = "FILE", value_hint = clap::ValueHint::FilePath)]
    pub file: Option<PathBuf>,
    /// Where a ends and b begins: d [default: half of each row, or OUT with --linear]
    #[arg(long, value_name = "D")]
    pub dim: Option<usize>,
    /// The gate: sigmoid or glu (GLU), swish, silu or swiglu (SwiGLU), gelu or geglu (GeGLU), relu or reglu
    /// (ReGLU), or any function or formula in x [default: sigmoid]
    #[arg(long, value_name = "GATE", value_parser = functions(), hide_possible_values = true)]
    pub gate: Option<String>,
    /// Put a Linear layer first, as the notes write it: x → Linear(in, 2·OUT) → [a, b] → a ⊗ gate(b)
    #[arg(long, value_name = "OUT")]
    pub linear: Option<usize>,
    /// Seed of the Linear layer's W and b [default: 0]
    #[arg(long, value_name = "S", requires = "linear")]
    pub seed: Option<u64>,
}

/// `xor`: train a tiny network on XOR.
#[derive(Args, Clone, Debug)]
pub struct XorArgs {
    /// Hidden activation, or none for a linear network [default: tanh]
    #[arg(long, value_name = "FN|none", value_parser = functions(), hide_possible_values = true)]
    pub act: Option<String>,
    /// Hidden units [default: 4]
    #[arg(long, value_name = "N")]
    pub hidden: Option<usize>,
    /// Training epochs (full batch) [default: 5000]
    #[arg(long, value_name = "E")]
    pub epochs: Option<u64>,
    /// Learning rate [default: 0.1]
    #[arg(long, value_name = "R", value_parser = parse_f64)]
    pub lr: Option<f64>,
    /// Seed of the initial weights [default: 1]
    #[arg(long, value_name = "S")]
    pub seed: Option<u64>,
    /// Print every parameter and its gradient as matrices, side by side, at these epochs
    /// (comma-separated; first and last are words too) [default: first,last]
    #[arg(long, value_name = "EPOCHS", num_args = 0..=1, default_missing_value = "first,last")]
    pub show_gradients: Option<String>,
    #[command(flatten)]
    pub params: ParamArgs,
}

/// `plot`: curves of functions, or (`plot chain`) of a gradient chain.
#[derive(Args, Clone, Debug)]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub struct PlotArgs {
    #[command(subcommand)]
    pub chain: Option<PlotChain>,
    /// Function name, or several separated by commas
    #[arg(value_name = "FN[,FN...]", required = true, value_parser = functions(), hide_possible_values = true)]
    pub functions: Option<String>,
    /// Left end of x [default: -5]
    #[arg(long, value_name = "A", value_parser = parse_f64, allow_negative_numbers = true)]
    pub from: Option<f64>,
    /// Right end of x [default: 5]
    #[arg(long, value_name = "B", value_parser = parse_f64, allow_negative_numbers = true)]
    pub to: Option<f64>,
    /// Draw each derivative too (dashed)
    #[arg(long)]
    pub deriv: bool,
    #[command(flatten)]
    pub size: PlotSize,
    /// The older names of --cols and --rows
    #[arg(long, value_name = "N", hide = true)]
    pub width: Option<usize>,
    #[arg(long, value_name = "N", hide = true)]
    pub height: Option<usize>,
    /// Write an SVG file instead of drawing in the terminal
    #[arg(long, value_name = "FILE", value_hint = clap::ValueHint::FilePath)]
    pub svg: Option<PathBuf>,
    #[command(flatten)]
    pub params: ParamArgs,
}

/// `plot chain ...`
#[derive(clap::Subcommand, Clone, Debug)]
pub enum PlotChain {
    /// The gradient product through DEPTH layers against depth (log scale); every option of chain works
    Chain(PlotChainArgs),
}

/// `plot chain FN[,FN...] DEPTH`, with every option of `chain`.
#[derive(Args, Clone, Debug)]
pub struct PlotChainArgs {
    /// Function name, or several separated by commas
    #[arg(value_name = "FN[,FN...]", value_parser = functions(), hide_possible_values = true)]
    pub functions: String,
    /// Number of layers (up to 1e7)
    #[arg(value_name = "DEPTH", value_parser = depth_parser(10_000_000), allow_hyphen_values = true)]
    pub depth: u64,
    #[command(flatten)]
    pub forward: ForwardArgs,
    #[command(flatten)]
    pub size: PlotSize,
    /// Write an SVG file instead of drawing in the terminal
    #[arg(long, value_name = "FILE", value_hint = clap::ValueHint::FilePath)]
    pub svg: Option<PathBuf>,
    #[command(flatten)]
    pub params: ParamArgs,
}

/// The size of a plot in the terminal (an SVG has its own).
#[derive(Args, Clone, Debug, Default)]
pub struct PlotSize {
    /// Width in characters [default: the terminal's, less the axis]
    #[arg(long, value_name = "N")]
    pub cols: Option<usize>,
    /// Height in characters [default: 18]
    #[arg(long, value_name = "N")]
    pub rows: Option<usize>,
}
