"""``diplonews ls``: the Label Studio loop (config, tasks, push, pull, import)."""
from __future__ import annotations

from pathlib import Path

import click

from .. import jsonio
from ..corpus import Layout
from ..labelstudio import client
from ..problems import DiplonewsError
from . import main
from .output import fail

URL = click.option("--url", envvar="LABEL_STUDIO_URL", show_envvar=True, required=True, help="Label Studio base URL, e.g. http://localhost:8080.")
API_KEY = click.option("--api-key", envvar="LABEL_STUDIO_API_KEY", show_envvar=True, required=True, help="API token (never printed).")


def _emit(text: str, output: Path | None) -> None:
    if output:
        jsonio.write_atomic(output, text)
        click.echo(f"wrote {output}", err=True)
    else:
        click.echo(text, nl=False)


@main.group("ls")
def ls() -> None:
    """Label Studio: generate the config and tasks, push, pull, import annotations as gold."""


@ls.command("config")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write here instead of stdout.")
def config_cmd(output: Path | None) -> None:
    """Print the labeling config XML generated from the ontology."""
    from ..labelstudio.config import labeling_config

    _emit(labeling_config(), output)


@ls.command("tasks")
@click.argument("doc_ids", nargs=-1)
@click.option("--predictions", type=click.Path(exists=True, path_type=Path), help="Pre-annotate from this predictions file or folder instead of gold.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write here instead of stdout.")
@click.pass_obj
def tasks_cmd(root: Path, doc_ids: tuple[str, ...], predictions: Path | None, output: Path | None) -> None:
    """Tasks JSON for DOC_IDS (default: all corpus texts), pre-annotated from gold or --predictions."""
    from ..labelstudio.tasks import build_tasks  # the validator (for --predictions): jsonschema

    _emit(jsonio.dumps(build_tasks(Layout(root), list(doc_ids) or None, predictions)), output)


@ls.command("import")
@click.argument("export", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--write", is_flag=True, help="Write the gold files (default: report the changes only).")
@click.pass_obj
def import_cmd(root: Path, export: Path, write: bool) -> None:
    """Turn a Label Studio JSON EXPORT into gold files; report changes per document.

    Nothing is written unless every task converts and --write is given.
    """
    from ..labelstudio import importer  # the validator: jsonschema

    layout = Layout(root)
    try:
        changes = importer.plan_import(export, layout)
    except DiplonewsError as exc:
        fail(exc.problems, summary=f"{len(exc.problems)} problem(s) in {export}; nothing written")
    for change in changes:
        click.echo(change.render())
    if write:
        written = importer.write_import(layout, changes)
        click.echo(f"wrote {len(written)} file(s)")
    else:
        click.echo("checked only; pass --write to write")


@ls.command("push")
@click.argument("doc_ids", nargs=-1)
@click.option("--predictions", type=click.Path(exists=True, path_type=Path), help="Pre-annotate from this predictions file or folder instead of gold.")
@click.option("--project", "project_id", type=int, help="Project id to update (default: the project titled --title, created if missing).")
@click.option("--title", default=client.DEFAULT_TITLE, show_default=True, help="Project title.")
@URL
@API_KEY
@click.pass_obj
def push_cmd(root: Path, doc_ids, predictions, project_id, title, url, api_key) -> None:
    """Create or update the project with the generated config and import tasks for DOC_IDS."""
    from ..labelstudio.tasks import build_tasks  # the validator (for --predictions): jsonschema

    tasks = build_tasks(Layout(root), list(doc_ids) or None, predictions)
    click.echo(f"pushing {len(tasks)} task(s) to {url} ...", err=True)
    result = client.push(url, api_key, tasks, project_id, title)
    click.echo(f"project {result.project_id} ({'created' if result.created else 'config updated'}): "
               f"{len(result.imported)} task(s) imported, {len(result.skipped)} already there")


@ls.command("pull")
@click.option("--project", "project_id", type=int, required=True, help="Project id.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True, help="Where to save the JSON export.")
@URL
@API_KEY
def pull_cmd(project_id: int, output: Path, url, api_key) -> None:
    """Save the project's JSON export (annotators named by e-mail); then run `ls import`."""
    jsonio.check_writable(output)  # before the export, which can take long
    click.echo(f"exporting project {project_id} from {url} ...", err=True)
    export = client.pull(url, api_key, project_id)
    jsonio.write_json(output, export)
    done = sum(1 for t in export if t.get("annotations"))
    click.echo(f"saved {len(export)} task(s), {done} annotated, to {output}")
