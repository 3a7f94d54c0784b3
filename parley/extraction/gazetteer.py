"""Who a phrase of news text names: every state, major international bodies, armed groups and movements, well-known
people, and a dossier's parties.

Without a dossier parley must still know that "the Storting", "Norwegians" and "U.N." are actors; with one, the
analyst's words win ("Brussels" is the EU in an EU dossier, Belgium's capital otherwise). Also knows news outlets
(so that "NTB reported" is not taken for a speaker) and the title words that tie people and groups to parties.
State names and codes come from pycountry; everything else from the data files in parley/data/gazetteer/.

People come in two tiers. A dossier's people win over everything; world people (people.yaml: heads of state and
government, foreign ministers, heads of international bodies, leaders of movements) are the last resort, below what
the text itself says of a person ("Norway's foreign minister"): by full name or a listed variant always, by family
name alone only after a title ("President Bush") and only when no two world people of different parties share it.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

import pycountry
import yaml

from ..errors import E, ParleyError

if TYPE_CHECKING:
    from ..dossier import Dossier

_DATA = "data/gazetteer"
# Precedence of meanings when one phrase could name two actors: a dossier's words first, then names, seats of
# power, capitals and demonyms of the world ("Luxembourg" the state before "Luxembourg" the capital).
_RANK = {"alias": 0, "name": 1, "seat": 2, "capital": 3, "demonym": 4}
_DOSSIER_RANK = 0
_WORLD_RANK = 10
# Words that join a family name to what precedes it: "von der Leyen", "bin Salman", "Al Thani".
_PARTICLES = frozenset("von van der den de del della di da dos das du le la bin ibn ben al el abu ter ten zu".split())
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})
_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015/]+")


@dataclass(frozen=True)
class Actor:
    id: str  # ISO alpha-3 for states, body code, or dossier id
    name: str  # display name ("Iran", not "Iran, Islamic Republic of", where a short name exists)
    kind: str  # "state" | "igo" | "ngo" | "group" (armed group or movement) | "party" (a dossier-only actor)
    plover: str  # code for PLOVER scoring: states their alpha-3, bodies "IGO"/"NGO", groups the state news codes
    # them by ("PSE" for Hamas) or "IMG" (international militarized group), dossier-only parties their id


@dataclass(frozen=True)
class _Claim:
    rank: int
    actor: str
    kind: str


def _fold(text: str) -> str:
    """Accent-free form: "Élysée" → "Elysee", "Vučić" → "Vucic"."""
    if text.isascii():
        return text  # most text: nothing to decompose
    decomposed = unicodedata.normalize("NFKD", text)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


def is_case_sensitive(phrase: str) -> bool:
    """All-caps abbreviations of up to three letters ("US", "U.N.", "WHO") name an actor only in capitals."""
    bare = phrase.replace(".", "").strip()
    return 0 < len(bare) <= 3 and " " not in bare and bare.isupper()


def _strip_possessive(text: str) -> str:
    if text.endswith("'s"):
        return text[:-2]
    if text.endswith("s'"):
        return text[:-1]
    return text


def _tidy(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).translate(_APOSTROPHES).split())


def _key(text: str) -> str:
    """The lookup form of a phrase; abbreviations keep their case (prefix "="), all else is folded."""
    if is_case_sensitive(text):
        return "=" + text.replace(".", "").strip()
    folded = _fold(text).casefold().replace(".", "").replace(",", "")
    return " ".join(_SEPARATORS.split(folded)).strip()


def _phrase_key(phrase: str) -> str:
    """Key of an actor phrase of the data: a possessive "'s" and a lower-case leading "the" are dropped
    ("the Storting" → "storting"); a capital "The" is part of the name ("The Hague")."""
    text = _strip_possessive(_tidy(phrase))
    return _key(text[4:] if text.startswith("the ") else text)


def _query_keys(phrase: str) -> list[str]:
    """Keys to try for a phrase of text: as written, then without a leading "the" or "The"."""
    text = _strip_possessive(_tidy(phrase))
    keys = [_key(text)]
    if text[:4].lower() == "the ":
        keys.append(_key(text[4:]))
    return keys


def _surface(phrase: str) -> str:
    """What a matcher should look for: a lower-case leading "the" is optional ("the Storting" → "Storting")."""
    text = _tidy(phrase)
    return text[4:] if text.startswith("the ") else text


def _plural(word: str) -> str | None:
    if word.endswith("man"):
        return word[:-3] + "men"
    if word.endswith(("s", "sh", "ch", "x", "z", "y", "ese")):
        return None
    return word + "s"


_ROMAN = re.compile(r"^[IVX]+$")


def _surnames(person: str) -> list[str]:
    """Forms a person is called by alone: "von der Leyen", "Al Thani", "el-Sisi" and "Sisi"; none for a regnal
    name ("Abdullah II")."""
    tokens = _tidy(person).split()
    while len(tokens) > 2 and tokens[-1].rstrip(".").lower() in ("jr", "sr"):  # "Ferdinand Marcos Jr."
        tokens.pop()
    if len(tokens) < 2 or _ROMAN.match(tokens[-1]):
        return []
    start = len(tokens) - 1
    while start > 1 and tokens[start - 1].lower() in _PARTICLES:
        start -= 1
    surname = " ".join(tokens[start:])
    forms = [surname]
    prefix, _, rest = surname.partition("-")
    if rest and prefix.lower() in _PARTICLES:
        forms.append(rest)
    return forms


def _family_forms(name: str) -> list[str]:
    """Family names of a name as written, with and without a leading particle: "El Bashir", "Bashir"."""
    forms = []
    for form in _surnames(name):
        forms.append(form)
        words = form.split()
        while len(words) > 1 and words[0].lower() in _PARTICLES:
            words.pop(0)
            forms.append(" ".join(words))
    return forms


def _read_yaml(name: str) -> dict:
    path = resources.files("parley").joinpath(f"{_DATA}/{name}")
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as exc:
        raise ParleyError(E.E040, path=path, reason=exc) from exc
    if not isinstance(data, dict):
        raise ParleyError(E.E040, path=path, reason="the top level must be a mapping")
    return data


def _strings(value: object, path: str, where: str) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ParleyError(E.E040, path=path, reason=f"{where} must be a list of words")
    return value


class Gazetteer:
    """Phrases → actors, people → actors, and the outlet and title word lists. Build with `world()`."""

    def __init__(
        self,
        actors: dict[str, Actor],
        index: dict[str, _Claim],
        surfaces: dict[str, str],
        preferred: dict[str, list[str]],
        people: dict[str, str],
        surnames: dict[str, str | None],
        outlets: dict[str, str],
        person_titles: frozenset[str],
        group_nouns: frozenset[str],
        world_people: dict[str, str] | None = None,
        world_surnames: dict[str, str | None] | None = None,
        name_heads: frozenset[str] = frozenset(),
    ) -> None:
        self._actors = actors
        self.parties: frozenset[str] = frozenset()  # the dossier's parties, once with_dossier adds them
        self._index = index
        self._surfaces = surfaces
        self._preferred = preferred
        self._people = people
        self._surnames = surnames
        self._outlets = outlets
        self.person_titles = person_titles
        self.group_nouns = group_nouns
        self.name_heads = name_heads  # "guild", "fund": nouns that alone, after "the", can mean a party named so
        self._name_words: dict[str, frozenset[str]] | None = None
        self._world_people = world_people if world_people is not None else {}  # key of a name or variant → party
        self._world_surnames = world_surnames if world_surnames is not None else {}  # None: parties differ
        self._world_forms: dict[str, str] = {}  # surface form → key, for the matcher (full names and variants)
        self._surname_forms: dict[str, tuple[str, str]] = {}  # surface family name → (key, its first bearer's party)
        self._world_family: dict[str, frozenset[str]] = {}  # key of a full name or variant → its family name keys

    # --- building -------------------------------------------------------------------------------------------------

    @classmethod
    def world(cls) -> Gazetteer:
        """Every state (pycountry + states.yaml), international body (bodies.yaml), armed group or movement
        (groups.yaml) and well-known person (people.yaml); loaded once."""
        return _world()

    def _claim(self, phrase: str, actor: str, kind: str, tier: int, source: str) -> None:
        key = _phrase_key(phrase)
        if not key or key == "=":
            return
        claim = _Claim(tier + _RANK[kind], actor, kind)
        old = self._index.get(key)
        if old is None or claim.rank < old.rank:
            self._index[key] = claim
        elif claim.rank == old.rank and claim.actor != old.actor:
            order = self._preferred.get(key, [])
            if actor in order and old.actor in order:
                if order.index(actor) < order.index(old.actor):
                    self._index[key] = claim
            else:
                raise ParleyError(
                    E.E040 if tier == _WORLD_RANK else E.E011,
                    path=source,
                    reason=f"{phrase!r} names both {old.actor} and {actor}",
                )
        self._surfaces.setdefault(_surface(phrase), key)

    def with_dossier(self, dossier: Dossier | None) -> Gazetteer:
        """A new gazetteer with the dossier's parties; their names, aliases and people win over world meanings."""
        if dossier is None:
            return self
        source = dossier.path or dossier.name
        merged = Gazetteer(
            dict(self._actors), dict(self._index), dict(self._surfaces), self._preferred, dict(self._people),
            dict(self._surnames), self._outlets, self.person_titles, self.group_nouns,
            dict(self._world_people), dict(self._world_surnames), self.name_heads,
        )
        merged._world_forms = self._world_forms
        merged._surname_forms = self._surname_forms
        merged._world_family = self._world_family
        dossier_ids = {a.id for a in dossier.actors}
        merged.parties = frozenset(dossier_ids)
        for entry in dossier.actors:
            world_id = entry.id if entry.id in self._actors else None
            if world_id is None:
                hit = merged.resolve(entry.name)
                if hit and hit[1] == "name" and hit[0] in self._actors and hit[0] not in dossier_ids:
                    world_id = hit[0]
            if world_id is None:
                merged._actors[entry.id] = Actor(entry.id, entry.name, "party", entry.id)
            else:
                base = self._actors[world_id]
                actor = Actor(entry.id, entry.name, base.kind, base.plover)
                merged._actors[entry.id] = actor
                if world_id != entry.id:
                    merged._actors[world_id] = actor
                    for key, claim in merged._index.items():
                        if claim.actor == world_id:
                            merged._index[key] = _Claim(claim.rank, entry.id, claim.kind)
                    for table in (merged._world_people, merged._world_surnames):
                        for key, party in table.items():
                            if party == world_id:
                                table[key] = entry.id
        for entry in dossier.actors:
            merged._claim(entry.name, entry.id, "name", _DOSSIER_RANK, source)
            for alias in entry.aliases:
                merged._claim(alias, entry.id, "alias", _DOSSIER_RANK, source)
        dossier_people: dict[str, str] = {}
        for entry in dossier.actors:
            for person in entry.people:
                dossier_people[_key(_tidy(person))] = entry.id
                for surname in _surnames(person):
                    key = _key(surname)
                    known = merged._surnames.get(key, entry.id)
                    merged._surnames[key] = entry.id if known == entry.id else None
        merged._people.update(dossier_people)
        return merged

    # --- queries --------------------------------------------------------------------------------------------------

    def actor(self, actor_id: str) -> Actor | None:
        return self._actors.get(actor_id)

    def actors(self) -> list[Actor]:
        """Every distinct actor, once."""
        return list({a.id: a for a in self._actors.values()}.values())

    def phrases(self) -> list[tuple[str, str, str]]:
        """(surface phrase, actor id, kind) for a spaCy PhraseMatcher; kind is name, alias, demonym, capital or seat.

        Each surface appears once, with the meaning that wins. Match surfaces for which `is_case_sensitive` holds
        on ORTH, the rest on LOWER, so that "us" is never the United States. The data lists spellings with and
        without accents where both are common ("Élysée", "Elysee").
        """
        out = []
        for surface, key in self._surfaces.items():
            claim = self._index[key]
            out.append((surface, claim.actor, claim.kind))
        return out

    def named_with(self, word: str) -> frozenset[str]:
        """The actors one of whose names or aliases has `word` as a word of its own: "guild" → the Writers Guild
        of America and the Screen Actors Guild, "fund" → the IMF."""
        if self._name_words is None:
            table: dict[str, set[str]] = {}
            for surface, key in self._surfaces.items():
                claim = self._index[key]
                if claim.kind in ("name", "alias"):
                    for part in _SEPARATORS.split(_fold(surface).casefold()):
                        table.setdefault(part.strip(".,'’()"), set()).add(claim.actor)
            self._name_words = {w: frozenset(ids) for w, ids in table.items()}
        return self._name_words.get(word.casefold(), frozenset())

    def resolve(self, phrase: str) -> tuple[str, str] | None:
        """(actor id, kind) that a whole phrase names, or None."""
        text = _tidy(phrase)
        claim = next((self._index[k] for k in _query_keys(text) if k in self._index), None) if text else None
        if claim is None and text.endswith("s") and not text.endswith("'s"):
            single = next((self._index[k] for k in _query_keys(text[:-1]) if k in self._index), None)
            if single is not None and single.kind == "demonym":
                claim = single
        return (claim.actor, claim.kind) if claim else None

    def person_party(self, name: str) -> str | None:
        """The party a dossier person speaks for, from their full name or family name alone."""
        text = _strip_possessive(_tidy(name))
        if not text:
            return None
        found = self._people.get(_key(text))
        if found:
            return found
        if _key(text) in self._surnames:
            return self._surnames[_key(text)]
        forms = _surnames(text)
        return self._surnames.get(_key(forms[0])) if forms else None

    def world_person_party(self, name: str, titled: bool = False) -> str | None:
        """The party of a well-known person of the world list, by full name or listed variant; by family name alone
        only when `titled` (the text puts a title before it: "President Bush") and no two parties share it. Callers
        ask this last: a dossier's people and what the text says of a person come first."""
        text = _strip_possessive(_tidy(name))
        if not text:
            return None
        tokens = text.split()
        for start in range(max(len(tokens) - 1, 1)):  # "Archbishop Desmond Tutu": a leading word we do not know
            found = self._world_people.get(_key(" ".join(tokens[start:])))
            if found:
                return found
        if not titled:
            return None
        for form in (text, *_family_forms(text)):  # "President Omar El Bashir": listed as Omar al-Bashir
            found = self._world_surnames.get(_key(form))
            if found:
                return found
        return None

    def world_person_forms(self) -> list[tuple[str, str]]:
        """(surface form, party) of every world person's full name, variant and unshared family name: the words
        that tell a sentence names someone who speaks for a party."""
        forms = [(surface, self._world_people[key]) for surface, key in self._world_forms.items()]
        return forms + [(surface, self._world_surnames.get(key) or first)
                        for surface, (key, first) in self._surname_forms.items()]

    def world_family_of(self, full_name: str, name: str) -> bool:
        """Whether `name` is the family name of the world person `full_name` ("Museveni" of "Yoweri Museveni"), so
        that once an article has named someone in full, the family name alone means them."""
        return _key(_strip_possessive(_tidy(name))) in self._world_family.get(_key(_tidy(full_name)), ())

    def is_outlet(self, name: str) -> bool:
        return self.canonical_outlet(name) is not None

    def canonical_outlet(self, name: str) -> str | None:
        """The outlet list's spelling of a news outlet's name, or None if it is not one."""
        text = _strip_possessive(_tidy(name))
        rest = text[4:] if text[:4].lower() == "the " else text
        keys = (_key(text), _key(rest), _bare_key(rest))
        return next((self._outlets[k] for k in keys if k in self._outlets), None)


