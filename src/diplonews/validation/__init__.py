"""Checks that a repository obeys the data contract; see validator.validate."""
