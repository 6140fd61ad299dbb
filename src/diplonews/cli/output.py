"""The one error path of the command line: problems shown one way, and three exit codes.

0: done, nothing wrong. 1 (:data:`EXIT_PROBLEMS`): problems found (in the data, the inputs,
the outputs or the environment), each shown with its code and location. 2: a usage error
(click's own: an unknown option, a missing argument). Text goes to stderr, one problem a
line; ``--format json`` puts ``{"problems": [...]}`` on stdout, for programs.
"""
from __future__ import annotations

import json
from typing import NoReturn

import click

from ..problems import Problem

EXIT_PROBLEMS = 1


def fail(problems: list[Problem], fmt: str = "text", summary: str | None = None) -> NoReturn:
    """Show ``problems`` (and a closing ``summary`` line in text) and exit 1."""
    if fmt == "json":
        click.echo(json.dumps({"problems": [p.as_dict() for p in problems]}, ensure_ascii=False, indent=2))
    else:
        for problem in problems:
            click.echo(problem.render(), err=True)
        if summary:
            click.echo(summary, err=True)
    raise SystemExit(EXIT_PROBLEMS)
