"""Run the extraction stages over parsed articles."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from spacy.language import Language

from ..cleaning import CleanArticle
from ..dossier import Dossier
from ..models import Quote, Statement
from ..settings import Settings
from ..sources import SourceDocument


@dataclass
class Extraction:
    statements: list[Statement] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    people: dict[str, str] = field(default_factory=dict)
    parties: list[str] = field(default_factory=list)


class Extractor:
    def __init__(self, nlp: Language, dossier: Dossier | None, settings: Settings) -> None:
        self.nlp = nlp
        self.dossier = dossier
        self.settings = settings

    def pipe(
        self, items: Iterable[tuple[SourceDocument, CleanArticle]]
    ) -> Iterator[tuple[SourceDocument, CleanArticle, Extraction]]:
        texts = ((article.text, (document, article)) for document, article in items)
        for doc, (document, article) in self.nlp.pipe(texts, as_tuples=True, batch_size=self.settings.batch_size):
            yield document, article, Extraction()
