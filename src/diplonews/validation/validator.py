"""Validate a diplonews repository: files, metadata, annotations and cross-document rules.

The public entry point is :func:`validate`. It never raises on bad data: everything wrong
becomes a :class:`Problem` in the returned :class:`Report`.
"""
from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from datetime import date
from pathlib import Path

from .. import corpus, jsonio
from ..corpus import Layout
from ..ontology import load
from ..problems import DiplonewsError, Location, Problem
from .document_rules import check_document
from .near_duplicates import SHINGLE_WORDS, SPLIT_LEAK, DuplicateIndex
from .report import Report
from .schema_check import annotation_checker, metadata_checker


def _rel(layout: Layout, path: Path) -> str:
    try:
        return str(path.relative_to(layout.root))
    except ValueError:
        return str(path)


UNREADABLE = object()  # what _read_json gives for a file that cannot be read (a file may hold a JSON null)


def _read_json(path: Path, file: str, doc_id: str, problems: list[Problem]):
    """The parsed file, or UNREADABLE with the reason it cannot be read among ``problems``."""
    try:
        return jsonio.read_json(path, file)
    except DiplonewsError as exc:
        problems.extend(p.at(doc_id=doc_id) for p in exc.problems)
        return UNREADABLE


def _check_text(layout: Layout, doc_id: str, problems: list[Problem]) -> str | None:
    """Read a corpus text and check its encoding rules; None if it cannot be decoded."""
    file = _rel(layout, layout.text_path(doc_id))
    where = Location(file, doc_id)
    try:
        raw = jsonio.read_bytes(layout.text_path(doc_id), file)
    except DiplonewsError as exc:
        problems.extend(p.at(doc_id=doc_id) for p in exc.problems)
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        problems.append(Problem("text-encoding", f"not UTF-8: {exc}", where))
        return None
    problems.extend(_text_content_problems(text, where))
    if "\r" in text:
        problems.append(Problem("text-line-endings", f"carriage return at offset {text.index(chr(13))}", where))
    if not unicodedata.is_normalized("NFC", text):
        nfc = unicodedata.normalize("NFC", text)
        first = next((i for i, (a, b) in enumerate(zip(text, nfc)) if a != b), min(len(text), len(nfc)))
        problems.append(Problem("text-not-nfc", f"not NFC from offset {first}", where))
    return text


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")  # C0 controls and DEL, but tab, LF and CR (its own rule)


def _text_content_problems(text: str, where: Location) -> list[Problem]:
    """A text must hold words, and no byte-order mark or control character: each would be
    counted into every offset, yet no reader of the text sees it."""
    found = []
    if text.startswith("\ufeff"):
        found.append(Problem("text-bom", "starts with a byte-order mark (U+FEFF)", where))
    control = _CONTROL.search(text)
    if control:
        found.append(Problem("text-control", f"control character U+{ord(control.group()):04X} at offset {control.start()}", where))
    if not text.lstrip("\ufeff").strip():
        found.append(Problem("text-empty", "holds no text (only white space, or nothing)", where))
    return found


def check_metadata(meta: dict, file: str, doc_id: str) -> list[Problem]:
    """Schema and semantic problems of one metadata object, as loaded from ``file``."""
    problems = metadata_checker().check(meta, file, doc_id)
    if problems:
        return problems
    if meta["id"] != doc_id:
        problems.append(Problem("doc-id-mismatch", f"id {meta['id']!r} differs from the file name's {doc_id!r}", Location(file, doc_id, None, "$.id")))
    try:
        date.fromisoformat(meta["published"])
    except ValueError:
        problems.append(Problem("meta-date", f"{meta['published']!r} is not a calendar date", Location(file, doc_id, None, "$.published")))
    problems.extend(_check_sources(meta, file, doc_id))
    if meta["origin"] == "authored" and not meta["regions"]:
        problems.append(Problem("meta-regions", "a text written for the corpus names no region", Location(file, doc_id, None, "$.regions")))
    return problems


