"""Ingest claims: which ingester is analysing an article, so several ingesters on one store share the work.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-06 17:40:00.000000
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('ingest_attempts', schema=None) as batch_op:
        batch_op.add_column(sa.Column('owner', sa.String(), nullable=True))
        batch_op.create_index(batch_op.f('ix_ingest_attempts_content_hash'), ['content_hash'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('ingest_attempts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_ingest_attempts_content_hash'))
        batch_op.drop_column('owner')
