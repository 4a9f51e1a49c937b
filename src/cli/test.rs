//! `aio test`: turns the arguments into a runner configuration.

use super::args::TestArgs;
use crate::api::ClockKind;
use crate::testrunner::{self, Runner, TestConfig};
use std::time::Duration;

pub fn test(args: TestArgs, clock: ClockKind) -> i32 {
    match configure(args, clock) {
        Ok(config) => {
            testrunner::install_interrupt_handler();
            match testrunner::run(&config, &mut std::io::stdout().lock()) {
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
    let runner = match &args.interpreter {
        Some(line) => Runner::command(line)?,
        None => {
            let exe = std::env::current_exe()
                .map_err(|e| format!("can't find the aio executable: {e}"))?;
            Runner::Aio(exe)
        }
    };
    let mut config = TestConfig::new(runner);
    if !args.paths.is_empty() {
        config.paths = args.paths;
    }
    if let Some(jobs) = args.jobs {
        config.jobs = jobs as usize;
    }
    config.timeout = Duration::from_secs_f64(args.timeout);
    config.filter = args.filter;
    config.allow_empty = args.allow_empty;
    config.update = args.update;
    config.shard = args.shard;
    config.junit = args.junit;
    config.clock = clock;
    config.verbose = args.verbose;
    config.color = super::term::stdout_color();
    Ok(config)
}
