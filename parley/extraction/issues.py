"""Issues: tie a statement to the issue whose proposition it is about.

An issue is matched by its keywords and by the words of its proposition (as lemmas, through a synonym table), and
by who would act: "Iceland withdraws its boats" and "Norway withdraws its boats" share their words, so the party
doing the withdrawing in the statement decides between them.

With the setting `issue_embeddings` (an extra), a statement the words do not tie to any issue is compared in meaning
with each issue's proposition (all-MiniLM-L6-v2, parley/extraction/embeddings.py): "Lavrov rejected Western
proposals to send troops to Ukraine" is about "Ukraine receives security guarantees" without sharing a keyword.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

import yaml
from spacy.lang.en.stop_words import STOP_WORDS
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
class IssueMatch:
    """The issue a statement is about; `inverted` when its words assert the opposite of the proposition."""

    id: str
    score: float
    inverted: bool = False
    longest: int = field(default=0, compare=False)   # words of its longest keyword found: ties go to the longer


@dataclass(frozen=True)
class _Compiled:
    spec: IssueSpec
    keywords: tuple[tuple[str, ...], ...]    # lemma sequences
    lemmas: frozenset[str]                    # proposition and label content lemmas (canonical)
    subject: str | None                       # the party the proposition has acting
    verbs: frozenset[str]                     # the proposition's predicate lemmas (canonical)
    opposites: frozenset[str]                 # lemmas that assert the opposite of the predicate
    keyword_words: frozenset[str]             # the distinctive single words of all keywords
    keyword_forms: tuple[tuple[frozenset[str], ...], ...]  # per keyword, the `_spellings` of each of its words
    spellings: frozenset[str]                 # the `_spellings` of all keyword words
    loser: str | None                         # the party the proposition takes from ("at the expense of Norway's")
    parties: frozenset[str]                   # the parties the proposition names
    heads: frozenset[str]                     # the head nouns of its compound keywords ("ban" of "hunting ban")


@cache
def _synonym_file() -> dict:
    return yaml.safe_load(resources.files("parley").joinpath("data/lexicon/synonyms.yaml").read_text("utf-8"))


@cache
def _synonym_data() -> tuple[dict[str, str], frozenset[str], dict[str, frozenset[str]]]:
    raw = _synonym_file()
    canon = {word: words[0] for words in raw["sets"] for word in words}
    antonyms = {key: frozenset(words) for key, words in raw.get("antonyms", {}).items()}
    return canon, frozenset(raw["generic"]), antonyms


@cache
def _senses_data() -> dict[str, frozenset[str]]:
    senses: dict[str, set[str]] = {}
    for words in _synonym_file()["sets"]:
        for word in words:
            senses.setdefault(word, set()).add(words[0])
    return {word: frozenset(heads) for word, heads in senses.items()}


@cache
def taxonomy_issues() -> tuple[IssueSpec, ...]:
    """The built-in generic issues (data/lexicon/taxonomy.yaml), for articles read without a dossier."""
    raw = yaml.safe_load(resources.files("parley").joinpath("data/lexicon/taxonomy.yaml").read_text("utf-8"))
    return tuple(IssueSpec(i["id"], i["label"], i["proposition"], tuple(str(k) for k in i["keywords"])) for i in raw)


def issue_specs(dossier: Dossier | None) -> tuple[IssueSpec, ...]:
    if dossier is None or not dossier.issues:
        return taxonomy_issues()
    return tuple(IssueSpec(i.id, i.label, i.proposition, tuple(i.keywords)) for i in dossier.issues)


def verb_senses(word: Token) -> frozenset[str]:
    """`senses` of a word, read with its particle when the phrasal verb has sets of its own ("thrown out" is
    removing, "scale back" lowering, where "throw" and "scale" are neither)."""
    lemma = word.lemma_.lower()
    phrasal = next((f"{lemma} {c.lower_}" for c in word.children if c.dep_ == "prt"), None)
    return senses(phrasal) if phrasal in _senses_data() else senses(lemma)


def canonical(lemma: str) -> str:
    return _synonym_data()[0].get(lemma, lemma)


def senses(lemma: str) -> frozenset[str]:
    """Every set a word stands in: "relief" is lifting (of sanctions) and aid (to the needy); `canonical` keeps one."""
    return _senses_data().get(lemma, frozenset((lemma,)))


class IssueMatcher:
    """Score a statement's words against every issue; the best issue above the bar wins."""

    MIN_SCORE = 2.0
    PREDICATE_BONUS = 2.0

    def __init__(self, nlp: Language, gazetteer: Gazetteer, specs: Sequence[IssueSpec],
                 embeddings: bool = False) -> None:
        self.gazetteer = gazetteer
        _, self.generic, self.antonyms = _synonym_data()
        self.issues = [self._compile(nlp, spec) for spec in specs]
        self._by_id = {issue.spec.id: issue for issue in self.issues}
        # A proposition word several issues share ("flights" of reopening the airport and of inspecting flights)
        # tells them apart less than one only this issue has: it counts 1/n.
        self._shared = Counter(lemma for issue in self.issues for lemma in issue.lemmas)
        self.labels = {spec.id: spec.label for spec in specs}
        # Issues that differ by one party ("Harbour Bank is sold to Kvellmark", "... to Orsund"): the same act on the
        # same party, each with one party of its own. Whose offer or bid a statement names decides between them.
        self._own: dict[str, str] = {}
        self._rivals: dict[str, dict[str, str]] = {issue.spec.id: {} for issue in self.issues}
        for issue in self.issues:
            for other in self.issues:
                mine, theirs = issue.parties - other.parties, other.parties - issue.parties
                if other is not issue and issue.verbs & other.verbs and issue.parties & other.parties \
                        and len(mine) == 1 and len(theirs) == 1:
                    self._own[issue.spec.id] = next(iter(mine))
                    self._rivals[issue.spec.id][next(iter(theirs))] = other.spec.id
        self.meaning = None  # the second stage: issue propositions embedded once per matcher (so per dossier)
        if embeddings:
            from .embeddings import IssueEmbeddings
            self.meaning = IssueEmbeddings([s.id for s in specs], [s.proposition for s in specs])

    def _word(self, token: Token) -> str:
        """A token as the matcher sees it: a party becomes "@ID", so "join the EU" matches "join the bloc"."""
        hit = self.gazetteer.resolve(token.text) if token.pos_ == "PROPN" or token.text[:1].isupper() else None
        return f"@{hit[0]}" if hit and hit[1] != "demonym" else token.lemma_.lower()

    def _keyword_head(self, tokens: list[Token], lemmas: set[str]) -> str | None:
        """The head noun of a keyword that is a compound of content words ("hunting ban"), as the matcher's word,
        if it is a word of the issue's proposition too ("the ban on hunting with dogs stays in force"); none for one
        word, a phrase with a preposition ("hunting with dogs"), a word that names no issue alone ("deal",
        "talks": the matcher's generic words) or a keyword with a party's name in it ("European Union")."""
        if len(tokens) < 2 or any(t.is_stop or t.pos_ not in CONTENT_POS for t in tokens) \
                or tokens[-1].pos_ not in ("NOUN", "PROPN") or any(self.gazetteer.resolve(t.text) for t in tokens):
            return None
        head = self._word(tokens[-1])
        return head if head not in self.generic and canonical(head) in lemmas else None

    def _keyword_forms(self, tokens: list[Token]) -> list[tuple[str, ...]]:
        """A keyword as the matcher's words and, if it holds a gerund, as the noun that gerund is in running text:
        alone, "hunting ban" is lemmatized "hunt ban", while "the hunting ban" of an article keeps "hunting"."""
        words = tuple(self._word(t) for t in tokens)
        nominal = tuple(t.lower_ if t.lower_.endswith("ing") and t.lemma_.lower() != t.lower_ else word
                        for t, word in zip(tokens, words))
        return [words, nominal] if nominal != words else [words]

    def _compile(self, nlp: Language, spec: IssueSpec) -> _Compiled:
        parsed = [[t for t in nlp(k) if not t.is_punct] for k in spec.keywords if k]
        keywords = tuple(dict.fromkeys(form for tokens in parsed for form in self._keyword_forms(tokens)))
        doc = nlp(f"{spec.proposition}. {spec.label}.")
        lemmas, verbs, subject = set(), set(), None
        for token in doc:
            lemma = token.lemma_.lower()
            if token.pos_ not in CONTENT_POS or token.is_stop or lemma in self.generic or len(lemma) < 3:
                continue
            if self.gazetteer.resolve(token.text):
                continue
            lemmas.add(canonical(lemma))
        root = next(doc.sents).root
        named = None
        if root.pos_ not in ("VERB", "AUX"):
            # a party's name the model does not know reads as a noun ("Kvellmark acquires" as a compound): the
            # proposition once more with the name as "It", the name's party its subject
            named = self._leading_party(spec.proposition)
            if named is not None:
                root = next(nlp(f"It {spec.proposition[named[1]:].strip()}").sents).root
        # "move to London rather than stay in Frankfurt": what follows "than" is the opposite the issue rules out
        instead = {canonical(c.lemma_.lower()) for c in root.children if c.dep_ == "conj" and c.pos_ == "VERB"
                   and any(cc.dep_ == "cc" and cc.lower_ == "than" and cc.i < c.i for cc in root.children)}
        for token in [root, *[c for c in root.children if c.dep_ == "conj"]]:
            if token.pos_ == "VERB" and token.lemma_.lower() not in self.generic:
                verbs.add(canonical(token.lemma_.lower()))
        verbs -= instead
        lemmas -= instead
        for child in root.children:
            if child.dep_ == "nsubj":
                hits = (self.gazetteer.resolve(t.text) for t in child.subtree)
                subject = next((hit[0] for hit in hits if hit), None)
        if named is not None and verbs:
            subject = named[0]
        opposites = frozenset(word for verb in verbs | lemmas for word in self.antonyms.get(verb, ())) | instead
        loser = next((hit[0] for token in doc if token.lemma_.lower() in ZERO_SUM and token.dep_ == "pobj"
                      for t in token.subtree if (hit := self.gazetteer.resolve(t.text))), None)
        words = frozenset(w for k in keywords for w in k if w not in self.generic and len(w) > 2
                          and not w.startswith("@") and w not in STOP_WORDS)
        keywords = tuple(k for k in keywords if k)
        forms = tuple(tuple(_spellings(part) for part in k) for k in keywords)
        return _Compiled(spec, keywords, frozenset(lemmas), subject, frozenset(verbs), opposites - verbs - lemmas,
                         words, forms, frozenset().union(*(f for parts in forms for f in parts)), loser,
                         self._parties(next(doc.sents)),
                         frozenset(h for tokens in parsed if (h := self._keyword_head(tokens, lemmas))))

    def _parties(self, sentence) -> frozenset[str]:
        """The parties a proposition names."""
        found, i, words = set(), 0, [t.text for t in sentence]
        while i < len(words):
            hit = self._party_at(words, i)
            if hit is not None:
                found.add(hit[0])
            i += hit[1] if hit else 1
        return frozenset(found)

    def _leading_party(self, proposition: str) -> tuple[str, int] | None:
        """The party a proposition opens with and the length of its name in characters."""
        words = proposition.split()
        hit = self._party_at(words, 0)
        return (hit[0], len(" ".join(words[:hit[1]]))) if hit else None

    def _party_at(self, words: list[str], start: int) -> tuple[str, int] | None:
        """The party the longest run of words from `start` names (up to MAX_NAME words), with the run's length;
        a demonym is no party here."""
        for size in range(min(MAX_NAME, len(words) - start), 0, -1):
            hit = self.gazetteer.resolve(" ".join(words[start:start + size]))
            if hit is not None and hit[1] != "demonym":
                return hit[0], size
        return None

    def names_only_the_object(self, issue_id: str, tokens: Sequence[Token]) -> bool:
        """Whether an issue proposes taking something away ("sanctions are lifted", "the clause is removed") and
        the words name only that thing: then opposing the thing is backing the issue ("called the clause an
        obstacle" is for removing it)."""
        issue = self._by_id[issue_id]
        if not self.removes(issue_id) or any(verb_senses(t) & (issue.verbs | issue.opposites)
                                            for t in tokens):
            return False
        named = [t for t in tokens[:-1] if _variant(self._word(t), issue.keyword_words)
                 or canonical(t.lemma_.lower()) in issue.lemmas]
        return bool(named) and all(_bare(t, tokens[-1]) for t in named)

    def predicate_sign(self, issue_id: str, word: Token) -> int:
        """1 for a word that is the issue's own predicate ("withdraw" of a withdrawal), -1 for one that asserts
        its opposite ("remain"), 0 for any other."""
        return self._sign(issue_id, verb_senses(word))

    def lemma_sign(self, issue_id: str, lemma: str) -> int:
        """`predicate_sign` of a lemma (the verb an undoing noun names: "withdraw" of "withdrawal")."""
        return self._sign(issue_id, senses(lemma))

    def _sign(self, issue_id: str, meanings: frozenset[str]) -> int:
        issue = self._by_id[issue_id]
        return 1 if meanings & issue.verbs else -1 if meanings & issue.opposites else 0

    def word_of(self, issue_id: str, token: Token) -> bool:
        """Whether a word is one of the issue's own (a keyword's or the proposition's, with its synonyms): "tariff"
        of "the steel tariff is lifted", not "spending" in "spending on the tariff inspectors"."""
        return self.keyword_word(issue_id, token) or canonical(token.lemma_.lower()) in self._by_id[issue_id].lemmas

    def keyword_word(self, issue_id: str, token: Token) -> bool:
        """Whether a word is one of the issue's keywords' words: what the issue is named by, not every word its
        proposition uses ("restrictions" of "convoys cross without restrictions" names no issue of restrictions)."""
        return _variant(self._word(token), self._by_id[issue_id].keyword_words)

    def headed_by(self, token: Token) -> str | None:
        """The one issue a noun is the head of a compound keyword of, and no other issue's keyword word: "the ban"
        of an article whose dossier names a "hunting ban" and no other ban."""
        word = self._word(token)
        owners = [issue.spec.id for issue in self.issues if _variant(word, issue.heads)]
        if len(owners) != 1 or any(_variant(word, issue.keyword_words) for issue in self.issues
                                   if issue.spec.id != owners[0]):
            return None
        return owners[0]

    def acts_for(self, issue_id: str, doer: str) -> bool:
        """Whether a party may do the issue's own act: any party, unless the proposition names who does it
        ("Dorvania withdraws its troops": Kestria's withdrawing is no word on it)."""
        subject = self._by_id[issue_id].subject
        return subject is None or subject == doer

    def own_predicate(self, word: Token, doer: str | None) -> str | None:
        """The one issue whose own predicate the word is ("withdraw" of a withdrawal), if exactly one, and whose
        actor (if it names one) is the party acting, `doer`: "Kordavia will not withdraw" is no word on Dorvania's
        withdrawal."""
        meanings = verb_senses(word)
        owners = [issue.spec.id for issue in self.issues if meanings & issue.verbs
                  and (issue.subject is None or doer == issue.subject)]
        return owners[0] if len(owners) == 1 else None

    def predicate_words(self) -> frozenset[str]:
        """Every lemma that is some issue's own predicate or its opposite ("lift", "remove", "keep" of "the tariff
        is lifted"; a phrasal verb by its verb, "throw" of "throw out"), for the parse planner."""
        heads = frozenset().union(*(issue.verbs | issue.opposites for issue in self.issues))
        return frozenset(word.split()[0] for word, meanings in _senses_data().items() if meanings & heads) | heads

    def removes(self, issue_id: str) -> bool:
        """Whether the issue proposes taking something away or down ("sanctions are lifted", "the rebate is
        reduced"): then a word against the thing is a word for the issue."""
        return bool(self._by_id[issue_id].verbs & REMOVAL)

    def match(self, tokens: Sequence[Token], agent_of: Callable[[Token], str | None]) -> IssueMatch | None:
        """The best issue for the words of a statement's content; `agent_of` names who acts on a word."""
        if not tokens:
            return None
        tokens = sorted(set(tokens), key=lambda t: t.i)
        words = [self._word(t) for t in tokens]
        canon = {canonical(w) for w, t in zip(words, tokens) if not t.is_stop}
        # the acts named, stop words or not: "keep" is one, and asserts the opposite of "the tariff is lifted"
        acts = canon | {canonical(w) for w, t in zip(words, tokens) if t.pos_ == "VERB"}
        spelled = {form for w in words for form in _spellings(w)}
        best: IssueMatch | None = None
        handed: dict[str, float] = {}   # issue -> score its rivals' words give it
        for issue in self.issues:
            score = 0.0
            # Words that share no spelling with an issue's keyword words hold no keyword of it and no variant of one;
            # nor is a keyword there when one of its words shares none: look-ups rule most out before any scan.
            full: list[tuple[str, ...]] = []
            partial: set[str] = set()
            if not issue.spellings.isdisjoint(spelled):
                full = [k for k, forms in zip(issue.keywords, issue.keyword_forms)
                        if all(not f.isdisjoint(spelled) for f in forms) and _contains(words, k)]
                partial = {w for w in words if _variant(w, issue.keyword_words)} - {w for k in full for w in k}
            score += sum(3.0 if len(k) > 1 else 2.0 for k in full)
            score += 1.0 * len(partial)
            overlap = canon & issue.lemmas
            score += sum(1.0 / self._shared[lemma] for lemma in overlap)
            if not full and not partial and len(overlap) < 2:
                if not self._backs_own_party(issue, tokens, words):
                    continue
                score = self.MIN_SCORE  # "the bank's board backed Kvellmark": its bid, of two
            if any(t.pos_ == "VERB" and verb_senses(t) & issue.verbs for t in tokens):
                score += self.PREDICATE_BONUS  # "flights at the airport be inspected": an inspection, not flights
            doer, own = self._doer(issue, tokens, words, agent_of)
            rivals = self._rivals[issue.spec.id]
            if doer in rivals:
                # another party's bid for the same thing: the words are about the issue that has that party
                handed[rivals[doer]] = max(handed.get(rivals[doer], 0.0), score + 1.0)
            if doer is not None:
                score += 1.0 if doer == own else -4.0
            best = self._better(best, issue, score, acts, tokens, max((len(k) for k in full), default=0))
        for issue_id, score in handed.items():
            best = self._better(best, self._by_id[issue_id], score, acts, tokens, 0)
        if best is None and self.meaning is not None:
            return self._by_meaning(tokens)
        return best

    def _better(self, best: IssueMatch | None, issue: _Compiled, score: float, acts: set[str],
                tokens: Sequence[Token], longest: int) -> IssueMatch | None:
        """The issue as the match if it scores above the bar and above the best so far; on a tie, if its longest
        keyword found is longer ("judges must rule on all detention orders": "all detention orders", not "detention
        orders")."""
        if score < self.MIN_SCORE or (best is not None and (score, longest) <= (best.score, best.longest)):
            return best
        inverted = bool(acts & issue.opposites) and not (acts & issue.verbs)
        if inverted and issue.loser and self._names(tokens, issue.loser):
            inverted = False  # "a cut to the Norwegian quota" of "raised at the expense of Norway's"
        return IssueMatch(issue.spec.id, score, inverted, longest)

    def _backs_own_party(self, issue: _Compiled, tokens: Sequence[Token], words: list[str]) -> bool:
        """Whether, between issues that differ by one party, the object of the statement's verb is this issue's
        own party: a stance on a bidder is a stance on its bid ("backed Kvellmark"; not "talks with Kvellmark")."""
        own = self._own.get(issue.spec.id)
        return own is not None and any(word == f"@{own}" and (t.dep_ == "dobj" or t.dep_ == "compound"
                                                             and t.head.dep_ == "dobj")
                                       for t, word in zip(tokens, words))

    def _doer(self, issue: _Compiled, tokens: Sequence[Token], words: list[str],
              agent_of: Callable[[Token], str | None]) -> tuple[str | None, str | None]:
        """Who acts on the issue's own predicate ("Norway withdraws"), with the party the proposition has acting;
        or, between issues that differ by one party ("Harbour Bank is sold to Kvellmark", "... to Orsund"), whose keyword
        thing it is ("a takeover offer from Orsund", "Orsund made a bid"), with the issue's own party (only that
        party or another issue's own counts there)."""
        if issue.subject and issue.verbs:
            for token in tokens:
                if canonical(token.lemma_.lower()) in issue.verbs | issue.opposites:
                    doer = agent_of(token)
                    if doer is not None:
                        return doer, issue.subject
        own, rivals = self._own.get(issue.spec.id), self._rivals[issue.spec.id]
        for token, word in zip(tokens, words) if rivals else ():
            if token.pos_ == "NOUN" and _variant(word, issue.keyword_words):
                doer = agent_of(token)
                if doer is not None and (doer == own or doer in rivals):
                    return doer, own
        return None, None

    def _names(self, tokens: Sequence[Token], party: str) -> bool:
        """Whether some word names a party, by name or demonym ("the Norwegian quota")."""
        return any(hit and hit[0] == party for hit in (self.gazetteer.resolve(t.text) for t in tokens
                                                        if t.pos_ in ("PROPN", "ADJ") or t.text[:1].isupper()))

    def _by_meaning(self, tokens: list[Token]) -> IssueMatch | None:
        """No issue shares the statement's words: the issue whose proposition is closest in meaning, if close
        enough. It counts as a bare lexical match (no confidence bonus) and never as inverted."""
        from .embeddings import MIN_WORDS
        words = [t for t in tokens if not t.is_punct]
        if sum(1 for t in words if not t.is_stop) < MIN_WORDS:
            return None
        found = self.meaning.closest(" ".join(t.text for t in words))
        return IssueMatch(found[0], self.MIN_SCORE) if found else None


