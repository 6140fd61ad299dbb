"""A thin wrapper over ``label-studio-sdk`` 2.x: push tasks to a project, pull its export.

Only this module talks to the server. Server refusals and connection failures become
``ls-server`` and ``ls-unreachable`` problems with the status and the server's message;
the API key is never part of a message. The SDK is imported lazily so the rest of the package works without it.
"""
from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass

from .config import labeling_config
from ..problems import DiplonewsError

DEFAULT_TITLE = "diplonews"


@dataclass(frozen=True)
class PushResult:
    project_id: int
    created: bool  # a new project, else the config of an existing one was updated
    imported: list[str]  # doc ids sent as new tasks
    skipped: list[str]  # doc ids the project already had


@contextmanager
def _server_errors(url: str, action: str):
    """Turn SDK and HTTP failures into a DiplonewsError that names the action and the server."""
    import httpx
    from label_studio_sdk.core.api_error import ApiError

    try:
        yield
    except ApiError as exc:
        raise DiplonewsError.of("ls-server", f"{action}: Label Studio at {url} answered {exc.status_code}: {str(exc.body)[:500]}") from None
    except httpx.HTTPError as exc:
        raise DiplonewsError.of("ls-unreachable", f"{action}: cannot reach Label Studio at {url} ({type(exc).__name__}: {exc})") from None


def connect(url: str, api_key: str):
    """An SDK client; ``url`` without a trailing slash, ``api_key`` a (legacy) token or personal access token."""
    if not url or not api_key:
        raise DiplonewsError.of("ls-credentials", "a Label Studio URL and API key are needed (--url/--api-key or LABEL_STUDIO_URL/LABEL_STUDIO_API_KEY)")
    try:
        from label_studio_sdk import LabelStudio
    except ImportError:
        raise DiplonewsError.of("ls-sdk-missing", "label-studio-sdk is not installed: pip install 'diplonews[labelstudio]'") from None
    return LabelStudio(base_url=url.rstrip("/"), api_key=api_key)


def _project(ls, url: str, project_id: int | None, title: str) -> tuple[int, bool]:
    """The project to use, its config set to the generated one; (id, whether it was created)."""
    xml = labeling_config()
    with _server_errors(url, "set up the project"):
        if project_id is None:
            found = [p for p in ls.projects.list(title=title) if p.title == title]
            project_id = found[0].id if found else None
        if project_id is None:
            return ls.projects.create(title=title, label_config=xml).id, True
        ls.projects.update(id=project_id, label_config=xml)
        return project_id, False


def push(url: str, api_key: str, tasks: list[dict], project_id: int | None = None, title: str = DEFAULT_TITLE) -> PushResult:
    """Create or update the project, then import the tasks of documents it does not hold yet."""
    ls = connect(url, api_key)
    pid, created = _project(ls, url, project_id, title)
    with _server_errors(url, "list the project's tasks"):
        present = {t.data.get("doc_id") for t in ls.tasks.list(project=pid, fields="all")}
    new = [t for t in tasks if t["data"]["doc_id"] not in present]
    if new:
        with _server_errors(url, "import tasks"):
            ls.projects.import_tasks(id=pid, request=new, return_task_ids=True)
    skipped = [t["data"]["doc_id"] for t in tasks if t["data"]["doc_id"] in present]
    return PushResult(pid, created, [t["data"]["doc_id"] for t in new], skipped)


def pull(url: str, api_key: str, project_id: int) -> list[dict]:
    """The project's JSON export, each ``completed_by`` user id replaced by ``{"id", "email"}``."""
    ls = connect(url, api_key)
    with _server_errors(url, f"export project {project_id}"):
        export = ls.projects.exports.as_json(project_id)
        emails = {u.id: u.email for u in ls.users.list()}
    for task in export:
        for annotation in task.get("annotations") or []:
            who = annotation.get("completed_by")
            if isinstance(who, int):
                annotation["completed_by"] = {"id": who, "email": emails.get(who)}
    return export
