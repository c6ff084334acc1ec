//! The layers stay as ARCHITECTURE.md draws them: every `crate::x` path in `src/` (in `use` lines
//! and inline) is an arrow from its top-level module to `x`, and the set of arrows found in the code
//! must be exactly the set listed in ARCHITECTURE.md's "Allowed arrows" block: no arrow the page
//! does not list (a new dependency, or a cycle coming back), and no listed arrow the code no longer
//! has (a stale page). The listed graph itself must have no cycle.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// An arrow between top-level modules: `from` uses `to`.
type Arrow = (String, String);

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The arrows ARCHITECTURE.md allows: the lines `from -> to, to, ...` inside the fenced block that
/// follows the heading "Allowed arrows". A module with no arrow is listed as `from -> (none)`.
fn allowed_arrows() -> (BTreeSet<String>, BTreeSet<Arrow>) {
    let page = std::fs::read_to_string(repo().join("ARCHITECTURE.md")).expect("ARCHITECTURE.md");
    let after = page
        .split_once("Allowed arrows")
        .expect("ARCHITECTURE.md has an \"Allowed arrows\" section")
        .1;
    let block = after
        .split_once("```")
        .and_then(|(_, rest)| rest.split_once("```"))
        .expect("a fenced block after \"Allowed arrows\"")
        .0;
    let mut modules = BTreeSet::new();
    let mut arrows = BTreeSet::new();
    for line in block.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let Some((from, tos)) = line.split_once("->") else {
            continue; // the block's first line names its language, if any
        };
        let from = from.trim().to_owned();
        modules.insert(from.clone());
        for to in tos.split(',').map(str::trim) {
            if !to.is_empty() && to != "(none)" {
                arrows.insert((from.clone(), to.to_owned()));
            }
        }
    }
    (modules, arrows)
}

/// Every `.rs` file below `dir`.
fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("readable src/") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The top-level module a file of `src/` belongs to (`src/ui/forms/claim.rs` -> `ui`,
/// `src/cli.rs` -> `cli`, `src/main.rs` -> `main`); `None` for `lib.rs`, which only declares them.
fn module_of(src: &Path, file: &Path) -> Option<String> {
    let rel = file.strip_prefix(src).ok()?;
    let first = rel.components().next()?.as_os_str().to_str()?;
    let name = first.strip_suffix(".rs").unwrap_or(first);
    (name != "lib").then(|| name.to_owned())
}

/// The code of a line, without its `//` comment (doc links are not dependencies).
fn code_of(line: &str) -> &str {
    line.find("//").map_or(line, |i| &line[..i])
}

/// Top-level modules a piece of code names: `crate::x` inline and in `use` lines (also
/// `use crate::{x::a, y::b}` groups), and `ai_adoption_explorer::x` as main.rs writes it.
fn modules_named(code: &str) -> Vec<String> {
    let mut found = Vec::new();
    for prefix in ["crate::", "ai_adoption_explorer::"] {
        let mut rest = code;
        while let Some(i) = rest.find(prefix) {
            let before = rest[..i].chars().next_back();
            rest = &rest[i + prefix.len()..];
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                continue; // `foo_crate::x` is another name
            }
            if let Some(group) = rest.strip_prefix('{') {
                // The items at the group's first level: `{a::x, b::{y, z}}` -> a, b.
                let mut depth = 0usize;
                let mut at_item_start = true;
                let mut name = String::new();
                for c in group.chars() {
                    match c {
                        '{' => depth += 1,
                        '}' if depth == 0 => break,
                        '}' => depth -= 1,
                        ',' if depth == 0 => at_item_start = true,
                        c if at_item_start && (c.is_alphanumeric() || c == '_') => name.push(c),
                        c if at_item_start && !c.is_whitespace() => {
                            at_item_start = false;
                        }
                        _ => {}
                    }
                    if (!at_item_start || c == ',') && !name.is_empty() {
                        found.push(std::mem::take(&mut name));
                    }
                }
                if !name.is_empty() {
                    found.push(name);
                }
            } else {
                let name: String = rest
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if !name.is_empty() {
                    found.push(name);
                }
            }
        }
    }
    found
}

