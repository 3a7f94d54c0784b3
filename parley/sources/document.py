"""The one shape every reader produces."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field


@dataclass
class SourceDocument:
    """An article as read: raw body text plus whatever metadata the source carried."""

    text: str
    id: str | None = None
    path: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    url: str | None = None
    metadata: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.id:
            self.id = hashlib.sha1(self.text.encode("utf-8")).hexdigest()[:16]
