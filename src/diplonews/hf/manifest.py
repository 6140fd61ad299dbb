"""What a build was made from and what it holds, so a stale or altered build is caught.

``inputs.sha256`` lists every input file with its hash (``sha256sum`` format), written as
the listing is computed, never held whole in memory; ``manifest.json`` records the digest
of that listing and the hash of every output file. A build is stale when the repository's
listing no longer has the recorded digest; it is altered when an output's hash differs.
"""
from __future__ import annotations

import hashlib
from importlib import resources
from pathlib import Path
from typing import Iterator

from .. import jsonio
from ..corpus import Layout
from ..problems import DiplonewsError

MANIFEST = "manifest.json"
INPUTS = "inputs.sha256"
FORMAT = 1
CARD_SOURCE = "dataset_card.md"
OPTIONAL_INPUTS = (CARD_SOURCE, "results/leaderboard.json")
ONTOLOGY = "src/diplonews/ontology.json"  # listed under this name wherever the package is installed


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def file_sha256(path: Path) -> str:
    return _sha256(jsonio.read_bytes(path))


def input_lines(root: Path) -> Iterator[str]:
    """``<sha256>  <path>`` for each input: corpus and gold files, agreement rounds, card source, results, ontology."""
    layout = Layout(Path(root))
    for path in _input_files(layout):
        yield f"{file_sha256(path)}  {path.relative_to(layout.root).as_posix()}\n"
    ontology = resources.files("diplonews").joinpath("ontology.json").read_bytes()
    yield f"{_sha256(ontology)}  {ONTOLOGY}\n"


def _input_files(layout: Layout) -> Iterator[Path]:
    for folder in (layout.corpus_dir, layout.gold_dir):
        if folder.is_dir():
            yield from sorted(p for p in folder.iterdir() if p.is_file())
    if layout.agreement_dir.is_dir():  # the card reports every round
        yield from sorted(p for p in layout.agreement_dir.rglob("*") if p.is_file())
    yield from (layout.root / name for name in OPTIONAL_INPUTS if (layout.root / name).is_file())


def inputs_digest(root: Path, listing: Path | None = None) -> tuple[str, int]:
    """(sha256 of the input listing, number of inputs); the listing is also written to ``listing`` if given."""
    digest, count = hashlib.sha256(), 0
    handle = open(listing, "w", encoding="utf-8", newline="\n") if listing else None
    try:
        for line in input_lines(root):
            digest.update(line.encode("utf-8"))
            count += 1
            if handle:
                handle.write(line)
    finally:
        if handle:
            handle.close()
    return digest.hexdigest(), count


def output_files(folder: Path) -> list[str]:
    """Every file of a build folder except the manifest, as sorted POSIX paths."""
    return [name for name in jsonio.folder_files(folder) if name != MANIFEST]


def write_manifest(root: Path, folder: Path) -> dict:
    """Write ``inputs.sha256`` and ``manifest.json`` into the build ``folder`` (last step of a build)."""
    folder = Path(folder)
    digest, count = inputs_digest(root, folder / INPUTS)
    manifest = {
        "format": FORMAT,
        "inputs": {"files": count, "sha256": digest},
        "outputs": {name: file_sha256(folder / name) for name in output_files(folder)},
    }
    jsonio.write_json(folder / MANIFEST, manifest)
    return manifest


def read_manifest(folder: Path) -> dict | None:
    """The build's manifest, None when there is none; one that is not a manifest's shape is ``publish-altered``."""
    path = Path(folder) / MANIFEST
    if not path.is_file():
        return None
    manifest = jsonio.read_json(path)
    if not (isinstance(manifest, dict) and isinstance(manifest.get("inputs"), dict) and isinstance(manifest.get("outputs"), dict)
            and isinstance(manifest["inputs"].get("sha256"), str)):
        raise DiplonewsError.of("publish-altered", "is not the manifest a build writes (inputs.sha256, outputs); run `diplonews build` again",
                                file=str(path))
    return manifest


def changed_inputs(root: Path, folder: Path, limit: int = 10) -> list[str]:
    """Input paths whose hash differs from the build's listing, or that appeared or vanished (first ``limit``)."""
    recorded = set(jsonio.read_text(Path(folder, INPUTS)).splitlines(keepends=True)) if Path(folder, INPUTS).is_file() else set()
    current = set(input_lines(root))
    paths = sorted({line.split("  ", 1)[1].rstrip("\n") for line in recorded ^ current})
    return paths[:limit]
