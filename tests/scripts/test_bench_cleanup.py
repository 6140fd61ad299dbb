"""A benchmark stopped by SIGTERM (``kill``, a CI timeout) leaves no synthetic corpus behind."""
from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "bench_build.py"


def test_a_terminated_bench_build_removes_its_scratch_folder(tmp_path):
    run = subprocess.Popen([sys.executable, str(SCRIPT), "--sizes", "20", "--workdir", str(tmp_path)],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while not list(tmp_path.glob("dn-bench-build-20-*/repo/annotations/gold/*.json")):  # the corpus is being written
        assert run.poll() is None and time.monotonic() < deadline, run.communicate()
        time.sleep(0.05)
    run.send_signal(signal.SIGTERM)
    run.communicate(timeout=60)
    assert run.returncode == 128 + signal.SIGTERM  # it was stopped, not finished
    assert list(tmp_path.iterdir()) == []
