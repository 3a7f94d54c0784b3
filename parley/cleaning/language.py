"""Which language an article is in, so that each article goes to a spaCy pipeline for its language, and one that
parley has no pipeline for is reported (E120) instead of read by the English rules and found empty.

The detector is py3langid (a maintained fork of langid.py: naive Bayes over byte n-grams, 97 languages, its model
shipped in the package, no network), asked for calibrated probabilities."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import pycountry

from ..errors import E, ParleyError
from ..settings import Settings

# Characters of an article the detector reads: its cost grows with the text (a Python loop per byte), and its
# decision is made well before this; on every shared article, gold sentence and the 2,225 BBC articles the first
# 1,000 characters give the same language and the same side of `language_min_probability` as the whole text
# (as do the first 500), at a third of the cost.
PREFIX = 1000


@dataclass(frozen=True)
class Language:
    """A detected language: its ISO 639-1 code (639-3 for the few without one) and the detector's probability."""

    code: str
    probability: float

    @property
    def name(self) -> str:
        found = pycountry.languages.get(**{"alpha_2" if len(self.code) == 2 else "alpha_3": self.code})
        return found.name if found else self.code


@cache
def _identifier():
    """The detector, loaded once per process (its model takes about half a second to decompress)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect(text: str, whole: bool = False) -> Language:
    """The language of the text's first `PREFIX` characters (of all of it with `whole`)."""
    code, probability = _identifier().classify(text if whole else text[:PREFIX])
    return Language(code, probability)


def reading_language(text: str, settings: Settings, source: str) -> str:
    """The language whose pipeline reads `text`: the detected one when parley has a pipeline for it, else the main
    language (`settings.language`) unless the detector is at least `language_min_probability` sure of another
    language, in which case the article is not read: E120 names the language."""
    found = detect(text)
    readable = {settings.language, *settings.pipelines}
    if found.code not in readable and len(text) > PREFIX:
        found = detect(text, whole=True)   # an article that opens with a quotation in another language
    if found.code in readable:
        return found.code
    if found.probability < settings.language_min_probability:
        return settings.language
    raise ParleyError(E.E120, source=source, language=found.name, iso=found.code, probability=found.probability,
                      readable=", ".join(sorted(readable)))


def pipeline_name(code: str, settings: Settings) -> str:
    """The spaCy pipeline package that reads language `code` (one that `reading_language` returned)."""
    return settings.model if code == settings.language else settings.pipelines[code]
