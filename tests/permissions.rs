//! Permissions, as Deno has them: each kind granted and denied, with the
//! message that names the flag, and `aio test`'s sandbox with the
//! `# aio: allow=` directive that opts out of part of it.
#![cfg(unix)]

mod runner_common;

use runner_common::*;

/// Runs `code` with `flags` before it; returns what it printed.
fn run_with(dir: &TempDir, flags: &[&str], code: &str) -> Run {
    let mut args = vec!["run"];
    args.extend_from_slice(flags);
    args.extend_from_slice(&["-c", code]);
    aio_in(dir.path(), &args)
}

const TRY: &str = "
def attempt(what, f):
    try:
        f()
        print(what, 'ok')
    except PermissionError as e:
        print(what, 'denied:', e)
";

fn program(body: &str) -> String {
    format!("{TRY}\n{body}\n")
}

#[test]
fn without_flags_everything_is_allowed() {
    let dir = TempDir::new("perm-all");
    let path = dir.path().join("f.txt");
    let code = program(&format!(
        "attempt('write', lambda: open({path:?}, 'w').write('x'))\n\
         attempt('read', lambda: open({path:?}).read())\n\
         import os\nattempt('env', lambda: os.putenv('AIO_X', '1'))",
        path = path.to_string_lossy()
    ));
    let run = run_with(&dir, &[], &code);
    assert_eq!(run.stdout, "write ok\nread ok\nenv ok\n", "{run:?}");
}

#[test]
fn files_are_granted_by_folder() {
    let dir = TempDir::new("perm-files");
    dir.write("inside/data.txt", "hello");
    let inside = dir.path().join("inside");
    let code = program(
        "attempt('read inside', lambda: open('inside/data.txt').read())\n\
         attempt('read outside', lambda: open('/etc/hostname').read())\n\
         attempt('write inside', lambda: open('inside/new.txt', 'w').write('x'))\n\
         attempt('escape', lambda: open('inside/../escaped.txt', 'w').write('x'))\n\
         import os\nprint(os.path.exists('inside/data.txt'), os.path.exists('/etc/hostname'))",
    );
    let read = format!("--allow-read={}", inside.display());
    let write = format!("--allow-write={}", inside.display());
    let run = run_with(&dir, &[&read, &write], &code);
    let escaped = dir.path().join("escaped.txt");
    assert_eq!(
        run.stdout,
        format!(
            "read inside ok\n\
             read outside denied: read access to '/etc/hostname' is not allowed; run with --allow-read=/etc/hostname\n\
             write inside ok\n\
             escape denied: write access to 'inside/../escaped.txt' is not allowed; run with --allow-write=inside/../escaped.txt\n\
             True False\n"
        ),
        "{run:?}"
    );
    assert!(!escaped.exists());
}

#[test]
fn network_programs_and_environment() {
    let dir = TempDir::new("perm-net");
    let code = program(
        "import asyncio, os\n\
         async def main():\n    \
             server = await asyncio.start_server(lambda r, w: w.close(), '127.0.0.1', 0)\n    \
             port = server.sockets[0].getsockname()[1]\n    \
             r, w = await asyncio.open_connection('127.0.0.1', port)\n    \
             print('loopback ok')\n    \
             w.close()\n    \
             server.close()\n    \
             try:\n        \
                 await asyncio.open_connection('10.1.2.3', 80)\n    \
             except PermissionError as e:\n        \
                 print('denied:', e)\n    \
             try:\n        \
                 await asyncio.create_subprocess_exec('echo', 'hi')\n    \
             except PermissionError as e:\n        \
                 print('denied:', e)\n\
         asyncio.run(main())\n\
         print(os.environ.get('HOME') is None, 'AIO_SEEN' in os.environ)\n\
         attempt('putenv', lambda: os.putenv('AIO_OTHER', '1'))",
    );
    let run = aio_in(
        dir.path(),
        &[
            "run",
            "--allow-net=localhost",
            "--allow-env=AIO_SEEN",
            "-c",
            &code,
        ],
    );
    assert_eq!(
        run.stdout,
        "loopback ok\n\
         denied: network access to 10.1.2.3:80 is not allowed; run with --allow-net=10.1.2.3:80\n\
         denied: running 'echo' is not allowed; run with --allow-run=echo\n\
         True False\n\
         putenv denied: access to the environment variable 'AIO_OTHER' is not allowed; run with --allow-env=AIO_OTHER\n",
        "{run:?}"
    );
    let granted = aio_in(
        dir.path(),
        &[
            "run",
            "--sandbox",
            "--allow-run=echo",
            "-c",
            "import asyncio\n\
             async def main():\n    \
                 p = await asyncio.create_subprocess_exec('echo', 'hi', stdout=asyncio.subprocess.PIPE)\n    \
                 print((await p.communicate())[0])\n\
             asyncio.run(main())",
        ],
    );
    assert_eq!(granted.stdout, "b'hi\\n'\n", "{granted:?}");
    let sandboxed = run_with(
        &dir,
        &["--sandbox"],
        &program("attempt('read', lambda: open('x'))"),
    );
    assert_eq!(
        sandboxed.stdout,
        "read denied: read access to 'x' is not allowed; run with --allow-read=x\n",
        "{sandboxed:?}"
    );
}

#[test]
fn aio_test_runs_each_test_sandboxed_unless_a_directive_allows_more() {
    let dir = TempDir::new("perm-suite");
    let writes_here = "open('made.txt', 'w').write('x')\nprint('wrote')\n";
    dir.write("here.aio", writes_here);
    dir.write("here.out", "wrote\n");
    dir.write("allowed.aio", &format!("# aio: allow=write\n{writes_here}"));
    dir.write("allowed.out", "wrote\n");
    dir.write(
        "scratch.aio",
        "import tempfile, os\n\
         with tempfile.TemporaryDirectory() as d:\n    \
             p = os.path.join(d, 'f')\n    \
             open(p, 'w').write('data')\n    \
             print(open(p).read(), open('scratch.aio').read(6))\n\
         print(sorted(os.environ))\n",
    );
    dir.write("scratch.out", "data import\n['TMPDIR']\n");
    dir.write(
        "net.aio",
        "# aio: allow=run,env\n\
         import asyncio, os\n\
         async def main():\n    \
             p = await asyncio.create_subprocess_exec('true')\n    \
             print(await p.wait(), 'PATH' in os.environ)\n\
         asyncio.run(main())\n",
    );
    dir.write("net.out", "0 True\n");
    let run = aio_in(dir.path(), &["test", "."]);
    assert_eq!(run.status, 1, "{run:?}");
    assert_eq!(run.listed("FAIL"), ["./here.aio"], "{run:?}");
    assert!(
        run.stdout
            .contains("PermissionError: write access to 'made.txt' is not allowed; run with --allow-write=made.txt"),
        "{run:?}"
    );
    assert_eq!(run.last_line(), "3 passed, 1 failed", "{run:?}");
    assert!(dir.exists("made.txt"), "the allowed test wrote its file");
}
