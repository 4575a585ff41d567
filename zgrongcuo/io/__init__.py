"""Reading and writing files: strict YAML/JSON documents, criteria, cases, folders, the cache."""
