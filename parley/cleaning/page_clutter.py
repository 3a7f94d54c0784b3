"""Page clutter in pasted web pages: lines with no sentence structure, found by shape, by word lists and by context.

A user who pastes a whole page brings menus, section labels, bylines, dates, credits, captions and link lists along
with the article. None of them is a sentence of the article, and none is worth a pattern of its own: we judge each
line by plain features (cleaning runs before parsing, so no parser) and the words of data/patterns/page_words.yaml,
then by its neighbours. A short line with no clutter feature stays: it is a headline or a crosshead.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources

import yaml

from .boilerplate import is_boilerplate

_SENTENCE_END = re.compile(r"[.!?…][\"”’'»)\]]*$")
_TOKEN = re.compile(r"(?P<address>\S+@\S+|@\w+|https?://\S+|www\.\S+)"
                    r"|(?P<number>[+-]?\d[\d:.,/]*(?:st|nd|rd|th|am|pm|h)?\b)"
                    r"|(?P<word>[^\W\d_]+(?:[-'’.][^\W\d_]+)*\.?)")
# The same without the e-mail address, for a line with no "@": `\S+@` scans to the end of a long run of marks from
# each of its characters (a line of 100,000 quote marks took 27 s).
_TOKEN_NO_AT = re.compile(_TOKEN.pattern.replace(r"\S+@\S+|@\w+|", ""))
_FIGURE = re.compile(r"\d{3}")  # "78,000" in a results table; a list's rank or a counter is shorter
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_NUMERIC_DATE = re.compile(r"\b\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)?\d\d\b")
# Fields of page metadata side by side: "News|Conflict", "Home » News", "Listen · 5 min", "Home / World / Asia".
_FIELDS = re.compile(r"\s[|•·∙»›/]\s|[^\s|]\|[^\s|]|•")
_LABELLED_LINK = re.compile(r"^(?P<label>[^:|»›]{1,40}?)\s*[:|»›]\s*\S")
_BYLINE = re.compile(r"^(?P<before>.*?)\bby:?\s+(?P<names>.+)$", re.I)
_CREDIT_TAIL = re.compile(r"(?:^|(?<=[.!?])\s+|[(\[]\s*)(?P<credit>[^.!?()\[\]]+?)[)\]]?\s*$")
_POSSESSIVE = re.compile(r"['’]s$")
_QUOTES = "\"“”'‘’«»"
_SHORT = 3  # words: a menu item, a tag, a section name
_RUN = 3  # short lines in a row make a menu
_LINK_WORDS = 20  # a linked headline under "Related" is no longer than this
_CAPTION_WORDS = 30
_PARAGRAPH_WORDS = 60  # longer than any caption or widget: a paragraph
_NAME_WORDS = 5  # "Name Name in Place" over a date, "Place" under a role


@dataclass(frozen=True)
class _Words:
    """The lists of page_words.yaml, as lower-case sets."""

    widgets: frozenset[str]
    list_cues: frozenset[str]
    sections: frozenset[str]
    byline_openers: frozenset[str]
    roles: frozenset[str]
    agencies: frozenset[str]
    credit_labels: frozenset[str]
    dates: frozenset[str]
    times: frozenset[str]
    date_labels: frozenset[str]
    glue: frozenset[str]
    furniture: frozenset[str] = frozenset()  # every list but the date lists and glue
    moment: frozenset[str] = frozenset()  # the words a date line may have

    def __post_init__(self) -> None:
        object.__setattr__(self, "furniture", self.widgets | self.list_cues | self.sections | self.roles
                           | self.agencies | self.credit_labels)
        object.__setattr__(self, "moment", self.dates | self.times | self.date_labels | self.glue)


@cache
def _words() -> _Words:
    raw = yaml.safe_load(resources.files("parley").joinpath("data/patterns/page_words.yaml").read_text("utf-8"))
    return _Words(**{name: frozenset(raw[name]) for name in _Words.__dataclass_fields__ if name in raw})


class _Line:
    """A line's words, numbers and addresses (e-mail, @handle, URL), tokenised only when asked for."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.length = len(text.split())
        self.ended = bool(_SENTENCE_END.search(text))  # ends like a sentence
        self.short = not self.ended and self.length <= _SHORT

    @cached_property
    def _tokens(self) -> list[re.Match[str]]:
        return list((_TOKEN if "@" in self.text else _TOKEN_NO_AT).finditer(self.text))

    @cached_property
    def words(self) -> list[str]:
        """As written, without a possessive 's."""
        return [_POSSESSIVE.sub("", m.group().rstrip(".")) for m in self._tokens if m.lastgroup == "word"]

    @cached_property
    def lower(self) -> list[str]:
        return [w.lower() for w in self.words]

    @cached_property
    def numbers(self) -> int:
        return sum(m.lastgroup == "number" for m in self._tokens)

    @cached_property
    def addresses(self) -> int:
        return sum(m.lastgroup == "address" for m in self._tokens)


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def _listed(line: _Line) -> bool:
    """Made of furniture words: "Sign up to our newsletter", "Most viewed", "Email *", "@handle"."""
    words = _words()
    content = [w for w in line.lower if w not in words.glue]
    if not content and not line.addresses:
        return False
    listed = sum(w in words.furniture for w in content) + line.addresses
    return listed == len(content) + line.addresses


