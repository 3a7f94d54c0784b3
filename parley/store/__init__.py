"""The store: analysed articles over time in SQLite or PostgreSQL, with duplicates found and positions dated.

`Store(db)` (or `parley.open(db)`) migrates the schema, ingests streams of articles and answers queries as pandas
DataFrames: positions, gaps, timeline, statements, articles, article, errors; `export` writes the tables to files.
"""
from .export import FORMATS, TABLES
from .ingest import IngestSummary
from .queries import ArticleDetail
from .store import Store

__all__ = ["FORMATS", "TABLES", "ArticleDetail", "IngestSummary", "Store"]
