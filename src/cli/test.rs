//! `aio test`: turns the arguments into a runner configuration.

use super::args::TestArgs;
use crate::api::ClockKind;
use crate::testrunner::{self, Runner, TestConfig};
use std::time::Duration;

pub fn test(args: TestArgs, clock: ClockKind) -> i32 {
    let watch = args.watch;
    match configure(args, clock) {
        Ok(config) => {
            testrunner::install_interrupt_handler();
            let mut out = std::io::stdout().lock();
            if watch {
                return match testrunner::watch(&config, &mut out) {
                    Ok(()) => 0,
                    Err(e) => usage_error(&e.to_string()),
                };
            }
            match testrunner::run(&config, &mut out) {
                Ok(summary) => summary.exit_code(),
                Err(e) => usage_error(&e.to_string()),
            }
        }
        Err(msg) => usage_error(&msg),
    }
}

fn usage_error(msg: &str) -> i32 {
    eprintln!("aio test: {msg}");
    2
}

fn configure(args: TestArgs, clock: ClockKind) -> Result<TestConfig, String> {
    let aio = || {
        std::env::current_exe()
            .map(Runner::Aio)
            .map_err(|e| format!("can't find the aio executable: {e}"))
    };
    let runner = match &args.interpreter {
        Some(line) => Runner::command(line)?,
        None if args.record => testrunner::cpython_runner(args.python.as_deref())?,
        None => aio()?,
    };
    if args.explore.is_some() && !matches!(runner, Runner::Aio(_)) {
        return Err(
            "--explore perturbs aio's own schedule; it cannot be used with \
                    --interpreter or --record"
                .to_string(),
        );
    }
    let mut config = TestConfig::new(runner);
    if args.against_cpython {
        config.against = Some(testrunner::cpython_runner(args.python.as_deref())?);
    }
    if !args.paths.is_empty() {
        config.paths = args.paths;
    }
    if let Some(jobs) = args.jobs {
        config.jobs = jobs as usize;
    }
    config.timeout = Duration::from_secs_f64(args.timeout);
    config.filter = args.filter;
    config.exclude = args.exclude;
    config.allow_empty = args.allow_empty;
    config.update = args.update || args.record;
    config.list = args.list;
    config.fail_fast = args.fail_fast;
    config.rerun_failed = args.rerun_failed;
    config.explore = args.explore.unwrap_or(0);
    config.lint = args.lint;
    config.progress = std::io::IsTerminal::is_terminal(&std::io::stderr()) && !args.verbose;
    config.shard = args.shard;
    config.junit = args.junit;
    config.clock = clock;
    config.verbose = args.verbose;
    config.color = super::term::stdout_color();
    Ok(config)
}
