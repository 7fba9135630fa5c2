//! The session's definitions (`def`, `let`) where every front end finds them: the
//! session owns them, and installs them for the thread while it parses and runs a
//! line, so that the value parsers of the grammar (which clap calls with only the
//! word) can read `-pi/4` or `k` (a `let`), and so can the prompt's helper. Also the
//! init file that keeps definitions between sessions.

use crate::formula::Definitions;
use std::cell::RefCell;
use std::rc::Rc;

/// A session's definitions, shared with the prompt's helper.
pub type Shared = Rc<RefCell<Definitions>>;

thread_local! {
    static CURRENT: RefCell<Shared> = RefCell::new(Rc::new(RefCell::new(Definitions::new())));
}

/// While alive, `defs` are the thread's current definitions; the previous ones come
/// back when it is dropped.
pub struct Installed {
    previous: Option<Shared>,
}

/// Make `defs` current until the returned guard is dropped.
pub fn install(defs: &Shared) -> Installed {
    let previous = CURRENT.with(|c| std::mem::replace(&mut *c.borrow_mut(), defs.clone()));
    Installed { previous: Some(previous) }
}

impl Drop for Installed {
    fn drop(&mut self) {
        if let Some(p) = self.previous.take() {
            CURRENT.with(|c| *c.borrow_mut() = p);
        }
    }
}

/// Read the current definitions.
pub fn with<R>(f: impl FnOnce(&Definitions) -> R) -> R {
    let shared = CURRENT.with(|c| c.borrow().clone());
    let d = shared.borrow();
    f(&d)
}

/// The parameter names of the current definitions that no catalogue entry has
/// (they become options, `--k`, like the catalogue's).
pub fn extra_param_names(catalogue: &[&str]) -> Vec<String> {
    with(|d| {
        let mut out: Vec<String> = Vec::new();
        for f in d.functions() {
            for (p, _) in &f.params {
                let clash = catalogue.contains(&p.as_str()) || out.contains(p);
                // the global options are added to every command later
                let own =
                    matches!(p.as_str(), "format" | "precision" | "color" | "lang" | "help" | "version" | "keep_going");
                if !clash && !own && p.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                    out.push(p.clone());
                }
            }
        }
        out
    })
}

/// Where definitions are kept between sessions: `$ACTLAB_INIT`, else
/// `$XDG_CONFIG_HOME/actlab/init`, else `~/.config/actlab/init`.
pub fn init_path() -> Option<std::path::PathBuf> {
    if let Some(p) = std::env::var_os("ACTLAB_INIT") {
        return (!p.is_empty()).then(|| p.into());
    }
    let config = std::env::var_os("XDG_CONFIG_HOME")
        .filter(|v| !v.is_empty())
        .map(std::path::PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| std::path::Path::new(&h).join(".config")))?;
    Some(config.join("actlab").join("init"))
}
