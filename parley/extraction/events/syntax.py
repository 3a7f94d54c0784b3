"""The grammar every event rule shares: word classes and relations, and tests on a word's own phrase
(negation, a waited-for clause, a mass noun)."""
from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Token

VERBAL = {"VERB", "AUX"}
TARGET_PREPS = {"to", "with", "on", "against", "at", "toward", "towards", "upon"}
CLAUSE_DEPS = {"ccomp", "xcomp"}
HYPOTHETICAL_MARKS = {"if", "unless", "provided", "providing", "whether"}
WAITING_MARKS = {"until", "till"}  # "will not sign until Iceland agrees": in the present tense, not yet done
BACKGROUND_MARKERS = {"when", "while", "before", "after", "during", "since", "following"}


ADDITIVE = {"just", "only", "merely", "simply", "solely"}   # "not just X" adds X: no negation


def is_negated(token: Token) -> bool:
    """Whether a word carries its own negation ("not", "never", "no"); "not just X" and "not only X" add to X;
    "has yet to accept" is "has not accepted yet"."""
    return _yet_to(token) or any(
        (c.dep_ == "neg" or c.lower_ in ("never", "not", "n't", "no") and c.dep_ in ("advmod", "neg", "det"))
        and not _additive(c) for c in token.children)


def _yet_to(verb: Token) -> bool:
    """"Iceland has yet to accept", "is yet to sign": the act not done so far."""
    head = verb.head
    return verb.dep_ == "xcomp" and head.lemma_.lower() in ("have", "be") and not is_negated(head) and any(
        c.lower_ == "yet" and c.dep_ == "advmod" for c in head.children)


def _additive(negation: Token) -> bool:
    """"not just X", "not only X" (not "not just yet", "not just now")."""
    doc, i = negation.doc, negation.i
    return i + 1 < len(doc) and doc[i + 1].lower_ in ADDITIVE and not (
        i + 2 < len(doc) and doc[i + 2].lower_ in ("yet", "now", "then"))


def with_of_objects(noun: Token) -> list[Token]:
    """A noun and what its "of" names ("a new set of countermeasures", "a package of sanctions")."""
    return [noun, *(o for p in noun.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children
                    if o.dep_ == "pobj")]


def rhetorical(clause: Token) -> bool:
    """A negative question that asserts ("isn't it ironic that ...", "is it not absurd"): the verb, negated by
    "not" (news drops the question mark in quotations), comes before its subject; "Never was it fair ..." asserts
    the negation."""
    return any(c.dep_ == "neg" and c.lower_ in ("not", "n't") for c in clause.children) and any(
        c.dep_ in ("nsubj", "expl") and c.i > clause.i for c in clause.children)


def unable(verb: Token) -> bool:
    """"unable to reach a deal", "would never be able to agree": what a party cannot do, it neither does nor
    refuses."""
    able = verb.head
    if verb.dep_ != "xcomp" or able.pos_ != "ADJ":
        return False
    return able.lower_ == "unable" or able.lower_ == "able" and able.dep_ == "acomp" and is_negated(able.head)


def waited_for(clause: Token) -> bool:
    """A present-tense until-clause: what a party waits for has not happened ("will not sign until Iceland agrees";
    "fishing went on until Norway agreed" tells of something done)."""
    return clause.dep_ == "advcl" and clause.tag_ in ("VBZ", "VBP") and any(
        c.dep_ == "mark" and c.lower_ in WAITING_MARKS for c in clause.children)


def mass_noun(noun: Token) -> bool:
    """"has immediate demand" (for oil): a bare singular "demand" is a market's, not a party's demand."""
    return noun.lemma_.lower() == "demand" and noun.tag_ == "NN" and not any(
        c.dep_ in ("det", "poss") for c in noun.children)


PHONES = {"phone", "telephone", "video", "conference", "virtual"}


def phone_call(noun: Token) -> bool:
    """A call on the telephone ("a phone call", "a video call", "a call with Kyiv"), not a call for something."""
    if noun.lemma_.lower() != "call":
        return False
    if any(c.dep_ in ("compound", "amod", "nmod") and c.lower_ in PHONES for c in noun.children):
        return True
    asked = [c for h in (noun, noun.head) for c in h.children if c.dep_ == "prep" and c.lower_ == "for"] + [
        c for c in noun.children if c.dep_ == "prep" and c.lower_ == "on"
        or c.dep_ in ("acl", "relcl") and any(a.lower_ == "to" for a in c.children)]
    # "a call with Kyiv" is talks; "a joint call with Iceland for X", "made a call with Iceland for X" a demand
    return not asked and any(c.dep_ == "prep" and c.lower_ in ("with", "between") for c in noun.children)


