"""NLP: the spaCy pipeline, loaded once per process, with parley's components registered by name."""
from .pipeline import batch_zone, load_nlp

__all__ = ["batch_zone", "load_nlp"]
