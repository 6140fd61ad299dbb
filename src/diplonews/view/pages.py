"""The HTML of the viewer's pages: the index, one page per document, the treaty timeline.

Pages are plain HTML with one shared stylesheet and script (``assets/``); a document's
annotations ride along as JSON in the page, which the script reads to show the entity
chain, relations and event frames of whatever is selected. Nothing is fetched: the site
works from ``file://`` with no server.
"""
from __future__ import annotations

import json
from html import escape

from ..ontology import Ontology
from ..palette import colours
from .spans import Span, render

STYLE, SCRIPT = "view.css", "view.js"


def _page(title: str, body: str, depth: int = 0) -> str:
    up = "../" * depth
    return (f'<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>{escape(title)}</title>\n'
            f'<link rel="stylesheet" href="{up}{STYLE}">\n</head>\n<body>\n{body}\n'
            f'<script src="{up}{SCRIPT}"></script>\n</body>\n</html>\n')


def label_css(ontology: Ontology) -> str:
    """One rule per mention label (a background) and event type (an underline), in the palette's colours."""
    rules = []
    for kind, colour in colours(ontology).items():
        if kind in ontology.mention_labels:
            rules.append(f'.m[data-label="{kind}"] {{ background: {colour}; }}')
        else:
            rules.append(f'.t[data-label="{kind}"] {{ border-bottom-color: {colour}; }}')
    return "\n".join(rules) + "\n"


def _title(item: dict, what: str, entity: dict | None = None) -> str:
    attrs = " ".join(f"{k}={v}" for k, v in sorted(item.get("attributes", {}).items()))
    parts = [what, attrs, f"entity: {entity['name']}" if entity else "", f"status={item['status']}" if "status" in item else ""]
    return " · ".join(p for p in parts if p)


def annotated_text(text: str, doc: dict, side: str, errors: dict[str, str]) -> str:
    """``text`` with each mention and trigger of ``doc`` an element: ``data-id`` (the item's id),
    ``data-label``, ``data-side``, and the scorer's error kind in ``data-error`` when it has one.
    Gold elements are linkable as ``#<id>``; predicted ones as ``#pred-<id>``."""
    entity_of = {m: e for e in doc["entities"] for m in e["mentions"]}
    prefix = "" if side == "gold" else "pred-"
    spans = []
    for m in doc["mentions"]:
        attrs = {"id": prefix + m["id"], "class": "m", "data-id": m["id"], "data-label": m["label"], "data-side": side,
                 "title": _title(m, m["label"], entity_of.get(m["id"]))}
        spans.append(Span(m["start"], m["end"], _with_error(attrs, errors.get(f"m:{m['id']}")), 0))
    for ev in doc["events"]:
        t = ev["trigger"]
        attrs = {"id": prefix + ev["id"], "class": "t", "data-id": ev["id"], "data-label": ev["type"], "data-side": side,
                 "title": _title(ev, ev["type"])}
        spans.append(Span(t["start"], t["end"], _with_error(attrs, errors.get(f"e:{ev['id']}")), 1))
    return render(text, spans)


def _with_error(attrs: dict, kind: str | None) -> dict:
    return {**attrs, "data-error": kind} if kind else attrs


def _data(doc: dict) -> dict:
    """What the script needs of one side: items by id, and the entity of each mention."""
    return {"mentions": {m["id"]: m for m in doc["mentions"]}, "entities": doc["entities"],
            "relations": doc["relations"], "events": {ev["id"]: ev for ev in doc["events"]}}


def _json_script(element_id: str, value) -> str:
    payload = json.dumps(value, ensure_ascii=False, sort_keys=True).replace("</", "<\\/")
    return f'<script type="application/json" id="{element_id}">{payload}</script>'


def _meta_line(meta: dict) -> str:
    keys = ("published", "world", "genre", "split", "story")
    return " · ".join(f"{k}: {escape(str(meta[k]))}" for k in keys if meta.get(k) is not None)


