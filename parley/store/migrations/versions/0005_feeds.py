"""Followed feeds, sitemaps and folders (`parley follow`) and the entries their runs have settled.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-06 20:30:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('feeds',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('negotiation_id', sa.Integer(), nullable=False),
    sa.Column('url', sa.String(), nullable=False),
    sa.Column('kind', sa.String(), nullable=False),
    sa.Column('filtered', sa.Boolean(), nullable=False),
    sa.Column('etag', sa.String(), nullable=True),
    sa.Column('last_modified', sa.String(), nullable=True),
    sa.Column('added_at', sa.DateTime(), nullable=False),
    sa.Column('last_run_at', sa.DateTime(), nullable=True),
    sa.Column('last_new', sa.Integer(), nullable=False),
    sa.Column('last_entries', sa.Integer(), nullable=False),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.Column('errors', sa.Integer(), nullable=False),
    sa.Column('failures', sa.Integer(), nullable=False),
    sa.Column('next_run_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['negotiation_id'], ['negotiations.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('negotiation_id', 'url', name='uq_feeds_negotiation_url')
    )
    op.create_index('ix_feeds_negotiation_id', 'feeds', ['negotiation_id'])
    op.create_table('feed_entries',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('feed_id', sa.Integer(), nullable=False),
    sa.Column('url', sa.String(), nullable=False),
    sa.Column('state', sa.String(), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('fingerprint', sa.String(), nullable=True),
    sa.Column('error', sa.Text(), nullable=True),
    sa.Column('seen_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['feed_id'], ['feeds.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('feed_id', 'url', name='uq_feed_entries_feed_url')
    )
    op.create_index('ix_feed_entries_feed_id', 'feed_entries', ['feed_id'])


def downgrade() -> None:
    op.drop_index('ix_feed_entries_feed_id', table_name='feed_entries')
    op.drop_table('feed_entries')
    op.drop_index('ix_feeds_negotiation_id', table_name='feeds')
    op.drop_table('feeds')