# --- loading the world ----------------------------------------------------------------------------------------------


def _state_entries(data: dict, path: str) -> list[tuple[Actor, dict[str, list[str]]]]:
    states = data.get("states")
    if not isinstance(states, dict):
        raise ParleyError(E.E040, path=path, reason="`states` must map alpha-3 codes to their words")
    entries = []
    for code, extra in states.items():
        if not isinstance(extra, dict):
            raise ParleyError(E.E040, path=path, reason=f"{code}: must be a mapping")
        country = pycountry.countries.get(alpha_3=code)
        official = [getattr(country, "name", None), getattr(country, "official_name", None),
                    getattr(country, "common_name", None), extra.get("name"), extra.get("official_name")]
        display = extra.get("name") or getattr(country, "common_name", None) or getattr(country, "name", None)
        if not display:
            raise ParleyError(E.E040, path=path, reason=f"{code}: not an ISO 3166 code, so it needs a `name`")
        words = {
            "name": [n for n in official if n and "," not in n] + _strings(extra.get("names"), path, f"{code}.names"),
            "demonym": _strings(extra.get("demonyms"), path, f"{code}.demonyms"),
            "capital": _strings(extra.get("capitals"), path, f"{code}.capitals"),
            "seat": _strings(extra.get("seats"), path, f"{code}.seats"),
        }
        if not words["demonym"] or not words["capital"]:
            raise ParleyError(E.E040, path=path, reason=f"{code}: every state needs demonyms and capitals")
        words["demonym"] += [p for p in map(_plural, words["demonym"]) if p]
        entries.append((Actor(code, display, "state", code), words))
    return entries


