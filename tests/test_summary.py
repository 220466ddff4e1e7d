"""The line a test run ends with (tests/conftest.py): how many tests of each real part ran, and how many were
skipped, why, and the command that installs the missing part. Run for real: pytest in a subprocess, with the
project's conftest as a plugin, on a test file of its own."""

from __future__ import annotations

import os
import re
import subprocess
import sys

from conftest import ROOT

TESTS = '''
import pytest

@pytest.mark.llm
@pytest.mark.parametrize("n", [1, 2, 3])
def test_needs_the_model(n):
    pytest.skip("llama-cpp-python[server] is not installed")

@pytest.mark.browser
def test_needs_chromium():
    pytest.skip("needs Debian's chromium")

def test_plain():
    pass
'''


def run_pytest(folder, ci: bool) -> subprocess.CompletedProcess:
    (folder / "test_parts.py").write_text(TESTS, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    if ci:
        env["CI"] = "true"
    env["PYTHONPATH"] = str(ROOT / "tests") + os.pathsep + env.get("PYTHONPATH", "")
    return subprocess.run([sys.executable, "-m", "pytest", "-p", "conftest", "-q", "-p", "no:cacheprovider",
                           "-c", str(ROOT / "pyproject.toml"), "--rootdir", str(folder), str(folder / "test_parts.py")],
                          capture_output=True, text=True, cwd=folder, env=env, timeout=300)


def test_the_summary_says_what_was_skipped_why_and_how_to_install_it(tmp_path):
    out = run_pytest(tmp_path, ci=False)
    assert out.returncode == 0, out.stdout[-3000:]
    text = out.stdout
    assert re.search(r"tests run, by the real part they need: browser 0, llm 0, postgres 0, ray 0, other 1", text), text
    line = next((ln for ln in text.splitlines() if ln.startswith("skipped: 3 llm tests")), None)
    assert line, text
    assert "llama-cpp-python[server] is not installed" in line and "scripts/install-llm-server" in line, line
    line = next((ln for ln in text.splitlines() if ln.startswith("skipped: 1 browser test")), None)
    assert line and "needs Debian's chromium" in line and "scripts/install-browser" in line, text


def test_under_ci_a_skip_fails_the_run_and_is_listed(tmp_path):
    out = run_pytest(tmp_path, ci=True)
    assert out.returncode == 1, out.stdout[-3000:]
    assert "CI: 4 test(s) skipped, which fails the run" in out.stdout and "scripts/install-llm-server" in out.stdout
