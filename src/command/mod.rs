//! The one grammar: a clap derive enum of commands. The shell parses it as
//! subcommands; the prompt and scripts parse each line with the same enum
//! ([`Line`], multicall + shlex). A command is written once and runs everywhere.

mod chain;
mod eval;
mod info;
pub mod input;
pub mod line;
mod linear;
mod plot;
mod stream;

use crate::render::{Format, Style};
use crate::report::Sink;
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::io::BufRead;
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
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

fn parse_precision(s: &str) -> Result<usize, String> {
    let n: usize = s.parse().map_err(|_| format!("'{s}' is not a whole number of digits"))?;
    if !(1..=17).contains(&n) {
        return Err(format!("{n} digits: a double has 1 to 17 significant digits"));
    }
    Ok(n)
}

fn parse_f64(s: &str) -> Result<f64, String> {
    input::parse_number(s)
}

/// Parameters of the activations; each applies to the functions that have it.
#[derive(Args, Clone, Debug, Default)]
pub struct ParamArgs {
    /// leaky_relu: slope for x <= 0 [default: 0.01]
    #[arg(long, allow_negative_numbers = true, value_parser = parse_f64)]
    pub slope: Option<f64>,
    /// elu, celu: α [default: 1]
    #[arg(long, allow_negative_numbers = true, value_parser = parse_f64)]
    pub alpha: Option<f64>,
    /// softplus: β [default: 1]
    #[arg(long, allow_negative_numbers = true, value_parser = parse_f64)]
    pub beta: Option<f64>,
    /// softplus: linear above β·x > threshold [default: off]; threshold: the cut [default: 0]
    #[arg(long, allow_negative_numbers = true, value_parser = parse_f64)]
    pub threshold: Option<f64>,
    /// threshold: the replacement value [default: 0]
    #[arg(long, allow_negative_numbers = true, value_parser = parse_f64)]
    pub value: Option<f64>,
    /// softshrink, hardshrink: λ [default: 0.5]
    #[arg(long, allow_negative_numbers = true, value_parser = parse_f64)]
    pub lambda: Option<f64>,
    /// hardtanh: lower clip [default: -1]
    #[arg(long, allow_negative_numbers = true, value_parser = parse_f64)]
    pub min: Option<f64>,
    /// hardtanh: upper clip [default: 1]
    #[arg(long, allow_negative_numbers = true, value_parser = parse_f64)]
    pub max: Option<f64>,
    /// squareplus: b [default: 4]
    #[arg(long, allow_negative_numbers = true, value_parser = parse_f64)]
    pub b: Option<f64>,
}

impl ParamArgs {
    /// The parameters given, by name.
    pub fn given(&self) -> Vec<(&'static str, f64)> {
        let all = [
            ("slope", self.slope),
            ("alpha", self.alpha),
            ("beta", self.beta),
            ("threshold", self.threshold),
            ("value", self.value),
            ("lambda", self.lambda),
            ("min", self.min),
            ("max", self.max),
            ("b", self.b),
        ];
        all.into_iter().filter_map(|(n, v)| v.map(|v| (n, v))).collect()
    }
}

#[derive(Args, Clone, Debug)]
pub struct EvalArgs {
    /// Function name, or several separated by commas (gelu,relu,tanh)
    #[arg(value_name = "FN[,FN...]")]
    pub functions: String,
    /// Numbers, ranges A..B:STEP (e.g. -2..2:0.5), or - to read numbers from stdin
    #[arg(value_name = "X", required = true, num_args = 1.., allow_negative_numbers = true)]
    pub xs: Vec<String>,
    #[command(flatten)]
    pub params: ParamArgs,
}