def _check_sources(meta: dict, file: str, doc_id: str) -> list[Problem]:
    """A real text we wrote must say where its facts were checked; a fictional one has nothing to check.

    Published articles are their own source (their ``url``), so they may list none.
    """
    if meta["world"] == "fictional" and meta["sources"]:
        return [Problem("meta-sources", "a fictional text lists sources; fictional facts are checked against nothing", Location(file, doc_id, None, "$.sources"))]
    if meta["world"] == "real" and meta["origin"] == "authored" and not meta["sources"]:
        return [Problem("meta-sources", "a real-world text written for the corpus lists no sources its facts were checked against", Location(file, doc_id, None, "$.sources"))]
    return []


def check_annotation(ann: dict, text: str, file: str, doc_id: str) -> list[Problem]:
    """Schema, identity, hash and semantic problems of one annotation object against its text."""
    problems = annotation_checker().check(ann, file, doc_id)
    if problems:
        return problems
    if ann["doc_id"] != doc_id:
        return [Problem("doc-id-mismatch", f"doc_id {ann['doc_id']!r} differs from the file name's {doc_id!r}", Location(file, doc_id, None, "$.doc_id"))]
    try:
        date.fromisoformat(ann["provenance"]["annotated"])
    except ValueError:
        return [Problem("provenance-date", f"{ann['provenance']['annotated']!r} is not a calendar date", Location(file, doc_id, None, "$.provenance.annotated"))]
    actual = corpus.text_sha256(text)
    if ann["text_sha256"] != actual:
        return [Problem("text-sha256-mismatch", f"the text changed: recorded {ann['text_sha256'][:12]}…, stored text has {actual[:12]}…", Location(file, doc_id, None, "$.text_sha256"))]
    return check_document(ann, text, file, load())


def _check_meta_file(layout: Layout, doc_id: str, problems: list[Problem]) -> dict | None:
    path = layout.meta_path(doc_id)
    file = _rel(layout, path)
    if not path.exists():
        problems.append(Problem("meta-missing", f"no {path.name} beside the text", Location(_rel(layout, layout.text_path(doc_id)), doc_id)))
        return None
    meta = _read_json(path, file, doc_id, problems)
    if meta is UNREADABLE:
        return None
    found = check_metadata(meta, file, doc_id)
    problems.extend(found)
    return None if found else meta


def _check_gold_file(layout: Layout, doc_id: str, text: str | None, has_text: bool, problems: list[Problem]) -> None:
    path = layout.gold_path(doc_id)
    file = _rel(layout, path)
    ann = _read_json(path, file, doc_id, problems)
    if ann is UNREADABLE:
        return
    if not has_text:
        problems.append(Problem("text-missing", f"no corpus text {_rel(layout, layout.text_path(doc_id))}", Location(file, doc_id)))
    elif text is not None:  # else the text itself is broken, and reported already
        problems.extend(check_annotation(ann, text, file, doc_id))


def _check_names(layout: Layout, problems: list[Problem]) -> None:
    """Every file in corpus/ and annotations/gold/ follows the layout and has a safe doc id."""
    pattern = load().doc_id_pattern
    safe = re.compile(pattern)
    for folder, suffixes in ((layout.corpus_dir, (corpus.META_SUFFIX, corpus.TEXT_SUFFIX)), (layout.gold_dir, (corpus.GOLD_SUFFIX,))):
        if not folder.is_dir():
            continue
        for path in sorted(folder.iterdir()):
            suffix = next((s for s in suffixes if path.name.endswith(s)), None)
            if suffix is None:
                problems.append(Problem("file-unexpected", f"not a {' or '.join(suffixes)} file", Location(_rel(layout, path))))
            elif not path.is_file():
                problems.append(Problem("file-unexpected", "a folder or a broken link, not a file", Location(_rel(layout, path))))
            elif not safe.match(path.name[: -len(suffix)]):
                problems.append(Problem("doc-id-unsafe", f"{path.name[: -len(suffix)]!r} does not match {pattern}", Location(_rel(layout, path))))


