//! Embeds every module written in the language itself (`src/modules/lib/`)
//! in the binary: each `NAME.py` becomes module `NAME`, each
//! `PKG/__init__.py` package `PKG` and `PKG/SUB.py` module `PKG.SUB`.
//! Adding a file there is all it takes to add a module.

use std::fmt::Write as _;
use std::path::Path;

fn collect(dir: &Path, prefix: &str, out: &mut Vec<(String, String)>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = entries.filter_map(Result::ok).collect();
    entries.sort_by_key(|e| e.file_name());
    for e in entries {
        let path = e.path();
        let name = e.file_name().to_string_lossy().into_owned();
        if path.is_dir() {
            let sub = format!("{prefix}{name}.");
            collect(&path, &sub, out);
        } else if let Some(stem) = name.strip_suffix(".py") {
            let module = if stem == "__init__" {
                prefix.trim_end_matches('.').to_string()
            } else {
                format!("{prefix}{stem}")
            };
            out.push((module, path.to_string_lossy().into_owned()));
        }
    }
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/modules/lib");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut found = Vec::new();
    collect(&root, "", &mut found);
    let mut table = String::from("&[\n");
    for (module, path) in &found {
        println!("cargo:rerun-if-changed={path}");
        let _ = writeln!(table, "    ({module:?}, include_str!({path:?})),");
    }
    table.push_str("]\n");
    let out = Path::new(&std::env::var("OUT_DIR").unwrap_or_default()).join("pure_modules.rs");
    if let Err(e) = std::fs::write(&out, table) {
        println!("cargo:warning=cannot write {}: {e}", out.display());
    }
}