/// `chain`: a gradient through many layers.
#[derive(Args, Clone, Debug)]
pub struct ChainArgs {
    /// Function name, or several separated by commas (side by side)
    #[arg(value_name = "FN[,FN...]")]
    pub functions: String,
    /// Number of layers (up to 1e8; 1e6 is fine)
    #[arg(value_name = "DEPTH")]
    pub depth: String,
    /// Every layer sees this pre-activation z (instead of a forward pass)
    #[arg(long, value_name = "X", value_parser = parse_f64, allow_negative_numbers = true, conflicts_with_all = ["random", "width", "bias", "input"])]
    pub at: Option<f64>,
    /// Weight W of every layer: z_k = W·a_(k-1) + B and factor W·f'(z_k) [default: 1]
    #[arg(long, value_name = "W", value_parser = parse_f64, allow_negative_numbers = true, conflicts_with = "width")]
    pub weight: Option<f64>,
    /// Bias B of the forward pass [default: 0]
    #[arg(long, value_name = "B", value_parser = parse_f64, allow_negative_numbers = true, conflicts_with_all = ["random", "width"])]
    pub bias: Option<f64>,
    /// Input a_0 of the forward pass [default: 1]
    #[arg(long, value_name = "X0", value_parser = parse_f64, allow_negative_numbers = true, conflicts_with_all = ["random", "width"])]
    pub input: Option<f64>,
    /// Draw each pre-activation from N(0, 1)
    #[arg(long, conflicts_with = "width")]
    pub random: bool,
    /// Seed for --random and --width [default: 0]
    #[arg(long, value_name = "S")]
    pub seed: Option<u64>,
    /// With --random: repeat T times and summarise log10 of the final product
    #[arg(long, value_name = "T", requires = "random")]
    pub trials: Option<u64>,
    /// Show every N-th layer (and crossings and the last)
    #[arg(long, value_name = "N", conflicts_with = "all")]
    pub every: Option<u64>,
    /// Show every layer
    #[arg(long)]
    pub all: bool,
    /// Backpropagate a gradient vector through random WIDTH×WIDTH layers
    #[arg(long, value_name = "N")]
    pub width: Option<usize>,
    /// With --width: scale of the weights [default: 1]
    #[arg(long, value_name = "G", value_parser = parse_f64, requires = "width")]
    pub gain: Option<f64>,
    /// With --width: weight initialisation [default: normal]
    #[arg(long, value_enum, requires = "width")]
    pub init: Option<crate::gradient::matrix::Init>,
    /// With --width: clip the gradient's norm to MAX at every layer
    #[arg(long, value_name = "MAX", value_parser = parse_f64, requires = "width")]
    pub clip_norm: Option<f64>,
    #[command(flatten)]
    pub params: ParamArgs,
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
    #[arg(value_name = "OP", required = true, num_args = 1.., allow_negative_numbers = true)]
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
    /// With --plot: write an SVG file instead of drawing in the terminal
    #[arg(long, value_name = "FILE", requires = "plot")]
    pub svg: Option<PathBuf>,
    /// Also show the image of the vector (X, Y)
    #[arg(long, num_args = 2, value_names = ["X", "Y"], allow_negative_numbers = true)]
    pub apply: Option<Vec<String>>,
}

/// `collapse`: stacked affine layers are one affine map.
#[derive(Args, Clone, Debug)]
pub struct CollapseArgs {
    /// Number of layers
    #[arg(value_name = "DEPTH")]
    pub depth: String,
    /// Units per layer (1-16) [default: 2]
    #[arg(long, value_name = "N")]
    pub width: Option<usize>,
    /// Seed of the random weights, biases and inputs [default: 0]
    #[arg(long, value_name = "S")]
    pub seed: Option<u64>,
    /// Activation between the layers (none: purely linear) [default: none]
    #[arg(long, value_name = "FN")]
    pub act: Option<String>,
    #[command(flatten)]
    pub params: ParamArgs,
}

/// `glu`: a gated linear unit on the numbers given.
#[derive(Args, Clone, Debug)]
pub struct GluArgs {
    /// The input x: an even count, split into halves a and b
    #[arg(value_name = "X", required = true, num_args = 1.., allow_negative_numbers = true)]
    pub values: Vec<String>,
    /// The gate: sigmoid (GLU), swish (SwiGLU), gelu (GeGLU), relu (ReGLU) [default: sigmoid]
    #[arg(long, value_enum)]
    pub gate: Option<crate::activation::glu::Gate>,
}

