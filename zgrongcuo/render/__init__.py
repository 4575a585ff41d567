"""Output formats: one renderer contract, one registry, one view of a determination."""
