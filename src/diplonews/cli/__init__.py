"""The ``diplonews`` command line. Each command lives in its own module of this package;
commands only parse options, call the library and turn its errors into messages and exit codes."""
from __future__ import annotations

from pathlib import Path

import click

from ..corpus import find_root


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--root", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Repository root (default: $DIPLONEWS_ROOT, else the nearest folder upwards with corpus/).")
@click.version_option(package_name="diplonews")
@click.pass_context
def main(ctx: click.Context, root: Path | None) -> None:
    """diplonews: a gold-annotated corpus of diplomatic news, and the tools that keep it."""
    ctx.obj = root or find_root()


# Each command module registers itself on import (one per line, so branches merge cleanly).
from . import agreement  # noqa: E402,F401
from . import audit  # noqa: E402,F401
from . import authoring  # noqa: E402,F401
from . import baseline  # noqa: E402,F401
from . import build  # noqa: E402,F401
from . import evaluate  # noqa: E402,F401
from . import ingest  # noqa: E402,F401
from . import labelstudio  # noqa: E402,F401
from . import migrate  # noqa: E402,F401
from . import publish  # noqa: E402,F401
from . import schema  # noqa: E402,F401
from . import stats  # noqa: E402,F401
from . import validate  # noqa: E402,F401
