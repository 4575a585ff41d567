"""zgrongcuo: screen cases against a 容错免责 measure defined in criteria.yaml."""

__version__ = "0.1.0"
