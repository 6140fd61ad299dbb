"""Fixtures of the Label Studio tests: a real server for the session, and small corpora.

The server is ``label-studio start`` on a fresh data dir (tmp) and a free port, with the
legacy API token enabled and a random token and password; it is polled on ``/health``
and stopped by its own process group at the end. The first start runs migrations (about
50 s on a 2-core machine).

The server runs from its own environment, as a database server would: a virtualenv under
``.cache/`` (or ``$DIPLONEWS_LS_ENV``) that the first test session creates and later ones
reuse. Label Studio pins old versions of libraries this package also uses (pytz,
trafilatura's dependencies); installed beside the package, they would change the user's
environment. The project's environment gets only the client, ``label-studio-sdk``.
"""
from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest

from diplonews import jsonio
from diplonews.authoring.markup import compile_markup
from diplonews.corpus import Layout
from diplonews.gold import write_gold

HERE = Path(__file__).parent
REPO = HERE.parents[1]
START_TIMEOUT = 240  # seconds; migrations on a slow CI machine
LS_VERSION = "1.23.2"  # the server; it pins label-studio-sdk==2.1.2, the client in the test extra
INSTALL_TIMEOUT = 1200  # seconds; a fresh environment downloads about 150 MB of wheels


def server_python() -> Path:
    """The Python of Label Studio's own environment, created on first use and then reused.

    A marker file written last says the install completed, so an interrupted install is
    started again rather than used half made."""
    env = Path(os.environ.get("DIPLONEWS_LS_ENV") or REPO / ".cache" / f"label-studio-{LS_VERSION}")
    python, marker = env / "bin" / "python", env / ".installed"
    if marker.is_file() and marker.read_text() == LS_VERSION:
        return python
    shutil.rmtree(env, ignore_errors=True)
    print(f"\ncreating Label Studio's environment in {env} (once; a few minutes)", flush=True)
    subprocess.run([sys.executable, "-m", "venv", str(env)], check=True)
    subprocess.run([str(python), "-m", "pip", "install", "-q", f"label-studio=={LS_VERSION}"], check=True, timeout=INSTALL_TIMEOUT)
    marker.write_text(LS_VERSION)
    return python


@dataclass(frozen=True)
class Server:
    url: str
    token: str


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _server_env(data_dir: Path, token: str) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("USERNAME", "PASSWORD", "HOST", "PORT") and not k.startswith(("LABEL_STUDIO_", "HEARTEX_"))}
    env.update(
        LABEL_STUDIO_BASE_DATA_DIR=str(data_dir),
        LABEL_STUDIO_USERNAME="ci@example.com",
        LABEL_STUDIO_PASSWORD=secrets.token_urlsafe(16),
        LABEL_STUDIO_USER_TOKEN=token,
        LABEL_STUDIO_ENABLE_LEGACY_API_TOKEN="true",
        LATEST_VERSION_CHECK="false",
        COLLECT_ANALYTICS="false",
        SENTRY_DSN="",
        FRONTEND_SENTRY_DSN="",
    )
    return env


def _get(url: str) -> bytes | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read()
    except OSError:
        return None


def _wait_up(proc: subprocess.Popen, url: str, log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"label-studio exited with {proc.returncode}:\n{log.read_text(errors='replace')[-3000:]}")
        body = _get(f"{url}/health")
        if body and json.loads(body).get("status") == "UP" and _get(f"{url}/api/version/"):
            return
        time.sleep(1)
    raise RuntimeError(f"label-studio did not answer on {url} within {START_TIMEOUT} s:\n{log.read_text(errors='replace')[-3000:]}")


def _stop(proc: subprocess.Popen) -> None:
    """Stop the server's own process group (it forks workers), politely then firmly."""
    for sig, wait in ((signal.SIGTERM, 20), (signal.SIGKILL, 10)):
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            return
        try:
            proc.wait(timeout=wait)
            return
        except subprocess.TimeoutExpired:
            continue


@pytest.fixture(scope="session")
def ls_server(tmp_path_factory) -> Server:
    """A real Label Studio server for the whole session."""
    base = tmp_path_factory.mktemp("label-studio")
    token = secrets.token_hex(16)
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    log = base / "server.log"
    command = [str(server_python()), "-m", "label_studio.server", "start", "--no-browser", "--port", str(port), "--internal-host", "127.0.0.1"]
    with open(log, "wb") as out:
        proc = subprocess.Popen(command, env=_server_env(base / "data", token), stdout=out, stderr=subprocess.STDOUT, cwd=base, start_new_session=True)
    try:
        started = time.monotonic()
        _wait_up(proc, url, log)
        print(f"\nlabel-studio up on {url} after {time.monotonic() - started:.1f} s")
        yield Server(url, token)
    finally:
        _stop(proc)


@pytest.fixture(scope="session")
def sdk(ls_server):
    from label_studio_sdk import LabelStudio

    return LabelStudio(base_url=ls_server.url, api_key=ls_server.token)


def _write_document(layout: Layout, markup: str) -> str:
    """Compile a markup document into the corpus, with its metadata and gold; its doc id."""
    compiled = compile_markup(markup)
    doc_id = compiled.meta["id"]
    jsonio.write_atomic(layout.text_path(doc_id), compiled.text)
    jsonio.write_json(layout.meta_path(doc_id), compiled.meta)
    write_gold(layout.gold_path(doc_id), compiled.gold)
    return doc_id


@pytest.fixture
def fixture_corpus(tmp_path) -> Layout:
    """A repository holding the fixture documents in ``tests/labelstudio/data/*.markup``."""
    layout = Layout(tmp_path / "repo")
    for source in sorted((HERE / "data").glob("*.markup")):
        _write_document(layout, source.read_text(encoding="utf-8"))
    return layout


def _annotate_as_predicted(sdk, project_id: int, edit=None) -> None:
    """Make each task's annotation from its prediction through the API, ``edit(doc_id, result)`` applied first."""
    for task in sdk.tasks.list(project=project_id, fields="all"):
        result = [dict(item) for item in task.predictions[0].result] if task.predictions else []
        if edit is not None:
            result = edit(task.data["doc_id"], result)
        sdk.annotations.create(id=task.id, result=result)


def _export_file(server: Server, project_id: int, folder: Path) -> Path:
    """Pull the project's export, as ``ls pull`` does, into ``folder``."""
    from diplonews.labelstudio import client

    path = folder / f"export-{project_id}.json"
    jsonio.write_json(path, client.pull(server.url, server.token, project_id))
    return path


@pytest.fixture
def server_export(ls_server, sdk, tmp_path):
    """push(layout's gold) -> annotations made from the predictions (edited) -> pulled export file."""
    from diplonews.labelstudio import client
    from diplonews.labelstudio.tasks import build_tasks

    def run(layout: Layout, edit=None) -> Path:
        tasks = build_tasks(layout, layout.gold_ids())
        pushed = client.push(ls_server.url, ls_server.token, tasks, None, f"test-{secrets.token_hex(4)}")
        assert pushed.created and pushed.imported == layout.gold_ids() and pushed.skipped == []
        _annotate_as_predicted(sdk, pushed.project_id, edit)
        return _export_file(ls_server, pushed.project_id, tmp_path)

    return run


@pytest.fixture
def round_trip(server_export):
    """The changes ``ls import`` plans for a server round trip of the layout's gold."""
    from diplonews.labelstudio import importer

    return lambda layout, edit=None: importer.plan_import(server_export(layout, edit), layout)


@pytest.fixture
def repo_layout() -> Layout:
    """The repository's own corpus (read only): whatever documents it holds today."""
    return Layout(REPO)
