//! The one grammar: a clap derive enum of commands. The shell parses it as
//! subcommands; the prompt and scripts parse each line with the same enum
//! ([`Line`], multicall + shlex). A command is written once and runs everywhere.

mod args;
mod chain;
mod compare;
mod eval;
mod forward;
pub mod functions;
mod info;
pub mod input;
mod keep;
pub mod line;
mod linear;
pub mod matrix_words;
mod plot;
mod stream;

use crate::render::Style;
use crate::report::Sink;
pub use args::*;
use clap::{Parser, Subcommand};
use std::io::BufRead;
use std::path::PathBuf;

/// Every command of actlab.
#[derive(Subcommand, Clone, Debug)]
pub enum Command {
    /// Values f(x) of one or more activations
    #[command(
        after_help = "Examples:\n  eval gelu 1.5\n  eval sigmoid,tanh -2..2:0.5\n  eval leaky_relu 0.5 -2 --slope 0.2\n  seq 0 5 | actlab eval gelu - --format csv"
    )]
    Eval(Lazy<EvalArgs>),
    /// x, f(x) and f'(x) for one or more activations
    #[command(after_help = "Examples:\n  deriv tanh 0.3\n  deriv sigmoid 0 40\n  deriv silu,mish -3..0:0.5")]
    Deriv(Lazy<EvalArgs>),
    /// Every function: names, aliases, parameters, formula
    List,
    /// Formula, derivative, parameters and computed properties of one function
    #[command(after_help = "Examples:\n  info gelu\n  info leaky_relu --slope 0.2")]
    Info(Lazy<InfoArgs>),
    /// Gradient product through DEPTH layers: vanishing and exploding gradients
    #[command(
        after_help = "By default each layer is a real forward pass z_k = W·a_(k-1) + B with W = 1, B = 0, a_0 = 1.\n\
Examples:\n  chain sigmoid 20 --at 0\n  chain sigmoid,tanh,relu 50\n  chain sigmoid 1000 --at 0\n  chain tanh 100 --random --trials 1000\n  \
chain identity 50 --width 256 --gain 2\n  chain relu 100 --width 256 --init he\n  chain identity 50 --width 64 --gain 2 --clip-norm 1"
    )]
    Chain(Lazy<ChainArgs>),
    /// Clip a gradient vector by norm or by value
    #[command(after_help = "Examples:\n  clip --norm 1 3 4\n  clip --value 1 3 -4 0.5")]
    Clip(Lazy<ClipArgs>),
    /// A 2-D linear map: matrix, determinant, eigenvalues, images, and what it does
    #[command(
        after_help = "Operations apply in the order written: 'rotate 30 then scale 2' rotates first, so M = S·R.\n\
Examples:\n  matrix rotate 30\n  matrix scale 2\n  matrix flip x\n  matrix project 1 1\n  matrix rotate 30 then scale 2 --apply 1 0\n  \
matrix shear 0.5 --axis y\n  matrix translate 1 2"
    )]
    Matrix(Lazy<MatrixArgs>),
    /// Stacked affine layers collapse to one affine map (unless an activation sits between)
    #[command(after_help = "Examples:\n  collapse 3\n  collapse 10 --width 4 --seed 7\n  collapse 10 --act tanh")]
    Collapse(Lazy<CollapseArgs>),
    /// A batch through random dense layers: how the data drifts layer by layer (mean, spread, saturation)
    #[command(
        after_help = "Each layer: Z = A·Wᵀ + bias, then (--norm) a normalisation, then A = f(Z); the input is a batch of N(0, 1) vectors.\n\
Examples:\n  forward sigmoid,tanh 20\n  forward relu 50 --init he\n  forward relu 50 --init xavier\n  forward sigmoid 10 --gain 4\n  \
forward sigmoid 30 --norm batch\n  forward tanh 30 --backward"
    )]
    Forward(Lazy<ForwardPassArgs>),
    /// One dense layer's backward pass: ∂L/∂W, ∂L/∂b, ∂L/∂x, each the shape of what it is the gradient of
    #[command(
        after_help = "z = W x + b, a = f(z); with g = ∂L/∂a: δ = g ⊙ f'(z), ∂L/∂W = δ xᵀ, ∂L/∂b = δ, ∂L/∂x = Wᵀ δ.\n\
Examples:\n  grad relu\n  grad tanh --in 4 --out 3 --seed 2\n  grad sigmoid --weights 1 2 / -1 0.5 --input 0.5 -1 --upstream 1 -2"
    )]
    Grad(Lazy<GradArgs>),
    /// softmax of a vector: e^(x_i/T) / Σ_j e^(x_j/T), accurate for any input, with its Jacobian
    #[command(
        after_help = "Examples:\n  softmax 1 2 3\n  softmax 1 2 3 --temperature 0.5 --jacobian\n  softmax 1000 1001 1002\n  softmax 1e308 -1e308 0"
    )]
    Softmax(Lazy<SoftmaxArgs>),
    /// log of softmax: x_i/T - log Σ_j e^(x_j/T), accurate in the tail
    #[command(
        name = "log_softmax",
        alias = "log-softmax",
        alias = "logsoftmax",
        after_help = "Examples:\n  log_softmax 0 -1000\n  log_softmax 1 2 3 --jacobian"
    )]
    LogSoftmax(Lazy<SoftmaxArgs>),
    /// softmin of a vector: softmax(-x), the smallest input gets the most weight
    #[command(after_help = "Examples:\n  softmin 1 2 3")]
    Softmin(Lazy<SoftmaxArgs>),
    /// Gated linear unit: a ⊗ gate(b) with its partial derivatives
    #[command(
        after_help = "Examples:\n  glu 1 2 3 4\n  glu 1 2 3 4 --gate swish\n  glu 1 2 3 4 / 5 6 7 8 / -1 0 1 2\n  glu 1 2 3 --linear 2 --gate gelu"
    )]
    Glu(Lazy<GluArgs>),
    /// Train a 2-N-1 network on XOR: with an activation it solves it, without it cannot
    #[command(
        after_help = "Examples:\n  xor\n  xor --act relu\n  xor --act none\n  xor --hidden 2 --epochs 3000 --show-gradients 0,3000"
    )]
    Xor(Lazy<XorArgs>),
    /// Plot functions and derivatives, or a gradient chain, in the terminal or as SVG
    #[command(
        after_help = "Examples:\n  plot gelu,relu\n  plot sigmoid --deriv --from -8 --to 8\n  plot chain sigmoid,tanh,relu 50\n  \
plot chain sigmoid,tanh 30 --random\n  plot gelu,gelu_tanh --deriv --svg gelu.svg"
    )]
    Plot(PlotArgs),
    /// The value of a formula with no variable: calc '2*sigmoid(2) - 1' (at the prompt, just type it)
    #[command(
        after_help = "A formula: numbers, + - * / ^, comparisons, pi e tau, the elementary functions (exp, ln, sqrt, erf, \
sin, ..., min, max, pow, if) and every catalogue or defined function: sigmoid(1), leaky_relu(-1, slope=0.2), tanh'(0.5).\n\
Examples:\n  calc '2*sigmoid(2)-1'\n  calc 'sqrt(2)/2'\n  calc \"tanh'(1)\""
    )]
    Calc {
        /// The formula (several words are joined with spaces)
        #[arg(value_name = "FORMULA", required = true, num_args = 1.., allow_hyphen_values = true, trailing_var_arg = true)]
        formula: Vec<String>,
    },
    /// Compare two functions: largest absolute, relative and ulp differences, and the cost of each
    #[command(after_help = "Examples:\n  compare gelu gelu_tanh\n  compare gelu 'x*sigmoid(1.702*x)' -4..4\n  \
