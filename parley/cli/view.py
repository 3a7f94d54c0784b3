"""The readable Rich view of one analysis: positions matrix, gaps summary, statements with evidence."""
from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from ..dossier import Dossier
from ..models import ArticleAnalysis

STANCE_STYLE = {"for": "green", "against": "red", "conditional": "yellow"}


def print_error(console: Console, error: object) -> None:
    """One error line. The message is escaped, so that brackets in it (`parley[web]`, a file name) print as written
    instead of being read as Rich markup."""
    console.print(f"[red]error:[/red] {escape(str(error))}", markup=True, highlight=False)


def _matrix(result: ArticleAnalysis, dossier: Dossier | None) -> Table:
    actors = list(dict.fromkeys(p.actor for p in result.positions))
    issues = list(dict.fromkeys(p.issue for p in result.positions))
    labels = {i.id: i.label for i in dossier.issues} if dossier else {}
    table = Table(title="Positions", title_justify="left")
    table.add_column("issue")
    for actor in actors:
        table.add_column(Text(actor), justify="center")
    stance = {(p.actor, p.issue): p for p in result.positions}
    for issue in issues:
        cells = []
        for actor in actors:
            position = stance.get((actor, issue))
            if position is None:
                cells.append(Text("·", style="dim"))
            else:
                label = position.stance + (f" (if {position.condition})" if position.condition else "")
                cell = Text(label, style=STANCE_STYLE[position.stance])
                if position.contested:   # evidence the other way: which statements, to read them below
                    cell.append(f"\ncontested: #{', #'.join(map(str, position.contested))}", style="dim")
                cells.append(cell)
        table.add_row(Text(labels.get(issue, issue)), *cells)
    return table


def _statements(result: ArticleAnalysis) -> Table:
    """Narrow columns and a wide one, so that the evidence stays readable in an 80-column terminal."""
    table = Table(title="Statements", title_justify="left", show_lines=True, expand=True)
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("who", ratio=2, overflow="fold")
    table.add_column("does", ratio=2, overflow="fold")
    table.add_column("on issue", ratio=2, overflow="fold")
    table.add_column("evidence", ratio=5)
    for index, s in enumerate(result.statements):
        who = Text(s.actor or "?", style="bold")
        if s.speaker:
            who.append(f"\n{s.speaker}")
        if s.reported_by:
            who.append(f"\nvia {', '.join(s.reported_by)}", style="dim")
        does = Text(s.action + (" (negated)" if s.negated else ""))
        if s.target:
            does.append(f"\n→ {s.target}")
        issue = Text(s.issue or "")
        if s.stance:
            issue.append(f"\n{s.stance}", style=STANCE_STYLE[s.stance])
        if s.condition:
            issue.append(f"\nif {s.condition}", style="yellow")
        table.add_row(str(index), who, does, issue, Text(s.text, style="italic"))
    return table


def render_analysis(console: Console, result: ArticleAnalysis, dossier: Dossier | None = None) -> None:
    heading = result.title or result.path or result.id
    console.rule(Text(heading, style="bold"))
    meta = ", ".join(filter(None, [result.outlet, result.published]))
    if meta:
        console.print(Text(meta, style="dim"))
    if result.positions:
        console.print(_matrix(result, dossier))
    else:
        console.print("No positions found.", style="dim")
    if result.summary:
        console.print(Text("Gaps: ", style="bold") + Text(result.summary))
    if result.people:
        console.print(Text("People: ", style="bold") + Text(", ".join(f"{p} ({a})" for p, a in result.people.items())))
    sources = list(dict.fromkeys(result.sources_cited + [o for s in result.statements for o in s.reported_by]))
    if sources:
        console.print(Text("Reported by / sources: ", style="bold") + Text(", ".join(sources)))
    if result.statements:
        console.print(_statements(result))
    if result.boilerplate:
        console.print(Text("Removed page clutter: ", style="dim") + Text(" | ".join(result.boilerplate), style="dim"))