def document_page(doc_id: str, text: str, meta: dict, gold: dict, pred: dict | None = None,
                  errors: list | None = None, marks: tuple[dict, dict] = ({}, {})) -> str:
    """One document: the gold text (and, with a prediction, the system's text beside it,
    errors marked and listed), and the panel the script fills on selection."""
    sides = [("gold", gold, marks[0])] + ([("pred", pred, marks[1])] if pred is not None else [])
    columns = "".join(
        f'<section class="side" data-side="{side}"><h2>{"gold" if side == "gold" else "system"}</h2>'
        f'<div class="text">{annotated_text(text, doc, side, mark)}</div></section>'
        for side, doc, mark in sides)
    table = ""
    if errors is not None:
        rows = "".join(f"<tr><td>{escape(e.layer)}</td><td>{escape(e.kind)}</td><td>{escape(e.reference or '')}</td>"
                       f"<td>{escape(e.predicted or '')}</td></tr>" for e in errors)
        table = (f'<section class="errors"><h2>Errors ({len(errors)})</h2><table><thead><tr><th>layer</th><th>kind</th>'
                 f'<th>gold</th><th>system</th></tr></thead><tbody>{rows}</tbody></table></section>')
    data = "".join(_json_script(f"data-{side}", _data(doc)) for side, doc, _ in sides)
    body = (f'<nav><a href="../index.html">index</a> · <a href="../timeline.html">treaty timeline</a></nav>\n'
            f'<h1>{escape(meta.get("title") or doc_id)}</h1>\n<p class="meta">{escape(doc_id)} · {_meta_line(meta)}</p>\n'
            f'<div class="columns">{columns}</div>\n<aside id="panel" aria-live="polite">Select a mention or a trigger.</aside>\n'
            f'{table}\n{data}')
    return _page(meta.get("title") or doc_id, body, depth=1)


def index_page(rows: list[dict]) -> str:
    """Every document with its title, world, genre, split and counts, and a filter box."""
    head = "".join(f"<th>{c}</th>" for c in ("document", "title", "world", "genre", "split", "mentions", "events", "errors"))
    cells = "".join(
        f'<tr><td><a href="docs/{escape(r["doc_id"])}.html">{escape(r["doc_id"])}</a></td><td>{escape(r["title"] or "")}</td>'
        f'<td>{escape(r["world"])}</td><td>{escape(r["genre"])}</td><td>{escape(r["split"])}</td>'
        f'<td>{r["mentions"]}</td><td>{r["events"]}</td><td>{"" if r["errors"] is None else r["errors"]}</td></tr>'
        for r in rows)
    body = (f'<h1>diplonews: {len(rows)} document(s)</h1>\n<nav><a href="timeline.html">treaty timeline</a></nav>\n'
            f'<input id="filter" type="search" placeholder="filter: id, title, world, genre, split" aria-label="filter">\n'
            f'<table id="index"><thead><tr>{head}</tr></thead><tbody>{cells}</tbody></table>')
    return _page("diplonews", body)


def timeline_page(treaties: list[tuple[str, list[dict]]]) -> str:
    """Each treaty's actions in lifecycle order, dated where the text dates them, linked to their trigger."""
    sections = []
    for name, steps in treaties:
        items = "".join(
            f'<li data-stage="{escape(s["stage"])}"><span class="stage">{escape(s["stage_label"])}</span> '
            f'<span class="status">{escape(s["status"])}</span> <span class="date">{escape(s["date"] or "undated")}</span> '
            f'<a href="docs/{escape(s["doc_id"])}.html#{escape(s["event_id"])}">{escape(s["doc_id"])}: “{escape(s["trigger"])}”</a></li>'
            for s in steps)
        sections.append(f'<section class="treaty"><h2>{escape(name)}</h2><ol>{items}</ol></section>')
    body = (f'<nav><a href="index.html">index</a></nav>\n<h1>Treaty timeline: {len(treaties)} treaties</h1>\n'
            f'<input id="filter" type="search" placeholder="filter treaties" aria-label="filter">\n' + "\n".join(sections))
    return _page("diplonews: treaty timeline", body)