def _date(line: _Line) -> bool:
    """A publication moment and nothing else: "Tue 3 Mar 2026 14.05 GMT", "Published On 3 Mar 2026", "3 hours ago";
    a full date may carry a dateline's place in capitals ("Updated - March 03, 2026 09:41 pm IST - NEW DELHI")."""
    words = _words()
    lower = line.lower
    other = [w for w, low in zip(line.words, lower) if low not in words.moment]
    if line.addresses or not all(w.isupper() for w in other):
        return False
    dated = bool(_NUMERIC_DATE.search(line.text)) or (bool(_YEAR.search(line.text))
                                                    and any(w in words.dates for w in lower))
    return dated or not other and any(w in words.date_labels for w in lower) and line.numbers > 0


def _names(line: _Line, allowed: frozenset[str]) -> bool:
    """Every word a name (capitalised) or one of `allowed`: bylines, credits."""
    return bool(line.words) and all(_capitalised(w) or w.lower() in allowed for w in line.words)


def _byline(line: _Line) -> bool:
    """ "By Name and Name, Role", "Story by Name", "Edited by: Name", "Posted on 3 March 2026 by Name staff"."""
    words = _words()
    match = _BYLINE.match(line.text)
    if not match or line.ended:
        return False
    before, names = _Line(match.group("before")), _Line(match.group("names"))
    opener = all(w in words.byline_openers | words.furniture | words.glue for w in before.lower)
    return ((opener or _date(before)) and not names.numbers
            and _names(names, words.roles | words.sections | words.glue | words.agencies)
            and any(_capitalised(w) for w in names.words))


def _role(line: _Line) -> bool:
    """The line under a byline's name: "Health correspondent", "Diplomatic Editor"."""
    words = _words()
    lower = line.lower
    return (not line.ended and 0 < len(lower) <= _NAME_WORDS and lower[-1] in words.roles
            and all(_capitalised(w) or w.lower() in words.roles | words.sections for w in line.words))


def _strip_widgets(text: str) -> str:
    """Drop trailing button words a credit drags along ("REUTERS/Name Purchase Licensing Rights, opens new tab")."""
    words = _words()
    while True:
        match = re.search(r"[\s,]*\b([^\W\d_][\w'-]*)\W*$", text)
        word = match.group(1).lower() if match else ""
        if not word or word not in words.widgets or word in words.agencies | words.credit_labels:
            return text
        text = text[:match.start()]


def _credit(text: str) -> str | None:
    """ "credit" for a credit line ("Name/Agency", "Getty Images"), "caption" for a caption ending in one
    ("... on Monday. Photograph: Name/Agency", "... (AP Photo/Name)"), else None."""
    words = _words()
    stripped = _strip_widgets(text)
    match = _CREDIT_TAIL.search(stripped)
    if not match or not match.group("credit").strip():
        return None
    credit = match.group("credit").strip()
    tail = _Line(credit)
    lower = tail.lower
    labelled = re.match(r"(?:\w+\s+)?(\w+)\s*:\s*\S", credit)
    if labelled and labelled.group(1).lower() in words.credit_labels:
        is_credit = True
    else:
        agency = any(w in words.agencies for w in lower)
        credit_words = words.agencies | words.credit_labels
        is_credit = agency and _names(tail, credit_words) and ("/" in credit or all(w in credit_words for w in lower))
    if not is_credit:
        return None
    return "caption" if stripped[:match.start("credit")].strip(" ([") else "credit"


