"""Baselines that show what the tasks cost: ``rules`` (gazetteers and patterns learned from
the train split) and ``spacy`` (a blank English pipeline trained on the train split).
Both share the feature code in :mod:`.features` for relations, arguments and attributes.

:data:`BASELINES` is here, not in :mod:`.run`, so that the command line can offer the
names without importing what running one needs (the validator, the scorer)."""
from .rules import RulesBaseline
from .spacy_model import SpacyBaseline

BASELINES = {"rules": RulesBaseline, "spacy": SpacyBaseline}
