"""reviews: a clinician's review of the person's conversation lives in the database, not in the library

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01 14:05:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('reviews',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('conversation_id', sa.Integer(), nullable=True),
    sa.Column('reviewer', sa.String(length=120), nullable=False),
    sa.Column('reviewed_on', sa.Date(), nullable=False),
    sa.Column('conversation_title', sa.String(length=120), nullable=False),
    sa.Column('turns', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('published_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['conversation_id'], ['conversations.id'], ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['person_id'], ['people.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('reviews', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_reviews_conversation_id'), ['conversation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_reviews_person_id'), ['person_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('reviews', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_reviews_person_id'))
        batch_op.drop_index(batch_op.f('ix_reviews_conversation_id'))
    op.drop_table('reviews')
