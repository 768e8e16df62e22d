//! The shape of the code, kept by a test: which file may import which.
//!
//! gaptrack has one core (`domain`, `db`, the use cases) and edges around it (the JSON API, the
//! pages, the command line). An edge that borrows another's code, or a lower layer that reaches
//! up, makes every feature be built twice; an import cycle between files makes neither file
//! readable alone. This reads the `use` lines and `crate::` paths of every file under `src/` and
//! refuses both.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// A source file, by its module path: `["api", "interventions"]` for `src/api/interventions.rs`.
type Module = Vec<String>;

/// Layers that must not import the layers named after them. The edges (`api`, `web`, `cli`)
/// import nothing of each other; the core imports no edge.
const FORBIDDEN: &[(&str, &[&str])] = &[
    (
        "domain",
        &[
            "db", "http", "usecases", "api", "web", "cli", "startup", "error", "export", "import",
            "generate", "demo", "config", "i18n",
        ],
    ),
    (
        "i18n",
        &[
            "db", "http", "usecases", "api", "web", "cli", "startup", "export", "import",
        ],
    ),
    (
        "db",
        &[
            "http", "usecases", "api", "web", "cli", "startup", "error", "export", "i18n",
        ],
    ),
    (
        "config",
        &["http", "usecases", "api", "web", "cli", "startup"],
    ),
    ("error", &["usecases", "api", "web", "cli", "startup"]),
    ("http", &["usecases", "api", "web", "cli", "startup"]),
    ("export", &["http", "api", "web", "cli", "startup"]),
    (
        "usecases",
        &["http", "mail", "api", "web", "cli", "startup"],
    ),
    ("import", &["http", "api", "web", "cli", "startup"]),
    ("generate", &["http", "api", "web", "cli", "startup"]),
    ("demo", &["http", "api", "web", "cli", "startup"]),
    ("api", &["web", "cli"]),
    ("web", &["api", "cli"]),
    ("cli", &["api", "web"]),
];

fn source_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// Every `.rs` file under `src/`, by module path.
fn modules() -> BTreeMap<Module, String> {
    let mut found = BTreeMap::new();
    let mut folders = vec![source_root()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).expect("src/ is readable") {
            let path = entry.expect("src/ is readable").path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let relative = path.strip_prefix(source_root()).unwrap();
                let mut module: Module = relative
                    .with_extension("")
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect();
                if matches!(
                    module.last().map(String::as_str),
                    Some("mod" | "lib" | "main")
                ) {
                    module.pop();
                }
                found.insert(module, std::fs::read_to_string(&path).unwrap());
            }
        }
    }
    found
}

/// The text of a file without its comments and string literals, which may name paths freely.
fn code_only(text: &str) -> String {
    let mut code = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'/') => {
                for next in chars.by_ref() {
                    if next == '\n' {
                        code.push('\n');
                        break;
                    }
                }
            }
            '/' if chars.peek() == Some(&'*') => {
                let mut previous = ' ';
                for next in chars.by_ref() {
                    if previous == '*' && next == '/' {
                        break;
                    }
                    previous = next;
                }
            }
            '"' => {
                let mut escaped = false;
                for next in chars.by_ref() {
                    if next == '"' && !escaped {
                        break;
                    }
                    escaped = next == '\\' && !escaped;
                }
                code.push_str("\"\"");
            }
            _ => code.push(c),
        }
    }
    code
}

/// The test modules of a file (`#[cfg(test)] mod tests { ... }`) are left out: they may use what
/// they test from anywhere.
fn without_tests(code: &str) -> &str {
    match code.find("#[cfg(test)]") {
        Some(start) => &code[..start],
        None => code,
    }
}