/// The arrows the code has, each with one place that makes it (`file:line`).
fn arrows_in_code() -> BTreeMap<Arrow, String> {
    let src = repo().join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    let mut arrows = BTreeMap::new();
    for file in files {
        let Some(from) = module_of(&src, &file) else {
            continue;
        };
        let text = std::fs::read_to_string(&file).expect("readable source");
        // `use crate::{a, b}` groups may span lines: read each file as one line per statement
        // for groups, and line by line for the places.
        let mut joined_group = String::new();
        for (n, line) in text.lines().enumerate() {
            let code = code_of(line);
            let mut names = modules_named(code);
            if !joined_group.is_empty() || (code.contains("crate::{") && !code.contains(';')) {
                joined_group.push_str(code);
                if code.contains(';') {
                    names = modules_named(&joined_group);
                    joined_group.clear();
                } else {
                    continue;
                }
            }
            for to in names {
                if to != from && to != "self" && to != "super" {
                    arrows.entry((from.clone(), to)).or_insert_with(|| {
                        let shown = file.strip_prefix(repo()).unwrap_or(&file);
                        format!("{}:{}", shown.display(), n + 1)
                    });
                }
            }
        }
    }
    arrows
}

#[test]
fn the_code_has_exactly_the_arrows_architecture_md_allows() {
    let (modules, allowed) = allowed_arrows();
    let found = arrows_in_code();
    let unlisted: Vec<String> = found
        .iter()
        .filter(|(a, _)| !allowed.contains(*a))
        .map(|((from, to), at)| format!("{from} -> {to} (at {at})"))
        .collect();
    assert!(
        unlisted.is_empty(),
        "arrows in the code that ARCHITECTURE.md does not allow:\n  {}",
        unlisted.join("\n  ")
    );
    let stale: Vec<String> = allowed
        .iter()
        .filter(|a| !found.contains_key(*a))
        .map(|(from, to)| format!("{from} -> {to}"))
        .collect();
    assert!(
        stale.is_empty(),
        "arrows ARCHITECTURE.md lists that the code no longer has (update the page):\n  {}",
        stale.join("\n  ")
    );
    let src = repo().join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let in_code: BTreeSet<String> = files.iter().filter_map(|f| module_of(&src, f)).collect();
    assert_eq!(
        in_code, modules,
        "ARCHITECTURE.md's block lists every top-level module of src/, each once"
    );
}

#[test]
fn the_allowed_arrows_have_no_cycle() {
    let (modules, allowed) = allowed_arrows();
    // Kahn's algorithm: repeatedly remove modules that use nothing still left.
    let mut left: BTreeSet<String> = modules;
    loop {
        let leaf = left
            .iter()
            .find(|m| !allowed.iter().any(|(f, t)| f == *m && left.contains(t)))
            .cloned();
        match leaf {
            Some(m) => {
                left.remove(&m);
            }
            None => break,
        }
    }
    assert!(left.is_empty(), "a cycle among {left:?}");
}

#[test]
fn the_scanner_sees_use_groups_inline_paths_and_skips_comments() {
    assert_eq!(
        modules_named("use crate::{model::Dataset, io::load};"),
        ["model", "io"]
    );
    assert_eq!(
        modules_named("let x = crate::plots::build(&ds);"),
        ["plots"]
    );
    assert_eq!(
        modules_named("pub use crate::{\n  model::{A, B},\n  io::x,\n};"),
        ["model", "io"]
    );
    assert_eq!(
        modules_named("ai_adoption_explorer::ui::run_native(f)"),
        ["ui"]
    );
    assert_eq!(modules_named("my_crate::ui::x"), Vec::<String>::new());
    assert_eq!(code_of("let a = 1; // see crate::ui"), "let a = 1; ");
}
