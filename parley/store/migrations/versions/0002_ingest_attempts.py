"""Ingest attempts: articles handed to the analysis and not yet settled, to isolate ones that crash it.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-30 06:59:38.043914
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('ingest_attempts',
    sa.Column('source_key', sa.String(), nullable=False),
    sa.Column('content_hash', sa.String(length=64), nullable=False),
    sa.Column('count', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('source_key', 'content_hash')
    )


def downgrade() -> None:
    op.drop_table('ingest_attempts')
