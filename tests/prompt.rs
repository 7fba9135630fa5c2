//! The prompt in a real pseudo-terminal (rexpect): completion, live preview,
//! history recall and persistence, Ctrl-C, Ctrl-D, help, settings.
#![cfg(unix)]

use rexpect::session::{PtySession, spawn_command};
use std::path::Path;

fn prompt(history: &Path) -> PtySession {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_actlab"));
    cmd.env("LC_ALL", "C.UTF-8");
    cmd.env("ACTLAB_HISTORY", history).env("NO_COLOR", "1").env("TERM", "xterm").env_remove("CLICOLOR_FORCE");
    // definitions go beside the history, never into the user's own init file
    cmd.env("ACTLAB_INIT", history.with_extension("init"));
    let mut p = spawn_command(cmd, Some(10_000)).unwrap();
    p.exp_string("actlab>").unwrap();
    p
}

/// After Ctrl-C, give the prompt a moment before typing on (a person cannot type
/// within the same read as the ^C; rustyline drops the rest of that read).
fn settle() {
    std::thread::sleep(std::time::Duration::from_millis(300));
}

fn exit_code(mut p: PtySession) -> String {
    // let the last command finish and the prompt take the terminal back first
    std::thread::sleep(std::time::Duration::from_millis(400));
    p.send_control('d').unwrap();
    p.flush().unwrap();
    format!("{:?}", p.process().wait().unwrap())
}

#[test]
fn tab_completes_commands_and_function_names() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = prompt(&dir.path().join("h"));
    p.send("ev\t").unwrap();
    p.flush().unwrap();
    p.exp_string("eval").unwrap();
    p.send(" leaky\t").unwrap();
    p.flush().unwrap();
    p.exp_string("leaky_relu").unwrap();
    p.send(" 2 -f csv\r").unwrap();
    p.flush().unwrap();
    p.exp_string("2,2").unwrap();
    p.send("matrix rot\t").unwrap();
    p.flush().unwrap();
    p.exp_string("rotate").unwrap();
    p.send(" 90 --for\t").unwrap();
    p.flush().unwrap();
    p.exp_string("--format").unwrap();
    p.send(" cs\t\r").unwrap();
    p.flush().unwrap();
    p.exp_string("M row 1,0,-1").unwrap();
    assert!(exit_code(p).ends_with(", 0)"));
}

#[test]
fn hint_previews_the_result() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = prompt(&dir.path().join("h"));
    p.send("eval gelu 1.5").unwrap();
    p.flush().unwrap();
    // (rexpect reads bytes one by one: expect ASCII only)
    p.exp_string("gelu(1.5) = 1.399789198").unwrap();
    p.send_control('c').unwrap();
    settle();
    p.exp_string("actlab>").unwrap();
    assert!(exit_code(p).ends_with(", 0)"));
}

#[test]
fn history_is_recalled_and_kept_across_sessions() {
    let dir = tempfile::tempdir().unwrap();
    let h = dir.path().join("state").join("history");
    let mut p = prompt(&h);
    p.send_line("eval relu 41").unwrap();
    p.flush().unwrap();
    p.exp_string("41").unwrap();
    p.exp_string("actlab>").unwrap();
    // Up recalls it in the same session
    p.send("\x1b[A").unwrap();
    p.flush().unwrap();
    p.exp_string("eval relu 41").unwrap();
    p.send_control('c').unwrap();
    settle();
    p.exp_string("actlab>").unwrap();
    assert!(exit_code(p).ends_with(", 0)"));
    // saved after the line, so a new session has it
    let text = std::fs::read_to_string(&h).unwrap();
    assert!(text.contains("eval relu 41"), "{text}");
    let mut q = prompt(&h);
    q.send("\x1b[A").unwrap();
    q.flush().unwrap();
    q.exp_string("eval relu 41").unwrap();
    q.send("\r").unwrap();
    q.flush().unwrap();
    q.exp_string("41").unwrap();
    assert!(exit_code(q).ends_with(", 0)"));
}

