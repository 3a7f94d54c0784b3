"""The data flow of one article: source → cleaning → NLP → extraction → positions and gaps.

`Analyzer` holds what is loaded once (spaCy pipeline, world gazetteer, dossier, lexicons) and analyses articles
one at a time or as a stream (`analyze_many`, batched through `nlp.pipe`).
"""
from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager, nullcontext
from functools import lru_cache
from itertools import islice
from pathlib import Path

from .cleaning import CleanArticle, clean
from .cleaning.language import pipeline_name, reading_language
from .dossier import Dossier, load_dossier
from .errors import E, ParleyError, failure_reason
from .extraction.extractor import Extractor
from .models import ArticleAnalysis
from .nlp import batch_zone, load_nlp
from .positions import build_gaps, build_positions, summarize
from .settings import Settings
from .sources import SourceDocument


class BatchAnalysis:
    """What every analyser offers (the Analyzer here, the process and Dask runners of parley.run): a stream of
    analyses in input order in which one bad article never costs its neighbours."""

    settings: Settings
    # How many chunks an ingest may hand over before it stores the chunk before: 0 when the analysis runs in this
    # process (nothing would overlap), 1 when workers elsewhere can analyse the next chunk while it stores.
    works_ahead = 0

    def analyze(self, document: SourceDocument) -> ArticleAnalysis | ParleyError:
        raise NotImplementedError

    def analyze_many(self, documents: Iterable[SourceDocument]) -> Iterator[ArticleAnalysis | ParleyError]:
        raise NotImplementedError

    def analyze_each(self, documents: Iterable[SourceDocument],
                     guard: Callable[[], AbstractContextManager] = nullcontext) -> Iterator[ArticleAnalysis | ParleyError]:
        """Analyses in input order, a batch at a time; if a batch breaks, its articles again one by one, so that
        only the article that fails is lost (a ParleyError in its place) and the rest of the batch goes on.
        `guard()` wraps each analysis call (the store passes a time limit, so a runaway article fails alone)."""
        stream = iter(documents)
        while batch := list(islice(stream, self.settings.batch_size)):
            try:
                with guard():
                    results = list(self.analyze_many(batch))
                yield from results
                continue
            except Exception:  # noqa: BLE001  (one bad article must not stop the batch)
                pass
            yield from self.one_by_one(batch, guard)

    def one_by_one(self, batch: list[SourceDocument],
                   guard: Callable[[], AbstractContextManager] = nullcontext) -> Iterator[ArticleAnalysis | ParleyError]:
        """The articles of a batch that broke, each alone under the guard: a ParleyError in place of each one
        that fails."""
        for document in batch:
            try:
                with guard():
                    result = self.analyze(document)
                yield result
            except ParleyError as exc:  # the article's own coded error (E120: a language parley cannot read)
                yield exc
            except Exception as exc:  # noqa: BLE001
                yield ParleyError(E.E053, source=document.path or document.id, reason=failure_reason(exc))


class Analyzer(BatchAnalysis):
    """Analyse articles about one negotiation (a dossier) or about any (the built-in world and taxonomy)."""

    def __init__(self, dossier: Dossier | str | Path | None = None, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        self.dossier = load_dossier(dossier) if isinstance(dossier, (str, Path)) else dossier
        self.nlp = load_nlp(self.settings.model, self.settings.fast_components)
        self.extractor = Extractor(self.nlp, self.dossier, self.settings)
        self._extractors = {self.settings.language: self.extractor}  # other languages' on first use

    def analyze(self, document: SourceDocument) -> ArticleAnalysis:
        result = next(self.analyze_many([document]))
        if isinstance(result, ParleyError):
            raise result
        return result

    def analyze_many(self, documents: Iterable[SourceDocument]) -> Iterator[ArticleAnalysis | ParleyError]:
        """Analyses in input order, `batch_size` articles at a time, each article by the pipeline of its language
        (an article in a language parley has no pipeline for gets E120 in its place). Once a pipeline has seen
        `kept_vocabulary` articles, each batch is analysed whole inside a spaCy memory zone (`batch_zone`), which
        frees the strings and words the batch added when it closes. Nothing spaCy made inside the zone (Docs,
        Tokens) leaves it; the analyses are plain Python objects, and they are handed out only once the zone is
        closed."""
        stream = iter(documents)
        while batch := list(islice(stream, self.settings.batch_size)):
            results: list[ArticleAnalysis | ParleyError | None] = [None] * len(batch)
            by_language: dict[str, list[int]] = {}
            cleaned = [(document, clean(document.text, self.settings.heading_max_words)) for document in batch]
            for i, (document, article) in enumerate(cleaned):
                try:
                    language = reading_language(article.text, self.settings, document.path or document.id or "<text>")
                except ParleyError as exc:
                    results[i] = exc
                    continue
                by_language.setdefault(language, []).append(i)
            for language, indexes in by_language.items():
                extractor = self._extractor(language)
                with batch_zone(extractor.nlp, len(indexes), self.settings.kept_vocabulary):
                    analysed = extractor.pipe(cleaned[i] for i in indexes)
                    for i, (document, article, extraction) in zip(indexes, analysed, strict=True):
                        results[i] = self._assemble(document, article, extraction, extractor, language)
            yield from results  # type: ignore[misc]  (every place is filled)

    def _extractor(self, language: str) -> Extractor:
        """The extraction over the pipeline for `language`; another language's pipeline runs with its own
        components (parley's faster drop-ins are built for the English model's)."""
        if language not in self._extractors:
            nlp = load_nlp(pipeline_name(language, self.settings), fast_components=False)
            self._extractors[language] = Extractor(nlp, self.dossier, self.settings)
        return self._extractors[language]

    def _assemble(self, document: SourceDocument, article: CleanArticle, extraction, extractor: Extractor,
                  language: str) -> ArticleAnalysis:
        positions = build_positions(extraction.statements)
        gaps = build_gaps(positions, extraction.parties)
        return ArticleAnalysis(
            id=document.id or "",
            path=document.path,
            title=document.title,
            outlet=document.outlet,
            published=document.published,
            url=document.url,
            metadata=document.metadata,
            text=article.text,
            boilerplate=article.boilerplate,
            sources_cited=article.sources_cited,
            people=extraction.people,
            statements=extraction.statements,
            positions=positions,
            gaps=gaps,
            quotes=extraction.quotes,
            summary=summarize(positions, gaps, extractor.issues.labels),
            language=language,
        )


SHARED_LOCK = threading.Lock()   # one spaCy pipeline serves one thread at a time: shared Analyzers are used under it


def shared_analyzer(dossier: Dossier | str | Path | None = None, settings: Settings | None = None) -> Analyzer:
    """The process's Analyzer for this dossier and settings, built on first use and kept: building one costs about
    0.8 CPU s (the extractor's matchers and lexicons), which `parley.analyze` in a loop, a worker's every task and
    the rule tests would otherwise pay per call. An Analyzer keeps no article between calls."""
    loaded = load_dossier(dossier) if isinstance(dossier, (str, Path)) else dossier
    return _kept(loaded.model_dump_json() if loaded else None, (settings or Settings()).model_dump_json())


@lru_cache(maxsize=16)  # a few negotiations per process; more are rebuilt as needed
def _kept(dossier: str | None, settings: str) -> Analyzer:
    return Analyzer(Dossier.model_validate_json(dossier) if dossier else None, Settings.model_validate_json(settings))
