//! `aio check`'s lints: the mistakes people make with async code, found
//! without running anything. Each lint has a code, points at the exact
//! span and says what to write instead. A comment `# aio: allow CODE` on
//! the line silences it there; `--allow`/`--deny`/`--deny-warnings` choose
//! globally.
//!
//! `facts` gathers what the program defines (its async functions, async
//! context managers and iterables, its imports), `rules_async` and
//! `rules_names` look for mistakes, `report` renders them.

mod facts;
mod known;
mod report;
mod rules_async;
mod rules_names;
mod visit;

pub use report::render;

use crate::ast::{Module, Span};

/// One finding.
#[derive(Debug, Clone, PartialEq)]
pub struct Lint {
    pub code: &'static str,
    pub message: String,
    pub span: Span,
    /// What the label under the span says.
    pub label: String,
    pub help: String,
}

/// Every lint: code, short name, what it catches.
pub const CODES: &[(&str, &str)] = &[
    ("AIO101", "a coroutine is created but never awaited"),
    (
        "AIO102",
        "a blocking call inside `async def` holds up every task",
    ),
    (
        "AIO103",
        "`asyncio.run` (or `run_until_complete`) where a loop already runs",
    ),
    (
        "AIO104",
        "a task whose reference is dropped may be garbage-collected",
    ),
    ("AIO105", "`with` on an object that needs `async with`"),
    (
        "AIO106",
        "`for` over an async iterable, which needs `async for`",
    ),
    (
        "AIO107",
        "`await` of something that is not awaitable, or `gather` of a list",
    ),
    (
        "AIO108",
        "a loop in `async def` that never gives the event loop a turn",
    ),
    ("AIO109", "an `except` that swallows task cancellation"),
    ("AIO110", "a name that is never defined"),
    ("AIO111", "an import that is never used"),
    ("AIO112", "an attribute that `asyncio` does not have"),
    (
        "AIO113",
        "an `await` in `finally` that a second cancellation can cut short",
    ),
    (
        "AIO114",
        "`yield` inside a TaskGroup or timeout in an async generator",
    ),
];

/// Which lints count, and which fail the check.
#[derive(Debug, Clone, Default)]
pub struct LintConfig {
    pub allow: Vec<String>,
    pub deny: Vec<String>,
    pub deny_warnings: bool,
}

impl LintConfig {
    pub fn is_allowed(&self, code: &str) -> bool {
        self.allow.iter().any(|c| c == code) && !self.deny.iter().any(|c| c == code)
    }

    /// Whether this lint makes `aio check` fail.
    pub fn is_denied(&self, code: &str) -> bool {
        self.deny_warnings || self.deny.iter().any(|c| c == code)
    }

    /// An unknown code in --allow/--deny is a usage error.
    pub fn unknown_code(&self) -> Option<&str> {
        self.allow
            .iter()
            .chain(&self.deny)
            .map(String::as_str)
            .find(|c| !CODES.iter().any(|(code, _)| code == c))
    }
}

/// Every lint in `module`, in source order, minus those silenced by a
/// `# aio: allow CODE` comment on their line or by `config`.
pub fn lint(module: &Module, source: &str, config: &LintConfig) -> Vec<Lint> {
    let facts = facts::Facts::gather(module);
    let mut found = Vec::new();
    rules_async::check(module, &facts, &mut found);
    rules_names::check(module, source, &facts, &mut found);
    found.retain(|l| !config.is_allowed(l.code) && !silenced_on_line(source, l));
    found.sort_by_key(|l| (l.span.start, l.code));
    found.dedup_by(|a, b| a.code == b.code && a.span == b.span);
    found
}

