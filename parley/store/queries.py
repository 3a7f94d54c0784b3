"""Read-only queries over the store, as pandas DataFrames (the API `parley.open(db)` exposes and the CLI prints).

Every query is about one negotiation (`Scope`): its articles, read with its dossier, and its analysts'
corrections laid over the machine's reading. Time order everywhere: a position's date (its latest dated evidence,
else the article's date), undated first, then the article's date, then the order of ingest; undated reports never
make a shift (positions/over_time.py). An article's `source` is the first copy of its story: evidence from
near-duplicates of one story counts once.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd
from sqlalchemy import Engine, Select, func, or_, select

from ..errors import E, ParleyError
from ..positions.gaps import gaps_between
from ..positions.over_time import latest_positions, shifts
from . import schema
from .corrections import corrections, overlay
from .negotiations import Scope, find_scope

A, S, P = schema.Article, schema.Statement, schema.PositionRecord
N = schema.Analysis
_SOURCE = func.coalesce(A.near_duplicate_of, A.id)

SHIFT_COLUMNS = ["actor", "issue", "from_stance", "to_stance", "to_condition", "from_date", "to_date", "from_article",
                 "to_article",
                 "from_outlet", "to_outlet", "from_evidence", "to_evidence"]
GAP_COLUMNS = ["issue", "a", "b", "stance_a", "stance_b", "status"]


@dataclass
class ArticleDetail:
    """One article with everything read from it."""

    article: dict[str, Any]
    statements: pd.DataFrame
    quotes: pd.DataFrame
    people: pd.DataFrame
    positions: pd.DataFrame


class Queries:
    """Queries on one negotiation of one engine; every method returns a fresh DataFrame. Without a scope given,
    the store's only negotiation (E100 when it holds several)."""

    def __init__(self, engine: Engine, scope: Scope | None = None) -> None:
        self.engine = engine
        self._scope = scope

    @property
    def scope(self) -> Scope:
        return self._scope or find_scope(self.engine, None, getattr(self, "url", "the store"))

    def negotiation(self, name: str | None) -> Queries:
        """The same queries about the negotiation `name` (None: the store's only one)."""
        return Queries(self.engine, find_scope(self.engine, name, getattr(self, "url", "the store")))

    def party_id(self, ident: str) -> str:
        """A party id as the negotiation stores it, matched without regard to case; E104 lists the known ones."""
        with self.engine.connect() as connection:
            known = sorted(set(connection.scalars(select(P.actor).where(P.negotiation_id == self.scope.id)))
                           | set(connection.scalars(select(S.actor).where(S.negotiation_id == self.scope.id,
                                                                          S.actor.is_not(None)))))
        found = next((actor for actor in known if actor.casefold() == ident.casefold()), None)
        if found is None:
            raise ParleyError(E.E104, ident=ident, negotiation=self.scope.name, known=", ".join(known) or "none")
        return found

    def _frame(self, query: Select, columns: Sequence[str] | None = None) -> pd.DataFrame:
        with self.engine.connect() as connection:
            frame = pd.read_sql(query, connection)
        return frame if columns is None else frame.reindex(columns=list(columns))

    def history(self, issue: str | None = None, actor: str | None = None,
                as_of: dt.date | None = None) -> pd.DataFrame:
        """Every article's position on every issue, oldest first; with `as_of`, only dated ones up to that day."""
        query = (select(P.id.label("position_id"), P.actor, P.issue, P.stance, P.condition, P.confidence, P.date,
                        P.article_id, _SOURCE.label("source"), A.outlet, A.title, A.published, P.statement_ids,
                        P.contested_ids, P.corrected)
                 .join(A, A.id == P.article_id).where(P.negotiation_id == self.scope.id)
                 .order_by(P.date.asc().nulls_first(), A.published.asc().nulls_first(), P.article_id, P.id))
        if issue:
            query = query.where(P.issue == issue)
        if actor:
            query = query.where(P.actor == actor)
        if as_of:
            query = query.where(P.date <= as_of)
        return self._frame(query)

    def positions(self, issue: str | None = None, actor: str | None = None,
                  as_of: dt.date | None = None) -> pd.DataFrame:
        """Where each party stands on each issue (as of a day): its latest stance, since when, and how many
        articles and independent sources report that stance (`articles`, `sources`) or another one (`contrary`).
        With `as_of`, undated positions are left out: nothing says they were known by then."""
        return latest_positions(self.history(issue, actor, as_of))

    def gaps(self, a: str, b: str, as_of: dt.date | None = None) -> pd.DataFrame:
        """Issue by issue, the two parties' current stances and how far apart they are (party ids in any case;
        E104 for a party the negotiation does not know)."""
        a, b = self.party_id(a), self.party_id(b)
        current = self.positions(as_of=as_of)
        stance = {(r.actor, r.issue): r.stance for r in current.itertuples() if r.actor in (a, b)}
        rows = [{"issue": gap.issue, "a": gap.a, "b": gap.b, "stance_a": stance.get((gap.a, gap.issue)),
                 "stance_b": stance.get((gap.b, gap.issue)), "status": gap.status}
                for gap in gaps_between(stance, [a, b], sorted({issue for _, issue in stance}))]
        return pd.DataFrame(rows, columns=GAP_COLUMNS)

    def timeline(self, issue: str | None = None, actor: str | None = None) -> pd.DataFrame:
        """Shifts: each time a party's stance on an issue differs from the one before, with the evidence (statement
        texts, dates, outlets) of the last report of the old stance and the first of the new."""
        pairs = shifts(self.history(issue, actor))
        wanted = {i for before, after in pairs for i in before["statement_ids"] + after["statement_ids"]}
        texts = self._statement_texts(wanted)

        def evidence(record: dict) -> str:
            return " | ".join(texts[i] for i in record["statement_ids"] if i in texts)

        rows = [{"actor": after["actor"], "issue": after["issue"], "from_stance": before["stance"],
                 "to_stance": after["stance"], "to_condition": after["condition"],
                 "from_date": before["date"], "to_date": after["date"],
                 "from_article": before["article_id"], "to_article": after["article_id"],
                 "from_outlet": before["outlet"], "to_outlet": after["outlet"],
                 "from_evidence": evidence(before), "to_evidence": evidence(after)} for before, after in pairs]
        frame = pd.DataFrame(rows, columns=SHIFT_COLUMNS)
        return frame.sort_values(["to_date", "actor", "issue"], na_position="first", kind="stable",
                                 ignore_index=True)

    def _statement_texts(self, ids: set[int]) -> dict[int, str]:
        if not ids:
            return {}
        with self.engine.connect() as connection:
            return dict(connection.execute(select(S.id, S.text).where(S.id.in_(sorted(ids)))).all())

    def statements(self, issue: str | None = None, actor: str | None = None, action: str | None = None,
                   outlet: str | None = None, since: dt.date | None = None, until: dt.date | None = None,
                   text: str | None = None, limit: int | None = None) -> pd.DataFrame:
        """Statements matching every filter given (`text`: case-insensitive substring), in time order, as the
        analysts corrected them (`corrected` says who and why)."""
        query = (select(S.id, S.article_id, S.index, S.date, S.actor, S.speaker, S.action, S.plover, S.target,
                        S.issue, S.stance, S.condition, S.quote, S.negated, S.confidence, S.reported_by, S.text,
                        S.start, S.end, A.outlet, A.title, A.published, _SOURCE.label("source"))
                 .join(A, A.id == S.article_id).where(S.negotiation_id == self.scope.id)
                 .order_by(S.date.asc().nulls_first(), S.article_id, S.index))
        fixes = corrections(self.engine, self.scope)
        spans = [S.id.in_(select(S.id).join(schema.Correction, (schema.Correction.article_id == S.article_id)
                                            & (schema.Correction.negotiation_id == S.negotiation_id)
                                            & (schema.Correction.start == S.start)
                                            & (schema.Correction.end == S.end)))] if not fixes.empty else []
        for column, value in ((S.issue, issue), (S.actor, actor), (S.action, action), (A.outlet, outlet)):
            if value:  # a corrected statement may match by its corrected actor or issue: checked after the overlay
                query = query.where(or_(column == value, *spans) if column in (S.issue, S.actor) else column == value)
        frame = overlay(self._frame(_within(query, S.date, since, until, S.text, text, limit)), fixes)
        for name, value in (("issue", issue), ("actor", actor)):
            if value and not frame.empty:
                frame = frame[frame[name] == value].reset_index(drop=True)
        return frame

    def articles(self, outlet: str | None = None, since: dt.date | None = None, until: dt.date | None = None,
                 text: str | None = None, duplicates: bool = False, limit: int | None = None) -> pd.DataFrame:
        """Stored articles (exact copies only with `duplicates=True`), with their statement counts."""
        counts = (select(S.article_id, func.count().label("statements")).where(S.negotiation_id == self.scope.id)
                  .group_by(S.article_id).subquery())
        query = (select(A.id, A.title, A.outlet, A.published, A.url, A.source_key, A.source, A.duplicate_of,
                        A.near_duplicate_of, func.coalesce(counts.c.statements, 0).label("statements"))
                 .join(N, (N.article_id == A.id) & (N.negotiation_id == self.scope.id))
                 .outerjoin(counts, counts.c.article_id == A.id).order_by(A.id))
        if not duplicates:
            query = query.where(A.duplicate_of.is_(None))
        if outlet:
            query = query.where(A.outlet == outlet)
        return self._frame(_within(query, A.published, since, until, A.text, text, limit))

    def article(self, article_id: int) -> ArticleDetail | None:
        """One article of the negotiation and its statements (as corrected), quotes, people and positions there;
        None if the negotiation holds no such article."""
        here = self.scope.id
        with self.engine.connect() as connection:
            row = connection.execute(select(A.__table__).join(N, (N.article_id == A.id) & (N.negotiation_id == here))
                                     .where(A.id == article_id)).mappings().first()
        if row is None:
            return None
        Q, H = schema.Quote, schema.Person
        return ArticleDetail(
            article=dict(row),
            statements=overlay(self._frame(select(S.__table__).where(S.article_id == article_id,
                                                                     S.negotiation_id == here).order_by(S.index)),
                               corrections(self.engine, self.scope)),
            quotes=self._frame(select(Q.__table__).where(Q.article_id == article_id, Q.negotiation_id == here)
                               .order_by(Q.index)),
            people=self._frame(select(H.__table__).where(H.article_id == article_id, H.negotiation_id == here)
                               .order_by(H.id)),
            positions=self._frame(select(P.__table__).where(P.article_id == article_id, P.negotiation_id == here)
                                  .order_by(P.id)),
        )

    def errors(self) -> pd.DataFrame:
        """Inputs that could not be stored, and why."""
        return self._frame(select(schema.IngestError.__table__).order_by(schema.IngestError.id))

    def feeds(self) -> pd.DataFrame:
        """The feeds, sitemaps and folders followed into the negotiation (`parley follow`): each one's last run,
        the new entries and articles it found, its errors and its backoff."""
        from .feeds import feeds_frame

        return feeds_frame(self.engine, self.scope)

    def counts(self) -> dict[str, int]:
        """The negotiation's totals: articles (distinct texts), exact duplicates, near-duplicates, independent
        stories, statements, positions; and the store's ingest errors (an input that failed belongs to none)."""
        here = self.scope.id
        member = select(N.article_id).where(N.negotiation_id == here)
        with self.engine.connect() as connection:
            def count(query: Select) -> int:
                return int(connection.scalar(query) or 0)

            def articles(*where) -> int:
                return count(select(func.count()).select_from(A).where(A.id.in_(member), *where))

            return {
                "articles": articles(A.duplicate_of.is_(None)),
                "duplicates": articles(A.duplicate_of.is_not(None)),
                "near_duplicates": articles(A.near_duplicate_of.is_not(None)),
                "stories": articles(A.duplicate_of.is_(None), A.near_duplicate_of.is_(None)),
                "statements": count(select(func.count()).select_from(S).where(S.negotiation_id == here)),
                "positions": count(select(func.count()).select_from(P).where(P.negotiation_id == here)),
                "errors": count(select(func.count()).select_from(schema.IngestError)),
            }

    def people(self, actor: str | None = None) -> pd.DataFrame:
        """People the articles tie to a party (`actor`), with how many articles do so, most often named first."""
        articles = func.count(func.distinct(schema.Person.article_id)).label("articles")
        query = (select(schema.Person.name, schema.Person.actor, articles)
                 .where(schema.Person.negotiation_id == self.scope.id)
                 .group_by(schema.Person.name, schema.Person.actor)
                 .order_by(articles.desc(), schema.Person.name))
        if actor:
            query = query.where(schema.Person.actor == actor)
        return self._frame(query)

    def outlets(self) -> pd.DataFrame:
        """Every outlet named by a stored article, with its number of articles (exact copies not counted)."""
        articles = func.count().label("articles")
        query = (select(A.outlet, articles).where(A.outlet.is_not(None), A.duplicate_of.is_(None),
                                                  A.id.in_(select(N.article_id).where(N.negotiation_id == self.scope.id)))
                 .group_by(A.outlet).order_by(articles.desc(), A.outlet))
        return self._frame(query)

    def revision(self) -> tuple[int, ...]:
        """A value that changes whenever articles, analyses or corrections are added or read again (highest ids
        and row counts), so that a reader can cache what it computed from the store until then."""
        with self.engine.connect() as connection:
            return tuple(int(value) for model in (A, P, N, schema.Correction)
                         for value in connection.execute(select(func.coalesce(func.max(model.id), 0), func.count())
                                                         .select_from(model)).one())


def _within(query: Select, day, since: dt.date | None, until: dt.date | None, words, text: str | None,
            limit: int | None) -> Select:
    """A query narrowed to a date range and to rows whose text contains some words, at most `limit` rows."""
    if since:
        query = query.where(day >= since)
    if until:
        query = query.where(day <= until)
    if text:
        query = query.where(words.icontains(text, autoescape=True))
    return query.limit(limit) if limit else query