compare '1-tanh(x)^2' \"tanh'\" 0..20\n  compare '2*sigmoid(2*x)-1' tanh --deriv\n  compare gelu gelu_tanh --plot")]
    Compare(Lazy<CompareArgs>),
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
}

/// What changes the session rather than computing: the prompt's and scripts' `set`,
/// `settings`, `run FILE` (also the shell's) and `exit`.
#[derive(Subcommand, Clone, Debug)]
pub enum SessionCommand {
    /// Change a setting for the rest of the session: format, precision, angle, lang, color
    #[command(
        subcommand,
        after_help = "Examples:\n  set format csv\n  set precision 6\n  set angle rad\n  set lang zh\n  set color never"
    )]
    Set(Setting),
    /// Show the session's settings
    Settings,
    /// Run a script: one command per line (# comments and blank lines skipped)
    Run {
        /// The script file
        #[arg(value_hint = clap::ValueHint::FilePath)]
        file: PathBuf,
        /// Run every line even after an error (the exit code is still 1)
        #[arg(long)]
        keep_going: bool,
    },
    /// Define a function: def NAME(x) = FORMULA, or with parameters def NAME(x; p = 1) = FORMULA
    #[command(
        after_help = "The definition is a first-class function: eval, deriv (exact, by automatic differentiation), chain, plot, \
info, compare, list and completion know it; its parameters become options (--beta). At the prompt (and as a one-shot \
command) definitions are kept in the init file (ACTLAB_INIT, else ~/.config/actlab/init) and loaded by every front end \
(--no-init skips it).\nExamples:\n  def swish(x; beta = 1) = x*sigmoid(beta*x)\n  eval swish 1 --beta 2\n  \
def lrelu(x; a = 0.01) = if(x > 0, x, a*x)\n  def tanh2(x) = 2*sigmoid(2*x)-1"
    )]
    Def {
        /// NAME(x) = FORMULA, or NAME(x; PARAM = DEFAULT, ...) = FORMULA
        #[arg(value_name = "DEFINITION", required = true, num_args = 1.., allow_hyphen_values = true, trailing_var_arg = true)]
        text: Vec<String>,
    },
    /// Define a constant: let NAME = FORMULA (computed once)
    #[command(after_help = "Examples:\n  let k = 1.702\n  let half_pi = pi/2\n  eval gelu k")]
    Let {
        /// NAME = FORMULA
        #[arg(value_name = "DEFINITION", required = true, num_args = 1.., allow_hyphen_values = true, trailing_var_arg = true)]
        text: Vec<String>,
    },
    /// List your definitions (def and let)
    #[command(after_help = "Examples:\n  defs")]
    Defs,
    /// Remove a definition (refused while another definition uses it)
    #[command(after_help = "Examples:\n  undef tanh2")]
    Undef {
        /// The name defined
        name: String,
    },
    /// Clear the screen
    #[command(alias = "cls")]
    Clear,
    /// Leave the prompt (also: quit, Ctrl-D)
    #[command(alias = "quit")]
    Exit,
}

