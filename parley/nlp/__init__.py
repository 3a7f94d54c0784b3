"""NLP: the spaCy pipeline, loaded once per process, with parley's components registered by name."""
from .pipeline import load_nlp

__all__ = ["load_nlp"]
