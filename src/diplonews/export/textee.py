"""TextEE / OneIE event-extraction JSON Lines: ``<split>.jsonl`` per split, a window a line, and the
reader back.

A window is a sentence of the dataset (:mod:`diplonews.sentences`), as TextEE's processed
data has it: ``doc_id``, ``wnd_id`` (``<doc_id>-<sentence index>``), ``text`` (the
sentence, exactly), ``lang``, ``tokens``, and

- ``entity_mentions``: ``id`` (the gold mention id), ``entity_type`` (the label), ``text``,
  ``start``, ``end`` (token offsets into the window, end exclusive);
- ``event_mentions``: ``id``, ``event_type``, ``trigger`` (``text``, ``start``, ``end``) and
  ``arguments`` (``entity_id``, ``role``, ``text``, ``start``, ``end``);
- ``relation_mentions``: ``id``, ``relation_type``, ``arguments`` ``Arg-1`` (the head) and
  ``Arg-2`` (the tail).

Beyond TextEE's fields, which its readers ignore, a mention keeps its ``attributes`` and an
event its ``status`` and ``attributes`` (the treaty stage). A window holds only what lies
inside it, so an argument or a relation that reaches into another sentence is dropped;
:data:`DROPS` says what is lost.
"""
from __future__ import annotations

from bisect import bisect_right
from pathlib import Path
from typing import Iterable

from .. import jsonio
from ..gold import canonicalize
from ..ontology import load
from ..problems import DiplonewsError, Location, Problem
from . import read_manifest, split_files
from .tokenview import offsets, view

SUFFIX = ".jsonl"
ARGS = ("Arg-1", "Arg-2")  # TextEE's relation roles: head, tail
DROPS = (
    "event arguments whose mention lies in another sentence than the trigger (a window is a sentence)",
    "relations whose head and tail lie in different sentences",
    "entities: coreference chains, canonical names, Wikidata ids (OneIE has no clusters)",
    "the white space between sentences (each window's text is its sentence exactly)",
)


def to_windows(text: str, gold: dict, language: str) -> list[dict]:
    """One document's windows, a sentence each, with what lies inside it."""
    gold, doc = canonicalize(gold), view(text, gold)
    starts = [s.start for s in doc.sentences]
    token_at = {start: i for i, start in enumerate(doc.tokens.starts)}
    token_end = {end: i + 1 for i, end in enumerate(doc.tokens.ends)}

    def place(start: int, end: int) -> tuple[int, dict]:
        index = bisect_right(starts, start) - 1
        first = doc.sentences[index].first
        return index, {"text": text[start:end], "start": token_at[start] - first, "end": token_end[end] - first}

    windows = [{"doc_id": gold["doc_id"], "wnd_id": f"{gold['doc_id']}-{i}", "text": text[s.start:s.end], "lang": language,
                "tokens": doc.tokens.texts[s.first:s.last], "entity_mentions": [], "event_mentions": [], "relation_mentions": []}
               for i, s in enumerate(doc.sentences)]
    where = {}
    for m in gold["mentions"]:
        index, span = place(m["start"], m["end"])
        where[m["id"]] = (index, span)
        windows[index]["entity_mentions"].append({"id": m["id"], "entity_type": m["label"], **span, "attributes": m["attributes"]})
    for ev in gold["events"]:
        index, trigger = place(ev["trigger"]["start"], ev["trigger"]["end"])
        arguments = [{"entity_id": a["ref"], "role": a["role"], **where[a["ref"]][1]} for a in ev["arguments"] if where[a["ref"]][0] == index]
        windows[index]["event_mentions"].append({"id": ev["id"], "event_type": ev["type"], "trigger": trigger, "arguments": arguments,
                                                 "status": ev["status"], "attributes": ev["attributes"]})
    for r in gold["relations"]:
        (head_window, head), (tail_window, tail) = where[r["head"]], where[r["tail"]]
        if head_window == tail_window:
            windows[head_window]["relation_mentions"].append({"id": r["id"], "relation_type": r["type"], "arguments": [
                {"entity_id": r["head"], "role": ARGS[0], **head}, {"entity_id": r["tail"], "role": ARGS[1], **tail}]})
    return windows


def write(folder: Path, documents: Iterable) -> None:
    """One JSON Lines file per split, documents in export order."""
    files: dict[str, list[str]] = {}
    for document in documents:
        lines = files.setdefault(document.split, [])
        lines += map(jsonio.dumps_line, to_windows(document.text, document.gold, document.meta["language"]))
    for split_name, lines in files.items():
        jsonio.write_atomic(folder / f"{split_name}{SUFFIX}", "".join(lines))


