//! The `actlab` binary: chooses a front end (one-shot command, script mode or the
//! prompt), a renderer and where to write. Everything else lives in the library.

mod repl;

use actlab::command::line::Session;
use actlab::command::{ColorChoice, Error, Line, SessionCommand, protect_values, style_for};
use actlab::render::Style;
use actlab::t;
use std::io::{self, BufRead, BufWriter, IsTerminal, Write};
use std::process::ExitCode;

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
    let plain = t!("error-tag");
    let tag = actlab::render::palette::color(&plain, actlab::render::palette::Role::Error, color);
    let _ = writeln!(err, "{}", actlab::i18n::tagged(&tag, &plain, &actlab::shown::message(&e.to_string())));
}

/// The program's arguments as text, or a message naming the one that is not UTF-8.
fn arguments() -> Result<Vec<String>, String> {
    std::env::args_os()
        .enumerate()
        .map(|(i, a)| a.into_string().map_err(|a| t!("argument-not-utf8", index = i, text = format!("{a:?}"))))
        .collect()
}

/// Standard output was closed by the caller (`actlab ... >&-`). Rust's start-up puts
/// /dev/null, opened for reading and writing, on a closed standard descriptor, so
/// every write would vanish: that is what is looked for (a shell's `> /dev/null`
/// opens it for writing only).
fn stdout_is_closed() -> bool {
    #[cfg(target_os = "linux")]
    // SAFETY: fcntl(F_GETFL) and fstat only read the state of fd 1 into `st`.
    unsafe {
        let flags = libc::fcntl(1, libc::F_GETFL);
        if flags == -1 {
            return true;
        }
        let mut st: libc::stat = std::mem::zeroed();
        flags & libc::O_ACCMODE == libc::O_RDWR
            && libc::fstat(1, &mut st) == 0
            && st.st_mode & libc::S_IFMT == libc::S_IFCHR
            && st.st_rdev == libc::makedev(1, 3)
    }
    #[cfg(not(target_os = "linux"))]
    false
}

/// If standard input is a pipe, ask for a 1 MiB pipe buffer (Linux; 64 KiB by default)
/// so that a fast producer fills whole chunks and each read brings more.
fn grow_stdin_pipe() {
    #[cfg(target_os = "linux")]
    // SAFETY: fcntl on fd 0 with F_SETPIPE_SZ only resizes a pipe's buffer; on
    // anything else (a file, a terminal) it fails with EBADF/EINVAL and changes nothing.
    unsafe {
        libc::fcntl(0, libc::F_SETPIPE_SZ, 1 << 20);
    }
}

fn main() -> ExitCode {
    #[cfg(all(target_arch = "x86_64", target_feature = "avx2"))]
    {
        use std::arch::is_x86_feature_detected as has;
        if !(has!("avx2") && has!("fma") && has!("bmi1") && has!("bmi2") && has!("lzcnt") && has!("movbe")) {
            eprintln!(
                "actlab: this build targets x86-64-v3 CPUs (AVX2, FMA, BMI2; see .cargo/config.toml), which this \
                 CPU is not; rebuild with: cargo clean && TARGET_CPU=x86-64 RUSTFLAGS=\"\" cargo build --release"
            );
            return ExitCode::FAILURE;
        }
    }
    // a panic is a bug; it is reported as an internal error by whoever catches it
    // (each prompt or script line, and main below), not printed by the default hook
    std::panic::set_hook(Box::new(|_| {}));
    let code = std::panic::catch_unwind(real_main).unwrap_or_else(|payload| {
        let what = actlab::command::line::panic_text(payload.as_ref());
        report(&mut io::stderr(), false, &Error::Failed(t!("internal-error", what = what)));
        1
    });
    ExitCode::from(code)
}

