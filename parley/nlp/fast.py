"""Faster drop-ins for two of the model's rule components, with the same output token for token.

The attribute ruler and the rule lemmatizer of `en_core_web_sm` cost more per parsed token than the tagger and the
parser together, spent in per-token Python and in spaCy's Matcher trying 179 patterns on every token. What they
compute for a token depends on a handful of its attributes only, so it can be worked out once per distinct value
and looked up afterwards:

- The attribute ruler's one-token patterns test TAG, LOWER, DEP and IS_SPACE; the set of them that match a token
  is computed once per combination of those four values by testing each pattern's conditions, the way the
  Matcher does. Its patterns of several tokens still go through a Matcher that holds only them. The matches are
  then sorted and applied exactly as `AttributeRuler` does. If the model's patterns ever test anything else,
  the stock matcher is used.
- The rule lemmatizer's answer depends on the word, its POS and its morphology, the very key spaCy's own cache
  uses; here every answer is cached (spaCy skips a few kinds), the lemmas are written with one `from_array`,
  and the cache is emptied when it grows large.

Both caches follow the vocabulary on a long stream: what they learn inside a spaCy memory zone goes when the zone
closes, as the words the zone added do (spaCy enters a component's `memory_zone` from `Language.memory_zone`), so
they hold the kept articles' words and one batch's, not every word of the stream.

They are registered as spaCy factories (`parley_attribute_ruler`, `parley_lemmatizer`) and used only when the
setting `fast_components` (section `analysis`) is on: `load_nlp` then asks `spacy.load` to build the model's
`attribute_ruler` and `lemmatizer` with these factories, and each loads the model's own patterns and tables from
disk as the stock one does. `tests/test_nlp_fast.py` checks every token attribute against the stock components on a
small corpus committed with the tests.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import numpy as np
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.errors import Errors
from spacy.lang.en import English
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc, Token

CACHE_LIMIT = 200_000   # lemmatizer entries kept before the cache starts afresh
_KEY = [LOWER, TAG, DEP, IS_SPACE]
_FIELDS = {"LOWER": 0, "TAG": 1, "DEP": 2, "IS_SPACE": 3}
# attribute id → how the attribute ruler's value (a string hash) is set on a Token, through its public setters
_SETTERS: dict[int, Callable[[Token, int], None]] = {
    TAG: lambda token, value: setattr(token, "tag", value),
    POS: lambda token, value: setattr(token, "pos", value),
    DEP: lambda token, value: setattr(token, "dep", value),
    LEMMA: lambda token, value: setattr(token, "lemma", value),
    MORPH: lambda token, value: token.set_morph(value),
}


def _condition(field: int, value) -> Callable[[tuple], bool] | None:
    """One token condition of a pattern as a test on (lower, tag, dep, is_space); None if it is of a kind the
    Matcher may read otherwise (then the stock matcher is used)."""
    if field == 3:
        return (lambda key: key[3] == value) if isinstance(value, bool) else None
    if isinstance(value, str):
        return lambda key: key[field] == value
    if isinstance(value, dict) and len(value) == 1:
        (operator, argument), = value.items()
        if operator == "IN" and isinstance(argument, list) and all(isinstance(a, str) for a in argument):
            allowed = frozenset(argument)
            return lambda key: key[field] in allowed
        if operator == "NOT_IN" and isinstance(argument, list) and all(isinstance(a, str) for a in argument):
            barred = frozenset(argument)
            return lambda key: key[field] not in barred
        if operator == "REGEX" and isinstance(argument, str):
            pattern = re.compile(argument)
            return lambda key: pattern.search(key[field]) is not None
    return None


@contextmanager
def _zoned(component: object, cache: str) -> Iterator[None]:
    """The component's cache (an attribute holding a dict) back as it was before the zone when it closes: entries
    for words first seen in the zone leave with the words. A copy is made per zone, of the kept entries only."""
    kept = getattr(component, cache, {})
    zone = dict(kept)
    setattr(component, cache, zone)
    try:
        yield
    finally:   # a cache rebuilt inside the zone (new patterns) starts empty, rather than with the zone's words
        setattr(component, cache, kept if getattr(component, cache) is zone else {})


class FastAttributeRuler(AttributeRuler):
    """`AttributeRuler` with one-token patterns looked up per distinct (LOWER, TAG, DEP, IS_SPACE). Words that
    no pattern names and that every REGEX treats alike share one entry, so the lookup stays small."""

    def _prepare(self) -> None:
        self._size = len(self.attrs)
        # every rule sets only attributes with a public Token setter (else set_annotations is the stock one)
        self._settable = all(set(attrs) <= _SETTERS.keys() for attrs in self.attrs)
        singles: list[tuple[int, int, list[Callable[[tuple], bool]]]] = []   # (attr id, match id, conditions)
        self._multi = Matcher(self.vocab)
        self._usable = True
        self._literals: set[str] = set()      # every word a LOWER condition names
        self._regexes: list[re.Pattern] = []  # every REGEX a LOWER condition applies
        for attr_id in range(len(self.attrs)):
            key = str(attr_id)
            match_id = self.vocab.strings.add(key)
            _, patterns = self.matcher.get(key)
            long = [pattern for pattern in patterns if len(pattern) != 1]
            if long:
                self._multi.add(key, long)
            for pattern in patterns:
                if len(pattern) != 1:
                    continue
                tests = [_condition(_FIELDS.get(name, -1), value) for name, value in pattern[0].items()]
                if any(name not in _FIELDS for name in pattern[0]) or None in tests:
                    self._usable = False
                    return
                lower = pattern[0].get("LOWER")
                if isinstance(lower, str):
                    self._literals.add(lower)
                elif isinstance(lower, dict):
                    (operator, argument), = lower.items()
                    if operator == "REGEX":
                        self._regexes.append(re.compile(argument))
                    else:
                        self._literals.update(argument)
                singles.append((attr_id, match_id, tests))
        self._singles = singles
        self._classes: dict[int, tuple] = {}   # LOWER hash → what the patterns can tell of the word
        self._found: dict[tuple, tuple[tuple[int, int], ...]] = {}

    def _single_matches(self, key: tuple, text: tuple) -> tuple[tuple[int, int], ...]:
        found = tuple((attr_id, match_id) for attr_id, match_id, tests in self._singles
                      if all(test(text) for test in tests))
        self._found[key] = found
        return found

    def match(self, doc: Doc):
        if getattr(self, "_size", None) != len(self.attrs):   # built on first use, again if patterns were added
            self._prepare()
        if not self._usable:
            return super().match(doc)
        strings = doc.vocab.strings
        matches = [(int(strings[m_id]), m_id, start, end)
                   for m_id, start, end in self._multi(doc, allow_missing=True, as_spans=False)]
        classes, found = self._classes, self._found
        if len(classes) > CACHE_LIMIT:
            classes.clear()
        for i, (lower, tag, dep, space) in enumerate(doc.to_array(_KEY).tolist()):
            kind = classes.get(lower)
            if kind is None:
                word = strings[lower]
                kind = classes[lower] = (word if word in self._literals else None,
                                         *(bool(regex.search(word)) for regex in self._regexes))
            key = (kind, tag, dep, space)
            hits = found.get(key)
            if hits is None:   # the first token of its kind: its own values decide for all of them
                hits = self._single_matches(key, (strings[lower], strings[tag], strings[dep], bool(space)))
            for attr_id, match_id in hits:
                matches.append((attr_id, match_id, i, i + 1))
        matches.sort()   # as AttributeRuler.match: later rules take precedence
        return matches

    def memory_zone(self, mem=None):
        """Called by `Language.memory_zone`: the word classes learnt in the zone go when it closes."""
        return _zoned(self, "_classes")

    def set_annotations(self, doc: Doc, matches) -> None:
        """As AttributeRuler.set_annotations, without building a Span per match: each value is set through the
        Token's own setters (the attributes the model's rules set: TAG, POS, MORPH, LEMMA, DEP); a rule that sets
        anything else goes through the stock method."""
        if getattr(self, "_size", None) != len(self.attrs):
            self._prepare()
        if not self._settable:
            super().set_annotations(doc, matches)
            return
        for attr_id, _, start, end in matches:
            index = self.indices[attr_id]
            position = (start if index >= 0 else end) + index
            if not start <= position < end:
                super().set_annotations(doc, matches)   # raises the stock error
                return
            token = doc[position]
            for name, value in self.attrs[attr_id].items():
                _SETTERS[name](token, value)


class FastLemmatizer(EnglishLemmatizer):
    """The rule lemmatizer with every answer cached per (word, POS, morphology) and written in one go."""

    def memory_zone(self, mem=None):
        """Called by `Language.memory_zone`: the answers for the zone's words go when it closes."""
        return _zoned(self, "cache")

    def __call__(self, doc: Doc) -> Doc:
        if self.mode != "rule":
            return super().__call__(doc)
        if not self._validated:
            self._validate_tables(Errors.E1004)
        if not getattr(self, "_indexed", False):
            _set_index(self)
            self._indexed = True
        if not len(doc):
            return doc
        error_handler = self.get_error_handler()
        try:
            array = doc.to_array([LEMMA, ORTH, POS, MORPH])
            strings = doc.vocab.strings
            cache = self.cache
            lemmas = array[:, 0].tolist()
            for i, (lemma, orth, pos, morph) in enumerate(array.tolist()):
                if self.overwrite or lemma == 0:
                    forms = cache.get((orth, pos, morph))
                    if forms is None:
                        if len(cache) > CACHE_LIMIT:
                            cache.clear()
                        forms = cache[(orth, pos, morph)] = self.lemmatize(doc[i])
                    lemmas[i] = strings.add(forms[0])
            doc.from_array([LEMMA], np.array(lemmas, dtype=np.uint64).reshape(-1, 1))
            return doc
        except Exception as e:  # noqa: BLE001  (as the stock component: its error handler decides)
            error_handler(self.name, self, [doc], e)


