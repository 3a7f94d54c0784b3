"""`parley report`: one negotiation as one self-contained file to send (Markdown, or HTML with its style inline):
the positions matrix with conditions, the gaps, what changed since a day, and each claim's evidence with its
outlet and date. Names come from the negotiation's dossier as the store kept it."""
from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass, field

import pandas as pd

from ..positions.gaps import gaps_between
from .changes import changes_since
from .negotiations import dossier_of
from .queries import Queries

FORMATS = ("md", "html")
_CSS = ("body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}"
        "table{border-collapse:collapse;margin:1rem 0}td,th{border:1px solid #ccc;padding:.3rem .5rem;"
        "vertical-align:top;overflow-wrap:anywhere}.for{background:#e3f4e3}.against{background:#fbe3e3}"
        ".conditional{background:#fff5d6}.muted{color:#777}blockquote{margin:.3rem 0 .6rem 1rem;color:#444}")


@dataclass
class Section:
    """A heading, paragraphs, a table (header + rows) and quoted evidence, rendered alike in both formats."""

    title: str
    paragraphs: list[str] = field(default_factory=list)
    header: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    items: list[tuple[str, list[str]]] = field(default_factory=list)  # (claim, evidence lines)


def _day(value: object) -> str:
    return "undated" if value is None or pd.isna(value) else str(value)


def build(queries: Queries, since: dt.date | None = None, today: dt.date | None = None) -> tuple[str, list[Section]]:
    """The report's title and sections."""
    scope = queries.scope
    dossier = dossier_of(queries.engine, scope)
    actor_name = {a.id: a.name for a in dossier.actors} if dossier else {}
    issue_name = {i.id: i.label for i in dossier.issues} if dossier else {}
    positions = queries.positions()
    statements = queries.statements().set_index("id", drop=False)
    counts = queries.counts()
    parties = sorted(positions["actor"].unique().tolist())
    issues = sorted(positions["issue"].unique().tolist())
    cell = {(r.actor, r.issue): r for r in positions.itertuples()}

    def who(actor: str) -> str:
        return f"{actor_name.get(actor, actor)} ({actor})" if actor in actor_name else actor

    def what(issue: str) -> str:
        return issue_name.get(issue, issue)

    def stance(position) -> str:
        text = position.stance + (f": {position.condition}" if position.stance == "conditional" and
                                  isinstance(position.condition, str) and position.condition else "")
        return (text + (" (corrected)" if position.corrected else "")
                + (" (contested)" if position.contested_ids else ""))

    title = f"parley report: {scope.name}"
    intro = Section("About", [
        f"Negotiation {scope.name!r}" + (f", dossier {dossier.name!r}" if dossier else ", no dossier (world lists "
                                                                                        "and generic issues)")
        + f"; {counts['articles']} articles, {counts['statements']} statements, {counts['positions']} article "
          f"positions; made {today or dt.date.today()}.",
        "Stances are each party's latest dated report; an undated report counts as evidence but never dates a "
        "stance or makes a shift. '(corrected)' marks an analyst's correction; '(contested)' a stance that some of "
        "its latest article's statements read otherwise (marked in its evidence)."])
    matrix = Section("Positions", header=["party", *[what(i) for i in issues]],
                     rows=[[who(a), *[stance(cell[(a, i)]) if (a, i) in cell else "·" for i in issues]]
                           for a in parties])
    if not parties:
        matrix.paragraphs.append("No positions in this negotiation.")
    gaps = Section("Gaps")
    stances = {key: row.stance for key, row in cell.items()}
    for gap in gaps_between(stances, parties, issues):
        if gap.status in ("opposed", "conditional"):
            gaps.rows.append([what(gap.issue), who(gap.a), who(gap.b),
                              "opposed" if gap.status == "opposed" else "might meet"])
    gaps.header = ["issue", "party", "party", "status"] if gaps.rows else []
    if not gaps.rows:
        gaps.paragraphs.append("No two parties are opposed or conditionally apart on any issue.")
    sections = [intro, matrix, gaps]
    if since is not None:
        sections += _changes(queries, since, who, what)
    evidence = Section("Evidence")
    for position in positions.itertuples():
        lines = []
        for statement_id in position.statement_ids or []:
            if statement_id in statements.index:
                s = statements.loc[statement_id]
                note = f" [{s['corrected']}]" if isinstance(s["corrected"], str) else ""
                note += f" [contested: reads {s['stance']}]" if statement_id in position.contested_ids else ""
                lines.append(f"“{s['text'].strip()}” ({s['outlet'] or 'outlet unknown'}, {_day(s['date'])}, "
                             f"article {s['article_id']}){note}")
        if not lines:
            lines.append("added by hand by an analyst (no statement of the machine's reading)")
        evidence.items.append((f"{who(position.actor)} on {what(position.issue)}: {stance(position)}; since "
                               f"{_day(position.since)}, {position.sources} source(s)", lines))
    sections.append(evidence)
    return title, sections