/// `# aio: allow AIO101` (or several codes) in a comment on the lint's line.
fn silenced_on_line(source: &str, lint: &Lint) -> bool {
    let start = source
        .get(..lint.span.start.min(source.len()))
        .map_or(0, |b| b.rfind('\n').map_or(0, |i| i + 1));
    let line = source[start..].lines().next().unwrap_or("");
    let Some(comment) = line.find('#').map(|i| &line[i + 1..]) else {
        return false;
    };
    comment
        .split('#')
        .filter_map(|c| c.trim().strip_prefix("aio:"))
        .filter_map(|c| c.trim().strip_prefix("allow"))
        .any(|codes| codes.split([' ', ',']).any(|c| c.trim() == lint.code))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(src: &str) -> Vec<&'static str> {
        let module = crate::parser::parse(src).unwrap_or_else(|e| panic!("{e:?}"));
        lint(&module, src, &LintConfig::default())
            .iter()
            .map(|l| l.code)
            .collect()
    }

    #[test]
    fn each_rule_fires_on_its_mistake() {
        let cases: &[(&str, &str)] = &[
            (
                "AIO101",
                "import asyncio\nasync def f():\n    pass\nasync def main():\n    f()\nasyncio.run(main())\n",
            ),
            (
                "AIO101",
                "import asyncio\nasync def main():\n    asyncio.sleep(1)\nasyncio.run(main())\n",
            ),
            (
                "AIO102",
                "import asyncio, time\nasync def main():\n    time.sleep(1)\nasyncio.run(main())\n",
            ),
            (
                "AIO103",
                "import asyncio\nasync def f():\n    pass\nasync def main():\n    asyncio.run(f())\nasyncio.run(main())\n",
            ),
            (
                "AIO104",
                "import asyncio\nasync def f():\n    pass\nasync def main():\n    asyncio.create_task(f())\n    await asyncio.sleep(0)\nasyncio.run(main())\n",
            ),
            (
                "AIO105",
                "import asyncio\nasync def main():\n    with asyncio.Lock():\n        pass\nasyncio.run(main())\n",
            ),
            (
                "AIO106",
                "import asyncio\nasync def gen():\n    yield 1\nasync def main():\n    for x in gen():\n        print(x)\nasyncio.run(main())\n",
            ),
            (
                "AIO107",
                "import asyncio\nasync def f():\n    pass\nasync def main():\n    await [f(), f()]\nasyncio.run(main())\n",
            ),
            (
                "AIO108",
                "import asyncio\ndone = False\nasync def main():\n    while not done:\n        pass\nasyncio.run(main())\n",
            ),
            (
                "AIO109",
                "import asyncio\nasync def main():\n    try:\n        await asyncio.sleep(1)\n    except asyncio.CancelledError:\n        print('x')\nasyncio.run(main())\n",
            ),
            (
                "AIO110",
                "import asyncio\nasync def main():\n    await asycnio.sleep(1)\nasyncio.run(main())\n",
            ),
            (
                "AIO111",
                "import asyncio, json\nasyncio.run(asyncio.sleep(0))\n",
            ),
            (
                "AIO112",
                "import asyncio\nasync def main():\n    await asyncio.gahter()\nasyncio.run(main())\n",
            ),
        ];
        for (code, src) in cases {
            assert_eq!(codes(src), [*code], "{src}");
        }
    }

    #[test]
    fn correct_code_is_clean() {
        let src = "import asyncio, time\n\
                   async def f(x):\n    await asyncio.sleep(x)\n    return x\n\
                   async def main():\n    \
                       t = asyncio.create_task(f(1))\n    \
                       async with asyncio.TaskGroup() as tg:\n        tg.create_task(f(2))\n    \
                       print(await asyncio.gather(*[f(i) for i in range(3)]), await t, time.time())\n\
                   asyncio.run(main())\n";
        assert_eq!(codes(src), Vec::<&str>::new());
    }

    #[test]
    fn a_comment_silences_one_line() {
        let src = "import asyncio, time\nasync def main():\n    time.sleep(1)  # aio: allow AIO102\n    time.sleep(2)\nasyncio.run(main())\n";
        assert_eq!(codes(src), ["AIO102"]);
    }
}