def _bare(word: Token, trigger: Token) -> bool:
    """Whether a word names a thing with nothing done to it but the statement's own act ("condemned the sanctions",
    "the clause was an obstacle"), not the object of another act ("amend the constitution", "change to it")."""
    while word.dep_ in ("compound", "amod", "conj", "appos", "nmod") and word.head.i != word.i:
        word = word.head
    head = word.head
    return head.i == trigger.i or head.lemma_.lower() in ("be", "remain") or word.dep_ in ("nsubj", "nsubjpass")


ZERO_SUM = frozenset({"expense", "cost"})  # "raised at the expense of Norway's": what one gains, the other loses
REMOVAL = frozenset({"lift", "lower"})  # canonical lemmas: lift (ease, remove, scrap, end), lower (reduce, cut)
MAX_NAME = 5   # words in the longest party name a proposition is searched for


def _variant(word: str, words: frozenset[str]) -> bool:
    """Whether `word` is one of `words` or a spelling variant of one (as `_same` says), by look-ups, not a scan."""
    if not _spellings(word).isdisjoint(words):
        return True  # the word itself, or it cut short: "Philadelphia" for "Philadelphi"
    return len(word) >= 5 and any(other.startswith(word) and len(other) - len(word) <= 2 for other in
                                  _longer_by_prefix(words, word[:5]))


