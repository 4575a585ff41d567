"""Tools for the authors of criteria files: show, test, validate, diff, template and case schema."""
