"""The offline bundle: zgrongcuo and every wheel it needs, for PCs that cannot reach a package index.

Run as ``python -m zgrongcuo.bundle`` on a machine that can (docs/install.md).
Nothing else in the package imports it, so it costs the other commands nothing.
"""
