"""Baselines that show what the tasks cost: ``rules`` (gazetteers and patterns learned from
the train split) and ``spacy`` (a blank English pipeline trained on the train split).
Both share the feature code in :mod:`.features` for relations, arguments and attributes."""
