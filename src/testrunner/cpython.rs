//! CPython as the recorder of expectations (`--record`) and as the other
//! side of `--against-cpython`. The project ships its own runner script,
//! embedded in the binary, which runs a program on CPython's asyncio under
//! the virtual-clock rules of aio's design (docs/testing.md), so CPython's
//! output is comparable with aio's to the nanosecond.

use super::config::Runner;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The runner script, written to a file when first needed.
const RUNNER_SCRIPT: &str = include_str!("cpython_runner.py");

/// The reference version.
const REFERENCE: (u32, u32) = (3, 13);

/// A runner that runs tests with CPython 3.13: `python` when given
/// (`--python PATH`), else the first of `$AIO_PYTHON`, `python3.13` on
/// PATH, a pyenv install of 3.13 and `python3` that is 3.13.
pub fn cpython_runner(python: Option<&Path>) -> Result<Runner, String> {
    let python = match python {
        Some(path) => {
            check_version(path)?;
            path.to_path_buf()
        }
        None => find_python()?,
    };
    let script = write_script()?;
    Ok(Runner::Command(vec![
        python.to_string_lossy().into_owned(),
        script.to_string_lossy().into_owned(),
    ]))
}

fn candidates() -> Vec<PathBuf> {
    let mut found = Vec::new();
    if let Some(path) = std::env::var_os("AIO_PYTHON") {
        found.push(PathBuf::from(path));
    }
    found.extend(on_path("python3.13"));
    let pyenv_root = std::env::var_os("PYENV_ROOT")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| Path::new(&home).join(".pyenv")));
    if let Some(root) = pyenv_root
        && let Ok(entries) = std::fs::read_dir(root.join("versions"))
    {
        let mut versions: Vec<PathBuf> = entries
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().starts_with("3.13"))
            .map(|e| e.path().join("bin/python3.13"))
            .collect();
        // The newest patch release first.
        versions.sort_by(|a, b| b.cmp(a));
        found.extend(versions);
    }
    found.extend(on_path("python3"));
    found
}

fn on_path(program: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(program))
        .find(|candidate| candidate.is_file())
}

fn find_python() -> Result<PathBuf, String> {
    let candidates = candidates();
    for candidate in &candidates {
        if check_version(candidate).is_ok() {
            return Ok(candidate.clone());
        }
    }
    Err(format!(
        "CPython {}.{} was not found (looked for $AIO_PYTHON, python3.13 on PATH, a pyenv \
         install under $PYENV_ROOT or ~/.pyenv, and python3); install it or pass --python PATH",
        REFERENCE.0, REFERENCE.1
    ))
}

fn check_version(python: &Path) -> Result<(), String> {
    let probe = Command::new(python)
        .args(["-c", "import sys; print('%d.%d' % sys.version_info[:2])"])
        .output()
        .map_err(|e| format!("can't run {}: {e}", python.display()))?;
    let version = String::from_utf8_lossy(&probe.stdout).trim().to_string();
    let want = format!("{}.{}", REFERENCE.0, REFERENCE.1);
    if version == want {
        Ok(())
    } else {
        Err(format!(
            "{} is Python {}, and the reference is CPython {want}",
            python.display(),
            if version.is_empty() {
                "of an unknown version"
            } else {
                &version
            }
        ))
    }
}

/// Writes the runner script under the temporary folder, named by a hash of
/// its text so that different aio versions never share one.
fn write_script() -> Result<PathBuf, String> {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    RUNNER_SCRIPT.hash(&mut hasher);
    let path = std::env::temp_dir().join(format!("aio-cpython-runner-{:016x}.py", hasher.finish()));
    if std::fs::read_to_string(&path).is_ok_and(|text| text == RUNNER_SCRIPT) {
        return Ok(path);
    }
    super::update::write_atomic(&path, RUNNER_SCRIPT.as_bytes())?;
    Ok(path)
}
