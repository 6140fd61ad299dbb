"""The one problem model of diplonews: a registered code, a message, and where it is.

Every gate (validation, audit, imports, the build, evaluation, the readers and writers of
files) reports what is wrong as :class:`Problem` objects, and a call that cannot go on
raises :class:`DiplonewsError` carrying them, so the command line has one way to show
them and one exit code for them. A code is part of the public contract: users grep for
it, waivers and tests name it. Never rename one; add new ones to :data:`CODES`, with a
one-line description (``diplonews codes`` and ``docs/codes.md`` list them). A problem
with an unregistered code cannot be made: :class:`Problem` refuses it.

Audit findings (``diplonews.audit.findings``) carry their codes from this registry too;
they are a richer record (a waiver key, the places to look at), not a second model.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace

# area -> what its codes are about, in the order the registry is shown
AREAS: dict[str, str] = {
    "io": "reading and writing files",
    "validation": "the data contract of one repository (diplonews validate)",
    "schema": "JSON Schema keywords a file breaks (schema/*.schema.json)",
    "notice": "not errors: what a check reports without failing",
    "audit": "consistency across documents (diplonews audit)",
    "prediction": "system predictions (diplonews evaluate, ls push --predictions)",
    "agreement": "inter-annotator agreement (diplonews agreement)",
    "anchoring": "quote-level predictions and model completions turned into offsets (diplonews anchor, prompt, evaluate --quotes)",
    "authoring": "the authoring markup (diplonews author)",
    "ingest": "new raw articles (diplonews ingest)",
    "labelstudio": "the Label Studio loop (diplonews ls)",
    "build": "the Hugging Face dataset build (diplonews build)",
    "publish": "uploading a build (diplonews publish)",
    "baseline": "the baselines (diplonews baseline, leaderboard)",
    "derived": "files generated from the ontology and this registry (diplonews schema)",
    "migration": "gold of an older ontology version (diplonews migrate)",
    "export": "exports to exchange formats, and their readers back (diplonews export)",
    "import": "exports edited elsewhere (brat, spaCy) back into the gold (diplonews import)",
    "view": "the static HTML viewer of the gold and a system's errors (diplonews view)",
}

# JSON Schema assertion keywords the generated schemas use; a violation's code is schema.<keyword>
SCHEMA_KEYWORDS: dict[str, str] = {
    "type": "A value has the wrong JSON type (an offset must be an integer: 82.0 is refused).",
    "required": "A required key is missing.",
    "additionalProperties": "An object has a key the schema does not define.",
    "enum": "A value is not one of the allowed values (labels, types, roles, statuses).",
    "const": "A value differs from the one the schema fixes (the ontology version).",
    "pattern": "A string does not match its pattern (ids, dates, hashes, URLs, rights).",
    "minimum": "A number is below its minimum (offsets are >= 0, ends >= 1).",
    "minLength": "A string is empty where text is required.",
    "minItems": "A list is empty where at least one item is required.",
    "uniqueItems": "A list repeats an item.",
}


@dataclass(frozen=True)
class Code:
    """One registered code: its name, the area of :data:`AREAS` it belongs to, and what it means (one line)."""

    name: str
    area: str
    description: str


def _area(area: str, codes: dict[str, str]) -> dict[str, Code]:
    """The codes of one area, written as ``name: description`` so the registry reads as a table."""
    return {name: Code(name, area, description) for name, description in codes.items()}


CODES: dict[str, Code] = {
    **_area("io", {
        "io-read": "A file or folder cannot be read: missing, a folder where a file belongs, a dangling link, no permission.",
        "io-write": "An output cannot be written: no permission, a file where a folder belongs, no space.",
        "io-encoding": "A file that must be UTF-8 text is not.",
        "io-nesting": "A JSON file nests too deeply to be read.",
        "json-invalid": "A file is not valid JSON.",
    }),
    **_area("validation", {
        "corpus-missing": "The repository root has no corpus/ folder: there is nothing to check.",
        "text-encoding": "The corpus text is not valid UTF-8.",
        "text-not-nfc": "The corpus text is not in Unicode NFC.",
        "text-line-endings": "The corpus text contains a carriage return; only LF line ends are allowed.",
        "text-bom": "The corpus text starts with a byte-order mark; offsets would count an invisible character.",
        "text-control": "The corpus text contains a control character (NUL, and C0 controls other than tab and line feed, or DEL).",
        "text-empty": "The corpus text holds nothing but white space.",
        "text-missing": "An annotation file has no corpus text.",
        "text-sha256-mismatch": "The text_sha256 recorded in the annotation file differs from the stored text's hash.",
        "doc-id-unsafe": "A file name does not give a safe document id (lowercase letters, digits, inner hyphens).",
        "doc-id-mismatch": "The doc_id (or metadata id) in a file differs from its file name.",
        "file-unexpected": "A file in corpus/ or annotations/gold/ is not one the layout defines.",
        "meta-missing": "A corpus text has no metadata file.",
        "meta-date": "The published date is not a real calendar date.",
        "provenance-date": "The annotation's provenance date (annotated) is not a real calendar date.",
        "meta-sources": "A real-world text written for the corpus lists no sources its facts were checked against, or a fictional text lists some.",
        "meta-regions": "A text written for the corpus names no region (an ingested article may wait for its reading).",
        "story-split": "Documents of one story are stored in different splits.",
        "split-leak": "Two texts in different splits are (nearly) the same: word 5-gram Jaccard at least 0.5.",
        "id-duplicate": "An annotation id is used twice in one document.",
        "span-out-of-range": "A span's offsets are not 0 <= start < end <= len(text).",
        "span-text-mismatch": "A span's text differs from text[start:end].",
        "span-untrimmed": "A span starts or ends with white space.",
        "token-boundary": "A span does not start and end on token boundaries (diplonews.tokens), so the token views (ner, sentences, CoNLL, spaCy) cannot hold it.",
        "span-duplicate": "Two items of one layer have the same span.",
        "span-overlap": "Two items of one layer overlap; layers are flat.",
        "ref-unresolved": "A reference names no mention of the document.",
        "relation-argument-label": "A relation's head or tail has a label the relation type does not allow.",
        "relation-self": "A relation links a mention to itself.",
        "relation-duplicate": "The same relation (type, head, tail) is annotated twice.",
        "event-argument-label": "An event argument's mention has a label the role does not allow.",
        "event-argument-duplicate": "The same argument (role, mention) is given twice in one event.",
        "date-value": "A DATE value is not a well-formed TIMEX3 value of its timex_type.",
        "entity-mixed-labels": "An entity groups mentions of different labels.",
        "entity-label-not-coreferent": "An entity groups mentions of a label that is not grouped (ROLE, DATE).",
        "entity-mention-shared": "A mention belongs to more than one entity.",
        "entity-mention-missing": "A mention of a grouped label belongs to no entity.",
    }),
    **_area("schema", {f"schema.{keyword}": description for keyword, description in SCHEMA_KEYWORDS.items()}),
    **_area("notice", {
        "unannotated": "A corpus text has no gold annotation yet (awaiting annotation); not an error.",
    }),
    **_area("audit", {
        "label-conflict": "One surface string carries different mention labels in the corpus (metonymic mentions left out).",
        "unlabelled-in-doc": "A name labelled in this document also occurs in it unlabelled.",
        "unlabelled-cross-doc": "A name labelled in other documents occurs in this one unlabelled.",
        "entity-mention-mismatch": "A name mention shares no word with its entity's canonical name or its other name mentions.",
        "entity-name-labels": "One canonical name is used for entities of different labels.",
        "entity-name-spelling": "Canonical names differ only in quotes, dashes, case or spacing.",
        "kb-id-names": "One kb_id is used for entities with different canonical names.",
        "official-without-role": "An OFFICIAL has no HOLDS_ROLE or AFFILIATED_WITH relation though a ROLE mention stands next to it.",
        "treaty-action-no-treaty": "A TREATY_ACTION event has no treaty argument.",
        "event-no-arguments": "An event has no arguments at all.",
        "date-unresolvable": "A time expression's value is 'unresolvable'.",
        "role-unlinked": "A ROLE mention is in no relation and is no event's argument.",
        "relation-pattern-rare": "A relation pattern (type, head label, tail label) occurs once in the corpus.",
        "argument-pattern-rare": "An event argument pattern (event type, role, argument label) occurs once in the corpus.",
        "phrase-common": "A run of 8 ordinary (lower-case) words appears in more than 2% of the documents (and in at least 3).",
        "passage-shared": "Two documents share a run of 12 words.",
        "document-invalid": "A gold document fails validation and is left out of the audit.",
        "waiver-stale": "A waiver matches no finding.",
        "waiver-invalid": "The waivers file, or one of its entries, is not usable (shape, code, key, reason, repeated entry).",
    }),
    **_area("prediction", {
        "prediction-unknown-doc": "A prediction names a document that has no corpus text (or is not among the reference documents).",
        "prediction-duplicate-doc": "Two predictions are given for one document.",
        "prediction-empty": "The prediction file or folder holds no prediction.",
        "prediction-no-match": "No predicted document is a gold document of the split being scored.",
        "evaluate-no-documents": "No gold document is in the split to score on.",
    }),
    **_area("agreement", {
        "agreement-no-documents": "The two annotation folders share no document.",
    }),
    **_area("anchoring", {
        "quote-not-found": "A quoted text does not occur in the document, even after normalising quotes, dashes, white space and case; the item is dropped.",
        "quote-ambiguous": "A quoted text occurs more than once and neither its occurrence nor its context tells which; the item is dropped, never guessed.",
        "quote-occurrence-out-of-range": "A quote asks for an occurrence beyond the number of times its text occurs; the item is dropped.",
        "quote-context-not-found": "A quoted text occurs more than once and its context does not occur in the document; the item is dropped.",
        "quote-id-duplicate": "An item of a quote-level prediction reuses an id of an earlier item; the later item is dropped.",
        "quote-ref-dropped": "A relation, entity member or event argument refers to a mention that was dropped; it is dropped too.",
        "quote-ref-unknown": "A relation, entity member or event argument refers to a mention id the prediction does not have; it is dropped.",
        "completion-shape": "A completions line is not a JSON object with a string doc_id and either a string completion or the quote-level layers.",
        "completion-no-json": "A model completion holds no JSON object that can be parsed (in a ```json fence or as the first balanced {...}).",
        "prompt-no-documents": "No document with gold annotation is in the split to write prompts for.",
    }),
    **_area("authoring", {
        "markup-syntax": "A markup file cannot be parsed: its header, sections, brackets, tags, or entity, relation or event lines.",
        "markup-crossing": "Two spans of a document cross, which the markup cannot write (it only nests spans).",
        "text-changed": "Compiling would change an annotated text; pass --replace-text to allow it.",
        "author-no-gold": "The document to render has no gold annotation.",
    }),
    **_area("ingest", {
        "ingest-format": "An input's suffix is not one ingest reads (.txt, .html, .htm, .jsonl).",
        "ingest-record": "A JSONL line is not a JSON object with a string 'text'.",
        "ingest-no-text": "An input has no article text (none found in the page, or empty after normalisation).",
        "ingest-duplicate": "An input is the same text as, or a near-duplicate of, a corpus text or an earlier input.",
        "ingest-metadata": "An input lacks a metadata field that has no fallback (outlet, published).",
    }),
    **_area("labelstudio", {
        "ls-export-json": "The export file is not valid JSON.",
        "ls-export-shape": "The export is not a JSON list of tasks.",
        "ls-task-shape": "A task has no data.doc_id and data.text.",
        "ls-unknown-doc": "A task, or a requested document, names no corpus text.",
        "ls-text-changed": "A task's text differs from the corpus text.",
        "ls-doc-twice": "Two tasks hold the same document.",
        "ls-result-shape": "An annotation's result is not a list.",
        "ls-result-type": "A result item is of a kind the config does not produce.",
        "ls-region-duplicate": "Two labelled regions share one id.",
        "ls-unknown-control": "A result comes from a control the config does not have.",
        "ls-label-count": "A region has no label, or more than one.",
        "ls-unknown-label": "A region's label is not in the ontology.",
        "ls-offsets": "A region's offsets are not integers inside the text.",
        "ls-region-missing": "A per-region value belongs to no labelled region.",
        "ls-value": "A per-region value is not exactly one allowed value.",
        "ls-value-misplaced": "A per-region value does not apply to the region's label.",
        "ls-relation-dangling": "An arrow points to a region that does not exist.",
        "ls-relation-direction": "An arrow has a direction other than right or left.",
        "ls-relation-unlabelled": "An arrow has no label.",
        "ls-relation-target": "An arrow ends on a trigger; arrows end on mentions.",
        "ls-relation-label": "An arrow's label is not a relation type, or not a role of the trigger's event type.",
        "ls-config": "The ontology cannot be expressed as a labeling config (a control name or label used twice).",
        "ls-credentials": "No Label Studio URL or API key was given.",
        "ls-sdk-missing": "label-studio-sdk is not installed.",
        "ls-server": "The Label Studio server refused a request.",
        "ls-unreachable": "The Label Studio server cannot be reached.",
    }),
    **_area("build", {
        "build-out-foreign": "The --out folder exists and is not a diplonews build (one whose manifest lists every file it holds); it is never replaced.",
        "sentence-too-long": "A sentence (merged so that no mention or trigger is cut) has more tokens than the sentences config allows.",
        "card-source": "dataset_card.md is missing or malformed, or names an unknown generated section.",
        "card-input": "A file the card renders (leaderboard, agreement report) is not valid JSON or has an unexpected shape.",
    }),
    **_area("publish", {
        "publish-no-build": "There is no build (no manifest.json) in the folder to publish.",
        "publish-stale": "The repository changed since the build was made.",
        "publish-altered": "A file of the build was changed after it was built.",
        "publish-upload": "The upload to the Hugging Face Hub failed.",
    }),
    **_area("baseline", {
        "baseline-no-train": "No gold document is in the train split; a baseline needs something to learn from.",
        "baseline-package": "A baseline needs a package that is not installed.",
        "baseline-no-documents": "No gold document is in the split to predict.",
    }),
    **_area("derived", {
        "derived-stale": "A derived file differs from what the ontology and the registry generate; run `diplonews schema`.",
        "derived-block": "A generated block of a markdown file names no known table.",
    }),
    **_area("migration", {
        "migrate-version": "A gold file's ontology version has no chain of migration steps to the current version.",
    }),
    **_area("view", {
        "view-no-documents": "No gold document is in the split to view.",
        "view-out-foreign": "The --out folder exists and is not a diplonews view (one whose manifest lists every file it holds); it is never replaced.",
    }),
    **_area("import", {
        "import-lossy": "The format drops some layers, so importing it would delete them from the gold; only lossless formats import.",
        "import-unknown-doc": "An imported document has no corpus text.",
        "import-text-changed": "An imported document's text differs from the corpus text; an import never changes a text.",
    }),
    **_area("export", {
        "export-no-documents": "No gold document is in the split to export.",
        "export-out-foreign": "The --out folder exists and is not a diplonews export (one whose manifest lists every file it holds); it is never replaced.",
        "brat-line": "A line of a brat .ann file cannot be read: its kind, shape, type, attribute, value or database is not one the export writes.",
        "brat-reference": "A brat .ann line names an annotation the file does not have or one of the wrong kind, or a trigger belongs to no event.",
        "brat-span-text": "A brat text-bound annotation's text differs from its span of the .txt, or its fragments are not one span cut at line breaks.",
        "brat-entity": "The mentions of one entity disagree on its canonical name or its kb id, or a kb id is on a mention of no entity.",
        "conll-line": "A line of a CoNLL file has not the columns of the others, or tokens come before the first -DOCSTART-.",
        "conll-tag": "A CoNLL tag is not an IOB2 tag of the ontology, or an I- tag continues no span (strict IOB2).",
        "conll-documents": "A CoNLL file holds another number of -DOCSTART- documents than the manifest names for its split.",
        "conll-text": "The tokens of a CoNLL document do not spell the document's text.",
        "gliner-item": "An item of a GLiNER file is not one the export writes (its doc_id, tokenized_text or ner spans), or a document of the manifest has no item.",
        "gliner-text": "The tokens of a GLiNER document do not spell the document's text.",
        "textee-window": "A window of a TextEE file is not one the export writes (its shape, types, roles or offsets), or a document of the manifest has no window.",
        "textee-reference": "A TextEE argument names an entity mention its window does not have.",
        "textee-text": "The tokens of a TextEE document do not spell the document's text.",
        "spacy-docbin": "A .spacy file of the export is not a spaCy DocBin.",
        "spacy-user-data": "A Doc lacks a doc.user_data key the export writes, names a document the manifest does not, or a document of the manifest is in no DocBin.",
        "spacy-span": "A span of doc.ents or doc.spans['triggers'] has a label of the wrong kind, or a trigger has no event id or a repeated one.",
        "spacy-reference": "doc.user_data names a mention or event that has no span, or a trigger span belongs to no event.",
        "spacy-entity": "A mention's kb_id in doc.ents differs from its entity's kb_id in doc.user_data.",
    }),
}


@dataclass(frozen=True)
class Location:
    """Where a problem is; every part optional, so each gate says as much as it knows.

    ``path`` is a JSON path into ``file`` (``$.mentions[3].text``); ``line`` a line of a
    text file (markup, JSONL); ``task`` and ``region`` a Label Studio task and region.
    """

    file: str | None = None
    doc_id: str | None = None
    annotation_id: str | None = None
    path: str | None = None
    line: int | None = None
    task: int | str | None = None
    region: str | None = None

    def render(self) -> str:
        """``file:line:task N:doc_id:annotation_id:region R:path``, the parts that are set."""
        parts = [self.file, self.line, self.task is not None and f"task {self.task}", self.doc_id,
                 self.annotation_id, self.region and f"region {self.region}", self.path]
        return ":".join(str(p) for p in parts if p not in (None, False, ""))


@dataclass(frozen=True)
class Problem:
    """One thing wrong: a registered ``code``, a message for a person, and its :class:`Location`."""

    code: str
    message: str
    location: Location = field(default_factory=Location)

    def __post_init__(self):
        if self.code not in CODES:
            raise ValueError(f"unregistered problem code {self.code!r}: add it to diplonews.problems.CODES")

    def at(self, **where) -> Problem:
        """The same problem with location fields set: a caller adds what the reader could not know (the doc id)."""
        return replace(self, location=replace(self.location, **where))

    def as_dict(self) -> dict:
        return {"code": self.code, "message": self.message, "location": asdict(self.location)}

    def render(self) -> str:
        where = self.location.render()
        return f"{where}: [{self.code}] {self.message}" if where else f"[{self.code}] {self.message}"


class DiplonewsError(Exception):
    """A call that cannot go on, with every problem found (the command line shows them and exits 1)."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__("\n".join(p.render() for p in self.problems))

    @classmethod
    def of(cls, code: str, message: str, **where) -> DiplonewsError:
        """An error with one problem; ``where`` holds the :class:`Location` fields."""
        return cls([Problem(code, message, Location(**where))])


def codes_in(area: str) -> dict[str, Code]:
    """The codes of one area (the audit takes its finding codes from here; tests take the validation rules)."""
    return {name: code for name, code in CODES.items() if code.area == area}


def codes_table() -> str:
    """The registry as Markdown, one table per area: the generated docs/codes.md."""
    lines = ["# Problem codes", "",
             "<!-- Generated by `diplonews schema` from diplonews.problems.CODES; do not edit by hand. -->", "",
             "Every problem diplonews reports has one of these codes; see docs/problems.md for the model.", ""]
    for area, about in AREAS.items():
        lines += [f"## {area}: {about}", "", "| code | meaning |", "| --- | --- |"]
        lines += [f"| `{c.name}` | {c.description.replace('|', chr(92) + '|')} |" for c in codes_in(area).values()]
        lines.append("")
    return "\n".join(lines)
