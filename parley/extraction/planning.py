"""What the parse planner (nlp.prefilter) must know of the extractor, handed over as plain data: the planner
imports nothing of extraction, and still plans from the very lexicon, gazetteer and word lists the rules read."""
from __future__ import annotations

from ..nlp.prefilter import Vocabulary
from ..nlp.quotes import CLOSING, OPENING
from .actors import ActorFinder
from .issues import IssueMatcher
from .lexicon import Lexicon, inflections, linking_words, reference_words


def planner_vocabulary(finder: ActorFinder, lexicon: Lexicon, issues: IssueMatcher | None) -> Vocabulary:
    """The planner's words: the action lexicon, the linker's wanting, hinging and hanging words, terms nouns,
    verbs of consequence and future auxiliaries with the dossier's issue verbs (when the linker reads them), the
    pronouns, the quote marks, the gazetteer's titles and group words, and how it finds party mentions."""
    references = reference_words()
    return Vocabulary(
        lexicon=lexicon,
        wanting_verbs=linking_words()["wanting_verbs"],
        hinging_verbs=linking_words()["hinging_verbs"],
        hanging_predicates=linking_words()["hanging_predicates"],
        terms_nouns=frozenset(linking_words()["terms_nouns"]),
        future_auxiliaries=linking_words()["future_auxiliaries"],
        consequence_verbs=linking_words()["harming_verbs"] | linking_words()["helping_verbs"],
        issue_verbs=issues.predicate_words() if issues is not None else frozenset(),
        inflections=inflections,
        person_pronouns=references["person_pronouns"],
        group_pronouns=references["group_pronouns"],
        first_person=references["first_person"],
        quote_marks=frozenset(OPENING + CLOSING),
        title_heads=frozenset(finder.title_heads),
        groups=frozenset(finder.groups) | frozenset(finder.gazetteer.name_heads),
        sides=(references["pair_words"], references["side_nouns"] | references["kind_nouns"]),
        mentions=finder.mentions,
    )