def _listed_entries(data: dict, path: str, section: str, needs: tuple[str, ...]) -> list[tuple[dict, dict[str, list[str]]]]:
    """The entries of a list of bodies or groups, checked for the keys they need, with their name and demonym words."""
    items = data.get(section)
    if not isinstance(items, list):
        raise ParleyError(E.E040, path=path, reason=f"`{section}` must be a list")
    entries = []
    for n, item in enumerate(items, 1):
        if not isinstance(item, dict) or not all(item.get(key) for key in needs):
            wanted = ", ".join(f"`{key}`" for key in needs)
            raise ParleyError(E.E040, path=path, reason=f"{section} entry {n} needs {wanted}")
        demonyms = _strings(item.get("demonyms"), path, f"{item['id']}.demonyms")
        entries.append((item, {
            "name": [item["name"], *_strings(item.get("names"), path, f"{item['id']}.names")],
            "demonym": demonyms + [p for p in map(_plural, demonyms) if p],
        }))
    return entries


def _body_entries(data: dict, path: str) -> list[tuple[Actor, dict[str, list[str]]]]:
    entries = []
    for body, words in _listed_entries(data, path, "bodies", ("id", "name")):
        kind = body.get("kind")
        if kind not in ("igo", "ngo"):
            raise ParleyError(E.E040, path=path, reason=f"{body['id']}: `kind` must be igo or ngo")
        entries.append((Actor(body["id"], body["name"], kind, body.get("plover", kind.upper())), words))
    return entries


