"""The Hugging Face dataset: Parquet configs, splits, card, manifest and publishing.

``diplonews build`` turns the gold corpus into a folder that ``datasets.load_dataset``
reads with no loading script; ``diplonews publish`` uploads that folder.
"""