def _set_index(lemmatizer: FastLemmatizer) -> None:
    """The lemmatizer's word index per POS, a list it tests words against one by one, becomes a set (the rule
    lemmatizer only ever asks whether a word is in it)."""
    if lemmatizer.lookups.has_table("lemma_index"):
        index = lemmatizer.lookups.get_table("lemma_index")
        for key in list(index.keys()):
            if isinstance(index[key], list):
                index[key] = frozenset(index[key])


@Language.factory("parley_attribute_ruler", default_config={"validate": False,
                                                             "scorer": {"@scorers": "spacy.attribute_ruler_scorer.v1"}})
def make_attribute_ruler(nlp: Language, name: str, validate: bool, scorer) -> FastAttributeRuler:
    """The attribute ruler, same config as spaCy's `attribute_ruler` factory; its patterns load from the model."""
    return FastAttributeRuler(nlp.vocab, name, validate=validate, scorer=scorer)


@English.factory("parley_lemmatizer", assigns=["token.lemma"],
                 default_config={"model": None, "mode": "rule", "overwrite": False,
                                 "scorer": {"@scorers": "spacy.lemmatizer_scorer.v1"}})
def make_lemmatizer(nlp: Language, model, name: str, mode: str, overwrite: bool, scorer) -> FastLemmatizer:
    """The English rule lemmatizer, same config as spaCy's `lemmatizer` factory for English; its tables load from
    the model."""
    return FastLemmatizer(nlp.vocab, model, name, mode=mode, overwrite=overwrite, scorer=scorer)


#: `spacy.load(..., config=FAST_CONFIG)` builds the model's two rule components with the factories above.
FAST_CONFIG = {"components": {"attribute_ruler": {"factory": "parley_attribute_ruler"},
                              "lemmatizer": {"factory": "parley_lemmatizer"}}}