def _changes(queries: Queries, since: dt.date, who, what) -> list[Section]:
    found = changes_since(queries, since)
    section = Section(f"Changes since {since}")
    new = found["new_positions"]
    section.paragraphs.append(f"{len(new)} new position(s), {len(found['shifts'])} shift(s), "
                              f"{len(found['new_parties'])} new part(y/ies), from dated reports only.")
    section.items += [(f"New position: {who(r.actor)} on {what(r.issue)}: {r.stance}"
                       + (f" ({r.condition})" if isinstance(r.condition, str) and r.condition else ""),
                       [f"first reported {r.first}"]) for r in new.itertuples()]
    section.items += [(f"Shift: {who(r.actor)} on {what(r.issue)}: {r.from_stance} → {r.to_stance}",
                       [f"before ({_day(r.from_date)}, {r.from_outlet}): {r.from_evidence}",
                        f"after ({_day(r.to_date)}, {r.to_outlet}): {r.to_evidence}"])
                      for r in found["shifts"].itertuples()]
    section.items += [(f"New party: {who(r.actor)}", [f"first reported {r.first}"])
                      for r in found["new_parties"].itertuples()]
    return [section]


def render(title: str, sections: list[Section], fmt: str) -> str:
    return _markdown(title, sections) if fmt == "md" else _html(title, sections)


def _cell_md(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _markdown(title: str, sections: list[Section]) -> str:
    lines = [f"# {title}", ""]
    for section in sections:
        lines += [f"## {section.title}", ""]
        for paragraph in section.paragraphs:
            lines += [paragraph, ""]
        if section.header:
            lines.append("| " + " | ".join(_cell_md(h) for h in section.header) + " |")
            lines.append("|" + "---|" * len(section.header))
            lines += ["| " + " | ".join(_cell_md(c) for c in row) + " |" for row in section.rows]
            lines.append("")
        for claim, evidence in section.items:
            lines.append(f"- **{claim}**")
            lines += [f"  - {line}" for line in evidence]
        if section.items:
            lines.append("")
    return "\n".join(lines)


def _html(title: str, sections: list[Section]) -> str:
    e = html.escape
    parts = [f"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
             f"content=\"width=device-width, initial-scale=1\"><title>{e(title)}</title><style>{_CSS}</style>"
             f"</head><body><h1>{e(title)}</h1>"]
    for section in sections:
        parts.append(f"<section><h2>{e(section.title)}</h2>")
        parts += [f"<p>{e(p)}</p>" for p in section.paragraphs]
        if section.header:
            parts.append("<table><thead><tr>" + "".join(f"<th>{e(h)}</th>" for h in section.header)
                         + "</tr></thead><tbody>")
            for row in section.rows:
                cells = "".join(f"<td class=\"{e(c.split(':')[0].split(' ')[0])}\">{e(c)}</td>" for c in row)
                parts.append(f"<tr>{cells}</tr>")
            parts.append("</tbody></table>")
        if section.items:
            parts.append("<ul>")
            for claim, evidence in section.items:
                parts.append(f"<li><strong>{e(claim)}</strong>"
                             + "".join(f"<blockquote>{e(line)}</blockquote>" for line in evidence) + "</li>")
            parts.append("</ul>")
        parts.append("</section>")
    parts.append("</body></html>")
    return "\n".join(parts)
