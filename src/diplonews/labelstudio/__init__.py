"""Label Studio in and out: the labeling config, tasks with pre-annotations, export import.

``config`` derives the labeling interface from the ontology; ``tasks`` turns gold or
predictions into tasks; ``importer`` turns an export back into gold files; ``client``
pushes and pulls through the Label Studio SDK. Region ids in tasks are the gold ids, so
a round trip keeps them.
"""
