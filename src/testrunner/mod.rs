//! `aio test`: the golden-output test runner.
//!
//! A test is `X.aio` with `X.out` beside it. Each test runs as a child
//! process (aio itself, or another interpreter such as CPython) so that a
//! hang, a crash or an abort in one cannot take the suite down.
//!
//! Stages, one module each: `discover` (find tests, read directives) →
//! `select` (filters, shards, the last run's failures) → `pool` (run in
//! parallel, hand back results in order) → `execute` (one child with a time
//! limit) → `verdict` (compare with expectations; `against` compares with
//! CPython instead; `explore` re-runs under perturbed schedules) → `update`
//! (rewrite expectations) → `report` / `progress` / `junit` (tell people and
//! CI systems). `cpython` finds CPython and its runner script; `reaper`
//! kills running tests if the runner is interrupted; `watch` re-runs tests
//! when files change.

mod against;
mod config;
mod cpython;
mod directive;
mod discover;
mod execute;
mod explore;
mod junit;
mod pool;
mod progress;
mod reaper;
mod report;
mod select;
mod shard;
mod state;
mod update;
mod verdict;
mod watch;

pub use config::{Error, Runner, Summary, TestConfig};
pub use cpython::cpython_runner;
pub use reaper::install_interrupt_handler;
pub use shard::Shard;
pub use watch::watch;

use discover::TestCase;
use execute::{Launch, Outcome};
use std::io::Write;
use std::time::Instant;
use update::Updated;
use verdict::{Expected, Problem};

/// What happened to one test.
pub(crate) struct TestResult {
    pub case: TestCase,
    pub state: State,
    /// None when the test was skipped or never ran.
    pub outcome: Option<Outcome>,
    /// The expectations compared against (after `--update`, the new ones;
    /// with `--against-cpython`, CPython's results).
    pub expected: Option<Expected>,
    /// What `--update` did.
    pub updated: Updated,
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
    let cases = select::select(config, out)?;
    if config.list {
        for case in &cases {
            writeln!(out, "{}", case.name).map_err(Error::Output)?;
        }
        return Ok(Summary::default());
    }

    let total = cases.len();
    let mut summary = Summary::default();
    let mut results = Vec::with_capacity(total);
    let mut write_error = None;
    // Both callbacks below draw on it, one at a time (on this thread).
    let progress = std::cell::RefCell::new(progress::Progress::new(config.progress, total));
    pool::run_ordered(
        cases,
        config.jobs,
        |case| run_one(config, case),
        |result| {
            summary.count(&result);
            progress.borrow_mut().clear();
            if let Err(e) = report::write_result(out, &result, config) {
                write_error.get_or_insert(e);
            }
            let failed = matches!(result.state, State::Failed(_));
            results.push(result);
            !(failed && config.fail_fast)
        },
        |result| {
            let failed = matches!(result.state, State::Failed(_));
            progress.borrow_mut().finished(failed);
        },
    );
    progress.borrow_mut().clear();
    summary.not_run = total - results.len();
    if let Some(e) = write_error {
        return Err(Error::Output(e));
    }

    state::remember_failures(&config.state_dir, &results);
    if let Some(path) = &config.junit {
        junit::write(path, &results, started.elapsed(), config.shard)
            .map_err(|e| Error::Junit(path.clone(), e))?;
    }
    report::write_timing(out, &results, started.elapsed()).map_err(Error::Output)?;
    report::write_summary(out, &summary, config).map_err(Error::Output)?;
    Ok(summary)
}

fn run_one(config: &TestConfig, case: TestCase) -> TestResult {
    let mut result = TestResult {
        case,
        state: State::Passed,
        outcome: None,
        expected: None,
        updated: Updated::default(),
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
    let launch = Launch {
        clock: directives.clock.unwrap_or(config.clock),
        args: match directives.args {
            Some(args) => args,
            None => script_args(&result.case)?,
        },
        timeout: directives.timeout.unwrap_or(config.timeout),
        max_memory: directives.max_memory,
        max_steps: directives.max_steps,
        perturb: None,
        allow: directives.allow,
    };
    let outcome = result
        .outcome
        .insert(execute::execute(&config.runner, &result.case, &launch));

    let mut problems = if let Some(reference) = &config.against {
        let (expected, problems) = against::compare(reference, &result.case, &launch, outcome);
        result.expected = expected;
        problems
    } else {
        let mut expected = Expected::load(&result.case)?;
        if config.update {
            result.updated = update::update(&result.case, &expected, outcome)?;
            if !result.updated.files.is_empty() {
                expected = Expected::load(&result.case)?;
            }
        }
        let problems = verdict::judge(&expected, outcome, launch.timeout);
        result.expected = Some(expected);
        problems
    };
    if config.lint {
        let lints = lints_of(&result.case);
        if !lints.is_empty() {
            problems.push(Problem::Lints(lints));
        }
    }
    if problems.is_empty() && config.explore > 0 {
        problems.extend(explore::explore(
            &config.runner,
            &result.case,
            &launch,
            outcome,
            config.explore,
        ));
    }
    Ok(match (problems.is_empty(), directives.xfail) {
        (true, None) => State::Passed,
        (false, None) => State::Failed(problems),
        (false, Some(reason)) => State::XFailed(reason),
        // Strict, as pytest's xfail(strict=True): a fixed test must say so.
        (true, Some(reason)) => State::Failed(vec![Problem::UnexpectedPass(reason)]),
    })
}

/// `[AIO101] message (line N)` for each lint of the test's program.
fn lints_of(case: &TestCase) -> Vec<String> {
    let Ok(text) = std::fs::read_to_string(&case.aio) else {
        return Vec::new();
    };
    let Ok(module) = crate::parser::parse(&text) else {
        return Vec::new();
    };
    crate::lint::lint(&module, &text, &crate::lint::LintConfig::default())
        .iter()
        .map(|l| {
            let (line, _) = crate::diagnostics::line_col(&text, l.span.start);
            format!("[{}] {} (line {line})", l.code, l.message)
        })
        .collect()
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
