"""Extraction: actors, attribution, events, issues and stance, read off the parsed article (`extractor.Extractor`).

The package imports none of its modules, so the spaCy-free data modules (gazetteer, lexicon) load alone."""
