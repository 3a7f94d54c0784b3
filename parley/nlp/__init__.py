"""NLP: the spaCy pipeline, loaded once per process, with parley's components registered by name (pipeline,
components, fast), the planner that picks the sentences the parser must see (prefilter) and selective parsing
(selective)."""
from .pipeline import batch_zone, load_nlp

__all__ = ["batch_zone", "load_nlp"]
