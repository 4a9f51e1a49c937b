//! What a program may touch outside the interpreter, as Deno has it:
//! reading and writing files, the network, running programs and the
//! environment. `aio run` allows everything unless a permission flag is
//! given (as Python does); any `--allow-*` flag or `--sandbox` denies what
//! is not granted. `aio test` runs each test sandboxed.
//!
//! This module is policy only: the modules that reach the operating system
//! ask `Vm::require` (vm/permits.rs), which turns a refusal into
//! `PermissionError`.

use std::net::{IpAddr, ToSocketAddrs};
use std::path::{Component, Path, PathBuf};

/// One kind of access, granted entirely or for some resources.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Grant<T> {
    All,
    /// Only these (none when empty).
    Only(Vec<T>),
}

impl<T> Grant<T> {
    fn none() -> Self {
        Grant::Only(Vec::new())
    }
}

/// A network grant: a host (an address, or every address a name resolves
/// to) and optionally one port.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NetGrant {
    pub name: String,
    pub addrs: Vec<IpAddr>,
    pub port: Option<u16>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Permissions {
    pub read: Grant<PathBuf>,
    pub write: Grant<PathBuf>,
    pub net: Grant<NetGrant>,
    pub run: Grant<String>,
    pub env: Grant<String>,
}

/// What a program is about to do.
#[derive(Debug, Clone, Copy)]
pub enum Access<'a> {
    Read(&'a Path),
    /// Reading a file's metadata: also allowed on the folders above a
    /// granted one, so that `os.makedirs` and `os.path.exists` can walk
    /// down to it.
    Stat(&'a Path),
    Write(&'a Path),
    /// Connecting to or listening on an address.
    Net(IpAddr, u16),
    /// Resolving a host name (before any address is known).
    Lookup(&'a str),
    Run(&'a str),
    Env(&'a str),
}

/// The permission flags as given: None when absent, Some(empty) for the
/// bare flag (everything of that kind), Some(list) for `--allow-x=A,B`.
#[derive(Debug, Clone, Default)]
pub struct Flags {
    pub read: Option<Vec<String>>,
    pub write: Option<Vec<String>>,
    pub net: Option<Vec<String>>,
    pub run: Option<Vec<String>>,
    pub env: Option<Vec<String>>,
    pub all: bool,
    pub sandbox: bool,
}

impl Default for Permissions {
    fn default() -> Self {
        Permissions::allow_all()
    }
}

impl Permissions {
    pub fn allow_all() -> Self {
        Permissions {
            read: Grant::All,
            write: Grant::All,
            net: Grant::All,
            run: Grant::All,
            env: Grant::All,
        }
    }

    /// The permissions the flags describe; an error names a bad value.
    pub fn from_flags(flags: &Flags) -> Result<Self, String> {
        let any = flags.sandbox
            || [
                &flags.read,
                &flags.write,
                &flags.net,
                &flags.run,
                &flags.env,
            ]
            .iter()
            .any(|f| f.is_some());
        if flags.all || !any {
            return Ok(Permissions::allow_all());
        }
        Ok(Permissions {
            read: paths(&flags.read)?,
            write: paths(&flags.write)?,
            net: match &flags.net {
                None => Grant::none(),
                Some(list) if list.is_empty() => Grant::All,
                Some(list) => Grant::Only(
                    list.iter()
                        .map(|h| net_grant(h))
                        .collect::<Result<_, _>>()?,
                ),
            },
            run: words(&flags.run),
            env: words(&flags.env),
        })
    }

    /// Ok, or the message of the `PermissionError`.
    pub fn check(&self, access: Access) -> Result<(), String> {
        let allowed = match access {
            Access::Read(path) => path_allowed(&self.read, path),
            Access::Stat(path) => {
                path_allowed(&self.read, path)
                    || is_above_a_root(&self.read, path)
                    || is_above_a_root(&self.write, path)
            }
            Access::Write(path) => path_allowed(&self.write, path),
            Access::Net(ip, port) => match &self.net {
                Grant::All => true,
                Grant::Only(grants) => grants
                    .iter()
                    .any(|g| g.addrs.contains(&ip) && g.port.is_none_or(|p| p == port)),
            },
            Access::Lookup(host) => match &self.net {
                Grant::All => true,
                Grant::Only(grants) => grants.iter().any(|g| {
                    g.name.eq_ignore_ascii_case(host)
                        || host.parse::<IpAddr>().is_ok_and(|ip| g.addrs.contains(&ip))
                }),
            },
            Access::Run(program) => match &self.run {
                Grant::All => true,
                Grant::Only(names) => {
                    let base = Path::new(program).file_name().map(|b| b.to_string_lossy());
                    names
                        .iter()
                        .any(|n| n == program || base.as_deref() == Some(n.as_str()))
                }
            },
            Access::Env(name) => self.env_visible(name),
        };
        if allowed {
            Ok(())
        } else {
            Err(refusal(access))
        }
    }

    /// Whether the program may see and set the environment variable `name`.
    pub fn env_visible(&self, name: &str) -> bool {
        match &self.env {
            Grant::All => true,
            Grant::Only(names) => names.iter().any(|n| n == name),
        }
    }
}

/// `read access to 'x' is not allowed; run with --allow-read=x`.
fn refusal(access: Access) -> String {
    match access {
        Access::Read(path) | Access::Stat(path) => format!(
            "read access to '{}' is not allowed; run with --allow-read={}",
            path.display(),
            path.display()
        ),
        Access::Write(path) => format!(
            "write access to '{}' is not allowed; run with --allow-write={}",
            path.display(),
            path.display()
        ),
        Access::Net(ip, port) => {
            let host = match ip {
                IpAddr::V6(v6) => format!("[{v6}]"),
                IpAddr::V4(v4) => v4.to_string(),
            };
            format!(
                "network access to {host}:{port} is not allowed; run with --allow-net={host}:{port}"
            )
        }
        Access::Lookup(host) => {
            format!("network access to {host} is not allowed; run with --allow-net={host}")
        }
        Access::Run(program) => {
            format!("running '{program}' is not allowed; run with --allow-run={program}")
        }
        Access::Env(name) => format!(
            "access to the environment variable '{name}' is not allowed; run with --allow-env={name}"
        ),
    }
}

fn words(flag: &Option<Vec<String>>) -> Grant<String> {
    match flag {
        None => Grant::none(),
        Some(list) if list.is_empty() => Grant::All,
        Some(list) => Grant::Only(list.clone()),
    }
}

fn paths(flag: &Option<Vec<String>>) -> Result<Grant<PathBuf>, String> {
    Ok(match flag {
        None => Grant::none(),
        Some(list) if list.is_empty() => Grant::All,
        Some(list) => Grant::Only(list.iter().map(|p| resolve(Path::new(p))).collect()),
    })
}

/// `HOST`, `HOST:PORT`, `[V6]:PORT`; `localhost` is the loopback addresses.
fn net_grant(text: &str) -> Result<NetGrant, String> {
    let bad = || format!("`{text}` is not a host or host:port for --allow-net");
    let (host, port) = if let Some(rest) = text.strip_prefix('[') {
        let (host, tail) = rest.split_once(']').ok_or_else(bad)?;
        let port = match tail.strip_prefix(':') {
            Some(p) => Some(p.parse().map_err(|_| bad())?),
            None if tail.is_empty() => None,
            None => return Err(bad()),
        };
        (host.to_string(), port)
    } else {
        match text.rsplit_once(':') {
            Some((h, p)) if !h.contains(':') => {
                (h.to_string(), Some(p.parse().map_err(|_| bad())?))
            }
            _ => (text.to_string(), None),
        }
    };
    if host.is_empty() {
        return Err(bad());
    }
    let addrs = if host.eq_ignore_ascii_case("localhost") {
        vec![
            IpAddr::from([127, 0, 0, 1]),
            IpAddr::from([0u16, 0, 0, 0, 0, 0, 0, 1]),
        ]
    } else if let Ok(ip) = host.parse::<IpAddr>() {
        vec![ip]
    } else {
        // A name grants whatever it resolves to now.
        (host.as_str(), 0)
            .to_socket_addrs()
            .map(|it| it.map(|a| a.ip()).collect())
            .unwrap_or_default()
    };
    Ok(NetGrant {
        name: host,
        addrs,
        port,
    })
}

fn path_allowed(grant: &Grant<PathBuf>, path: &Path) -> bool {
    match grant {
        Grant::All => true,
        Grant::Only(roots) => {
            let full = resolve(path);
            roots.iter().any(|root| full.starts_with(root))
        }
    }
}

fn is_above_a_root(grant: &Grant<PathBuf>, path: &Path) -> bool {
    match grant {
        Grant::All => true,
        Grant::Only(roots) => {
            let full = resolve(path);
            roots.iter().any(|root| root.starts_with(&full))
        }
    }
}

/// The path made absolute with symbolic links resolved as far as it
/// exists (so a link inside a granted folder cannot reach outside it), and
/// the rest normalised by its names (`..` taken off, `.` dropped).
pub fn resolve(path: &Path) -> PathBuf {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut existing = absolute.clone();
    let mut rest: Vec<std::ffi::OsString> = Vec::new();
    loop {
        if let Ok(real) = existing.canonicalize() {
            let mut out = real;
            for part in rest.iter().rev() {
                push_normalised(&mut out, part);
            }
            return out;
        }
        match (
            existing.file_name().map(|n| n.to_os_string()),
            existing.parent(),
        ) {
            (Some(name), Some(parent)) => {
                rest.push(name);
                existing = parent.to_path_buf();
            }
            _ => break,
        }
    }
    let mut out = PathBuf::new();
    for part in absolute.components() {
        match part {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other.as_os_str()),
        }
    }
    out
}

fn push_normalised(out: &mut PathBuf, part: &std::ffi::OsStr) {
    if part == ".." {
        out.pop();
    } else if part != "." {
        out.push(part);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sandbox(read: &[&str]) -> Permissions {
        Permissions::from_flags(&Flags {
            read: Some(read.iter().map(|s| s.to_string()).collect()),
            net: Some(vec!["localhost".into(), "10.0.0.1:80".into()]),
            run: Some(vec!["echo".into()]),
            env: Some(vec!["HOME".into()]),
            ..Flags::default()
        })
        .unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn no_flags_allow_everything() {
        let p = Permissions::from_flags(&Flags::default()).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(p, Permissions::allow_all());
        assert!(p.check(Access::Run("rm")).is_ok());
    }

    #[test]
    fn paths_are_granted_with_their_subfolders_only() {
        let dir = std::env::temp_dir();
        let p = sandbox(&[&dir.to_string_lossy()]);
        assert!(p.check(Access::Read(&dir.join("a/b.txt"))).is_ok());
        assert!(
            p.check(Access::Read(&dir.join("a/../../etc/passwd")))
                .is_err()
        );
        assert!(p.check(Access::Stat(Path::new("/"))).is_ok());
        assert!(p.check(Access::Read(Path::new("/"))).is_err());
        assert_eq!(
            p.check(Access::Write(Path::new("/etc/x"))),
            Err("write access to '/etc/x' is not allowed; run with --allow-write=/etc/x".into())
        );
    }

    #[test]
    fn hosts_ports_programs_and_names() {
        let p = sandbox(&[]);
        let lo = IpAddr::from([127, 0, 0, 1]);
        assert!(p.check(Access::Net(lo, 8888)).is_ok());
        assert!(
            p.check(Access::Net(IpAddr::from([10, 0, 0, 1]), 80))
                .is_ok()
        );
        assert_eq!(
            p.check(Access::Net(IpAddr::from([10, 0, 0, 1]), 81)),
            Err(
                "network access to 10.0.0.1:81 is not allowed; run with --allow-net=10.0.0.1:81"
                    .into()
            )
        );
        assert!(p.check(Access::Lookup("LOCALHOST")).is_ok());
        assert!(p.check(Access::Lookup("example.com")).is_err());
        assert!(p.check(Access::Run("/bin/echo")).is_ok());
        assert!(p.check(Access::Run("sh")).is_err());
        assert!(p.env_visible("HOME") && !p.env_visible("PATH"));
        assert!(net_grant("[::1]:80").is_ok_and(|g| g.port == Some(80)));
        assert!(net_grant(":80").is_err());
    }
}
