"""Negotiations: every analysis belongs to one negotiation (with the dossier version and parley version it came
from); analysts' corrections are kept apart from the machine's readings.

An existing store never recorded which dossier its articles were read with. Each analysed article goes to the
`world` negotiation when every issue it names is one of the generic taxonomy's, else to `imported` (read with a
dossier this store did not keep: `parley reanalyze --negotiation imported --dossier FILE` attaches one). Their
analyses are marked as made by an unknown parley version, so the dashboard shows them as stale.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-06 17:40:00
"""
from __future__ import annotations

import datetime as dt
from importlib import resources

import sqlalchemy as sa
import yaml
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

CHILDREN = ('statements', 'quotes', 'people', 'positions')
UNKNOWN_VERSION = 'unknown'


def upgrade() -> None:
    op.create_table('negotiations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('name')
    )
    op.create_table('dossier_versions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('negotiation_id', sa.Integer(), nullable=False),
    sa.Column('content_hash', sa.String(length=64), nullable=False),
    sa.Column('name', sa.String(), nullable=True),
    sa.Column('path', sa.String(), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['negotiation_id'], ['negotiations.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('negotiation_id', 'content_hash', name='uq_dossier_versions_content')
    )
    op.create_index('ix_dossier_versions_negotiation_id', 'dossier_versions', ['negotiation_id'])
    op.create_table('analyses',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('negotiation_id', sa.Integer(), nullable=False),
    sa.Column('dossier_version_id', sa.Integer(), nullable=True),
    sa.Column('parley_version', sa.String(), nullable=False),
    sa.Column('summary', sa.Text(), nullable=True),
    sa.Column('analysed_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['negotiation_id'], ['negotiations.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['dossier_version_id'], ['dossier_versions.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('article_id', 'negotiation_id', name='uq_analyses_article_negotiation')
    )
    op.create_index('ix_analyses_article_id', 'analyses', ['article_id'])
    op.create_index('ix_analyses_negotiation_id', 'analyses', ['negotiation_id'])
    op.create_table('corrections',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('negotiation_id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=True),
    sa.Column('end', sa.Integer(), nullable=True),
    sa.Column('kind', sa.String(), nullable=False),
    sa.Column('actor', sa.String(), nullable=True),
    sa.Column('issue', sa.String(), nullable=True),
    sa.Column('stance', sa.String(), nullable=True),
    sa.Column('condition', sa.Text(), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('analyst', sa.String(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['negotiation_id'], ['negotiations.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_corrections_negotiation_id', 'corrections', ['negotiation_id'])
    op.create_index('ix_corrections_article_id', 'corrections', ['article_id'])
    for table in CHILDREN:
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column('negotiation_id', sa.Integer(), nullable=True))
    with op.batch_alter_table('positions') as batch:
        batch.add_column(sa.Column('corrected', sa.Boolean(), nullable=False, server_default=sa.false()))
    _move_rows(op.get_bind())
    for table in CHILDREN:
        with op.batch_alter_table(table) as batch:
            batch.alter_column('negotiation_id', existing_type=sa.Integer(), nullable=False)
            batch.create_foreign_key(f'fk_{table}_negotiation_id', 'negotiations', ['negotiation_id'], ['id'],
                                     ondelete='CASCADE')
            batch.create_index(f'ix_{table}_negotiation_id', ['negotiation_id'])
            if table == 'statements':
                batch.drop_constraint('uq_statements_article_index', type_='unique')
                batch.create_unique_constraint('uq_statements_article_index',
                                               ['article_id', 'negotiation_id', 'index'])
            if table == 'positions':
                batch.create_index('ix_positions_negotiation_actor_issue_date',
                                   ['negotiation_id', 'actor', 'issue', 'date'])


def _taxonomy() -> set[str]:
    text = resources.files('parley').joinpath('data/lexicon/taxonomy.yaml').read_text('utf-8')
    return {issue['id'] for issue in yaml.safe_load(text)}


def _move_rows(bind: sa.Connection) -> None:
    """Every stored article into `world` or `imported` (see the module's docstring), its rows with it."""
    articles = sa.table('articles', sa.column('id'), sa.column('duplicate_of'), sa.column('summary'))
    rows = bind.execute(sa.select(articles.c.id, articles.c.duplicate_of, articles.c.summary)).all()
    if not rows:
        return
    issues: dict[int, set[str]] = {}
    for table in ('statements', 'positions'):
        child = sa.table(table, sa.column('article_id'), sa.column('issue'))
        for article_id, issue in bind.execute(sa.select(child.c.article_id, child.c.issue).distinct()):
            if issue:
                issues.setdefault(article_id, set()).add(issue)
    generic = _taxonomy()
    home = {r.id: ('world' if issues.get(r.id, set()) <= generic else 'imported') for r in rows
            if r.duplicate_of is None}
    for r in rows:
        if r.duplicate_of is not None:
            home[r.id] = home.get(r.duplicate_of, 'world')
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    negotiations = sa.table('negotiations', sa.column('id'), sa.column('name'), sa.column('created_at', sa.DateTime()))
    ids = {}
    for name in sorted(set(home.values())):
        ids[name] = bind.execute(negotiations.insert().values(name=name, created_at=now)
                                 .returning(negotiations.c.id)).scalar_one()
    analyses = sa.table('analyses', sa.column('article_id'), sa.column('negotiation_id'),
                        sa.column('dossier_version_id'), sa.column('parley_version'), sa.column('summary'),
                        sa.column('analysed_at', sa.DateTime()))
    bind.execute(analyses.insert(), [{'article_id': r.id, 'negotiation_id': ids[home[r.id]],
                                      'dossier_version_id': None, 'parley_version': UNKNOWN_VERSION,
                                      'summary': r.summary, 'analysed_at': now} for r in rows])
    for name, negotiation_id in ids.items():
        members = [article_id for article_id, where in home.items() if where == name]
        for table in CHILDREN:
            child = sa.table(table, sa.column('article_id'), sa.column('negotiation_id'))
            for start in range(0, len(members), 500):
                bind.execute(child.update().where(child.c.article_id.in_(members[start:start + 500]))
                             .values(negotiation_id=negotiation_id))


def downgrade() -> None:
    """Back to one pool of analyses: only the first negotiation's reading of each article is kept."""
    bind = op.get_bind()
    for table in CHILDREN:
        child = sa.table(table, sa.column('article_id'), sa.column('negotiation_id'))
        first = (sa.select(sa.func.min(sa.column('negotiation_id'))).select_from(sa.table('analyses'))
                 .where(sa.column('article_id') == child.c.article_id).scalar_subquery())
        bind.execute(child.delete().where(child.c.negotiation_id != first))
    for table in reversed(CHILDREN):
        with op.batch_alter_table(table) as batch:
            if table == 'statements':
                batch.drop_constraint('uq_statements_article_index', type_='unique')
                batch.create_unique_constraint('uq_statements_article_index', ['article_id', 'index'])
            if table == 'positions':
                batch.drop_index('ix_positions_negotiation_actor_issue_date')
                batch.drop_column('corrected')
            batch.drop_index(f'ix_{table}_negotiation_id')
            batch.drop_constraint(f'fk_{table}_negotiation_id', type_='foreignkey')
            batch.drop_column('negotiation_id')
    for table in ('corrections', 'analyses', 'dossier_versions', 'negotiations'):
        op.drop_table(table)