#[test]
fn ctrl_c_clears_the_line_and_stops_a_long_command() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = prompt(&dir.path().join("h"));
    p.send("eval gelu 123").unwrap();
    p.flush().unwrap();
    p.send_control('c').unwrap();
    settle();
    p.exp_string("actlab>").unwrap();
    p.send_line("chain gelu 100000000 --random").unwrap();
    p.flush().unwrap();
    std::thread::sleep(std::time::Duration::from_millis(300));
    p.send_control('c').unwrap();
    settle();
    p.exp_string("interrupted").unwrap();
    p.send_line("eval relu 7 -f csv").unwrap();
    p.flush().unwrap();
    p.exp_string("7,7").unwrap();
    assert!(exit_code(p).ends_with(", 0)"));
}

#[test]
fn help_settings_errors_and_exit() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = prompt(&dir.path().join("h"));
    p.send_line("help").unwrap();
    p.flush().unwrap();
    // the prompt's own help, not the shell's usage
    p.exp_string("Commands (help COMMAND shows its options and examples):").unwrap();
    p.exp_string("Ctrl-D or exit leaves").unwrap();
    p.send_line("help chain").unwrap();
    p.flush().unwrap();
    p.exp_string("chain sigmoid 20 --at 0").unwrap();
    p.send_line("set precision 3").unwrap();
    p.flush().unwrap();
    p.exp_string("actlab>").unwrap();
    p.send_line("eval gelu 1.5").unwrap();
    p.flush().unwrap();
    p.exp_string(" 1.4 ").unwrap();
    p.send_line("eval gelus 1").unwrap();
    p.flush().unwrap();
    p.exp_string("did you mean 'gelu'").unwrap();
    p.send_line("exit").unwrap();
    p.flush().unwrap();
    let status = format!("{:?}", p.process().wait().unwrap());
    assert!(status.ends_with(", 0)"), "{status}");
}

#[test]
fn an_unwritable_history_warns_once_and_carries_on() {
    let mut p = prompt(Path::new("/proc/actlab-no-such-dir/history"));
    p.send_line("eval relu 1").unwrap();
    p.flush().unwrap();
    p.exp_string("cannot save history").unwrap();
    p.send_line("eval relu 2").unwrap();
    p.flush().unwrap();
    p.exp_string("actlab>").unwrap();
    assert!(exit_code(p).ends_with(", 0)"));
}

#[test]
fn formulas_and_definitions_at_the_prompt() {
    let dir = tempfile::tempdir().unwrap();
    let history = dir.path().join("h");
    let mut p = prompt(&history);
    // a definition is kept, completed, previewed and used bare
    p.send_line("def myswish(x; beta = 1) = x*sigmoid(beta*x)").unwrap();
    p.exp_string("defined myswish").unwrap();
    p.exp_string("actlab>").unwrap();
    p.send("eval mysw").unwrap();
    p.send("\t").unwrap();
    p.flush().unwrap();
    p.exp_string("eval myswish").unwrap();
    settle();
    p.send(" 1 --beta 2 -f csv\r").unwrap();
    p.flush().unwrap();
    p.exp_string("1,0.8807970779778824").unwrap();
    // a line that is a formula is computed; primes and open parentheses need no quotes
    p.send_line("2*sigmoid(2)-1").unwrap();
    p.exp_string("0.761594156").unwrap();
    p.send_line("eval leaky_relu(x, slope=0.2),sigmoid' -1 -f csv").unwrap();
    p.exp_string("-1,-0.2,0.19661193324148185").unwrap();
    // a mistake is pointed at, and the prompt goes on
    p.send_line("eval x*sigmoud(x) 1").unwrap();
    p.exp_string("did you mean 'sigmoid'?").unwrap();
    p.exp_string("^^^^^^^").unwrap();
    assert!(exit_code(p).ends_with(", 0)"));
    let kept = std::fs::read_to_string(history.with_extension("init")).unwrap();
    assert_eq!(kept, "def myswish(x; beta = 1) = x*sigmoid(beta*x)\n");
    // the next session has it
    let mut p = prompt(&history);
    p.send_line("eval myswish 1 -f csv").unwrap();
    p.exp_string("1,0.7310585786300049").unwrap();
    assert!(exit_code(p).ends_with(", 0)"));
}