/// Expands one `use` tree (`crate::{a, b::{c, d}}`) into its paths.
fn expand(tree: &str) -> Vec<String> {
    let tree: String = tree.chars().filter(|c| !c.is_whitespace()).collect();
    let Some(open) = tree.find('{') else {
        return vec![tree];
    };
    let prefix = &tree[..open];
    let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
    let mut parts = Vec::new();
    let mut depth = 0;
    let mut current = String::new();
    for c in inner.chars() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(std::mem::take(&mut current));
                continue;
            }
            _ => {}
        }
        current.push(c);
    }
    parts.push(current);
    parts
        .into_iter()
        .filter(|part| !part.is_empty())
        .flat_map(|part| expand(&part))
        .map(|path| format!("{prefix}{path}"))
        .collect()
}

/// The paths a file names: its `use` trees, and the `crate::` paths written in its code.
fn named_paths(code: &str) -> Vec<String> {
    let mut paths = Vec::new();
    let mut rest = code;
    while let Some(start) = rest.find("use ") {
        let before = &rest[..start];
        let at_word_start = before
            .chars()
            .last()
            .is_none_or(|c| c.is_whitespace() || c == '{' || c == ';');
        rest = &rest[start + 4..];
        if !at_word_start {
            continue;
        }
        let Some(end) = rest.find(';') else { break };
        paths.extend(expand(&rest[..end]));
        rest = &rest[end..];
    }
    for root in ["crate::", "super::"] {
        let mut rest = code;
        while let Some(start) = rest.find(root) {
            let starts_a_path = rest[..start]
                .chars()
                .last()
                .is_none_or(|c| !(c.is_alphanumeric() || c == '_' || c == ':'));
            if starts_a_path {
                let path: String = rest[start..]
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
                    .collect();
                paths.push(path);
            }
            rest = &rest[start + root.len()..];
        }
    }
    paths
}

/// The file a path leads to, from the file `from`: the longest module prefix that is a file.
fn resolve(path: &str, from: &Module, files: &BTreeMap<Module, String>) -> Option<Module> {
    let segments: Vec<&str> = path
        .trim_end_matches("::")
        .split("::")
        .map(|s| s.trim_start_matches("r#"))
        .filter(|s| !s.is_empty())
        .collect();
    let (mut module, rest): (Module, &[&str]) = match segments.first() {
        Some(&"crate") => (Vec::new(), &segments[1..]),
        Some(&"super") => {
            let mut base = from.clone();
            let mut rest = &segments[..];
            while rest.first() == Some(&"super") {
                base.pop();
                rest = &rest[1..];
            }
            (base, rest)
        }
        Some(&"self") => (from.clone(), &segments[1..]),
        _ => return None,
    };
    let mut deepest = module.clone();
    for segment in rest {
        module.push((*segment).to_owned());
        if files.contains_key(&module) {
            deepest = module.clone();
        }
    }
    (deepest != *from && !deepest.is_empty()).then_some(deepest)
}

fn imports() -> BTreeMap<Module, BTreeSet<Module>> {
    let files = modules();
    files
        .iter()
        .map(|(module, text)| {
            let code = code_only(text);
            let targets = named_paths(without_tests(&code))
                .iter()
                .filter_map(|path| resolve(path, module, &files))
                .collect();
            (module.clone(), targets)
        })
        .collect()
}

fn name(module: &Module) -> String {
    if module.is_empty() {
        "crate".into()
    } else {
        module.join("::")
    }
}

