#!/usr/bin/env python3
"""How long `aio check` takes on a 10,000-line program (design: < 100 ms).

    benches/check_10k.py [--aio target/release/aio] [--runs 5]

The program is the learner examples (examples/*.aio) repeated until it has
10,000 lines; the time is the best of the runs, parse + compile + lints.
"""
import argparse, pathlib, subprocess, sys, tempfile, time

root = pathlib.Path(__file__).resolve().parent.parent
parser = argparse.ArgumentParser()
parser.add_argument("--aio", default=str(root / "target/release/aio"))
parser.add_argument("--runs", type=int, default=5)
args = parser.parse_args()

lines = []
sources = sorted((root / "examples").glob("*.aio"))
while len(lines) < 10_000:
    for path in sources:
        whole = path.read_text().splitlines()
        if len(lines) + len(whole) > 10_000:
            # Fill up with whole statements only, so the program parses.
            lines.extend(["x = 0"] * (10_000 - len(lines)))
            break
        lines.extend(whole)
with tempfile.NamedTemporaryFile("w", suffix=".aio", delete=False) as f:
    f.write("\n".join(lines) + "\n")
    program = f.name

best = None
for _ in range(args.runs):
    start = time.perf_counter()
    done = subprocess.run([args.aio, "check", program], capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):
        sys.exit(f"aio check failed:\n{done.stderr[-2000:]}")
    best = elapsed if best is None else min(best, elapsed)
warnings = done.stderr.strip().splitlines()[-1] if done.stderr.strip() else "no lints"
print(f"aio check, {len(lines)} lines: {best * 1000:.1f} ms (best of {args.runs}; {warnings})")
