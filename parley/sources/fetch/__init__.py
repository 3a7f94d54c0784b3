"""Fetching from the web: one polite client (`Fetcher`), pages read as articles (`read_url`) and feeds and
sitemaps read as lists of entries (`read_feed`)."""
from .client import Fetcher, Response, is_url
from .feeds import Entry, Feed, read_feed
from .pages import read_url

__all__ = ["Entry", "Feed", "Fetcher", "Response", "is_url", "read_feed", "read_url"]
