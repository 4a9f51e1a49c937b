//! Which of the discovered tests this run takes: `--filter`, `--exclude`,
//! `--rerun-failed`, then `--shard`.

use super::config::{Error, TestConfig};
use super::discover::{self, TestCase};
use super::state;
use std::io::Write;

pub fn select(config: &TestConfig, out: &mut dyn Write) -> Result<Vec<TestCase>, Error> {
    let mut cases = discover::discover(&config.paths, config.update)?;
    let found = cases.len();
    if let Some(filter) = &config.filter {
        cases.retain(|case| case.name.contains(filter.as_str()));
    }
    cases.retain(|case| {
        !config
            .exclude
            .iter()
            .any(|x| case.name.contains(x.as_str()))
    });
    let filtered = config.filter.is_some() || !config.exclude.is_empty();
    if filtered && cases.is_empty() && found > 0 && !config.allow_empty {
        return Err(Error::EmptyFilter(describe_filters(config)));
    }

    if config.rerun_failed {
        match state::last_failures(&config.state_dir) {
            Some(failed) if !failed.is_empty() => {
                cases.retain(|case| failed.contains(&case.name));
                writeln!(
                    out,
                    "re-running the {} test{} that failed last time",
                    cases.len(),
                    if cases.len() == 1 { "" } else { "s" }
                )
                .map_err(Error::Output)?;
            }
            // As pytest's --last-failed: with nothing to re-run, run all.
            Some(_) => {
                writeln!(out, "no test failed last time; running all").map_err(Error::Output)?
            }
            None => {
                writeln!(out, "no earlier run is recorded; running all").map_err(Error::Output)?
            }
        }
    }
    if let Some(shard) = config.shard {
        cases = shard.select(cases);
    }
    Ok(cases)
}

fn describe_filters(config: &TestConfig) -> String {
    let mut parts = Vec::new();
    if let Some(filter) = &config.filter {
        parts.push(format!("--filter `{filter}`"));
    }
    for x in &config.exclude {
        parts.push(format!("--exclude `{x}`"));
    }
    parts.join(" and ")
}
