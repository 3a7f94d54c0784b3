"""Read gold files (CONTRACT.md §5) into typed items, with errors that name the file.

Article gold (`*.gold.json`) names its `article` and `dossier` relative to the folder that holds the gold tree
(the shared folder for ../shared/eval, the repository for eval/cases): we look for them from the gold file's
ancestors. Sentence gold (`*.jsonl`) has one sentence a line, in the PLOVER gold-standard shape.
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from ..errors import E, ParleyError

ARTICLE_SUFFIX = ".gold.json"
SENTENCE_SUFFIX = ".jsonl"


class GoldQuote(BaseModel):
    speaker: str | None = None
    starts: str


class ArticleGold(BaseModel):
    """What one article should yield. A measure whose field is absent is not scored for this article."""

    model_config = ConfigDict(extra="allow")

    id: str = ""
    path: str = ""
    article: Path
    article_id: str | None = None   # of an article in a JSON Lines file of many: `"article": "bulk.jsonl#ID"`
    dossier: Path | None = None
    positions: list[tuple[str, str, str]] | None = None
    events: list[tuple[str, str, str | None]] | None = None
    people: dict[str, str] | None = None
    reported_by: list[str] | None = None
    sources: list[str] | None = None
    boilerplate: list[str] | None = None
    quotes: list[GoldQuote] | None = None


class SentenceGold(BaseModel):
    """One sentence and the event it reports; `event` is null when nothing should be extracted (our own cases)."""

    model_config = ConfigDict(extra="allow")

    id: str = ""
    path: str = ""
    line: int = 0
    text: str
    source: list[str] = Field(default_factory=list)
    target: list[str] = Field(default_factory=list)
    event: str | None
    action: str | None = None  # our cases: the contract action (CONTRACT.md §2) the sentence shows
    dossier: Path | None = None

    @field_validator("text")
    @classmethod
    def _has_text(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("text is empty")
        return value


def _resolve(gold_path: Path, relative: Path, what: str) -> Path:
    """`relative` as seen from the nearest ancestor of the gold file under which it exists."""
    if relative.is_absolute():
        candidates = [relative]
    else:
        candidates = [ancestor / relative for ancestor in gold_path.resolve().parents]
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    raise ParleyError(E.E030, path=gold_path, reason=f"its {what} {str(relative)!r} is in none of its parent folders")


def _first_error(exc: ValidationError) -> str:
    first = exc.errors()[0]
    return f"{'.'.join(str(p) for p in first['loc']) or 'record'}: {first['msg']}"


def load_article_gold(path: Path) -> ArticleGold:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ParleyError(E.E002, path=path, reason=exc.strerror or exc) from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ParleyError(E.E030, path=path, reason=f"not JSON: {exc}") from exc
    if not isinstance(raw, dict):
        raise ParleyError(E.E030, path=path, reason="the top level must be an object with `article`")
    try:
        gold = ArticleGold.model_validate(raw)
    except ValidationError as exc:
        raise ParleyError(E.E030, path=path, reason=_first_error(exc)) from exc
    file, _, item = raw["article"].rpartition("#") if isinstance(raw.get("article"), str) else ("", "", "")
    if item and file.lower().endswith(".jsonl"):   # one article of a corpus kept elsewhere, by its id
        gold.article, gold.article_id = Path(file), item
    gold.article = _resolve(path, gold.article, "article")
    if gold.dossier is not None:
        gold.dossier = _resolve(path, gold.dossier, "dossier")
    gold.id = gold.id or path.name.removesuffix(ARTICLE_SUFFIX)
    gold.path = str(path)
    return gold


def load_sentence_gold(path: Path) -> list[SentenceGold]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise ParleyError(E.E002, path=path, reason=exc.strerror or exc) from exc
    except UnicodeDecodeError as exc:
        raise ParleyError(E.E004, path=path, position=exc.start) from exc
    sentences = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ParleyError(E.E020, path=path, line=number, reason=exc.msg) from exc
        if not isinstance(raw, dict):
            raise ParleyError(E.E020, path=path, line=number, reason="a JSON value that is not an object")
        try:
            sentence = SentenceGold.model_validate(raw)
        except ValidationError as exc:
            raise ParleyError(E.E031, path=path, line=number, reason=_first_error(exc)) from exc
        if sentence.dossier is not None:
            sentence.dossier = _resolve(path, sentence.dossier, "dossier")
        sentence.id = sentence.id or f"{path.stem}:{number}"
        sentence.path, sentence.line = str(path), number
        sentences.append(sentence)
    if not sentences:
        raise ParleyError(E.E030, path=path, reason="no sentences")
    return sentences


def gold_files(path: Path) -> list[Path]:
    """The gold files at one path: the file itself, or every gold file under a folder, in a stable order."""
    if not path.exists():
        raise ParleyError(E.E001, path=path)
    if path.is_file():
        if not (path.name.endswith(ARTICLE_SUFFIX) or path.suffix == SENTENCE_SUFFIX):
            raise ParleyError(E.E030, path=path, reason=f"expected *{ARTICLE_SUFFIX} or *{SENTENCE_SUFFIX}")
        return [path]
    found = sorted(p for p in path.rglob("*") if p.is_file()
                   and (p.name.endswith(ARTICLE_SUFFIX) or p.suffix == SENTENCE_SUFFIX))
    if not found:
        raise ParleyError(E.E032, path=path)
    return found


def load_gold(path: Path) -> Iterator[ArticleGold | SentenceGold]:
    """Every gold item at a path (file or folder)."""
    for file in gold_files(path):
        if file.name.endswith(ARTICLE_SUFFIX):
            yield load_article_gold(file)
        else:
            yield from load_sentence_gold(file)


def group_name(path: Path) -> str:
    """How a gold path is labelled in reports and in eval/floors.yaml: its name without the gold suffix; a folder
    named just "gold" by the folder it sits in ("dev2-conflict/gold" is `dev2-conflict`)."""
    resolved = path.resolve()
    name = resolved.parent.name if resolved.name == "gold" else resolved.name
    return name.removesuffix(ARTICLE_SUFFIX).removesuffix(SENTENCE_SUFFIX)
