"""One position per (actor, issue), weighed from the statements that bear on it."""
from __future__ import annotations

from collections import defaultdict

from ..models import Position, Statement


def resolve_stance(weights: dict[str, float]) -> str:
    """A conditional statement qualifies plain support, so it wins unless opposition clearly outweighs all else."""
    for_, against, conditional = (weights.get(k, 0.0) for k in ("for", "against", "conditional"))
    if conditional and against <= for_ + conditional:
        return "conditional"
    return "for" if for_ >= against else "against"


def build_positions(statements: list[Statement]) -> list[Position]:
    """Positions in order of first evidence; each lists every statement on its (actor, issue)."""
    groups: dict[tuple[str, str], list[int]] = defaultdict(list)
    for index, statement in enumerate(statements):
        if statement.actor and statement.issue and statement.stance:
            groups[(statement.actor, statement.issue)].append(index)
    positions = []
    for (actor, issue), indexes in groups.items():
        weights: dict[str, float] = defaultdict(float)
        for i in indexes:
            weights[statements[i].stance] += statements[i].confidence  # type: ignore[index]
        stance = resolve_stance(weights)
        backing = [i for i in indexes if statements[i].stance == stance]
        condition = None
        if stance == "conditional":
            condition = max(backing, key=lambda i: statements[i].confidence, default=None)
            condition = statements[condition].condition if condition is not None else None
        confidence = max(statements[i].confidence for i in backing) if backing else 0.0
        positions.append(
            Position(actor=actor, issue=issue, stance=stance, condition=condition, statements=indexes,
                     confidence=round(confidence, 3))
        )
    return positions
