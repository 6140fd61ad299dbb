"""Read-only views of an annotation document that scorers share: spans by mention id and
the reference's entities by span (how a predicted mention reaches a gold entity)."""
from __future__ import annotations

from ..problems import DiplonewsError, Location, Problem


class DocView:
    """A document's mentions by id, with readable renderings for error listings."""

    def __init__(self, doc: dict):
        self.doc = doc
        self.mentions = {m["id"]: m for m in doc["mentions"]}

    def span(self, mention_id: str) -> tuple[int, int]:
        m = self.mentions[mention_id]
        return m["start"], m["end"]

    def labelled_span(self, mention_id: str) -> tuple[int, int, str]:
        m = self.mentions[mention_id]
        return m["start"], m["end"], m["label"]

    def describe(self, mention_id: str) -> str:
        return describe_mention(self.mentions[mention_id])


def describe_mention(m: dict) -> str:
    return f'{m["label"]} "{m["text"]}" [{m["start"]},{m["end"]})'


def describe_trigger(ev: dict) -> str:
    t = ev["trigger"]
    return f'{ev["type"]} "{t["text"]}" [{t["start"]},{t["end"]})'


class EntityIndex:
    """Maps a span to the reference entity holding a mention with that span (DocRED-style linking).

    A reference mention outside every entity (ROLE, DATE) stands for itself; a predicted
    span the reference does not have gets a key no reference item can share.
    """

    def __init__(self, reference: dict):
        by_id = {m["id"]: m for m in reference["mentions"]}
        self._keys: dict[tuple[int, int], tuple[str, str]] = {
            (m["start"], m["end"]): (f"m:{m['start']}-{m['end']}", m["text"]) for m in reference["mentions"]
        }
        self._names: dict[str, frozenset[str]] = {key: frozenset({text}) for key, text in self._keys.values()}
        for entity in reference["entities"]:
            members = [by_id[ref] for ref in entity["mentions"] if ref in by_id]
            for m in members:
                self._keys[(m["start"], m["end"])] = (f"e:{entity['id']}", entity["name"])
            self._names[f"e:{entity['id']}"] = frozenset({entity["name"], *(m["text"] for m in members)})

    def key(self, mention: dict) -> str:
        """The entity key of a mention of either side, found through its span."""
        return self._keys.get((mention["start"], mention["end"]), (f"p:{mention['start']}-{mention['end']}", ""))[0]

    def names(self, key: str) -> frozenset[str]:
        """Every name a reference key goes by: an entity's canonical name and its mentions' texts (DocRED's names)."""
        return self._names.get(key, frozenset())

    def name(self, mention: dict) -> str:
        """The reference entity's canonical name, or the mention's own text when it has none."""
        return self._keys.get((mention["start"], mention["end"]), ("", mention["text"]))[1] or mention["text"]


def check_references(doc: dict, where: str) -> None:
    """Refuse a document whose relations or arguments name mentions it does not have."""
    known = {m["id"] for m in doc["mentions"]}
    problems = [
        Problem("ref-unresolved", f"relation {rel['id']} names unknown mention {ref!r}", Location(where, doc["doc_id"], rel["id"]))
        for rel in doc["relations"] for ref in (rel["head"], rel["tail"]) if ref not in known
    ] + [
        Problem("ref-unresolved", f"event {ev['id']} argument names unknown mention {arg['ref']!r}", Location(where, doc["doc_id"], ev["id"]))
        for ev in doc["events"] for arg in ev["arguments"] if arg["ref"] not in known
    ]
    if problems:
        raise DiplonewsError(problems)
