"""Types only: criteria, conditions, cases and determinations. Importable without YAML or files."""
