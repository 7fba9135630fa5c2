//! The interactive prompt (rustyline): completion, hints and highlighting from the
//! clap definition (`helper`), persistent history saved after every line, Ctrl-C
//! clears the line or stops the running command, Ctrl-D leaves. Each line goes
//! through the same parser and session as scripts.

use actlab::command::line::{Outcome, Session};
use actlab::command::{Error, INTERRUPTED};
use actlab::render::Style;
use actlab::render::palette::{Role, color};
use actlab::t;
use rustyline::error::ReadlineError;
use rustyline::history::DefaultHistory;
use rustyline::{CompletionType, Config, Editor};
use std::io::{self, Write};
use std::path::PathBuf;
use std::sync::atomic::Ordering;

/// ACTLAB_HISTORY, else $XDG_STATE_HOME/actlab/history, else ~/.local/state/actlab/history.
/// An empty ACTLAB_HISTORY keeps no history.
pub fn history_path() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("ACTLAB_HISTORY") {
        return if p.is_empty() { None } else { Some(PathBuf::from(p)) };
    }
    let state = std::env::var_os("XDG_STATE_HOME")
        .filter(|s| !s.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local/state")))?;
    Some(state.join("actlab").join("history"))
}

/// Numbers typed at the prompt for `-` (`eval gelu -`): lines read from the terminal
/// until an empty line or Ctrl-D, then the end of the input for that command.
struct TypedNumbers {
    line: Vec<u8>,
    pos: usize,
    /// This command's input has ended; the loop clears it before the next line.
    done: std::rc::Rc<std::cell::Cell<bool>>,
    /// The hint was shown for this command.
    told: bool,
}

impl io::Read for TypedNumbers {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let avail = io::BufRead::fill_buf(self)?;
        let n = avail.len().min(buf.len());
        buf[..n].copy_from_slice(&avail[..n]);
        io::BufRead::consume(self, n);
        Ok(n)
    }
}

impl io::BufRead for TypedNumbers {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        if self.pos >= self.line.len() && !self.done.get() {
            if !self.told {
                eprintln!("(type numbers, several on a line if you like; an empty line or Ctrl-D ends them)");
                self.told = true;
            }
            self.line.clear();
            self.pos = 0;
            let n = io::BufRead::read_until(&mut io::stdin().lock(), b'\n', &mut self.line)?;
            if n == 0 || self.line.iter().all(u8::is_ascii_whitespace) {
                self.done.set(true);
                self.line.clear();
                self.told = false;
            }
        }
        Ok(&self.line[self.pos..])
    }

    fn consume(&mut self, n: usize) {
        self.pos += n;
    }
}

pub fn run(style: Style, err_color: bool, defs: actlab::defs::Shared, init: Option<PathBuf>) -> u8 {
    let config = Config::builder()
        .completion_type(CompletionType::List)
        .auto_add_history(false)
        .history_ignore_dups(true)
        .and_then(|b| b.max_history_size(10_000))
        .map(|b| b.build())
        .unwrap_or_default();
    let mut rl: Editor<actlab::prompt::ActlabHelper, DefaultHistory> = match Editor::with_config(config) {
        Ok(r) => r,
        Err(e) => {
            let tag = t!("error-tag");
            eprintln!("{}", actlab::i18n::tagged(&tag, &tag, &t!("prompt-cannot-start", error = e)));
            return 1;
        }
    };
    rl.set_helper(Some(actlab::prompt::ActlabHelper::new(style.color)));
    let mut history = history_path();
    if let Some(p) = &history {
        if let Some(dir) = p.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        let _ = rl.load_history(p);
    }
    // Ctrl-C while a command runs stops that command, not the prompt
    let _ = ctrlc::set_handler(|| INTERRUPTED.store(true, Ordering::Relaxed));
    let dim = |s: &str| color(s, Role::Dim, style.color);
    // the banner wraps between words at the terminal's width
    let cols = terminal_size::terminal_size().map_or(80, |(w, _)| usize::from(w.0));
    let banner = actlab::render::wrap(&t!("banner", version = env!("CARGO_PKG_VERSION")), cols.max(20));
    let (first, rest) = banner.split_once(' ').unwrap_or((&banner, ""));
    println!("{first} {}", dim(rest));
    let done = std::rc::Rc::new(std::cell::Cell::new(false));
    let mut typed = TypedNumbers { line: Vec::new(), pos: 0, done: done.clone(), told: false };
    let mut session = Session::new(style, Some(&mut typed));
    session.defs = defs;
    session.keep_in = init;
    session.progress = io::IsTerminal::is_terminal(&io::stderr());
    // the helper (completion, preview) sees the session's definitions
    let _installed = actlab::defs::install(&session.defs);
    loop {
        let prompt = format!("{} ", color("actlab>", Role::Prompt, session.style.color));
        if let Some(h) = rl.helper_mut() {
            h.color = session.style.color;
        }
        match rl.readline(&prompt) {
            Ok(line) => {
                if !line.trim().is_empty() {
                    let _ = rl.add_history_entry(line.as_str());
                    if let Some(p) = &history
                        && let Err(e) = rl.append_history(p)
                    {
                        super::report(
                            &mut io::stderr(),
                            err_color,
                            &Error::Failed(t!("history-cannot-save", path = p.display(), error = e)),
                        );
                        history = None;
                    }
                }
                INTERRUPTED.store(false, Ordering::Relaxed);
                // '-' reads what is typed next, anew for each command
                done.set(false);
                let stdout = io::stdout();
                let mut out = stdout.lock();
                let mut err = io::stderr();
                match actlab::command::line::catch_panic(|| session.run_line(&line, &mut out, &mut err)) {
                    Ok(Outcome::Continue) => {}
                    Ok(Outcome::Exit) => return 0,
                    Err(e) => {
                        let _ = out.flush();
                        super::report(&mut err, session.style.color && err_color, &e);
                    }
                }
                let _ = out.flush();
            }
            Err(ReadlineError::Interrupted) => continue,
            Err(ReadlineError::Eof) => return 0,
            Err(e) => {
                super::report(&mut io::stderr(), err_color, &Error::Failed(format!("{e}")));
                return 1;
            }
        }
    }
}
