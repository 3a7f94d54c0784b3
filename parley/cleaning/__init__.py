"""Cleaning: normalise text, drop page clutter, mark headings, lift the trailing sources line."""
from .clean import CleanArticle, Unit, clean

__all__ = ["CleanArticle", "Unit", "clean"]