def _group_entries(data: dict, path: str) -> list[tuple[Actor, dict[str, list[str]]]]:
    return [(Actor(group["id"], group["name"], "group", group["plover"]), words)
            for group, words in _listed_entries(data, path, "groups", ("id", "name", "plover"))]


def person_entries(data: dict, path: str) -> list[tuple[str, list[str], list[str] | None, str]]:
    """(name, variants, family names or None for the usual last word(s), party) of every person in people.yaml.

    An entry is a name, a list (the name, then its variants), or a mapping with `name`, optional `variants` and
    optional `surname` (a word or list; empty for none) for names whose family name is not their last word."""
    people = data.get("people")
    if not isinstance(people, dict):
        raise ParleyError(E.E040, path=path, reason="`people` must map party codes to lists of people")
    family_first = set(_strings(data.get("family_name_first"), path, "family_name_first"))
    out = []
    for party, entries in people.items():
        if not isinstance(entries, list):
            raise ParleyError(E.E040, path=path, reason=f"{party}: must be a list of people")
        for entry in entries:
            surname: list[str] | None = None
            if isinstance(entry, str):
                names = [entry]
            elif isinstance(entry, list):
                names = _strings(entry, path, f"{party}: {entry}")
            elif isinstance(entry, dict) and isinstance(entry.get("name"), str):
                names = [entry["name"], *_strings(entry.get("variants"), path, f"{party}: {entry['name']}")]
                if "surname" in entry:
                    value = entry["surname"]
                    surname = _strings([value] if isinstance(value, str) else value, path, f"{entry['name']}.surname")
            else:
                raise ParleyError(E.E040, path=path, reason=f"{party}: {entry!r} is not a person entry")
            if not names or not all(n.strip() for n in names):
                raise ParleyError(E.E040, path=path, reason=f"{party}: an entry without a name")
            if surname is None and party in family_first and len(names[0].split()) > 1:
                surname = [names[0].split()[0]]
            out.append((names[0], names[1:], surname, party))
    return out


