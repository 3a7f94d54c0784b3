"""Export one negotiation's rows of the store tables to CSV, JSON Lines or Parquet, one file per table;
statements as the analysts corrected them (a `corrected` column says who and why)."""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
from typing import TYPE_CHECKING

from sqlalchemy import JSON, select

from ..errors import E, ParleyError, needs_extra
from . import schema
from .corrections import corrections, overlay

if TYPE_CHECKING:
    from .queries import Queries

TABLES: dict[str, type[schema.Base]] = {
    "articles": schema.Article, "statements": schema.Statement, "quotes": schema.Quote, "people": schema.Person,
    "positions": schema.PositionRecord, "errors": schema.IngestError, "corrections": schema.Correction,
}
FORMATS = ("csv", "jsonl", "parquet")


def export_tables(queries: Queries, fmt: str, tables: list[str] | None, out: Path) -> list[Path]:
    """Write each table to `out/<table>.<fmt>`, or to `out` itself when it names one file of that format."""
    if fmt not in FORMATS:
        raise ParleyError(E.E052, fmt=fmt, choices=", ".join(FORMATS))
    names = tables or list(TABLES)
    for name in names:
        if name not in TABLES:
            raise ParleyError(E.E051, table=name, choices=", ".join(TABLES))
    single = out.suffix == f".{fmt}" and len(names) == 1
    if not single:
        out.mkdir(parents=True, exist_ok=True)
    written = []
    for name in names:
        target = out if single else out / f"{name}.{fmt}"
        _write(_read(queries, TABLES[name]), fmt, target)
        written.append(target)
    return written


def _read(queries: Queries, model: type[schema.Base]) -> tuple[pd.DataFrame, list[str]]:
    """The negotiation's rows of the table in id order (ingest errors belong to none: all of them), and which of
    its columns hold JSON."""
    table = model.__table__
    query = select(table).order_by(*table.primary_key.columns)
    scope = queries.scope
    if model is schema.Article:
        query = query.where(table.c.id.in_(select(schema.Analysis.article_id)
                                           .where(schema.Analysis.negotiation_id == scope.id)))
    elif "negotiation_id" in table.c:
        query = query.where(table.c.negotiation_id == scope.id)
    with queries.engine.connect() as connection:
        frame = pd.read_sql(query, connection)
    if model is schema.Statement:
        frame = overlay(frame, corrections(queries.engine, scope))
    return frame, [c.name for c in table.columns if isinstance(c.type, JSON)]


def _write(read: tuple[pd.DataFrame, list[str]], fmt: str, target: Path) -> None:
    frame, json_columns = read
    if fmt == "jsonl":
        frame.to_json(target, orient="records", lines=True, date_format="iso", force_ascii=False)
        return
    for column in json_columns:  # flat formats: lists and mappings as JSON text
        frame[column] = frame[column].map(lambda value: json.dumps(value, ensure_ascii=False))
    if fmt == "csv":
        frame.to_csv(target, index=False)
    else:
        with needs_extra("parquet", "--format parquet"):
            frame.to_parquet(target, index=False)
