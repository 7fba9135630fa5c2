//! The catalogue is complete: the same messages with the same placeholders in both
//! languages, every message used, every id used defined, and the Chinese help,
//! function words and column labels cover what they translate.

use super::*;
use std::collections::BTreeMap;

/// Ids only Chinese has: it translates English that lives elsewhere (the grammar's
/// doc comments, the catalogue's entries, column keys).
const ZH_ONLY: &[&str] = &["help-", "fn-", "col-"];

fn messages(source: &str) -> BTreeMap<String, Vec<String>> {
    let list = inventory(source).expect("the file parses");
    let mut map = BTreeMap::new();
    for (id, vars) in list {
        assert!(map.insert(id.clone(), vars).is_none(), "message '{id}' is defined twice");
    }
    map
}

#[test]
fn both_files_parse_without_errors() {
    for (name, src) in [("en.ftl", EN_FTL), ("zh.ftl", ZH_FTL)] {
        if let Err((_, errors)) = FluentResource::try_new(src.to_string()) {
            panic!("{name}: {errors:?}");
        }
    }
}

#[test]
fn the_languages_have_the_same_messages_and_placeholders() {
    let en = messages(EN_FTL);
    let zh = messages(ZH_FTL);
    for id in en.keys() {
        assert!(!ZH_ONLY.iter().any(|p| id.starts_with(p)), "en.ftl has '{id}', a kind only zh.ftl has");
    }
    let mut problems = vec![];
    for (id, vars) in &en {
        match zh.get(id) {
            None => problems.push(format!("'{id}' is in en.ftl, not in zh.ftl")),
            Some(z) if z != vars => {
                problems.push(format!("'{id}': placeholders {vars:?} in English, {z:?} in Chinese"))
            }
            _ => {}
        }
    }
    for id in zh.keys() {
        if !en.contains_key(id) && !ZH_ONLY.iter().any(|p| id.starts_with(p)) {
            problems.push(format!("'{id}' is in zh.ftl, not in en.ftl"));
        }
    }
    for (id, vars) in &zh {
        if ZH_ONLY.iter().any(|p| id.starts_with(p)) && !vars.is_empty() {
            problems.push(format!("'{id}' translates fixed text but has placeholders {vars:?}"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Every `.rs` file of the binary crate's sources.
fn sources() -> Vec<(String, String)> {
    fn walk(dir: &std::path::Path, out: &mut Vec<(String, String)>) {
        for e in std::fs::read_dir(dir).expect("src is readable").flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push((p.display().to_string(), std::fs::read_to_string(&p).expect("readable")));
            }
        }
    }
    let mut out = vec![];
    walk(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut out);
    out
}

#[test]
fn every_message_used_is_defined_and_every_message_defined_is_used() {
    let en = messages(EN_FTL);
    let all: String = sources().into_iter().map(|(_, s)| s).collect();
    let mut problems = vec![];
    // t!("id" ...) and text("id", ...): the ids the code asks for
    for (file, src) in sources() {
        for pat in ["t!(\"", "i18n::text(\""] {
            for (i, _) in src.match_indices(pat) {
                // t!( itself, not the end of format!( or print!(
                if src[..i].ends_with(|c: char| c.is_alphanumeric() || c == '_') {
                    continue;
                }
                let rest = &src[i + pat.len()..];
                let id = &rest[..rest.find('"').unwrap_or(0)];
                if !id.is_empty() && !en.contains_key(id) && id != "id" {
                    problems.push(format!("{file}: '{id}' is not in en.ftl"));
                }
            }
        }
    }
    for id in en.keys() {
        if !all.contains(&format!("\"{id}\"")) {
            problems.push(format!("'{id}' is defined but never used"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// (key, English) for every help text of the grammar: `help-CMD`, `help-CMD-after`,
/// `help-CMD--ARG`.
fn grammar_help() -> Vec<(String, String, String)> {
    set(Lang::En);
    let mut out = vec![];
    fn visit(cmd: &clap::Command, path: &str, out: &mut Vec<(String, String, String)>) {
        let key = help::command_key(path);
        if let Some(a) = cmd.get_about() {
            out.push((key.clone(), String::new(), a.to_string()));
        }
        if let Some(a) = cmd.get_after_help() {
            out.push((format!("{key}-after"), String::new(), a.to_string()));
        }
        for arg in cmd.get_arguments() {
            let id = arg.get_id().as_str();
            if matches!(id, "help" | "version") {
                continue;
            }
            // the catalogue's parameters (--slope) are translated from the catalogue
            if arg.get_help().is_some_and(|h| h.to_string() == crate::command::param_help(id)) {
                continue;
            }
            if let Some(h) = arg.get_help() {
                out.push((format!("{key}--{id}"), format!("help--{id}"), h.to_string()));
            }
        }
    }
    let g = crate::command::grammar();
    visit(&g, "actlab", &mut out);
    for sub in g.get_subcommands() {
        if sub.get_name() == "help" {
            continue;
        }
        visit(sub, sub.get_name(), &mut out);
        for inner in sub.get_subcommands() {
            if inner.get_name() != "help" {
                visit(inner, &format!("{}-{}", sub.get_name(), inner.get_name()), &mut out);
            }
        }
    }
    out
}

#[test]
#[ignore]
fn dump_help() {
    for (k, s, e) in grammar_help() {
        println!("DUMP\t{k}\t{s}\t{}", e.replace('\n', "\\n"));
    }
}

#[test]
fn every_help_text_of_the_grammar_has_a_chinese_translation() {
    let zh = messages(ZH_FTL);
    let help = grammar_help();
    let mut missing = vec![];
    for (key, shared, english) in &help {
        if !zh.contains_key(key) && (shared.is_empty() || !zh.contains_key(shared)) {
            let key = if shared.is_empty() { key } else { shared };
            missing.push(format!("{key} = {}", english.replace('\n', "\\n")));
        }
    }
    let known: Vec<&String> = help.iter().flat_map(|(k, s, _)| [k, s]).collect();
    let orphans: Vec<&String> = zh.keys().filter(|k| k.starts_with("help-") && !known.contains(k)).collect();
    assert!(missing.is_empty() && orphans.is_empty(), "missing:\n{}\norphans: {orphans:?}", missing.join("\n"));
}

#[test]
fn every_catalogue_words_have_a_chinese_translation() {
    let zh = messages(ZH_FTL);
    let mut missing = vec![];
    let mut known = vec![];
    // formulas need a translation only when they hold English words
    let has_words = |s: &str| {
        s.split(|c: char| !c.is_ascii_alphabetic())
            .any(|w| matches!(w, "if" | "else" | "the" | "otherwise" | "when" | "and" | "for" | "unless"))
    };
    for a in crate::activation::CATALOGUE {
        let mut fields = vec![
            ("smoothness", a.smoothness, true),
            ("kinks", a.kink_convention, true),
            ("defaults", a.library_defaults, true),
            ("remarks", a.seed_remarks, true),
            ("formula", a.formula, has_words(a.formula)),
            ("derivative", a.deriv_formula, has_words(a.deriv_formula)),
        ];
        let params: Vec<(String, &str)> = a.params.iter().map(|p| (format!("param-{}", p.name), p.help)).collect();
        fields.extend(params.iter().map(|(f, h)| (f.as_str(), *h, true)));
        for (field, english, needed) in fields {
            let id = entry_id(a.name, field);
            if !english.is_empty() {
                known.push(id.clone());
            }
            if needed && !english.is_empty() && !zh.contains_key(&id) {
                missing.push(format!("{id} = {english}"));
            }
        }
    }
    let orphans: Vec<&String> = zh.keys().filter(|k| k.starts_with("fn-") && !known.contains(k)).collect();
    assert!(missing.is_empty() && orphans.is_empty(), "missing:\n{}\norphans: {orphans:?}", missing.join("\n"));
}

#[test]
fn column_ids_are_what_column_looks_up() {
    assert_eq!(column_id("log10 product"), "col-log10-product");
    assert_eq!(column_id("mean, std of f(z)"), "col-mean-std-of-f-z");
    assert_eq!(column_id("‖g‖"), "col-g");
    let zh = messages(ZH_FTL);
    for id in zh.keys().filter(|k| k.starts_with("col-")) {
        assert!(id[4..].split('-').all(|w| !w.is_empty()), "'{id}' is no column id");
    }
}

#[test]
fn locales_choose_the_language() {
    for l in ["zh_CN.UTF-8", "zh_TW.UTF-8", "zh", "zh_HK", "ZH_cn.utf8"] {
        assert_eq!(from_locale(l), Lang::Zh, "{l}");
    }
    for l in ["C", "POSIX", "en_US.UTF-8", "de_DE", "", "zhx"] {
        assert_eq!(from_locale(l), Lang::En, "{l}");
    }
    assert_eq!(lang_in_words(&["actlab", "--lang", "zh", "eval"]), Some(Lang::Zh));
    assert_eq!(lang_in_words(&["actlab", "--lang=en"]), Some(Lang::En));
    assert_eq!(lang_in_words(&["actlab", "eval", "--", "--lang", "zh"]), None);
}

#[test]
fn numbers_are_never_localised() {
    // a count selects a plural but prints its digits as given: no grouping
    assert_eq!(
        text_in(Lang::En, "list-defined-title", &[("n", Arg::from(&count(12345u64)))]),
        "12345 defined functions"
    );
    assert_eq!(text_in(Lang::En, "list-defined-title", &[("n", Arg::from(&count(1u64)))]), "1 defined function");
    assert_eq!(text_in(Lang::Zh, "list-defined-title", &[("n", Arg::from(&count(12345u64)))]), "12345 个自定义函数");
}

#[test]
fn the_parts_parsed_on_demand_hold_every_message_once() {
    for lang in [Lang::En, Lang::Zh] {
        let (source, index) = super::source(lang);
        let whole = messages(source);
        // the index found at compile time holds every message of the file, in order
        let indexed: Vec<String> = index.messages(source).map(|m| m.split(' ').next().unwrap().to_string()).collect();
        let ids: Vec<&String> = whole.keys().collect();
        let mut sorted = indexed.clone();
        sorted.sort();
        assert_eq!(sorted.iter().collect::<Vec<_>>(), ids);
        let mut parts = BTreeMap::new();
        let families: std::collections::BTreeSet<&str> = indexed.iter().map(|id| super::family(id)).collect();
        for family in families {
            let text = index.family_text(source, family);
            assert!(FluentResource::try_new(text.clone()).is_ok(), "the family '{family}' does not parse alone");
            // a family is parsed alone: no message may refer to another message or a term
            let refers = text.match_indices('{').any(|(i, _)| {
                text[i + 1..].trim_start().chars().next().is_some_and(|c| c.is_ascii_lowercase() || c == '-')
            });
            assert!(!refers, "a message of '{family}' refers to another message");
            for (id, vars) in messages(&text) {
                assert_eq!(super::family(&id), family, "'{id}' is in another family's part");
                assert!(parts.insert(id.clone(), vars).is_none(), "'{id}' is in two parts");
            }
        }
        assert_eq!(parts, whole);
    }
}
