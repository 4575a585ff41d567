"""The engine: evaluation, open questions and what would change an outcome. Pure: no I/O, no language."""
