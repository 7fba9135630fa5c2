//! The interactive prompt (rustyline). Each line goes through the same parser and
//! session as scripts; errors are shown and the prompt carries on.

use actlab::command::Error;
use actlab::command::line::{Outcome, Session};
use actlab::render::Style;
use rustyline::DefaultEditor;
use rustyline::error::ReadlineError;
use std::io::{self, Write};

pub fn run(style: Style, err_color: bool) -> i32 {
    let mut rl = match DefaultEditor::new() {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: cannot start the prompt: {e}");
            return 1;
        }
    };
    println!(
        "actlab {} — try: eval gelu 1.5 · deriv tanh 0.3 · list · info gelu · help · Ctrl-D to leave",
        env!("CARGO_PKG_VERSION")
    );
    let mut session = Session::new(style, None);
    loop {
        match rl.readline("actlab> ") {
            Ok(line) => {
                if !line.trim().is_empty() {
                    let _ = rl.add_history_entry(line.as_str());
                }
                let stdout = io::stdout();
                let mut out = stdout.lock();
                let mut err = io::stderr();
                match session.run_line(&line, &mut out, &mut err) {
                    Ok(Outcome::Continue) => {}
                    Ok(Outcome::Exit) => return 0,
                    Err(e) => {
                        let _ = out.flush();
                        super::report(&mut err, err_color, &e);
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
