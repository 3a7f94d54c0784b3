"""Sources: turn files, directories, JSON Lines and stdin into `SourceDocument`s.

Readers never raise for one bad input in a batch: `read_paths` yields a `ParleyError` in its place.
"""
from .document import SourceDocument
from .reader import read_path, read_paths, read_text

__all__ = ["SourceDocument", "read_path", "read_paths", "read_text"]
