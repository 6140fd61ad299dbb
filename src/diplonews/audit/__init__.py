"""Corpus consistency audit: what the per-document validator cannot see.

The validator checks one document against the data contract; the audit compares
annotations across and within documents (a string labelled one way here and another
way there, a name left unlabelled, a role never linked) and reports each as a
:class:`~diplonews.audit.findings.Finding` with a stable code. Findings are fixed in
the gold or waived, with a reason, in ``annotations/audit-waivers.json``.
The entry point is :func:`diplonews.audit.runner.audit`.
"""
