//! The command-line grammar (clap derive).

use crate::testrunner::Shard;
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::ffi::OsString;
use std::path::PathBuf;

const MAIN_EXAMPLES: &str = "\
Examples:
  aio hello.aio                 run a script
  aio hello.aio one -v          run a script; `one -v` goes to sys.argv
  aio run -c 'print(1 + 1)'     run a string
  aio test                      run the golden tests under tests/
  aio check hello.aio           report syntax errors without running
  echo 'print(42)' | aio        run a script read from stdin";

const RUN_EXAMPLES: &str = "\
Examples:
  aio run hello.aio
  aio run server.aio --port 8080     arguments after FILE go to the script
  aio run -c 'import sys; print(sys.argv)' a b
  aio --clock virtual run timers.aio  sleeps finish instantly and deterministically
  aio run - < script.aio             read the program from stdin";

const TEST_EXAMPLES: &str = "\
A golden test is X.aio with X.out (exact expected stdout) beside it; optional
X.code (expected exit status, default 0), X.err (expected last non-empty line of
stderr) and X.args (one script argument per line). A first line
`# aio: clock=real` runs the test on the real clock, `# aio: skip REASON` skips
it, `# aio: xfail REASON` expects it to fail (and fails if it passes),
`# aio: timeout=SECS` sets its time limit.
Folders holding a `.aio-test-ignore` file are skipped unless named directly.

Examples:
  aio test                          every test under tests/
  aio test tests/asyncio -j 4       one folder, four at a time
  aio test --filter queue -v        tests whose path contains `queue`
  aio test --shard 2/3 --junit report.xml
  aio test --update --interpreter \"python3 ../shared/oracle/cpython_oracle.py\"
                                    record expectations from CPython, then read `git diff`";

