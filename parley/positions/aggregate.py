"""One position per (actor, issue), weighed from the statements that bear on it."""
from __future__ import annotations

from collections import defaultdict

from ..models import Position, Statement


# The statements that disagree with a position: a condition qualifies support, it does not dissent from it.
DISSENT = {"for": {"against"}, "against": {"for", "conditional"}, "conditional": {"against"}}


def resolve_stance(weights: dict[str, float]) -> str:
    """A conditional statement qualifies plain support, so it wins unless opposition clearly outweighs all else."""
    for_, against, conditional = (weights.get(k, 0.0) for k in ("for", "against", "conditional"))
    if conditional and against <= for_ + conditional:
        return "conditional"
    return "for" if for_ >= against else "against"


def build_positions(statements: list[Statement]) -> list[Position]:
    """Positions in order of first evidence; each lists every statement on its (actor, issue), and as `contested`
    those that read another stance than the one weighed out: the conflict is kept and shown, not overwritten."""
    groups: dict[tuple[str, str], list[int]] = defaultdict(list)
    for index, statement in enumerate(statements):
        if statement.actor and statement.issue and statement.stance:
            groups[(statement.actor, statement.issue)].append(index)
    positions = []
    for (actor, issue), indexes in groups.items():
        read = _as_read([statements[i] for i in indexes])
        weights: dict[str, float] = defaultdict(float)
        for i, stance in zip(indexes, read):
            weights[stance] += statements[i].confidence
        stance = resolve_stance(weights)
        backing = [i for i, own in zip(indexes, read) if own == stance]
        condition = None
        if stance == "conditional":
            stated = [i for i in backing if statements[i].condition]
            condition = max(stated, key=lambda i: statements[i].confidence, default=None)
            condition = statements[condition].condition if condition is not None else None
        confidence = max(statements[i].confidence for i in backing) if backing else 0.0
        positions.append(
            Position(actor=actor, issue=issue, stance=stance, condition=condition, statements=indexes,
                     confidence=round(confidence, 3),
                     contested=[i for i in indexes if statements[i].stance in DISSENT[stance]])
        )
    return positions


def _as_read(statements: list[Statement]) -> list[str]:
    """Each statement's stance as the position reads it: in a sentence where the party is both for and against the
    issue ("did not rule out X, but rejected X that would hurt Y"), a qualified stance, so conditional."""
    seen: dict[int, set[str]] = defaultdict(set)
    for statement in statements:
        seen[statement.sentence].add(statement.stance)  # type: ignore[arg-type]
    mixed = {sentence for sentence, stances in seen.items() if {"for", "against"} <= stances}
    return ["conditional" if s.sentence in mixed else s.stance for s in statements]  # type: ignore[misc]
