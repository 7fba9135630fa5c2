//! The `actlab` binary: chooses a front end (one-shot command, script mode or the
//! prompt), a renderer and where to write. Everything else lives in the library.

mod repl;

use actlab::command::line::Session;
use actlab::command::{Cli, ColorChoice, Command, Context, Error, execute, protect_values, style_for};
use actlab::render::{self, Style};
use clap::Parser;
use std::io::{self, BufRead, BufWriter, IsTerminal, Write};

/// Colour for one stream: --color wins, then CLICOLOR_FORCE, then NO_COLOR, then
/// whether the stream is a terminal.
pub fn use_color(choice: Option<ColorChoice>, is_terminal: bool) -> bool {
    match choice {
        Some(ColorChoice::Always) => true,
        Some(ColorChoice::Never) => false,
        _ => {
            if std::env::var_os("CLICOLOR_FORCE").is_some_and(|v| !v.is_empty() && v != "0") {
                true
            } else if std::env::var_os("NO_COLOR").is_some() {
                false
            } else {
                is_terminal
            }
        }
    }
}

fn is_broken_pipe(e: &Error) -> bool {
    matches!(e, Error::Io(io) if io.kind() == io::ErrorKind::BrokenPipe)
}

fn report(err: &mut dyn Write, color: bool, e: &Error) {
    let tag = if color { "\x1b[1;31merror:\x1b[0m" } else { "error:" };
    let _ = writeln!(err, "{tag} {e}");
}

fn main() {
    #[cfg(all(target_arch = "x86_64", target_feature = "fma"))]
    if !std::arch::is_x86_feature_detected!("fma") {
        eprintln!(
            "actlab: this build uses the FMA instruction (see .cargo/config.toml), which this CPU lacks; \
             rebuild with RUSTFLAGS=\"\" cargo build --release"
        );
        std::process::exit(1);
    }
    std::process::exit(real_main());
}

fn real_main() -> i32 {
    let cli = match Cli::try_parse_from(protect_values(std::env::args())) {
        Ok(c) => c,
        Err(e) if e.kind() == clap::error::ErrorKind::InvalidSubcommand => {
            // the same message as at the prompt: unknown command 'evl' (did you mean 'eval'?)
            let word = std::env::args().nth(1).unwrap_or_default();
            let word = std::env::args().skip(1).find(|a| !a.starts_with('-')).unwrap_or(word);
            let msg = actlab::command::line::parse_line(&shlex::try_quote(&word).unwrap_or_default())
                .err()
                .map_or_else(|| e.render().to_string(), |m| m.to_string());
            eprintln!("error: {msg}");
            return 2;
        }
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { 2 } else { 0 };
        }
    };
    let out_tty = io::stdout().is_terminal();
    let err_color = use_color(cli.global.color, io::stderr().is_terminal());
    let term_width = if out_tty { terminal_size::terminal_size().map(|(w, _)| w.0) } else { None };
    let base = Style { color: use_color(cli.global.color, out_tty), term_width, ..Style::default() };
    let base = style_for(base, &cli.global);
    colored::control::set_override(true);

    let stdout = io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    let mut err = io::stderr();
    let stdin = io::stdin();

    let result: Result<i32, Error> = match &cli.command {
        None if stdin.is_terminal() => {
            drop(out);
            return repl::run(base, err_color);
        }
        None => {
            // script mode: commands come from stdin, so '-' has nothing to read
            let mut script = stdin.lock();
            let mut session = Session::new(base, None);
            session.run_script(&mut script, None, cli.keep_going, &mut out, &mut err).map(|n| i32::from(n > 0))
        }
        Some(Command::Run { file, keep_going }) => {
            let name = file.display().to_string();
            match std::fs::File::open(file) {
                Ok(f) => {
                    let mut script = io::BufReader::new(f);
                    let mut input = stdin.lock();
                    let mut session = Session::new(base, Some(&mut input as &mut dyn BufRead));
                    session
                        .run_script(&mut script, Some(&name), *keep_going || cli.keep_going, &mut out, &mut err)
                        .map(|n| i32::from(n > 0))
                }
                Err(e) => Err(Error::Failed(format!("cannot open '{name}': {e}"))),
            }
        }
        Some(Command::Exit) => Ok(0),
        Some(Command::Set { .. } | Command::Settings) => Err(Error::Usage(
            "set and settings change a prompt or script session; in the shell use options: --format, --precision, --color, --rad"
                .into(),
        )),
        Some(cmd) => {
            let mut input = stdin.lock();
            let mut ctx = Context { stdin: Some(&mut input), style: base, radians: false };
            let mut sink = render::sink(base, &mut out);
            execute(cmd, &mut ctx, sink.as_mut()).map(|_| 0)
        }
    };
    let flushed = out.flush();
    match result {
        Ok(code) => match flushed {
            Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
                report(&mut err, err_color, &Error::Io(e));
                1
            }
            _ => code,
        },
        Err(e) if is_broken_pipe(&e) => 0,
        Err(e) => {
            report(&mut err, err_color, &e);
            e.exit_code()
        }
    }
}
