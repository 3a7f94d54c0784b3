"""Positions keep their contested evidence: the ids, in `statements`, of those of their statements that read another
stance than the position's (the analysis's `contested`), beside `statement_ids`.

A store made before this revision never kept them: its positions get an empty list, which says nothing was kept, not
that nothing disagreed; `parley reanalyze --all` reads them again and fills it.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07 15:55:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('positions') as batch:
        batch.add_column(sa.Column('contested_ids', sa.JSON(), nullable=False, server_default=sa.text("'[]'")))


def downgrade() -> None:
    with op.batch_alter_table('positions') as batch:
        batch.drop_column('contested_ids')
