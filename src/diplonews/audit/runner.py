"""Run every audit check over a repository's gold and apply the committed waivers."""
from __future__ import annotations

from pathlib import Path

from ..corpus import Layout
from ..ontology import load
from ..problems import DiplonewsError
from .documents import load_documents
from .entities import check_entity_mentions
from .findings import Finding
from .gaps import check_event_arguments, check_role_links, check_unresolved_values
from .labels import check_entity_names, check_kb_names, check_name_spellings, check_surface_labels
from .occurrences import check_unlabelled
from .officials import check_official_roles
from .patterns import check_rare_arguments, check_rare_relations
from .report import AuditReport
from .templates import check_common_phrases, check_shared_passages
from .waivers import apply_waivers, load_waivers, waivers_path

CHECKS = (
    check_surface_labels,
    check_unlabelled,
    check_entity_mentions,
    check_entity_names,
    check_kb_names,
    check_name_spellings,
    check_official_roles,
    check_event_arguments,
    check_unresolved_values,
    check_role_links,
    check_rare_relations,
    check_rare_arguments,
    check_common_phrases,
    check_shared_passages,
)


def audit(root: Path, waivers_file: Path | None = None) -> AuditReport:
    """Audit the gold of the repository at ``root``; waivers from ``waivers_file`` or the committed file.

    Raises :class:`~diplonews.problems.DiplonewsError` when there is no corpus or the
    waivers file is unusable, before any check runs; bad gold never raises, it becomes
    ``document-invalid``.
    """
    layout = Layout(Path(root))
    missing = layout.corpus_problems()
    if missing:
        raise DiplonewsError(missing)
    waivers = load_waivers(waivers_file or waivers_path(layout))
    docs, invalid = load_documents(layout)
    ontology = load()
    findings = invalid + [f for check in CHECKS for f in check(docs, ontology)]
    open_, waived = apply_waivers(sorted(findings, key=Finding.sort_key), waivers)
    return AuditReport(documents=len(docs) + len(invalid), findings=open_, waived=waived)
