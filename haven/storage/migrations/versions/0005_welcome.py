"""welcome: what a person told Haven in the first-run welcome (their name, what they would like help with),
or that they skipped it, kept on their own row so export, import and delete carry it with everything else

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01 20:10:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('people', sa.Column('welcome', sa.JSON(), nullable=True))


def downgrade() -> None:
    # A plain DROP COLUMN (SQLite 3.35+), as in 0004: a batch copy of people would cascade-delete their rows.
    op.execute('ALTER TABLE people DROP COLUMN welcome')