def _check_story_splits(layout: Layout, metas: dict[str, dict], problems: list[Problem]) -> None:
    splits: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for doc_id, meta in metas.items():
        splits[meta["story"]][meta["split"]].append(doc_id)
    for story, by_split in sorted(splits.items()):
        if len(by_split) > 1:
            detail = "; ".join(f"{split}: {', '.join(ids)}" for split, ids in sorted(by_split.items()))
            first = min(min(ids) for ids in by_split.values())
            problems.append(Problem("story-split", f"story {story!r} spans splits ({detail})", Location(_rel(layout, layout.meta_path(first)), first, None, "$.split")))


def _check_near_duplicates(layout: Layout, index: DuplicateIndex, splits: dict[str, str], problems: list[Problem]) -> None:
    """split-leak: two texts in different splits that are (nearly) the same, named at the later one."""
    for first, second, score in index.pairs_across_groups(SPLIT_LEAK):
        problems.append(Problem("split-leak", f"near-duplicate: {first} ({splits[first]}) and {second} ({splits[second]}): "
                                f"word {SHINGLE_WORDS}-gram Jaccard {score:.2f} >= {SPLIT_LEAK}",
                                Location(_rel(layout, layout.meta_path(second)), second, None, "$.split")))


def select_doc_ids(layout: Layout, paths: list[Path] | None) -> list[str]:
    """The documents named by ``paths`` (files or folders of the layout); all of them when None."""
    every = sorted(set(layout.text_ids()) | set(layout.gold_ids()))
    if not paths:
        return every
    chosen = set()
    for path in paths:
        path = Path(path).resolve()
        if path.is_dir():
            chosen.update(d for d in every if path in (layout.text_path(d).resolve().parent, layout.gold_path(d).resolve().parent) or path == layout.root.resolve())
        else:
            name = path.name
            for suffix in (corpus.META_SUFFIX, corpus.TEXT_SUFFIX, corpus.GOLD_SUFFIX):
                if name.endswith(suffix):
                    chosen.add(name[: -len(suffix)])
                    break
    return sorted(chosen)


def validate(root: Path, paths: list[Path] | None = None) -> Report:
    """Check the repository at ``root`` (or the documents named by ``paths``) and report every problem."""
    layout = Layout(Path(root))
    problems: list[Problem] = layout.corpus_problems()
    notices: list[Problem] = []
    if problems:
        return Report(documents=0, problems=problems)
    if not paths:
        _check_names(layout, problems)
    text_ids, gold_ids = set(layout.text_ids()), set(layout.gold_ids())
    doc_ids = select_doc_ids(layout, paths)
    metas, texts = {}, DuplicateIndex(layout.read_text)
    for doc_id in doc_ids:
        text = _check_text(layout, doc_id, problems) if doc_id in text_ids else None
        if doc_id in text_ids:
            meta = _check_meta_file(layout, doc_id, problems)
            if meta is not None:
                metas[doc_id] = {"story": meta["story"], "split": meta["split"]}  # all the split checks need; memory stays small at 100k docs
                if text is not None:
                    texts.add(doc_id, text, meta["split"])
        if doc_id in gold_ids:
            _check_gold_file(layout, doc_id, text, doc_id in text_ids, problems)
        elif doc_id in text_ids:
            notices.append(Problem("unannotated", "no gold annotation yet: awaiting annotation", Location(_rel(layout, layout.text_path(doc_id)), doc_id)))
    _check_story_splits(layout, metas, problems)
    _check_near_duplicates(layout, texts, {d: m["split"] for d, m in metas.items()}, problems)
    return Report(documents=len(doc_ids), problems=problems, notices=notices)


def require_valid(root: Path) -> None:
    """Refuse an invalid repository, with every problem: the gate of each command that reads the
    gold (build, stats, evaluate, the baselines), so none of them counts, scores or trains on
    broken files, or fails half-way through them."""
    report = validate(root)
    if not report.valid:
        raise DiplonewsError(report.problems)