/// `xor`: train a tiny network on XOR.
#[derive(Args, Clone, Debug)]
pub struct XorArgs {
    /// Hidden activation, or none for a linear network [default: tanh]
    #[arg(long, value_name = "FN|none")]
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
    #[command(flatten)]
    pub params: ParamArgs,
}

/// `plot`: curves in the terminal or as SVG.
#[derive(Args, Clone, Debug)]
pub struct PlotArgs {
    /// FN[,FN...] to plot functions, or: chain FN[,FN...] DEPTH
    #[arg(value_name = "FN[,FN...] | chain FN DEPTH", required = true, num_args = 1..=3)]
    pub what: Vec<String>,
    /// Left end of x [default: -5]
    #[arg(long, value_name = "A", value_parser = parse_f64, allow_negative_numbers = true)]
    pub from: Option<f64>,
    /// Right end of x [default: 5]
    #[arg(long, value_name = "B", value_parser = parse_f64, allow_negative_numbers = true)]
    pub to: Option<f64>,
    /// Also draw each function's derivative (dashed)
    #[arg(long)]
    pub deriv: bool,
    /// Width in characters [default: the terminal's]
    #[arg(long, value_name = "W")]
    pub width: Option<usize>,
    /// Height in characters [default: 18]
    #[arg(long, value_name = "H")]
    pub height: Option<usize>,
    /// Write an SVG file instead of drawing in the terminal
    #[arg(long, value_name = "FILE")]
    pub svg: Option<PathBuf>,
    /// plot chain: every layer at this pre-activation
    #[arg(long, value_name = "X", value_parser = parse_f64, allow_negative_numbers = true, conflicts_with = "random")]
    pub at: Option<f64>,
    /// plot chain: pre-activations from N(0, 1)
    #[arg(long)]
    pub random: bool,
    /// plot chain: seed for --random [default: 0]
    #[arg(long, value_name = "S")]
    pub seed: Option<u64>,
    /// plot chain: layer weight W [default: 1]
    #[arg(long, value_name = "W", value_parser = parse_f64, allow_negative_numbers = true)]
    pub weight: Option<f64>,
    /// plot chain: forward-pass bias [default: 0]
    #[arg(long, value_name = "B", value_parser = parse_f64, allow_negative_numbers = true)]
    pub bias: Option<f64>,
    /// plot chain: forward-pass input a_0 [default: 1]
    #[arg(long, value_name = "X0", value_parser = parse_f64, allow_negative_numbers = true)]
    pub input: Option<f64>,
    #[command(flatten)]
    pub params: ParamArgs,
}