def not_yet(token: Token) -> bool:
    return _yet_to(token) or is_negated(token) and any(c.lower_ == "yet" and c.dep_ == "advmod" for c in token.children)


def clause_negated(clause: Token) -> bool:
    """"that Iceland never join the EU", "that no fighters be allowed to return": the content itself is negated."""
    if is_negated(clause):
        return True
    return any(c.dep_ in ("nsubj", "nsubjpass") and any(d.lower_ == "no" and d.dep_ == "det" for d in c.children)
               for c in clause.children)


def with_compound(noun: Token) -> str:
    """A noun with the compound words before it, as the lexicon lists a phrase: "smoke screen", "security risk"."""
    return " ".join([*(c.lower_ for c in noun.children if c.dep_ == "compound" and c.i < noun.i), noun.lemma_.lower()])


def subtree_without(token: Token, skip_deps: set[str]) -> list[Token]:
    """A phrase's words, leaving out the branches hanging off it by the given relations."""
    out, stack = [], [token]
    while stack:
        current = stack.pop()
        out.append(current)
        stack.extend(c for c in current.children if not (current is token and c.dep_ in skip_deps))
    return out


def stray_infinitive(noun: Token) -> list[Token]:
    """"a demand for Turkey to recognise Cyprus" with "to recognise" hung on the main verb: the infinitive that
    starts right where the noun's phrase ends in "for" and a name, and is not inside it, belongs to the noun
    ("a demand for port access to ease the dispute" is a purpose, not what is demanded)."""
    end = noun.right_edge.i + 1
    doer = next((o for c in noun.children if c.dep_ == "prep" and c.lower_ == "for"
                 for o in c.children if o.dep_ == "pobj"), None)
    if doer is None or doer.pos_ not in ("PROPN", "PRON") or doer.right_edge.i + 1 != end:
        return []
    if end + 1 >= len(noun.doc) or noun.doc[end].lower_ != "to" or noun.doc[end].dep_ != "aux":
        return []
    verb = noun.doc[end].head
    if verb.pos_ != "VERB" or verb.left_edge.i != end or noun in verb.subtree:
        return []
    return list(verb.subtree)


def reported_conjunct(verb: Token, speech: Collection[str]) -> Token | None:
    """"it says CN has targeted X, but has also proposed Y": the parser made "proposed" a conjunct of "says"; it
    carries the auxiliary of the reported clause, not of the bare verb of saying, so it continues that clause and
    shares its subject. The reported clause, or None."""
    said = verb.head
    if verb.dep_ != "conj" or said.lemma_.lower() not in speech or _auxiliaries(said):
        return None
    own = _auxiliaries(verb)
    return next((c for c in said.children if c.dep_ == "ccomp" and c.i < verb.i and own & _auxiliaries(c)), None)


def _auxiliaries(verb: Token) -> set[str]:
    return {c.lemma_.lower() for c in verb.children if c.dep_ == "aux"}


def hedged(verb: Token, hedges: Collection[str]) -> bool:
    """"would accept", "may join": a verb under a hedging auxiliary."""
    return any(c.dep_ == "aux" and c.lower_ in hedges for c in verb.children)


def hedged_obligation(verb: Token, hedges: Collection[str]) -> bool:
    """"Turkey may have to accept restrictions": a prospect someone foresees for the party, not its stance."""
    have = verb.head
    return verb.dep_ == "xcomp" and have.lemma_ == "have" and any(c.dep_ == "aux" and c.lower_ == "to"
                                                                  for c in verb.children) and hedged(have, hedges)


def steps_back(token: Token, phrases: Collection[str]) -> bool:
    """A verb that steps back from a stance ("give up", "move away from", "abandon"), by lemma or with its
    particle (the parser reads "away", "down", "back" as a particle or an adverb)."""
    lemma = token.lemma_.lower()
    return token.pos_ == "VERB" and (lemma in phrases or any(
        f"{lemma} {c.lower_}" in phrases for c in token.children if c.dep_ in ("prt", "advmod")))


def retreat_objects(verb: Token) -> list[Token]:
    """What a verb of stepping back leaves: its object, or the object of "from" or "on" under it or its particle
    ("gave up its demand", "moved away from its demand")."""
    preps = [p for h in (verb, *verb.children) for p in h.children if p.dep_ == "prep" and p.lower_ in ("from", "on")]
    return [t for t in (*verb.children, *(o for p in preps for o in p.children)) if t.dep_ in ("dobj", "pobj")]


