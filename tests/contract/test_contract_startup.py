"""``diplonews --help`` starts fast: it loads none of the heavy libraries (issue 12, point 7)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

SRC = str(Path(__file__).resolve().parents[2] / "src")
HEAVY = ("datasets", "pyarrow", "matplotlib", "spacy", "label_studio_sdk", "trafilatura", "numpy", "jsonschema", "jsonschema_rs")
PROBE = """
import json, sys
from diplonews.cli import main
try:
    main(sys.argv[1:], prog_name="diplonews")
except SystemExit:
    pass
print(json.dumps(sorted(m for m in {heavy} if m in sys.modules)))
"""


@pytest.mark.parametrize("args", [["--help"], ["codes"], ["validate", "--help"], ["build", "--help"], ["export", "--help"], ["ls", "--help"]])
def test_help_and_light_commands_load_no_heavy_library(args, tmp_path):
    """Run in a fresh interpreter: in the test process the libraries are long imported."""
    env = {**os.environ, "PYTHONPATH": SRC, "DIPLONEWS_ROOT": str(tmp_path)}
    result = subprocess.run([sys.executable, "-c", PROBE.format(heavy=HEAVY), *args], capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.splitlines()[-1]) == []