/// Every command of actlab.
#[derive(Subcommand, Clone, Debug)]
pub enum Command {
    /// Values f(x) of one or more activations
    #[command(
        after_help = "Examples:\n  eval gelu 1.5\n  eval sigmoid,tanh -2..2:0.5\n  eval leaky_relu 0.5 -2 --slope 0.2\n  seq 0 5 | actlab eval gelu - --format csv"
    )]
    Eval(EvalArgs),
    /// x, f(x) and f'(x) for one or more activations
    #[command(after_help = "Examples:\n  deriv tanh 0.3\n  deriv sigmoid 0 40\n  deriv silu,mish -3..0:0.5")]
    Deriv(EvalArgs),
    /// Every function: names, aliases, parameters, formula
    List,
    /// Formula, derivative, parameters and computed properties of one function
    #[command(after_help = "Examples:\n  info gelu\n  info leaky_relu --slope 0.2")]
    Info {
        /// Function name or alias
        #[arg(value_name = "FN")]
        function: String,
        #[command(flatten)]
        params: ParamArgs,
    },
    /// Gradient product through DEPTH layers: vanishing and exploding gradients
    #[command(
        after_help = "By default each layer is a real forward pass z_k = W·a_(k-1) + B with W = 1, B = 0, a_0 = 1.\n\
Examples:\n  chain sigmoid 20 --at 0\n  chain sigmoid,tanh,relu 50\n  chain sigmoid 1000 --at 0\n  chain tanh 100 --random --trials 1000\n  \
chain identity 50 --width 256 --gain 2\n  chain relu 100 --width 256 --init he\n  chain identity 50 --width 64 --gain 2 --clip-norm 1"
    )]
    Chain(ChainArgs),
    /// Clip a gradient vector by norm or by value
    #[command(after_help = "Examples:\n  clip --norm 1 3 4\n  clip --value 1 3 -4 0.5")]
    Clip(ClipArgs),
    /// A 2-D linear map: matrix, determinant, eigenvalues, images, and what it does
    #[command(
        after_help = "Operations apply in the order written: 'rotate 30 then scale 2' rotates first, so M = S·R.\n\
Examples:\n  matrix rotate 30\n  matrix scale 2\n  matrix flip x\n  matrix project 1 1\n  matrix rotate 30 then scale 2 --apply 1 0\n  \
matrix shear 0.5 --axis y\n  matrix translate 1 2"
    )]
    Matrix(MatrixArgs),
    /// Stacked affine layers collapse to one affine map (unless an activation sits between)
    #[command(after_help = "Examples:\n  collapse 3\n  collapse 10 --width 4 --seed 7\n  collapse 10 --act tanh")]
    Collapse(CollapseArgs),
    /// Gated linear unit: a ⊗ gate(b) with its partial derivatives
    #[command(after_help = "Examples:\n  glu 1 2 3 4\n  glu 1 2 3 4 --gate swish")]
    Glu(GluArgs),
    /// Train a 2-N-1 network on XOR: with an activation it solves it, without it cannot
    #[command(after_help = "Examples:\n  xor\n  xor --act relu\n  xor --act none")]
    Xor(XorArgs),
    /// Change a setting for the rest of the session: format, precision, angle, color
    #[command(after_help = "Examples:\n  set format csv\n  set precision 6\n  set angle rad\n  set color never")]
    Set {
        /// format, precision, angle or color
        key: String,
        /// The new value (table|csv|tsv|json|markdown; 1-17; deg|rad; auto|always|never)
        value: String,
    },
    /// Show the session's settings
    Settings,
    /// Plot functions and derivatives, or a gradient chain, in the terminal or as SVG
    #[command(
        after_help = "Examples:\n  plot gelu,relu\n  plot sigmoid --deriv --from -8 --to 8\n  plot chain sigmoid,tanh,relu 50\n  \
plot chain sigmoid,tanh 30 --random\n  plot gelu,gelu_tanh --deriv --svg gelu.svg"
    )]
    Plot(PlotArgs),
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell)
    #[command(
        after_help = "Install, e.g.:\n  actlab completions bash > ~/.local/share/bash-completion/completions/actlab\n  \
actlab completions zsh > ~/.zfunc/_actlab\n  actlab completions fish > ~/.config/fish/completions/actlab.fish"
    )]
    Completions {
        /// The shell
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff)
    #[command(after_help = "Install, e.g.:\n  actlab manpage > ~/.local/share/man/man1/actlab.1")]
    Manpage,
    /// Run a script: one command per line (# comments and blank lines skipped)
    Run {
        /// The script file
        file: PathBuf,
        /// Run every line even after an error (the exit code is still 1)
        #[arg(long)]
        keep_going: bool,
    },
    /// Leave the prompt (also: quit, Ctrl-D)
    #[command(alias = "quit")]
    Exit,
}

/// `actlab [OPTIONS] [COMMAND]`: the one parser. The shell gives it the program's
/// arguments; the prompt and scripts give it each line, split with shlex, behind
/// the program name.
#[derive(Parser, Debug)]
#[command(
    name = "actlab",
    version,
    about = "Explore neural-network activation functions, their derivatives, gradient chains and 2-D linear maps.",
    long_about = None,
    after_help = "With no command, actlab starts a prompt on a terminal, or runs the commands \
                  piped into it (one per line).\nExamples:\n  actlab eval gelu 1.5\n  actlab deriv tanh 0.3 --format csv\n  echo 'eval relu -1 1' | actlab"
)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    /// In script mode (commands piped in), run every line even after an error
    #[arg(long)]
    pub keep_going: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Words that start with '-' but are numbers or ranges (`-inf`, `-2..2:0.5`, `-.5`)