def _add_world_people(gazetteer: Gazetteer, data: dict, path: str) -> None:
    not_alone = {_key(w) for w in _strings(data.get("not_alone"), path, "not_alone")}
    for name, variants, surname, party in person_entries(data, path):
        if party not in gazetteer._actors:
            raise ParleyError(E.E040, path=path, reason=f"{name}: {party} is no state, body or group of the gazetteer")
        for form in (name, *variants):
            key = _key(_tidy(form))
            if gazetteer._world_people.get(key, party) != party:
                raise ParleyError(E.E040, path=path, reason=f"{form!r} names people of two parties")
            gazetteer._world_people[key] = party
            gazetteer._world_forms.setdefault(_tidy(form), key)
        family = surname if surname is not None else [f for form in (name, *variants) for f in _surnames(form)]
        for form in family:
            key = _key(_tidy(form))
            known = gazetteer._world_surnames.get(key, party)
            gazetteer._world_surnames[key] = party if known == party else None
            gazetteer._surname_forms.setdefault(_tidy(form), (key, party))
        family_keys = frozenset(_key(_tidy(form)) for form in family)
        for form in (name, *variants):
            gazetteer._world_family[_key(_tidy(form))] = family_keys
    # a family name that is also a full name of someone else ("Suharto" is one man) is not a family name, nor one
    # too common to name anyone alone
    for key in gazetteer._world_surnames:
        if key in not_alone or (key in gazetteer._world_people
                                and gazetteer._world_people[key] != gazetteer._world_surnames[key]):
            gazetteer._world_surnames[key] = None