#[test]
fn no_layer_imports_a_layer_it_must_not() {
    let mut wrong = Vec::new();
    for (module, targets) in imports() {
        let Some(layer) = module.first() else {
            continue;
        };
        let Some((_, forbidden)) = FORBIDDEN.iter().find(|(l, _)| l == layer) else {
            continue;
        };
        for target in targets {
            if target
                .first()
                .is_some_and(|top| forbidden.contains(&top.as_str()))
            {
                wrong.push(format!("{} imports {}", name(&module), name(&target)));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "imports across layers that must not be:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn no_two_files_import_each_other_even_through_others() {
    let graph = imports();
    let mut cycles = BTreeSet::new();
    for start in graph.keys() {
        // A path back to `start`, found breadth first, is the shortest cycle through it.
        let mut seen = BTreeMap::<&Module, &Module>::new();
        let mut queue = std::collections::VecDeque::from([start]);
        while let Some(module) = queue.pop_front() {
            for next in graph.get(module).into_iter().flatten() {
                if next == start {
                    let mut cycle = vec![name(start)];
                    let mut at = module;
                    while at != start {
                        cycle.push(name(at));
                        at = seen[at];
                    }
                    cycle.reverse();
                    let smallest = cycle.iter().min().unwrap().clone();
                    let turn = cycle.iter().position(|m| *m == smallest).unwrap();
                    cycle.rotate_left(turn);
                    cycles.insert(cycle.join(" -> "));
                    queue.clear();
                    break;
                }
                if !seen.contains_key(next) && graph.contains_key(next) {
                    seen.insert(next, module);
                    queue.push_back(next);
                }
            }
        }
    }
    assert!(
        cycles.is_empty(),
        "files that import each other (each line a cycle back to its start):\n{}",
        cycles.into_iter().collect::<Vec<_>>().join("\n")
    );
}

#[test]
fn the_import_reader_sees_grouped_and_relative_imports() {
    let files: BTreeMap<Module, String> = [
        vec!["api".to_owned()],
        vec!["api".to_owned(), "links".to_owned()],
        vec!["db".to_owned()],
        vec!["db".to_owned(), "links".to_owned()],
    ]
    .into_iter()
    .map(|module| (module, String::new()))
    .collect();
    let from = vec!["api".to_owned(), "links".to_owned()];
    let code = code_only(
        "use crate::{db::{self, links::Link}, api};\n// use crate::web;\nlet x = \"crate::web\";\nuse super::AppState;",
    );
    let targets: BTreeSet<Module> = named_paths(&code)
        .iter()
        .filter_map(|path| resolve(path, &from, &files))
        .collect();
    assert_eq!(
        targets,
        BTreeSet::from([
            vec!["api".to_owned()],
            vec!["db".to_owned()],
            vec!["db".to_owned(), "links".to_owned()],
        ])
    );
}

/// Every decision reads the time from the clock in the server's state, which tests move
/// (`domain::Clock`); only the clock itself, and the command line's pool, read the machine's.
#[test]
fn the_time_is_read_from_the_clock_only() {
    let allowed = [
        vec!["domain".to_owned(), "clock".to_owned()],
        vec!["db".to_owned()],
    ];
    let readers: Vec<String> = modules()
        .iter()
        .filter(|(module, _)| !allowed.contains(module))
        .filter(|(_, text)| {
            let code = code_only(text);
            let code = without_tests(&code);
            ["Utc::now()", "Local::now()", "SystemTime::now()"]
                .iter()
                .any(|reading| code.contains(reading))
        })
        .map(|(module, _)| name(module))
        .collect();
    assert!(
        readers.is_empty(),
        "files that read the machine's clock instead of the state's: {readers:?}"
    );
}

/// A file does one job: past 500 lines it is doing several.
#[test]
fn no_source_file_is_over_500_lines() {
    let long: Vec<String> = modules()
        .iter()
        .map(|(module, text)| (name(module), text.lines().count()))
        .filter(|(_, lines)| *lines > 500)
        .map(|(module, lines)| format!("{module}: {lines} lines"))
        .collect();
    assert!(long.is_empty(), "files to split: {long:?}");
}

/// The edges (the API, the pages, the command line) read and write through the use cases, which
/// hold the rules; only those use cases (and the core below them) call `db::`.
#[test]
fn the_edges_reach_the_database_only_through_use_cases() {
    let mut reaching = Vec::new();
    for (module, targets) in imports() {
        let edge = module
            .first()
            .is_some_and(|top| ["api", "web", "cli"].contains(&top.as_str()));
        if edge
            && targets
                .iter()
                .any(|t| t.first().is_some_and(|top| top == "db"))
        {
            reaching.push(name(&module));
        }
    }
    assert!(
        reaching.is_empty(),
        "edges that call db:: instead of a use case: {reaching:?}"
    );
}
