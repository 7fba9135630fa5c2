//! Helpers shared by the integration tests that drive the binary.

use assert_cmd::Command;

/// The binary, with the colour environment cleared.
pub fn actlab() -> Command {
    let mut c = Command::cargo_bin("actlab").unwrap();
    c.env_remove("NO_COLOR").env_remove("CLICOLOR_FORCE");
    c
}

/// Stdout of a command that must succeed.
#[allow(dead_code)] // not every test crate uses it
pub fn stdout_of(args: &[&str]) -> String {
    let out = actlab().args(args).output().unwrap();
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}
