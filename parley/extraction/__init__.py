"""Extraction: actors, attribution, events, issues and stance, read off the parsed article."""
from .extractor import Extraction, Extractor

__all__ = ["Extraction", "Extractor"]