/// `set KEY VALUE`: each setting with the values it takes.
#[derive(Subcommand, Clone, Copy, Debug, PartialEq)]
pub enum Setting {
    /// How results are printed: table, csv, tsv, json, markdown
    #[command(alias = "f")]
    Format {
        #[arg(value_enum)]
        format: crate::render::Format,
    },
    /// Significant digits in tables: 1 to 17
    #[command(alias = "p")]
    Precision {
        #[arg(value_parser = args::parse_precision, value_name = "N")]
        digits: usize,
    },
    /// Angles of matrix operations: deg or rad
    Angle {
        #[arg(value_enum)]
        unit: AngleUnit,
    },
    /// Language: en, zh
    #[command(alias = "language")]
    Lang {
        #[arg(value_enum)]
        lang: crate::i18n::Lang,
    },
    /// Colour: auto, always, never
    #[command(alias = "colour")]
    Color {
        #[arg(value_enum)]
        when: ColorChoice,
    },
}

/// Degrees or radians.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum AngleUnit {
    #[value(alias = "degrees")]
    Deg,
    #[value(alias = "radians")]
    Rad,
}

/// Any command: one that computes (in every front end) or one that changes the
/// session.
#[derive(Subcommand, Clone, Debug)]
pub enum Line {
    #[command(flatten)]
    Compute(Box<Command>),
    #[command(flatten)]
    Session(SessionCommand),
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
                  piped into it (one per line). Numbers and functions may be formulas: actlab help formulas.\nExamples:\n  actlab eval gelu 1.5\n  actlab deriv tanh 0.3 --format csv\n  echo 'eval relu -1 1' | actlab"
)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    /// In script mode (commands piped in), run every line even after an error
    #[arg(long)]
    pub keep_going: bool,
    /// Do not load the definitions kept in the init file (ACTLAB_INIT, else ~/.config/actlab/init)
    #[arg(long, global = true)]
    pub no_init: bool,
    #[command(subcommand)]
    pub command: Option<Line>,
}

/// `-f`, `-p`, `-t`, `-h`, `-V`: every short option of the grammar (read from it once).
pub fn is_short_option(word: &str) -> bool {
    // only a dash and one character can be one: other words never build the grammar
    if !(word.len() == 2 && word.starts_with('-')) {
        return false;
    }
    static SHORT: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    let short = SHORT.get_or_init(|| {
        fn walk(cmd: &clap::Command, out: &mut Vec<String>) {
            out.extend(cmd.get_arguments().filter_map(|a| a.get_short()).map(|c| format!("-{c}")));
            cmd.get_subcommands().for_each(|s| walk(s, out));
        }
        let mut out = vec!["-h".to_string(), "-V".to_string()];
        walk(&grammar(), &mut out);
        out
    });
    short.iter().any(|s| s == word)
}