class _Document:
    """The windows of one document as the reader collects them, then put onto its text."""

    def __init__(self, file: str):
        self.file, self.windows = file, []

    def gold(self, doc_id: str, text: str | None) -> dict:
        """The document's mentions, relations and events, offsets into ``text`` (or into its windows' texts joined by line breaks)."""
        text, tokens = offsets(doc_id, [w["tokens"] for w in self.windows], text if text is not None else "\n".join(w["text"] for w in self.windows),
                               self.file, code="textee-text")
        ontology, problems = load(), []
        mentions, relations, events = [], [], []

        def span(window: int, part: dict) -> dict:
            start, end = tokens[window][part["start"]][0], tokens[window][part["end"] - 1][1]
            return {"start": start, "end": end, "text": text[start:end]}

        for index, window in enumerate(self.windows):
            known = {m["id"] for m in window["entity_mentions"]}
            mentions += [{"id": m["id"], "label": m["entity_type"], **span(index, m), "attributes": m.get("attributes", {})}
                         for m in window["entity_mentions"]]
            for ev in window["event_mentions"]:
                events.append({"id": ev["id"], "type": ev["event_type"], "trigger": span(index, ev["trigger"]), "status": ev.get("status"),
                               "attributes": ev.get("attributes", {}), "arguments": [{"role": a["role"], "ref": a["entity_id"]} for a in ev["arguments"]]})
                problems += [f"event {ev['id']} argument {a['entity_id']!r}" for a in ev["arguments"] if a["entity_id"] not in known]
            for r in window["relation_mentions"]:
                ends = {a["role"]: a["entity_id"] for a in r["arguments"]}
                relations.append({"id": r["id"], "type": r["relation_type"], "head": ends[ARGS[0]], "tail": ends[ARGS[1]]})
                problems += [f"relation {r['id']} {role} {ends[role]!r}" for role in ARGS if ends[role] not in known]
        if problems:
            raise DiplonewsError([Problem("textee-reference", f"{what} is no entity mention of its window", Location(file=self.file, doc_id=doc_id))
                                  for what in problems])
        unknown = ({m["label"] for m in mentions} - set(ontology.mention_labels)) | ({e["type"] for e in events} - set(ontology.event_types))
        unknown |= {r["type"] for r in relations} - set(ontology.relation_types)
        if unknown:
            raise DiplonewsError([Problem("textee-window", f"types the ontology does not have: {sorted(unknown)}", Location(file=self.file, doc_id=doc_id))])
        ann = canonicalize({"doc_id": doc_id, "mentions": mentions, "entities": [], "relations": relations, "events": events})
        return {"doc_id": doc_id, "text": text, **{k: ann[k] for k in ("mentions", "relations", "events")}}


def read(folder: Path, texts=None) -> list[dict]:
    """Per document of the manifest: ``doc_id``, ``text`` and the ``mentions``, ``relations`` and ``events``
    its windows hold, gold-shaped (no entities). ``texts`` as in :mod:`diplonews.export.tokenview`."""
    folder, manifest = Path(folder), read_manifest(folder)
    entries = manifest["documents"]
    documents: dict[str, _Document] = {}
    problems: list[Problem] = []
    for split_name, path, content in split_files(folder, manifest, SUFFIX, problems):
        for number, line in enumerate(content.splitlines(), 1):
            try:
                window = jsonio.loads(line, str(path))
                if entries.get(window["doc_id"], {}).get("split") != split_name:
                    raise ValueError(f"doc_id {window['doc_id']!r} is no {split_name} document of the manifest")
                documents.setdefault(window["doc_id"], _Document(str(path))).windows.append(window)
            except DiplonewsError as exc:
                problems += [p.at(line=number) for p in exc.problems]
            except (KeyError, TypeError, ValueError) as exc:
                message = f"no {exc}" if isinstance(exc, KeyError) else str(exc)
                problems.append(Problem("textee-window", f"not a TextEE window of this export: {message}", Location(file=str(path), line=number)))
    problems += [Problem("textee-window", "the manifest names this document but no window holds it", Location(file=str(folder), doc_id=d))
                 for d in entries if d not in documents and not problems]
    found = {}
    for doc_id, document in documents.items():
        try:
            found[doc_id] = document.gold(doc_id, texts(doc_id) if texts else None)
        except DiplonewsError as exc:
            problems += exc.problems
        except (KeyError, TypeError, ValueError, IndexError) as exc:  # a window's shape, not a bug here
            problems.append(Problem("textee-window", f"not a TextEE window of this export: {exc!r}", Location(file=document.file, doc_id=doc_id)))
    if problems:
        raise DiplonewsError(problems)
    return [found[doc_id] for doc_id in entries]