def _kind(line: _Line) -> str | None:
    """What kind of clutter a line is by itself, or None for a line that may be article text."""
    text = line.text
    if line.length > _PARAGRAPH_WORDS:
        return None
    if not line.words and not line.addresses and not line.ended and not _FIGURE.search(text):
        return "symbols"
    if _date(line):
        return "date"
    credit = _credit(text)
    if credit:
        return credit
    if is_boilerplate(text) or _labelled_link(text):
        return "widget"
    if _role(line):
        return "role"
    if _byline(line):
        return "byline"
    if _listed(line):
        return "listed"
    if not line.ended and _FIELDS.search(text):
        return "fields"
    return None


def _list_label(line: _Line) -> bool:
    """Words that label a list of links: "More on this story", "Related", "Trending now", "Also read"."""
    words = _words()
    return (not line.ended and any(w in words.list_cues for w in line.lower)
            and all(w in words.furniture or w in words.glue for w in line.lower))


def _labelled_link(text: str) -> bool:
    """A list label and the one link it carries: "Also read: Hospital waiting lists at record high"."""
    match = _LABELLED_LINK.match(text)
    return bool(match) and _list_label(_Line(match.group("label")))


def _unquoted(text: str) -> str | None:
    """The words of a line that is one quotation (a pull quote), else None."""
    if len(text) > 2 and text[0] in _QUOTES and text.rstrip(".!?,")[-1:] in _QUOTES:
        return text.strip(_QUOTES + ".!?,… ").casefold() or None
    return None


def _pull_quotes(texts: list[str], clutter: list[bool]) -> None:
    """A line that is one quotation of words printed in another line: a pull quote."""
    folded = [t.casefold() for t in texts]
    for i, text in enumerate(texts):
        quote = _unquoted(text)
        if quote and any(quote in other for j, other in enumerate(folded) if j != i):
            clutter[i] = True


def _beside(lines: list[_Line], kinds: list[str | None], clutter: list[bool]) -> None:
    """A reporter's name (or a place) beside their role or the date; a caption above its credit."""
    for i, line in enumerate(lines):
        if clutter[i] or line.ended:
            continue
        neighbours = [kinds[j] for j in (i - 1, i + 1) if 0 <= j < len(lines)]
        if (line.numbers == 0 and line.length <= _NAME_WORDS and _names(line, _words().glue)
                and ("role" in neighbours or "date" in neighbours)):
            clutter[i] = True
        if line.length <= _CAPTION_WORDS and i + 1 < len(lines) and kinds[i + 1] == "credit":
            clutter[i] = True


def _link_lists(lines: list[_Line], kinds: list[str | None], clutter: list[bool], start: int) -> None:
    """Links under a bare list label, until the article's sentences resume; from `start` on, below the page head
    where the headline sits under the menus ("More" is a menu item there)."""
    for i in range(start, len(lines)):
        if kinds[i] not in ("widget", "listed") or not _list_label(lines[i]):
            continue
        for j in range(i + 1, len(lines)):
            following = lines[j]
            if not clutter[j] and (following.ended and not following.text.endswith("?")
                                   or following.length > _LINK_WORDS):
                break
            clutter[j] = True


def _menus(lines: list[_Line], clutter: list[bool]) -> None:
    """Runs of short lines, half of them clutter already: a menu, a tag list, a list of sections."""
    start = 0
    while start < len(lines):
        end = start
        while end < len(lines) and lines[end].short:
            end += 1
        run = range(start, end)
        if len(run) >= _RUN and 2 * sum(clutter[i] for i in run) >= len(run):
            for i in run:
                clutter[i] = True
        start = end + 1


def clutter_lines(texts: list[str]) -> list[bool]:
    """Which lines of a page are clutter: by their own features, then by their neighbours."""
    lines = [_Line(t) for t in texts]
    kinds = [_kind(line) for line in lines]
    clutter = [k is not None for k in kinds]
    _pull_quotes(texts, clutter)
    _beside(lines, kinds, clutter)
    # Below the page head (menus, headline, byline, date: what comes before the article's first sentence).
    first_sentence = next((i for i, line in enumerate(lines) if line.ended and not clutter[i]), len(lines))
    _link_lists(lines, kinds, clutter, first_sentence)
    _menus(lines, clutter)
    # The same words are clutter everywhere or nowhere: a line reported as clutter never stays in the article. (So a
    # headline printed twice stays twice: dropping one copy would report article words as clutter.)
    dropped = {t.casefold() for t, c in zip(texts, clutter) if c}
    return [t.casefold() in dropped for t in texts]