/// would be read as options by clap: give them a leading space, which the number
/// parser ignores. Used on the shell's arguments and on every prompt/script line.
pub fn protect_values<I: IntoIterator<Item = String>>(words: I) -> Vec<String> {
    words
        .into_iter()
        .map(|w| {
            if w.len() > 1 && w.starts_with('-') && !w.starts_with("--") && input::parse_x(&w).is_ok() {
                format!(" {w}")
            } else {
                w
            }
        })
        .collect()
}

/// Set (by the prompt's Ctrl-C handler) to stop the running command; long loops
/// check it through [`check_interrupt`]. Nothing sets it in one-shot or script
/// mode, where Ctrl-C ends the process as usual.
pub static INTERRUPTED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Err(interrupted) once Ctrl-C was pressed at the prompt (and clears the flag).
#[inline]
pub fn check_interrupt() -> Result<(), Error> {
    if INTERRUPTED.load(std::sync::atomic::Ordering::Relaxed) {
        INTERRUPTED.store(false, std::sync::atomic::Ordering::Relaxed);
        return Err(Error::Failed("interrupted".into()));
    }
    Ok(())
}

/// What went wrong, and so which exit code: 2 for how a command was written, 1 for a
/// command that could not be carried out.
#[derive(Debug)]
pub enum Error {
    Usage(String),
    Failed(String),
    Io(std::io::Error),
}

impl Error {
    pub fn exit_code(&self) -> i32 {
        match self {
            Error::Usage(_) => 2,
            _ => 1,
        }
    }
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::Usage(m) | Error::Failed(m) => f.write_str(m),
            Error::Io(e) => write!(f, "{e}"),
        }
    }
}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Error {
        Error::Io(e)
    }
}

/// What a command may use besides its arguments.
pub struct Context<'a> {
    /// Standard input for `-`, when it is free (not the script itself).
    pub stdin: Option<&'a mut dyn BufRead>,
    pub style: Style,
    /// `set angle rad`: matrix angles in radians unless a command says otherwise.
    pub radians: bool,
}

/// Run one command, writing its results into `sink`.
pub fn execute(cmd: &Command, ctx: &mut Context, sink: &mut dyn Sink) -> Result<(), Error> {
    match cmd {
        Command::Eval(a) => eval::eval(a, false, ctx, sink),
        Command::Deriv(a) => eval::eval(a, true, ctx, sink),
        Command::List => info::list(sink),
        Command::Chain(a) => chain::chain(a, sink),
        Command::Clip(a) => chain::clip(a, sink),
        Command::Matrix(a) => linear::matrix(a, ctx.radians, sink),
        Command::Collapse(a) => linear::collapse(a, sink),
        Command::Glu(a) => linear::glu(a, sink),
        Command::Xor(a) => linear::xor(a, sink),
        Command::Plot(a) => plot::plot(a, sink),
        Command::Completions { shell } => {
            use clap::CommandFactory;
            let mut buf = Vec::new();
            clap_complete::generate(*shell, &mut Cli::command(), "actlab", &mut buf);
            sink.verbatim(&String::from_utf8_lossy(&buf))?;
            Ok(())
        }
        Command::Manpage => {
            use clap::CommandFactory;
            let mut buf = Vec::new();
            clap_mangen::Man::new(Cli::command()).render(&mut buf)?;
            sink.verbatim(&String::from_utf8_lossy(&buf))?;
            Ok(())
        }
        Command::Info { function, params } => info::info(function, params, ctx, sink),
        Command::Run { .. } | Command::Exit | Command::Set { .. } | Command::Settings => {
            Err(Error::Usage("'run', 'exit', 'set' and 'settings' belong to the prompt and scripts".into()))
        }
    }
}

/// The style a command line asks for, on top of a base.
pub fn style_for(base: Style, g: &Global) -> Style {
    let mut s = base;
    if let Some(f) = g.format {
        s.format = f;
    }
    if let Some(p) = g.precision {
        s.precision = p;
    }
    s
}

/// Names of every command (for suggestions).
pub fn command_names() -> Vec<String> {
    use clap::CommandFactory;
    Cli::command()
        .get_subcommands()
        .flat_map(|c| std::iter::once(c.get_name().to_string()).chain(c.get_all_aliases().map(str::to_string)))
        .collect()
}
