"""Issues: tie a statement to the issue whose proposition it is about.

An issue is matched by its keywords and by the words of its proposition (as lemmas, through a synonym table), and
by who would act: "Ukraine withdraws its forces" and "Russia withdraws its forces" share their words, so the party
doing the withdrawing in the statement decides between them.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml
from spacy.language import Language
from spacy.tokens import Token

from ..dossier import Dossier
from .gazetteer import Gazetteer

CONTENT_POS = {"NOUN", "VERB", "ADJ", "PROPN"}


@dataclass(frozen=True)
class IssueSpec:
    id: str
    label: str
    proposition: str
    keywords: tuple[str, ...]


@dataclass(frozen=True)
class _Compiled:
    spec: IssueSpec
    keywords: tuple[tuple[str, ...], ...]    # lemma sequences
    lemmas: frozenset[str]                    # proposition and label content lemmas (canonical)
    subject: str | None                       # the party the proposition has acting
    verbs: frozenset[str]                     # the proposition's predicate lemmas (canonical)


@cache
def _synonym_data() -> tuple[dict[str, str], frozenset[str]]:
    raw = yaml.safe_load(resources.files("parley").joinpath("data/lexicon/synonyms.yaml").read_text("utf-8"))
    canon = {word: words[0] for words in raw["sets"] for word in words}
    return canon, frozenset(raw["generic"])


@cache
def taxonomy_issues() -> tuple[IssueSpec, ...]:
    """The built-in generic issues (data/lexicon/taxonomy.yaml), for articles read without a dossier."""
    raw = yaml.safe_load(resources.files("parley").joinpath("data/lexicon/taxonomy.yaml").read_text("utf-8"))
    return tuple(IssueSpec(i["id"], i["label"], i["proposition"], tuple(str(k) for k in i["keywords"])) for i in raw)


def issue_specs(dossier: Dossier | None) -> tuple[IssueSpec, ...]:
    if dossier is None or not dossier.issues:
        return taxonomy_issues()
    return tuple(IssueSpec(i.id, i.label, i.proposition, tuple(i.keywords)) for i in dossier.issues)


def canonical(lemma: str) -> str:
    return _synonym_data()[0].get(lemma, lemma)


class IssueMatcher:
    """Score a statement's words against every issue; the best issue above the bar wins."""

    MIN_SCORE = 2.0

    def __init__(self, nlp: Language, gazetteer: Gazetteer, specs: Sequence[IssueSpec]) -> None:
        self.gazetteer = gazetteer
        _, self.generic = _synonym_data()
        self.issues = [self._compile(nlp, spec) for spec in specs]
        self.labels = {spec.id: spec.label for spec in specs}

    def _compile(self, nlp: Language, spec: IssueSpec) -> _Compiled:
        keywords = tuple(tuple(t.lemma_.lower() for t in nlp(k) if not t.is_punct) for k in spec.keywords if k)
        doc = nlp(f"{spec.proposition}. {spec.label}.")
        lemmas, verbs, subject = set(), set(), None
        for token in doc:
            lemma = token.lemma_.lower()
            if token.pos_ not in CONTENT_POS or token.is_stop or lemma in self.generic or len(lemma) < 3:
                continue
            if self.gazetteer.resolve(token.text):
                continue
            lemmas.add(canonical(lemma))
        first = next(doc.sents)
        root = first.root
        for token in [root, *[c for c in root.children if c.dep_ == "conj"]]:
            if token.pos_ == "VERB" and token.lemma_.lower() not in self.generic:
                verbs.add(canonical(token.lemma_.lower()))
        for child in root.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                phrase = " ".join(t.text for t in child.subtree)
                hit = self.gazetteer.resolve(phrase) or self.gazetteer.resolve(child.text)
                subject = hit[0] if hit and child.dep_ == "nsubj" else None
        return _Compiled(spec, tuple(k for k in keywords if k), frozenset(lemmas), subject, frozenset(verbs))

    def match(self, tokens: Sequence[Token], agent_of: Callable[[Token], str | None]) -> tuple[str, float] | None:
        """(issue id, score) for the words of a statement's content; `agent_of` names who acts on a word."""
        if not tokens:
            return None
        tokens = sorted(set(tokens), key=lambda t: t.i)
        lemmas = [t.lemma_.lower() for t in tokens]
        canon = {canonical(lemma) for lemma, t in zip(lemmas, tokens) if not t.is_stop}
        best: tuple[str, float] | None = None
        for issue in self.issues:
            score, keyword_hits = 0.0, 0
            for keyword in issue.keywords:
                if _contains(lemmas, keyword):
                    keyword_hits += 1
                    score += 3.0 if len(keyword) > 1 else 2.0
            overlap = canon & issue.lemmas
            score += 1.0 * len(overlap)
            if not keyword_hits and len(overlap) < 2:
                continue
            if issue.subject and issue.verbs:
                for token in tokens:
                    if canonical(token.lemma_.lower()) in issue.verbs:
                        doer = agent_of(token)
                        if doer is not None:
                            score += 1.0 if doer == issue.subject else -4.0
                            break
            if score >= self.MIN_SCORE and (best is None or score > best[1]):
                best = (issue.spec.id, score)
        return best


def _contains(lemmas: list[str], keyword: tuple[str, ...]) -> bool:
    n = len(keyword)
    return any(tuple(lemmas[i:i + n]) == keyword for i in range(len(lemmas) - n + 1))
