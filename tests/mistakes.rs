//! Mistakes people make with async code, reported at run time with what is
//! wrong, where, and what to write instead (issue: lints, debug mode,
//! deadlock reports). The programs live in tests/mistakes/; CPython hangs on
//! the deadlocks and prints only its message for the others, so these
//! expectations are aio's own additions: CPython's last line is kept as the
//! last line, and aio's help goes just above it.

mod runner_common;

use runner_common::*;

fn run_mistake(name: &str) -> Run {
    aio_in(&manifest_dir().join("tests/mistakes"), &["run", name])
}

fn last_line(text: &str) -> &str {
    text.lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
}

#[test]
fn a_deadlock_names_every_waiting_task_and_its_line() {
    let run = run_mistake("deadlock_queue.aio");
    assert_eq!(run.status, 1, "{run:?}");
    assert_eq!(run.stdout, "waiting\n");
    let report = [
        "aio: deadlock: the event loop has nothing left to run (no ready callbacks, no timers, no I/O) but tasks are still waiting:",
        "  task \"Task-1\": blocked in Event.wait() — no task will set() the event",
        "      at deadlock_queue.aio:14 in main(): await ev.wait()",
        "  task \"consumer\": blocked in Queue.get() — no task will put an item into the queue",
        "      at deadlock_queue.aio:6 in consumer(): item = await q.get()",
    ]
    .join("\n");
    assert!(run.stderr.starts_with(&report), "{run:?}");
    assert_eq!(
        last_line(&run.stderr),
        "RuntimeError: Event loop stopped before Future completed: deadlock (every task is waiting and nothing is scheduled to wake any of them)"
    );
}

#[test]
fn a_deadlock_on_a_lock_and_on_tasks() {
    let run = run_mistake("deadlock_lock.aio");
    assert_eq!(run.status, 1, "{run:?}");
    for line in [
        "  task \"Task-1\": awaiting task waiter",
        "      at deadlock_lock.aio:18 in main(): await asyncio.create_task(waiter(), name=\"waiter\")",
        "  task \"holder\": waiting on <Future pending cb=[Task.task_wakeup()]>",
        "      at deadlock_lock.aio:9 in holder(): await asyncio.get_running_loop().create_future()",
        "  task \"waiter\": blocked in Lock.acquire() — the lock is held and no task will release it",
        "      at deadlock_lock.aio:12 in waiter(): async with lock:",
    ] {
        assert!(run.stderr.contains(line), "missing {line:?}\n{run:?}");
    }
}

#[test]
fn a_deadlocked_repl_line_is_reported_and_the_session_survives() {
    let run = aio_with(
        &manifest_dir(),
        &["repl"],
        Some("import asyncio\nq = asyncio.Queue()\nawait q.get()\nprint('alive')\n"),
    );
    assert!(
        run.stderr.contains(
            "  task \"Task-1\": blocked in Queue.get() — no task will put an item into the queue"
        ) || run
            .stdout
            .contains("  task \"Task-1\": blocked in Queue.get()"),
        "{run:?}"
    );
    assert!(run.stdout.contains("alive"), "{run:?}");
}

/// Each program's help line, then CPython's own message as the last line.
#[test]
fn messages_that_teach_keep_cpythons_last_line() {
    for (file, help, last) in [
        (
            "with_timeout.aio",
            "  help: use 'async with': this is an asynchronous context manager",
            "TypeError: 'Timeout' object does not support the context manager protocol",
        ),
        (
            "for_async_gen.aio",
            "  help: use 'async for': this is an asynchronous iterable",
            "TypeError: 'async_generator' object is not iterable",
        ),
        (
            "await_list.aio",
            "  help: to wait for several awaitables, write 'await asyncio.gather(*aws)'",
            "TypeError: object list can't be used in 'await' expression",
        ),
        (
            "nested_run.aio",
            "  help: inside a coroutine, 'await' the coroutine instead of calling asyncio.run()",
            "RuntimeError: asyncio.run() cannot be called from a running event loop",
        ),
    ] {
        let run = run_mistake(file);
        assert_eq!(run.status, 1, "{file}: {run:?}");
        let lines: Vec<&str> = run.stderr.lines().collect();
        assert_eq!(lines.last().copied(), Some(last), "{file}: {run:?}");
        assert_eq!(
            lines.get(lines.len().wrapping_sub(2)).copied(),
            Some(help),
            "{file}: {run:?}"
        );
    }
}

#[test]
fn asyncio_run_in_the_repl_suggests_await() {
    let run = aio_with(
        &manifest_dir(),
        &["repl"],
        Some("import asyncio\nasync def main():\n    return 5\n\nasyncio.run(main())\n"),
    );
    let all = format!("{}{}", run.stdout, run.stderr);
    assert!(
        all.contains("help: the REPL already runs an event loop: write 'await main()' instead"),
        "{run:?}"
    );
}

const SLOW_A: &str = "Executing <Task finished name='fetch-a' coro=<fetch() done, defined at slow_step.aio:4> result=None created at slow_step.aio:10> took 0.250 seconds\n  help: the loop was held by time.sleep(0.25) at slow_step.aio:6 in fetch(); use `await asyncio.sleep(0.25)` so other tasks can run\n";

#[test]
fn debug_mode_reports_a_step_that_holds_the_loop_and_the_line_that_did() {
    let dir = manifest_dir().join("tests/mistakes");
    let run = aio_in(
        &dir,
        &["run", "--clock", "virtual", "--debug", "slow_step.aio"],
    );
    assert_eq!(run.status, 0, "{run:?}");
    assert_eq!(run.stdout, "a fetched\nb fetched\ndone\n");
    assert!(run.stderr.starts_with(SLOW_A), "{run:?}");
    assert_eq!(
        run.stderr.matches("Executing <Task finished").count(),
        2,
        "{run:?}"
    );

    // Without debug mode, nothing is reported.
    let quiet = aio_in(&dir, &["run", "--clock", "virtual", "slow_step.aio"]);
    assert_eq!(quiet.stderr, "", "{quiet:?}");
}

#[test]
fn debug_mode_from_the_environment_and_from_asyncio_run() {
    let dir = manifest_dir().join("tests/mistakes");
    let run = aio_env(
        &dir,
        &["run", "--clock", "virtual", "slow_step.aio"],
        &[("PYTHONASYNCIODEBUG", "1")],
        &[],
    );
    assert!(run.stderr.starts_with(SLOW_A), "{run:?}");

    let code = "import asyncio, time\n\
                async def main():\n    \
                    time.sleep(0.2)  # aio: allow AIO102\n\
                asyncio.run(main(), debug=True)\n";
    let run = aio_in(&dir, &["run", "--clock", "virtual", "-c", code]);
    assert!(
        run.stderr.starts_with(
            "Executing <Task finished name='Task-1' coro=<main() done, defined at <string>:2> result=None created at <string>:4> took 0.200 seconds\n"
        ),
        "{run:?}"
    );
}

#[test]
fn a_coroutine_never_awaited_ends_with_the_fix() {
    let dir = manifest_dir().join("tests/golden/async/basics");
    let run = aio_in(&dir, &["run", "never_awaited.aio"]);
    assert!(
        run.stderr.contains(
            "never_awaited.aio:10: RuntimeWarning: coroutine 'forgotten' was never awaited\n  c = forgotten(2)\n  help: write 'await forgotten(...)', or run it as a task with asyncio.create_task(forgotten(...))\n"
        ),
        "{run:?}"
    );
    assert!(!run.stderr.contains("tracemalloc"), "{run:?}");
}