const CHECK_EXAMPLES: &str = "\
Examples:
  aio check hello.aio
  aio check src/*.aio      every file, every error; exit status 2 if any";

const REPL_EXAMPLES: &str = "\
Examples:
  aio repl
  aio --clock virtual repl";

#[derive(Debug, Parser)]
#[command(
    name = "aio",
    version,
    about = "An interpreter for a Python 3.13 subset built around asyncio",
    long_about = None,
    after_help = MAIN_EXAMPLES,

    subcommand_value_name = "COMMAND | FILE",
)]
pub struct Cli {
    /// Which clock the event loop runs on [default: real; virtual for `aio test`]
    #[arg(long, global = true, value_enum, value_name = "CLOCK")]
    pub clock: Option<ClockArg>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ClockArg {
    /// The operating system's clock
    Real,
    /// Deterministic time that jumps to the next timer when nothing is ready
    Virtual,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Start the interactive REPL
    #[command(after_help = REPL_EXAMPLES)]
    Repl,
    /// Run a script file, `-` for stdin, or a string with -c
    #[command(after_help = RUN_EXAMPLES)]
    Run(RunArgs),
    /// Run golden-output tests
    #[command(after_help = TEST_EXAMPLES)]
    Test(TestArgs),
    /// Parse and compile files without running them; report every error
    #[command(after_help = CHECK_EXAMPLES)]
    Check(CheckArgs),
    /// `aio FILE [ARGS]...` — shorthand for `aio run FILE [ARGS]...`
    #[command(external_subcommand)]
    Script(Vec<OsString>),
}

#[derive(Debug, Args)]
pub struct RunArgs {
    /// Program passed in as a string; sys.argv[0] is then '-c'
    #[arg(short = 'c', value_name = "CODE")]
    pub code: Option<String>,

    /// The script (`-` reads it from stdin), then its arguments (sys.argv[1:]),
    /// passed on untouched even when they look like options; with -c, all are arguments
    #[arg(
        value_name = "FILE [ARGS]",
        trailing_var_arg = true,
        required_unless_present = "code"
    )]
    pub script: Vec<OsString>,

    #[command(flatten)]
    pub limits: LimitArgs,

    #[command(flatten)]
    pub permissions: PermissionArgs,

    /// Print `aio check`'s lints for the program on stderr, then run it
    #[arg(long)]
    pub lint: bool,
}

/// What the program may touch. Without any of these it may do anything, as
/// Python programs can; with one, everything not granted is refused with a
/// PermissionError that names the flag to add.
#[derive(Debug, Args, Clone, Default)]
pub struct PermissionArgs {
    /// Allow reading files (all, or only under the given paths)
    #[arg(long = "allow-read", value_name = "PATHS", num_args = 0.., require_equals = true, value_delimiter = ',')]
    pub read: Option<Vec<String>>,

    /// Allow writing files (all, or only under the given paths)
    #[arg(long = "allow-write", value_name = "PATHS", num_args = 0.., require_equals = true, value_delimiter = ',')]
    pub write: Option<Vec<String>>,

    /// Allow network access (all, or only HOST[:PORT],...; `localhost` is loopback)
    #[arg(long = "allow-net", value_name = "HOSTS", num_args = 0.., require_equals = true, value_delimiter = ',')]
    pub net: Option<Vec<String>>,

    /// Allow running programs (all, or only the given ones)
    #[arg(long = "allow-run", value_name = "PROGRAMS", num_args = 0.., require_equals = true, value_delimiter = ',')]
    pub run: Option<Vec<String>>,

    /// Allow the environment (all, or only the given variables)
    #[arg(long = "allow-env", value_name = "NAMES", num_args = 0.., require_equals = true, value_delimiter = ',')]
    pub env: Option<Vec<String>>,

    /// Allow everything (the default when no permission flag is given)
    #[arg(short = 'A', long = "allow-all")]
    pub all: bool,

    /// Deny everything not granted by an --allow-* flag
    #[arg(long)]
    pub sandbox: bool,
}

impl PermissionArgs {
    pub fn flags(&self) -> crate::permissions::Flags {
        crate::permissions::Flags {
            read: self.read.clone(),
            write: self.write.clone(),
            net: self.net.clone(),
            run: self.run.clone(),
            env: self.env.clone(),
            all: self.all,
            sandbox: self.sandbox,
        }
    }
}

/// Limits on one run; a run that reaches one is stopped with a message that
/// names it.
#[derive(Debug, Args, Clone, Default)]
pub struct LimitArgs {
    /// Stop the program after SECS seconds of wall-clock time (exit status 124)
    #[arg(long = "timeout", value_name = "SECS", value_parser = parse_timeout)]
    pub timeout: Option<f64>,

    /// The memory the program may hold (bytes, or with a unit: 512M, 2G);
    /// beyond it allocations raise MemoryError [default: 3/4 of the machine's
    /// memory, or a third of the process's address-space limit]
    #[arg(long = "max-memory", value_name = "SIZE", value_parser = parse_memory)]
    pub max_memory: Option<usize>,

    /// Stop the program after N steps (loop iterations and calls): a
    /// deterministic budget for graders and tests (exit status 124)
    #[arg(long = "max-steps", value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
    pub max_steps: Option<u64>,

    /// asyncio's debug mode (as `asyncio.run(..., debug=True)`): steps that
    /// hold the loop 0.1 s or longer are reported, with the line that held it
    #[arg(long = "debug")]
    pub debug: bool,

    /// Replay the perturbed schedule SEED of `aio test --explore`: timer
    /// delays stretched or shrunk a little, ties taken in a seeded order
    #[arg(long = "perturb", value_name = "SEED")]
    pub perturb: Option<u64>,
}

#[derive(Debug, Args)]
pub struct TestArgs {
    /// Files or folders to test [default: tests/]
    #[arg(value_name = "PATHS")]
    pub paths: Vec<PathBuf>,

    /// How many tests run at once [default: the number of cores]
    #[arg(short = 'j', long = "jobs", value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub jobs: Option<u32>,

    /// Seconds a test may run before it is killed and fails
    #[arg(long, value_name = "SECS", default_value_t = 10.0, value_parser = parse_timeout)]
    pub timeout: f64,

    /// Only run tests whose path contains SUBSTR (an error if none does)
    #[arg(long, value_name = "SUBSTR")]
    pub filter: Option<String>,

    /// Leave out tests whose path contains SUBSTR (may be repeated)
    #[arg(long, value_name = "SUBSTR")]
    pub exclude: Vec<String>,

    /// Let a --filter or --exclude that selects no test succeed
    #[arg(long)]
    pub allow_empty: bool,

    /// Record the expectation files (.out, .code, .err) from actual results;
    /// on folders, programs without an .out become new tests
    #[arg(long)]
    pub update: bool,

    /// Record the expectations from CPython 3.13 (--update, run by CPython)
    #[arg(long, conflicts_with_all = ["interpreter", "against_cpython"])]
    pub record: bool,

    /// Run each test under aio and CPython 3.13 and report where they disagree
    #[arg(long, conflicts_with_all = ["update", "interpreter"])]
    pub against_cpython: bool,

    /// The CPython 3.13 for --record and --against-cpython [default: found on
    /// $AIO_PYTHON, PATH or pyenv]
    #[arg(long, value_name = "PATH")]
    pub python: Option<PathBuf>,

    /// List the selected tests without running them
    #[arg(long)]
    pub list: bool,

    /// Stop at the first failing test
    #[arg(short = 'x', long)]
    pub fail_fast: bool,

    /// Run only the tests that failed in the last run (all, if none did)
    #[arg(long)]
    pub rerun_failed: bool,

    /// Run the suite, then again each time a file under PATHS changes
    #[arg(long, conflicts_with = "list")]
    pub watch: bool,

    /// Fail tests whose program has lints (`aio check`'s AIO codes)
    #[arg(long)]
    pub lint: bool,

    /// Race finder: run each passing test N more times under perturbed
    /// schedules and fail those whose output changes
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=100_000))]
    pub explore: Option<u32>,

    /// Run only the K-th of N deterministic slices of the suite (1-based)
    #[arg(long, value_name = "K/N", value_parser = parse_shard)]
    pub shard: Option<Shard>,

    /// Write a JUnit XML report to FILE
    #[arg(long, value_name = "FILE")]
    pub junit: Option<PathBuf>,

    /// Run tests with CMD instead of aio (split on whitespace; the test file and its arguments are appended)
    #[arg(long, value_name = "CMD")]
    pub interpreter: Option<String>,

    /// Also list passing and skipped tests
    #[arg(short, long)]
    pub verbose: bool,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Files to check
    #[arg(value_name = "FILE", required = true)]
    pub files: Vec<OsString>,

    #[command(flatten)]
    pub lints: LintArgs,
}

/// Which lints count (codes as `aio check --explain`-style AIO101...).
#[derive(Debug, Args, Clone, Default)]
pub struct LintArgs {
    /// Do not report lint CODE (may be repeated)
    #[arg(long = "allow", value_name = "CODE")]
    pub allow: Vec<String>,

    /// Make lint CODE an error that fails the check (may be repeated)
    #[arg(long = "deny", value_name = "CODE")]
    pub deny: Vec<String>,

    /// Make every lint an error
    #[arg(long)]
    pub deny_warnings: bool,
}

impl LintArgs {
    pub fn config(&self) -> crate::lint::LintConfig {
        crate::lint::LintConfig {
            allow: self.allow.clone(),
            deny: self.deny.clone(),
            deny_warnings: self.deny_warnings,
        }
    }
}

fn parse_timeout(text: &str) -> Result<f64, String> {
    match text.parse::<f64>() {
        // Beyond a day the Duration arithmetic gains nothing and huge values overflow it.
        Ok(secs) if secs.is_finite() && secs > 0.0 && secs <= 86_400.0 => Ok(secs),
        _ => Err(format!(
            "`{text}` is not a number of seconds between 0 and 86400"
        )),
    }
}

fn parse_memory(text: &str) -> Result<usize, String> {
    crate::memory::parse_size(text).ok_or_else(|| {
        format!("`{text}` is not a size (a number of bytes, or with a unit: 512M, 2G)")
    })
}

fn parse_shard(text: &str) -> Result<Shard, String> {
    text.parse()
}