/// Words that start with '-' but are numbers or ranges (`-inf`, `-2..2:0.5`, `-.5`)
/// would be read as options by clap: give them a leading space, which the number
/// parser ignores. Used on the shell's arguments and on every prompt/script line.
pub fn protect_values<I: IntoIterator<Item = String>>(words: I) -> Vec<String> {
    words
        .into_iter()
        .map(|w| {
            // a word that starts like a number is one, even a malformed one: the number
            // parser then says what is wrong with it (not clap's "unexpected argument")
            let numberish = w.starts_with('-') && w[1..].starts_with(|c: char| c.is_ascii_digit() || c == '.');
            // -f, -p, -t are options even when a definition names f, p or t (asked
            // last: the answer builds the whole grammar, and -f csv needs no answer)
            if w.len() > 1
                && w.starts_with('-')
                && !w.starts_with("--")
                && (numberish || input::parse_x(&w).is_ok())
                && !is_short_option(&w)
            {
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
        return Err(Error::Interrupted);
    }
    Ok(())
}

/// Whether long commands may show progress on stderr: set per command when stderr
/// is a terminal and the output is a table (never in pipes or machine formats).
pub static SHOW_PROGRESS: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// The prompt's Ctrl-C, and a progress bar on stderr for work that takes more than
/// a second (when [`SHOW_PROGRESS`] allows), as an [`crate::interrupt::Interrupt`].
pub struct Watch {
    /// Set by the caller to stop the work for its own reason (its output failed).
    pub failed: std::cell::Cell<bool>,
    start: std::time::Instant,
    bar: std::cell::RefCell<Option<indicatif::ProgressBar>>,
    show: bool,
}

impl crate::interrupt::Interrupt for Watch {
    fn interrupted(&self) -> bool {
        INTERRUPTED.load(std::sync::atomic::Ordering::Relaxed) || self.failed.get()
    }

    fn progress(&self, done: u64, total: u64) {
        if !self.show {
            return;
        }
        let mut bar = self.bar.borrow_mut();
        if bar.is_none() {
            if self.start.elapsed() < std::time::Duration::from_secs(1) {
                return;
            }
            let b = indicatif::ProgressBar::with_draw_target(Some(total), indicatif::ProgressDrawTarget::stderr());
            if let Ok(style) = indicatif::ProgressStyle::with_template(&format!(
                "{{bar:40}} {{percent:>3}}% {{elapsed}} {}",
                crate::t!("progress-stop")
            )) {
                b.set_style(style);
            }
            *bar = Some(b);
        }
        if let Some(b) = bar.as_ref() {
            b.set_length(total);
            b.set_position(done);
        }
    }
}

impl Drop for Watch {
    fn drop(&mut self) {
        if let Some(b) = self.bar.borrow_mut().take() {
            b.finish_and_clear();
        }
    }
}

/// The prompt's Ctrl-C (and progress on a terminal) for long computations.
pub fn ctrl_c() -> Watch {
    Watch {
        failed: std::cell::Cell::new(false),
        start: std::time::Instant::now(),
        bar: std::cell::RefCell::new(None),
        show: SHOW_PROGRESS.load(std::sync::atomic::Ordering::Relaxed),
    }
}

impl From<crate::interrupt::Interrupted> for Error {
    fn from(_: crate::interrupt::Interrupted) -> Error {
        INTERRUPTED.store(false, std::sync::atomic::Ordering::Relaxed);
        Error::Interrupted
    }
}

/// What went wrong, and so which exit code: 2 for how a command was written, 1 for a
/// command that could not be carried out (or output that could not be written), 130
/// for Ctrl-C.
#[derive(Debug)]
pub enum Error {
    /// The command is written wrong (unknown name, bad number, missing argument).
    Usage(String),
    /// The command could not be carried out (a file, a bad token on stdin).
    Failed(String),
    /// Ctrl-C stopped it.
    Interrupted,
    /// Reading or writing failed (a closed pipe among them).
    Io(std::io::Error),
}

impl Error {
    /// Ctrl-C stopped the command.
    pub fn is_interrupt(&self) -> bool {
        matches!(self, Error::Interrupted)
    }

    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Usage(_) => 2,
            Error::Interrupted => 130,
            Error::Failed(_) | Error::Io(_) => 1,
        }
    }
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::Usage(m) | Error::Failed(m) => f.write_str(m),
            Error::Interrupted => f.write_str(&crate::t!("interrupted")),
            Error::Io(e) => f.write_str(&crate::i18n::io_error(e)),
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

/// Run one command, writing its results into `sink`. If it fails half-way, what it
/// produced before the failure is still written (the sink is ended).
pub fn execute(cmd: &Command, ctx: &mut Context, sink: &mut dyn Sink) -> Result<(), Error> {
    let r = run_command(cmd, ctx, sink);
    if r.is_err() {
        // best effort: the error itself is what gets reported
        let _ = sink.abort().and_then(|_| sink.finish());
        return r;
    }
    sink.finish()?;
    r
}

fn run_command(cmd: &Command, ctx: &mut Context, sink: &mut dyn Sink) -> Result<(), Error> {
    match cmd {
        Command::Eval(a) => eval::eval(a, false, ctx, sink),
        Command::Deriv(a) => eval::eval(a, true, ctx, sink),
        Command::List => info::list(sink),
        Command::Chain(a) => chain::chain(a, sink),
        Command::Clip(a) => chain::clip(a, sink),
        Command::Matrix(a) => linear::matrix(a, ctx.radians, sink),
        Command::Collapse(a) => linear::collapse(a, sink),
        Command::Glu(a) => linear::glu(a, ctx, sink),
        Command::Xor(a) => linear::xor(a, sink),
        Command::Plot(a) => plot::plot(a, sink),
        Command::Completions { shell } => {
            let mut buf = Vec::new();
            crate::i18n::help::while_localising(|| {
                clap_complete::generate(*shell, &mut localised(), "actlab", &mut buf)
            });
            sink.verbatim(&String::from_utf8_lossy(&buf))?;
            Ok(())
        }
        Command::Manpage => {
            let mut buf = Vec::new();
            clap_mangen::Man::new(grammar()).render(&mut buf)?;
            sink.verbatim(&String::from_utf8_lossy(&buf))?;
            Ok(())
        }
        Command::Info(a) => info::info(&a.function, &a.params, ctx, sink),
        Command::Calc { formula } => compare::calc(&formula.join(" "), ctx, sink),
        Command::Compare(a) => compare::compare(a, sink),
        Command::Forward(a) => forward::forward(a, sink),
        Command::Grad(a) => linear::grad(a, sink),
        Command::Softmax(a) => linear::softmax(a, crate::activation::softmax::Kind::Softmax, sink),
        Command::LogSoftmax(a) => linear::softmax(a, crate::activation::softmax::Kind::LogSoftmax, sink),
        Command::Softmin(a) => linear::softmax(a, crate::activation::softmax::Kind::Softmin, sink),
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

/// The whole grammar, every command's arguments included (the shell parses with
/// `Cli::command()`, whose commands add their arguments only when used: `Lazy`).
pub fn grammar() -> clap::Command {
    crate::i18n::help::while_localising(|| {
        let mut cli = localised();
        cli.build();
        cli
    })
}

/// `Cli::command()` with its help in the current language (its commands' arguments
/// are localised as they are added: `Lazy`).
pub fn localised() -> clap::Command {
    use clap::CommandFactory;
    crate::i18n::localise_command(Cli::command())
}

/// Parse words (the program name first) with the grammar in the current language.
pub fn parse_cli<I, T>(words: I) -> Result<Cli, clap::Error>
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    use clap::error::ErrorKind;
    use clap::{CommandFactory, FromArgMatches};
    let words: Vec<T> = words.into_iter().collect();
    // the grammar's help is only read when help is shown: parse with the English
    // grammar (the same arguments), and build the translated one for help alone
    match Cli::command().try_get_matches_from(words.iter().cloned()) {
        Ok(mut m) => Cli::from_arg_matches_mut(&mut m),
        Err(e)
            if crate::i18n::is_zh()
                && matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand) =>
        {
            let mut m = crate::i18n::help::while_localising(|| localised().try_get_matches_from(words))?;
            Cli::from_arg_matches_mut(&mut m)
        }
        Err(e) => Err(e),
    }
}

/// Names of every command (for suggestions).
pub fn command_names() -> Vec<String> {
    use clap::CommandFactory;
    Cli::command()
        .get_subcommands()
        .flat_map(|c| std::iter::once(c.get_name().to_string()).chain(c.get_all_aliases().map(str::to_string)))
        .collect()
}