@cache
def _prefix_index(words: frozenset[str]) -> dict[str, tuple[str, ...]]:
    index: dict[str, list[str]] = {}
    for other in words:
        if len(other) >= 6:
            index.setdefault(other[:5], []).append(other)
    return {key: tuple(value) for key, value in index.items()}


def _longer_by_prefix(words: frozenset[str], prefix: str) -> tuple[str, ...]:
    return _prefix_index(words).get(prefix, ())


def _same(word: str, other: str) -> bool:
    """Equal, or a spelling variant: one a short extension of the other ("Philadelphi" / "Philadelphia")."""
    if word == other:
        return True
    short, long_ = sorted((word, other), key=len)
    return len(short) >= 5 and long_.startswith(short) and len(long_) - len(short) <= 2


def _spellings(word: str) -> frozenset[str]:
    """The word and its cuts by one or two letters, of five letters at least: two words `_same` pairs share one."""
    return frozenset({word, *(word[:-cut] for cut in (1, 2) if len(word) - cut >= 5)})


def _contains(words: list[str], keyword: tuple[str, ...], slack: int = 3) -> bool:
    """The keyword's words in order, with at most `slack` other words between them ("join the alliance")."""
    for start, word in enumerate(words):
        if not _same(word, keyword[0]):
            continue
        position, ok = start, True
        for part in keyword[1:]:
            window = words[position + 1:position + 2 + slack]
            step = next((i for i, w in enumerate(window) if _same(w, part)), None)
            if step is None:
                ok = False
                break
            position += step + 1
        if ok:
            return True
    return False
