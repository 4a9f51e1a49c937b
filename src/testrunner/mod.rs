//! `aio test`: the golden-output test runner.
//!
//! A test is `X.aio` with `X.out` beside it. Each test runs as a child
//! process (aio itself, or another interpreter such as the CPython oracle)
//! so that a hang, a crash or an abort in one cannot take the suite down.
//!
//! Stages, one module each: `discover` (find tests, read directives) →
//! `shard` (pick this machine's slice) → `pool` (run in parallel, hand back
//! results in order) → `execute` (one child with a time limit) → `verdict`
//! (compare with expectations) → `update` (rewrite expectations) →
//! `report` / `junit` (tell people and CI systems). `reaper` kills running
//! tests if the runner is interrupted.

mod config;
mod directive;
mod discover;
mod execute;
mod junit;
mod pool;
mod reaper;
mod report;
mod shard;
mod update;
mod verdict;

pub use config::{Error, Runner, Summary, TestConfig};
pub use reaper::install_interrupt_handler;
pub use shard::Shard;

use discover::TestCase;
use execute::Outcome;
use std::io::Write;
use std::time::Instant;
use verdict::{Expected, Problem};

/// What happened to one test.
pub(crate) struct TestResult {
    pub case: TestCase,
    pub state: State,
    /// None when the test was skipped or never ran.
    pub outcome: Option<Outcome>,
    /// The expectations compared against (after `--update`, the new ones).
    pub expected: Option<Expected>,
    /// Expectation files `--update` rewrote for this test.
    pub updated: Vec<std::path::PathBuf>,
}

pub(crate) enum State {
    Passed,
    /// Not run, with the directive's reason.
    Skipped(String),
    /// Failed as its `xfail` directive says it does (the reason).
    XFailed(String),
    Failed(Vec<Problem>),
}

/// Runs the suite described by `config`, writing the report to `out`.
/// The last line written is the summary `N passed, N failed`.
pub fn run(config: &TestConfig, out: &mut dyn Write) -> Result<Summary, Error> {
    let started = Instant::now();
    let mut cases = discover::discover(&config.paths)?;
    if let Some(filter) = &config.filter {
        let before = cases.len();
        cases.retain(|case| case.name.contains(filter.as_str()));
        if cases.is_empty() && before > 0 && !config.allow_empty {
            return Err(Error::EmptyFilter(filter.clone()));
        }
    }
    if let Some(shard) = config.shard {
        cases = shard.select(cases);
    }

    let mut summary = Summary::default();
    let mut results = Vec::with_capacity(cases.len());
    let mut write_error = None;
    pool::run_ordered(
        cases,
        config.jobs,
        |case| run_one(config, case),
        |result| {
            summary.count(&result);
            if let Err(e) = report::write_result(out, &result, config) {
                write_error.get_or_insert(e);
            }
            results.push(result);
        },
    );
    if let Some(e) = write_error {
        return Err(Error::Output(e));
    }

    if let Some(path) = &config.junit {
        junit::write(path, &results, started.elapsed())
            .map_err(|e| Error::Junit(path.clone(), e))?;
    }
    report::write_summary(out, &summary, config.update).map_err(Error::Output)?;
    Ok(summary)
}

fn run_one(config: &TestConfig, case: TestCase) -> TestResult {
    let mut result = TestResult {
        case,
        state: State::Passed,
        outcome: None,
        expected: None,
        updated: Vec::new(),
    };
    result.state = match run_and_judge(config, &mut result) {
        Ok(state) => state,
        Err(msg) => State::Failed(vec![Problem::BadTest(msg)]),
    };
    result
}

/// Runs a test and compares; an error means the test itself is malformed.
fn run_and_judge(config: &TestConfig, result: &mut TestResult) -> Result<State, String> {
    let directives = result.case.directives.clone()?;
    if let Some(reason) = directives.skip {
        return Ok(State::Skipped(reason));
    }
    let clock = directives.clock.unwrap_or(config.clock);
    let timeout = directives.timeout.unwrap_or(config.timeout);
    let args = script_args(&result.case)?;
    let outcome = result.outcome.insert(execute::execute(
        &config.runner,
        &result.case,
        clock,
        &args,
        timeout,
    ));
    let mut expected = Expected::load(&result.case)?;
    if config.update {
        result.updated = update::update(&result.case, &expected, outcome)?;
        if !result.updated.is_empty() {
            expected = Expected::load(&result.case)?;
        }
    }
    let problems = verdict::judge(&expected, outcome, timeout);
    result.expected = Some(expected);
    Ok(match (problems.is_empty(), directives.xfail) {
        (true, None) => State::Passed,
        (false, None) => State::Failed(problems),
        (false, Some(reason)) => State::XFailed(reason),
        // Strict, as pytest's xfail(strict=True): a fixed test must say so.
        (true, Some(reason)) => State::Failed(vec![Problem::UnexpectedPass(reason)]),
    })
}

/// `X.args`: one script argument per line.
fn script_args(case: &TestCase) -> Result<Vec<String>, String> {
    let Some(bytes) = verdict::read_optional(&case.sibling("args"))? else {
        return Ok(Vec::new());
    };
    Ok(String::from_utf8_lossy(&bytes)
        .lines()
        .map(str::to_string)
        .collect())
}
