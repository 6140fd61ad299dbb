"""The diplonews scorer: every task the annotations support, usable in process.

``score(reference_docs, predicted_docs)`` is the entry point; see ``docs/scoring.md`` for
the definition of every figure.
"""
from .score import HEADLINE, Evaluation, figures, score, score_document

__all__ = ["HEADLINE", "Evaluation", "figures", "score", "score_document"]
