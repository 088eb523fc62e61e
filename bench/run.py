# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Benchmark runner: piped into `odoo shell` by scripts/bench.sh (``env`` is the
shell's). Runs every bench/bench_*.py (or those named in ENDOCS_BENCH, comma
separated), prints one line per benchmark, exits 1 when a target is missed.
Nothing is committed: the shell rolls the transaction back."""

import gc
import importlib.util
import os
import sys
from pathlib import Path

BENCH_DIR = Path(os.environ["ENDOCS_BENCH_DIR"])
wanted = [w for w in os.environ.get("ENDOCS_BENCH", "").split(",") if w]
failed = []
for path in sorted(BENCH_DIR.glob("bench_*.py")):
    name = path.stem[len("bench_") :]
    if wanted and name not in wanted:
        continue
    # each benchmark starts from the same database: nothing of the others
    env.cr.rollback()  # noqa: F821 (the shell's env)
    env.invalidate_all()  # noqa: F821
    gc.collect()
    spec = importlib.util.spec_from_file_location(f"endocs_bench_{name}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for result in module.run(env):  # noqa: F821 (the shell's env)
        ok = result["ok"]
        sys.stdout.write(
            f"{result['name']:<28} {result['figure']:<44} "
            f"ratio {result['ratio']:<8} target {result['target']:<10} "
            f"{'OK' if ok else 'MISSED'}\n"
        )
        sys.stdout.flush()
        if not ok:
            failed.append(result["name"])
if failed:
    sys.stderr.write(f"benchmarks missing their target: {', '.join(failed)}\n")
    sys.exit(1)