def _outlet_table(actor_keys: dict[str, _Claim]) -> dict[str, str]:
    """Lookup key → the list's spelling. "The New York Times" is also "New York Times"; "The Guardian" is also
    "Guardian", but only so capitalised (an observer is not The Observer), and "The Australian" never "Australian"."""
    path = resources.files("parley").joinpath(f"{_DATA}/outlets.txt")
    table: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        name = _tidy(line)
        if not name or name.startswith("#"):
            continue
        table.setdefault(_key(name), name)
        rest = name[4:]
        if name[:4].lower() != "the " or _key(rest) in actor_keys:
            continue
        table.setdefault(_key(rest) if " " in rest else _bare_key(rest), name)
    return table


def _bare_key(word: str) -> str:
    return "~" + _fold(word)


def _words(data: dict, field: str, path: str) -> frozenset[str]:
    return frozenset(w.lower() for w in _strings(data.get(field), path, field))


@cache
def _world() -> Gazetteer:
    states_path = f"{_DATA}/states.yaml"
    states = _read_yaml("states.yaml")
    bodies = _read_yaml("bodies.yaml")
    groups = _read_yaml("groups.yaml")
    titles = _read_yaml("titles.yaml")
    shared = states.get("shared") or {}
    preferred = {
        _phrase_key(form): _strings(ids, states_path, f"shared.{phrase}")
        for phrase, ids in shared.items()
        for form in (phrase, _plural(phrase))
        if form
    }
    gazetteer = Gazetteer(
        {}, {}, {}, preferred, {}, {}, {},
        _words(titles, "person_titles", f"{_DATA}/titles.yaml"), _words(titles, "group_nouns", f"{_DATA}/titles.yaml"),
        name_heads=_words(titles, "name_heads", f"{_DATA}/titles.yaml"),
    )
    for entries, path in (
        (_state_entries(states, states_path), states_path),
        (_body_entries(bodies, f"{_DATA}/bodies.yaml"), f"{_DATA}/bodies.yaml"),
        (_group_entries(groups, f"{_DATA}/groups.yaml"), f"{_DATA}/groups.yaml"),
    ):
        for actor, words in entries:
            if actor.id in gazetteer._actors:
                raise ParleyError(E.E040, path=path, reason=f"actor id {actor.id} is listed twice")
            gazetteer._actors[actor.id] = actor
            for kind, phrases in words.items():
                for phrase in phrases:
                    gazetteer._claim(phrase, actor.id, kind, _WORLD_RANK, path)
    gazetteer._outlets.update(_outlet_table(gazetteer._index))
    _add_world_people(gazetteer, _read_yaml("people.yaml"), f"{_DATA}/people.yaml")
    return gazetteer
