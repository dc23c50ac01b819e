//! The core's top-level modules (`src/<name>.rs` or `src/<name>/`) import each other without a
//! cycle, so each can be read knowing only those below it. A module's imports are the
//! `crate::<name>` paths in its code (comments and unit-test modules left out); a path to an
//! item of the crate root (`crate::analyze`) imports the root, which imports every module it
//! names.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The crate root's name in the graph.
const ROOT: &str = "lib";

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The code of a file without comments and without its unit tests (by convention a trailing
/// `#[cfg(test)]` module, or a `tests.rs` file).
fn code(path: &Path) -> String {
    if path.file_name().is_some_and(|n| n == "tests.rs") {
        return String::new();
    }
    let text = std::fs::read_to_string(path).unwrap();
    let mut out = String::new();
    for line in text.lines() {
        let line = line.trim_start();
        if line.starts_with("#[cfg(test)]") {
            break;
        }
        if !line.starts_with("//") {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

fn ident_at(s: &str) -> &str {
    let end = s
        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(s.len());
    &s[..end]
}

/// The first names of the paths after each `crate::`, groups (`crate::{a, b::c}`) included.
fn crate_paths(code: &str) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    for (i, _) in code.match_indices("crate::") {
        let rest = &code[i + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let mut depth = 0;
            let mut start = true;
            for (j, c) in group.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => start = true,
                    c if start && !c.is_whitespace() => {
                        names.insert(ident_at(&group[j..]).to_owned());
                        start = false;
                    }
                    _ => {}
                }
            }
        } else {
            names.insert(ident_at(rest).to_owned());
        }
    }
    names
}

/// Module -> the modules it imports.
fn graph(src: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let mut files = Vec::new();
    rust_files(src, &mut files);
    let module_of = |path: &Path| -> Option<String> {
        let rel = path.strip_prefix(src).unwrap();
        let first = rel.components().next()?.as_os_str().to_string_lossy();
        match first.strip_suffix(".rs") {
            Some("lib") => Some(ROOT.to_owned()),
            Some(name) => Some(name.to_owned()),
            // The CLI is its own crate: it imports the library by name, not through `crate::`.
            None if first == "bin" => None,
            None => Some(first.into_owned()),
        }
    };
    let modules: BTreeSet<String> = files.iter().filter_map(|f| module_of(f)).collect();
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in &files {
        let Some(module) = module_of(file) else {
            continue;
        };
        let code = code(file);
        let mut imports: BTreeSet<String> = crate_paths(&code)
            .into_iter()
            .map(|name| {
                if modules.contains(&name) {
                    name
                } else {
                    ROOT.to_owned()
                }
            })
            .collect();
        if module == ROOT {
            // The root names its modules without `crate::`: `pub use declutter::Removal`.
            for m in &modules {
                let named = code.match_indices(&format!("{m}::")).any(|(i, _)| {
                    !code[..i].ends_with(|c: char| c.is_alphanumeric() || c == '_' || c == ':')
                });
                if named {
                    imports.insert(m.clone());
                }
            }
        }
        imports.remove(&module);
        graph.entry(module).or_default().extend(imports);
    }
    graph
}

/// A cycle through `start`, if there is one, as the modules along it.
fn cycle_from(
    graph: &BTreeMap<String, BTreeSet<String>>,
    start: &str,
    at: &str,
    path: &mut Vec<String>,
    seen: &mut BTreeSet<String>,
) -> Option<Vec<String>> {
    for next in graph.get(at).into_iter().flatten() {
        if next == start {
            let mut cycle = path.clone();
            cycle.push(start.to_owned());
            return Some(cycle);
        }
        if seen.insert(next.clone()) {
            path.push(next.clone());
            if let Some(c) = cycle_from(graph, start, next, path, seen) {
                return Some(c);
            }
            path.pop();
        }
    }
    None
}

#[test]
fn top_level_modules_import_each_other_without_a_cycle() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let graph = graph(&src);
    assert!(graph.len() > 10, "too few modules found: {graph:?}");
    for module in graph.keys() {
        let mut path = vec![module.clone()];
        if let Some(cycle) = cycle_from(&graph, module, module, &mut path, &mut BTreeSet::new()) {
            panic!("import cycle: {}", cycle.join(" -> "));
        }
    }
}

#[test]
fn the_reader_finds_imports_and_cycles() {
    let paths = crate_paths("use crate::dom::{Dom, NodeId};\nuse crate::{analyze, text::{a, b}};");
    assert_eq!(
        paths.into_iter().collect::<Vec<_>>(),
        ["analyze", "dom", "text"]
    );
    let graph: BTreeMap<String, BTreeSet<String>> = [
        ("a", &["b"][..]),
        ("b", &["c"][..]),
        ("c", &["a"][..]),
        ("d", &["a"][..]),
    ]
    .into_iter()
    .map(|(m, to)| (m.to_owned(), to.iter().map(|t| (*t).to_owned()).collect()))
    .collect();
    let mut path = vec!["a".to_owned()];
    assert_eq!(
        cycle_from(&graph, "a", "a", &mut path, &mut BTreeSet::new()),
        Some(vec!["a".into(), "b".into(), "c".into(), "a".into()])
    );
    let mut path = vec!["d".to_owned()];
    assert_eq!(
        cycle_from(&graph, "d", "d", &mut path, &mut BTreeSet::new()),
        None
    );
}