fn real_main() -> u8 {
    // the language first: every message, and the grammar's help, is in it
    actlab::i18n::set(actlab::i18n::from_env());
    let args = match arguments() {
        Ok(a) => a,
        Err(m) => {
            report(&mut io::stderr(), false, &Error::Usage(m));
            return 2;
        }
    };
    if let Some(lang) = actlab::i18n::lang_in_words(&args) {
        actlab::i18n::set(lang);
    }
    let max = actlab::command::line::MAX_LINE;
    if args.iter().map(|a| a.len() + 1).sum::<usize>() > max {
        let m = t!("arguments-too-long", mib = max >> 20);
        report(&mut io::stderr(), false, &Error::Usage(m));
        return 2;
    }
    if stdout_is_closed() {
        report(&mut io::stderr(), false, &Error::Failed(t!("stdout-closed")));
        return 1;
    }
    if args.len() == 3 && args[1] == "help" && matches!(args[2].as_str(), "formulas" | "formula") {
        let mut out = io::stdout().lock();
        let _ = out.write_all(actlab::messages::formula_help().as_bytes()).and_then(|_| out.flush());
        return 0;
    }
    // the kept definitions come first: a command may use them (eval swish 1, --beta, let k)
    let defs = actlab::defs::Shared::default();
    let init = if args.iter().any(|a| a == "--no-init") { None } else { actlab::defs::init_path() };
    if let Some(path) = &init {
        for problem in actlab::command::line::load_init(&defs, path) {
            let tag = t!("warning-tag");
            let _ = writeln!(io::stderr(), "{}", actlab::i18n::tagged(&tag, &tag, &problem));
        }
    }
    let _installed = actlab::defs::install(&defs);
    let cli = match actlab::command::parse_cli(protect_values(args.iter().cloned())) {
        Ok(c) => c,
        Err(e) if e.kind() == clap::error::ErrorKind::InvalidSubcommand => {
            // the same as at the prompt: a formula is computed (actlab '2*sigmoid(2)-1'), a
            // mistyped command named (unknown command 'evl' (did you mean 'eval'?))
            let line: Vec<String> =
                args.iter().skip(1).map(|a| shlex::try_quote(a).map(|q| q.to_string()).unwrap_or_default()).collect();
            match actlab::command::line::parse_line(&line.join(" ")) {
                Ok(actlab::command::line::Parsed::Command(c)) => *c,
                Err(m) => {
                    report(&mut io::stderr(), false, &m);
                    return 2;
                }
                _ => {
                    report(&mut io::stderr(), false, &Error::Usage(actlab::command::line::clap_message(&e)));
                    return 2;
                }
            }
        }
        Err(e) if e.use_stderr() => {
            // the same one-line message as at the prompt and in scripts
            report(&mut io::stderr(), false, &Error::Usage(actlab::command::line::clap_message(&e)));
            return 2;
        }
        Err(e) => {
            // --help, --version: a failed write (a full disk) is an error, not success
            let mut out = io::stdout().lock();
            return match write!(out, "{}", actlab::i18n::localise_help_text(&e.render().to_string()))
                .and_then(|_| out.flush())
            {
                Err(w) if w.kind() != io::ErrorKind::BrokenPipe => {
                    report(
                        &mut io::stderr(),
                        false,
                        &Error::Failed(t!("cannot-write", error = actlab::i18n::io_error(&w))),
                    );
                    1
                }
                _ => 0,
            };
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

    let result: Result<u8, Error> = match &cli.command {
        None if stdin.is_terminal() => {
            drop(out);
            return repl::run(base, err_color, defs, init);
        }
        None => {
            // script mode: commands come from stdin, so '-' has nothing to read
            let mut script = stdin.lock();
            let mut session = Session::new(base, None);
            session.defs = defs.clone();
            session.run_script(&mut script, None, cli.keep_going, &mut out, &mut err).map(|n| u8::from(n > 0))
        }
        Some(Line::Session(SessionCommand::Run { file, keep_going })) => {
            let mut input = stdin.lock();
            let mut session = Session::new(base, Some(&mut input as &mut dyn BufRead));
            session.defs = defs.clone();
            session.run_file(file, *keep_going || cli.keep_going, &mut out, &mut err).map(|n| u8::from(n > 0))
        }
        Some(Line::Session(SessionCommand::Exit | SessionCommand::Clear)) => Ok(0),
        Some(Line::Session(SessionCommand::Set(_) | SessionCommand::Settings)) => Err(Error::Usage(t!("set-in-shell"))),
        Some(Line::Compute(_) | Line::Session(SessionCommand::Def { .. } | SessionCommand::Let { .. }))
        | Some(Line::Session(SessionCommand::Defs | SessionCommand::Undef { .. })) => {
            // the same session code as the prompt's and a script's lines
            grow_stdin_pipe();
            let mut input = stdin.lock();
            let mut session = Session::new(base, Some(&mut input as &mut dyn BufRead));
            session.defs = defs.clone();
            // a definition given as a command is kept, as at the prompt
            session.keep_in = init.clone();
            session.progress = io::stderr().is_terminal();
            actlab::command::line::catch_panic(|| session.run(&cli, &mut out, &mut err)).map(|_| 0)
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
