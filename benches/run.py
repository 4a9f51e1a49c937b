#!/usr/bin/env python3
"""Benchmark harness: aio vs CPython 3.13 and the system python3.

Builds aio in release mode, runs every workload in the bench directory under
aio (`aio run --clock real FILE`) and under each CPython binary (called
directly, never through the pyenv shim), checks that the one-line check output
agrees, and prints Markdown tables of median wall time and peak RSS with the
ratios against the targets of design.md §6.

See benches/README.md for usage and the meaning of every column.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import glob
import os
import platform
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_BENCH_DIR = "/work/shared/bench"
USR_BIN_TIME = "/usr/bin/time"

# Targets from design.md §6, as aio / CPython ratios: (time, memory or None).
TARGETS = {
    "hello": (0.1, None),
    "fib": (1.0, None),
    "loop_arith": (1.0, None),
    "coroutines": (0.3, None),
    "async_tree_none": (0.3, None),
    "async_tree_io": (0.3, None),
    "spawn_many": (0.3, 0.25),
    "spawn_million": (0.3, 0.25),
    "switch_pingpong": (0.2, None),
    "queue_pingpong": (0.2, None),
    # §6 asks for uvloop's throughput or better; uvloop is not installed
    # here, so this compares with CPython's own loop (time ratio ≤ 1).
    "tcp_echo": (1.0, None),
    # Issue #3's pure-interpreter workloads (benches/workloads).
    "method_calls": (1.0, None),
    "string_build": (1.0, None),
    "dict_list": (1.0, None),
    # The re module's goal: no slower than CPython over 10 MB of log lines.
    "regex_logs": (1.0, None),
}
# Workloads run once unless --heavy (they take long and a lot of memory).
HEAVY = {"spawn_million"}
# Display order: the order of the bench README, then anything new, sorted.
ORDER = [
    "hello", "fib", "loop_arith", "method_calls", "string_build", "dict_list",
    "coroutines", "spawn_many", "spawn_million",
    "switch_pingpong", "queue_pingpong", "async_tree_none", "async_tree_io",
    "tcp_echo",
]


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


# --------------------------------------------------------------------------
# Finding binaries


def resolve_python(label: str, explicit: str | None, pyenv_version: str | None,
                   globs: list[str], fallbacks: list[str]) -> str | None:
    """The real path of a python binary, bypassing the pyenv shim."""
    if explicit:
        return os.path.realpath(explicit)
    candidates: list[str] = []
    if shutil.which("pyenv"):
        env = dict(os.environ)
        if pyenv_version:
            env["PYENV_VERSION"] = pyenv_version
        try:
            out = subprocess.run(["pyenv", "which", "python3"], env=env,
                                 capture_output=True, text=True, timeout=30)
            if out.returncode == 0 and out.stdout.strip():
                candidates.append(out.stdout.strip())
        except (OSError, subprocess.TimeoutExpired):
            pass
    for pattern in globs:
        candidates.extend(sorted(glob.glob(os.path.expanduser(pattern))))
    candidates.extend(fallbacks)
    for cand in candidates:
        real = os.path.realpath(cand)
        if os.path.isfile(real) and os.access(real, os.X_OK) and "/shims/" not in real:
            return real
    log(f"warning: no {label} binary found")
    return None


def python_version(binary: str) -> str:
    try:
        out = subprocess.run([binary, "-c", "import sys; print(sys.version.split()[0])"],
                             capture_output=True, text=True, timeout=30)
        return out.stdout.strip() or "?"
    except (OSError, subprocess.TimeoutExpired):
        return "?"


def ensure_usr_bin_time() -> bool:
    if os.access(USR_BIN_TIME, os.X_OK):
        return True
    if os.geteuid() == 0 and shutil.which("apt-get"):
        log("/usr/bin/time missing; trying `apt-get install -y time`")
        subprocess.run(["apt-get", "install", "-y", "time"],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if os.access(USR_BIN_TIME, os.X_OK):
        return True
    log("warning: /usr/bin/time unavailable; measuring peak RSS with wait4() instead")
    return False


# --------------------------------------------------------------------------
# Running one measurement


@dataclass
class Run:
    ok: bool
    wall: float | None = None
    rss_kib: int | None = None
    stdout: str = ""
    error: str | None = None  # "timeout", "exit 1: NameError: ...", ...


def _last_line(text: str) -> str:
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    return lines[-1] if lines else ""


def _preexec(mem_limit_mib: int):
    def fn():
        if mem_limit_mib > 0:
            limit = mem_limit_mib * 1024 * 1024
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    return fn


def run_once(cmd: list[str], timeout: float, use_time: bool, mem_limit_mib: int) -> Run:
    time_file = None
    full = list(cmd)
    if use_time:
        fd, time_file = tempfile.mkstemp(prefix="aio-bench-time-")
        os.close(fd)
        full = [USR_BIN_TIME, "-v", "-o", time_file] + full
    out_f = tempfile.TemporaryFile()
    err_f = tempfile.TemporaryFile()
    try:
        start = time.perf_counter()
        proc = subprocess.Popen(full, stdin=subprocess.DEVNULL, stdout=out_f, stderr=err_f,
                                start_new_session=True, preexec_fn=_preexec(mem_limit_mib))
        deadline = start + timeout
        status = None
        rusage = None
        while True:
            pid, st, ru = os.wait4(proc.pid, os.WNOHANG)
            if pid == proc.pid:
                status, rusage = st, ru
                wall = time.perf_counter() - start
                proc.returncode = os.waitstatus_to_exitcode(st)
                break
            if time.perf_counter() >= deadline:
                # Kill the whole process group we created (time + interpreter).
                try:
                    os.killpg(proc.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                os.waitpid(proc.pid, 0)
                proc.returncode = -9
                return Run(ok=False, error=f"timeout (>{timeout:g} s)")
            time.sleep(0.005 if time.perf_counter() - start < 2 else 0.05)
        out_f.seek(0)
        err_f.seek(0)
        stdout = out_f.read().decode("utf-8", "replace")
        stderr = err_f.read().decode("utf-8", "replace")
        rss_kib = None
        time_exit = None
        if use_time and time_file:
            with open(time_file, encoding="utf-8", errors="replace") as f:
                tv = f.read()
            for line in tv.splitlines():
                line = line.strip()
                if line.startswith("Maximum resident set size"):
                    rss_kib = int(line.rsplit(":", 1)[1].strip())
                elif line.startswith("Command terminated by signal"):
                    time_exit = "killed by signal " + line.rsplit(" ", 1)[1]
                elif line.startswith("Exit status:"):
                    pass
        else:
            rss_kib = rusage.ru_maxrss if rusage else None  # KiB on Linux
        code = proc.returncode
        if code != 0 or time_exit:
            why = time_exit or f"exit {code}"
            detail = _last_line(stderr)
            return Run(ok=False, wall=wall, rss_kib=rss_kib, stdout=stdout,
                       error=f"{why}: {detail}" if detail else why)
        return Run(ok=True, wall=wall, rss_kib=rss_kib, stdout=stdout)
    finally:
        out_f.close()
        err_f.close()
        if time_file:
            try:
                os.unlink(time_file)
            except OSError:
                pass


# --------------------------------------------------------------------------
# Results


@dataclass
class Result:
    runs: list[Run] = field(default_factory=list)

    @property
    def error(self) -> str | None:
        for r in self.runs:
            if not r.ok:
                return r.error
        return None if self.runs else "not run"

    @property
    def median(self) -> float | None:
        walls = [r.wall for r in self.runs if r.ok]
        return statistics.median(walls) if walls and self.error is None else None

    @property
    def peak_mib(self) -> float | None:
        rss = [r.rss_kib for r in self.runs if r.ok and r.rss_kib is not None]
        return max(rss) / 1024 if rss and self.error is None else None

    @property
    def check(self) -> str | None:
        outs = {r.stdout.strip() for r in self.runs if r.ok}
        if not outs:
            return None
        if len(outs) > 1:
            return "<differs between runs: " + " / ".join(sorted(outs)) + ">"
        return outs.pop()


def fmt_s(v: float | None) -> str:
    if v is None:
        return "—"
    return f"{v:.3f}" if v < 10 else f"{v:.2f}"


def fmt_mib(v: float | None) -> str:
    if v is None:
        return "—"
    return f"{v:,.1f}" if v < 100 else f"{v:,.0f}"


def fmt_ratio(a: float | None, b: float | None) -> str:
    if a is None or b is None or b == 0:
        return "—"
    return f"{a / b:.2f}"


def md_cell(text: str, limit: int = 90) -> str:
    text = " ".join(text.split()).replace("|", "\\|")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def table(names, results, aio_key, py_key, py_label) -> list[str]:
    head = (f"| workload | aio s | {py_label} s | ratio | target | aio MiB | "
            f"{py_label} MiB | mem ratio | meets target? |")
    lines = [head, "| --- | ---: | ---: | ---: | --- | ---: | ---: | ---: | --- |"]
    for name in names:
        res = results[name]
        a, p = res[aio_key], res[py_key]
        t_target, m_target = TARGETS.get(name, (None, None))
        target = "—" if t_target is None else f"≤ {t_target:.1f}" if t_target == int(t_target) else f"≤ {t_target:g}"
        if m_target is not None:
            target += f" time, ≤ {m_target:g} mem"
        n_runs = max(len(a.runs), len(p.runs))
        label = f"{name} (×{n_runs})" if n_runs != 1 else f"{name} (×1)"

        a_s = fmt_s(a.median) if a.error is None else "error"
        p_s = fmt_s(p.median) if p.error is None else "error"
        ratio = fmt_ratio(a.median, p.median)
        mem_ratio = fmt_ratio(a.peak_mib, p.peak_mib)

        problems = []
        if a.error is not None:
            problems.append(f"aio error: {a.error}")
        if p.error is not None:
            problems.append(f"{py_label} error: {p.error}")
        mismatch = (a.check is not None and p.check is not None and a.check != p.check)
        if mismatch:
            label = f"**{label} ⚠ CHECK MISMATCH**"
            problems.append("check mismatch")
        if problems:
            verdict = "**no** — " + "; ".join(problems)
        elif t_target is None:
            verdict = "— (no target)"
        else:
            t_ok = a.median / p.median <= t_target
            m_ok = True
            if m_target is not None:
                m_ok = (a.peak_mib is not None and p.peak_mib is not None
                        and a.peak_mib / p.peak_mib <= m_target)
            if t_ok and m_ok:
                verdict = "yes"
            else:
                missed = []
                if not t_ok:
                    missed.append("time")
                if not m_ok:
                    missed.append("memory")
                verdict = "no (" + ", ".join(missed) + ")"
        lines.append(f"| {label} | {a_s} | {p_s} | {ratio} | {target} | "
                     f"{fmt_mib(a.peak_mib)} | {fmt_mib(p.peak_mib)} | {mem_ratio} | "
                     f"{md_cell(verdict, 160)} |")
    return lines


def machine_note() -> list[str]:
    cpu = platform.processor() or "?"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    mem = "?"
    try:
        with open("/proc/meminfo") as f:
            for line in f:
                if line.startswith("MemTotal"):
                    mem = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
                    break
    except OSError:
        pass
    return [f"{platform.system()} {platform.release()} {platform.machine()}, "
            f"{os.cpu_count()} CPUs ({cpu}), {mem} RAM"]


def loadavg() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "?"


# --------------------------------------------------------------------------


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bench-dir", default=DEFAULT_BENCH_DIR,
                    help=f"directory of *.aio workloads (default {DEFAULT_BENCH_DIR})")
    ap.add_argument("--runs", type=int, default=3, help="runs per interpreter (default 3)")
    ap.add_argument("--only", action="append", default=[], metavar="NAME",
                    help="run only this workload (repeatable; name without .aio)")
    ap.add_argument("--skip", action="append", default=[], metavar="NAME",
                    help="skip this workload (repeatable)")
    ap.add_argument("--timeout", type=float, default=120.0,
                    help="per-run timeout in seconds (default 120)")
    ap.add_argument("--heavy", action="store_true",
                    help="apply --runs to heavy workloads (spawn_million) too; otherwise they run once")
    ap.add_argument("--mem-limit", type=int, default=12288, metavar="MIB",
                    help="address-space limit per run (RLIMIT_AS) in MiB, protecting a shared "
                         "machine; 0 = none (default 12288)")
    ap.add_argument("--no-build", action="store_true", help="skip `cargo build --release`")
    ap.add_argument("--aio", help="aio binary (default target/release/aio in the repo)")
    ap.add_argument("--python313", help="CPython 3.13 binary (default: pyenv 3.13)")
    ap.add_argument("--python3", help="system python3 binary (default: `pyenv which python3`, "
                                      "else python3 on PATH, real path)")
    ap.add_argument("--python-arg", action="append", default=[], metavar="ARG",
                    help="extra argument for both CPythons, e.g. --python-arg=-S (repeatable)")
    ap.add_argument("--no-system-python", action="store_true",
                    help="compare against CPython 3.13 only")
    ap.add_argument("--output", "-o", metavar="FILE",
                    help="also write the Markdown report to FILE")
    args = ap.parse_args()

    # Build.
    aio = os.path.abspath(args.aio) if args.aio else os.path.join(REPO, "target", "release", "aio")
    if not args.no_build and not args.aio:
        log(f"building aio: cargo build --release (in {REPO})")
        r = subprocess.run(["cargo", "build", "--release"], cwd=REPO)
        if r.returncode != 0:
            log("error: cargo build --release failed")
            return 2
    if not os.access(aio, os.X_OK):
        log(f"error: no aio binary at {aio}")
        return 2

    py313 = resolve_python("CPython 3.13", args.python313, "3.13.0",
                           ["~/.pyenv/versions/3.13*/bin/python3.13"],
                           [shutil.which("python3.13") or ""])
    interps: list[tuple[str, str, list[str]]] = [("aio", "aio", [aio, "run", "--clock", "real"])]
    labels = {"aio": "aio"}
    if py313:
        v = python_version(py313)
        interps.append(("py313", f"CPython {v}", [py313] + args.python_arg))
        labels["py313"] = f"CPython {v}"
    sys_py = None
    if not args.no_system_python:
        sys_py = resolve_python("system python3", args.python3, None, [],
                                [shutil.which("python3") or "", "/usr/bin/python3"])
        if sys_py and py313 and os.path.samefile(sys_py, py313):
            log("note: system python3 is the same binary as CPython 3.13; skipping it")
            sys_py = None
        if sys_py:
            v = python_version(sys_py)
            interps.append(("pysys", f"python3 {v}", [sys_py] + args.python_arg))
            labels["pysys"] = f"python3 {v}"

    # Workloads.
    bench_dir = os.path.abspath(args.bench_dir)
    files = {os.path.splitext(os.path.basename(p))[0]: p
             for p in glob.glob(os.path.join(bench_dir, "*.aio"))}
    # Workloads the shared directory lacks (tcp_echo) live in the repo.
    for p in glob.glob(os.path.join(REPO, "benches", "workloads", "*.aio")):
        files.setdefault(os.path.splitext(os.path.basename(p))[0], p)
    if not files:
        log(f"error: no *.aio workloads in {bench_dir}")
        return 2
    for n in args.only + args.skip:
        if n.removesuffix(".aio") not in files:
            log(f"warning: no workload named {n!r} in {bench_dir}")
    names = sorted(files, key=lambda n: (ORDER.index(n) if n in ORDER else len(ORDER), n))
    if args.only:
        only = {n.removesuffix(".aio") for n in args.only}
        names = [n for n in names if n in only]
    skip = {n.removesuffix(".aio") for n in args.skip}
    names = [n for n in names if n not in skip]

    use_time = ensure_usr_bin_time()
    for key, label, cmd in interps:
        log(f"{label}: {cmd[0]}")

    load_before = loadavg()
    started = _dt.datetime.now().astimezone()
    results: dict[str, dict[str, Result]] = {}
    for name in names:
        path = files[name]
        n_runs = args.runs if (name not in HEAVY or args.heavy) else 1
        res = {key: Result() for key, _, _ in interps}
        results[name] = res
        # Interleave interpreters run by run, so that load spikes hit all of them.
        for i in range(n_runs):
            for key, label, cmd in interps:
                if res[key].error is not None and res[key].runs:
                    continue  # one failure (error/timeout) is enough; don't repeat it
                r = run_once(cmd + [path], args.timeout, use_time, args.mem_limit)
                res[key].runs.append(r)
                if r.ok:
                    rss = f"{r.rss_kib / 1024:.1f} MiB" if r.rss_kib is not None else "? MiB"
                    log(f"  {name} [{i + 1}/{n_runs}] {label}: {r.wall:.3f} s, {rss}, "
                        f"{_last_line(r.stdout)!r}")
                else:
                    log(f"  {name} [{i + 1}/{n_runs}] {label}: FAILED — {r.error}")
        checks = {key: res[key].check for key, _, _ in interps if res[key].check is not None}
        if len(set(checks.values())) > 1:
            log(f"!!! CHECK MISMATCH in {name}:")
            for key, c in checks.items():
                log(f"!!!   {labels[key]}: {c!r}")
    finished = _dt.datetime.now().astimezone()

    # Report.
    out: list[str] = []
    out.append(f"Run {started:%Y-%m-%d %H:%M %Z} – {finished:%H:%M}; "
               f"load average before {load_before}, after {loadavg()}.")
    out.append("Machine: " + machine_note()[0] + ".")
    out.append("")
    out.append("Interpreters:")
    out.append("")
    for key, label, cmd in interps:
        out.append(f"- {label}: `{' '.join(cmd)}`")
    out.append("")
    out.append(f"Runs per workload: {args.runs} (heavy workloads "
               f"{'too' if args.heavy else 'once'}: {', '.join(sorted(HEAVY))}); "
               f"timeout {args.timeout:g} s per run; times are medians of wall time, "
               f"MiB the highest peak RSS over the runs "
               f"({'/usr/bin/time -v' if use_time else 'wait4 rusage'}).")
    out.append("")
    for key, label, _ in interps[1:]:
        out.append(f"### aio vs {label}")
        out.append("")
        out.extend(table(names, results, "aio", key, label))
        out.append("")

    # Check lines and problems.
    problems = []
    for name in names:
        res = results[name]
        checks = {labels[k]: res[k].check for k in res if res[k].check is not None}
        if len(set(checks.values())) > 1:
            problems.append(f"- **{name}: check mismatch** — " +
                            "; ".join(f"{l}: `{c}`" for l, c in checks.items()))
        for k in res:
            if res[k].error is not None:
                problems.append(f"- {name}: {labels[k]} failed — `{md_cell(res[k].error, 300)}`")
    out.append("Problems:" if problems else "All check lines agree; no errors or timeouts.")
    if problems:
        out.append("")
        out.extend(problems)
    out.append("")
    out.append("Check lines:")
    out.append("")
    for name in names:
        res = results[name]
        c = next((res[k].check for k in res if res[k].check is not None), None)
        out.append(f"- {name}: `{c}`" if c is not None else f"- {name}: (no output)")

    report = "\n".join(out) + "\n"
    print(report)
    if args.output:
        with open(args.output, "w", encoding="utf-8") as f:
            f.write(report)
        log(f"wrote {args.output}")
    mismatch = any(p.startswith("- **") for p in problems)
    return 1 if mismatch else 0


if __name__ == "__main__":
    sys.exit(main())
