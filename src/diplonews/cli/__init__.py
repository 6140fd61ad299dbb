"""The ``diplonews`` command line. Each command lives in its own module of this package;
commands only parse options, call the library and report. A library call that cannot go
on raises :class:`~diplonews.problems.DiplonewsError`; :class:`Command` turns it into
problems on the one error path of :mod:`.output` (exit 1), so no command prints a traceback
for bad input, and none has its own way of showing errors.

Command modules import the library inside each command function, not at their top: this
package is imported for every command (and for ``--help``), so a module-level import of
the validator, the scorer or the build would make every start pay for jsonschema, numpy,
datasets, pyarrow and matplotlib. A test checks that ``--help`` loads none of them."""
from __future__ import annotations

from pathlib import Path

import click

from ..corpus import find_root
from ..problems import DiplonewsError
from .output import fail


class Command(click.Command):
    """A command whose DiplonewsError is shown as problems, as JSON when it was run with ``--format json``."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except DiplonewsError as exc:
            fail(exc.problems, "json" if ctx.params.get("fmt") == "json" else "text")


class Group(click.Group):
    """A group whose commands and subgroups are :class:`Command` and :class:`Group`."""

    command_class = Command
    group_class = type  # subgroups of a Group are Groups


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--root", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Repository root (default: $DIPLONEWS_ROOT, else the nearest folder upwards with corpus/).")
@click.version_option(package_name="diplonews")
@click.pass_context
def main(ctx: click.Context, root: Path | None) -> None:
    """diplonews: a gold-annotated corpus of diplomatic news, and the tools that keep it."""
    ctx.obj = root or find_root()


# Each command module registers itself on import (one per line, so branches merge cleanly).
from . import agreement  # noqa: E402,F401
from . import anchor  # noqa: E402,F401
from . import audit  # noqa: E402,F401
from . import authoring  # noqa: E402,F401
from . import baseline  # noqa: E402,F401
from . import build  # noqa: E402,F401
from . import codes  # noqa: E402,F401
from . import evaluate  # noqa: E402,F401
from . import export  # noqa: E402,F401
from . import ingest  # noqa: E402,F401
from . import labelstudio  # noqa: E402,F401
from . import migrate  # noqa: E402,F401
from . import prompt  # noqa: E402,F401
from . import publish  # noqa: E402,F401
from . import schema  # noqa: E402,F401
from . import stats  # noqa: E402,F401
from . import validate  # noqa: E402,F401
from . import view  # noqa: E402,F401
from . import importing  # noqa: E402,F401