def acted_on(verb: Token) -> list[Token]:
    """What a verb acts on: its object; in a passive, its subject ("demanded that the cuts be scrapped"), also when the
    parser hangs that subject on a "for" before the verb ("called for the cuts to be scrapped") or reads a bare
    participle as active ("wants the cuts scrapped")."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if objects:
        return objects
    passive = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if passive:
        return passive
    if any(c.dep_ == "auxpass" for c in verb.children) and not any(c.dep_ == "nsubj" for c in verb.children):
        after_for = [o for p in verb.head.children if p.dep_ == "prep" and p.lower_ == "for" and p.i < verb.i
                     for o in p.children if o.dep_ == "pobj"]
        # "called for the pay rise to be scrapped", read as a clause on "rise" (not "a plan for X to be scrapped")
        return after_for or ([verb.head] if verb.dep_ in ("relcl", "acl") else [])
    bare = verb.tag_ in ("VBN", "VBD") and verb.dep_ in ("ccomp", "oprd") and not any(
        c.dep_ == "aux" for c in verb.children)
    return [c for c in verb.children if c.dep_ == "nsubj"] if bare else []


def possible(verb: Token, words: Collection[str]) -> bool:
    """"may reject", "could lift", "is likely to reject": a verb said only to be possible or likely (not negated:
    "could not accept" refuses)."""
    if verb.pos_ not in VERBAL or is_negated(verb):
        return False
    raised = verb.dep_ == "xcomp" and verb.head.lemma_.lower() in words
    return raised or any(c.dep_ == "aux" and c.lower_ in words for c in verb.children)


def hyphenated(word: Token) -> str:
    """The whole hyphenated word a token is part of, as written ("non-negotiable" that the tokenizer splits in three),
    lower-cased; the token's own text when it stands alone."""
    doc, start, end = word.doc, word.i, word.i

    def joined(i: int) -> bool:   # a hyphen right after token i, with no space on either side
        return doc[i + 1].text == "-" and not doc[i].whitespace_ and not doc[i + 1].whitespace_

    while start >= 2 and joined(start - 2):
        start -= 2
    while end + 2 < len(doc) and joined(end):
        end += 2
    return doc[start:end + 1].text.lower()


def speech_over(verb: Token, speech: Collection[str]) -> Token | None:
    """The verb of saying whose content clause a verb heads ("signalled [it could accept X]"), if any."""
    return verb.head if verb.dep_ == "ccomp" and verb.head.lemma_.lower() in speech else None


def in_question(verb: Token) -> bool:
    """"whether Iran will accept", "unclear if Oslo would sign", "Would Oslo sign the deal?": a clause that asks
    what a party will do, which tells no act. The climb stays in the verb's own clause: its goal (xcomp), the
    copula of a predicate ("Is Oslo ready to sign?"), a conjunct sharing its subject, a complement with no "that"
    of its own; a conjunct with a subject of its own or a "that" clause tells something else ("unclear whether
    Hamas will accept the plan but Israel has rejected it", "whether the US knew that Iran had rejected it" still
    tell Israel's and Iran's acts)."""
    node = verb
    while True:
        marks = {c.lower_ for c in node.children if c.dep_ == "mark"}
        if "whether" in marks or ("if" in marks and node.dep_ == "ccomp"):
            return True
        own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children)
        climbs = node.dep_ in ("xcomp", "acomp") or (node.dep_ == "conj" and not own_subject) or (
            node.dep_ == "ccomp" and not marks)
        if not climbs or node.head.i == node.i:
            break
        node = node.head
    return _inverted_question(node)


def _inverted_question(clause: Token) -> bool:
    """A clause whose auxiliary (or "be") comes before its subject, in a sentence that ends in a question mark:
    "But would Oslo sign the deal?", "Is Oslo willing to sign?", "When will Oslo sign?". A question of why or how
    about what was done takes the act as given ("Why did Iran reject the offer?")."""
    words = [t for t in clause.sent if not t.is_punct or t.text == "?"]
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if not words or words[-1].text != "?" or subject is None:
        return False
    before = [c for c in clause.children if c.dep_ in ("aux", "auxpass") and c.i < subject.i]
    if clause.pos_ == "AUX" and clause.i < subject.i:
        before.append(clause)   # "Is Oslo ready to sign?"
    asks_what = any(t.tag_ in ("WDT", "WP", "WRB") for t in clause.children)
    return any(a.tag_ == "MD" for a in before) if asks_what else bool(before)
