"""clinic: people are signed-in identities (subject, role), shares with clinicians, an access log, and
PostgreSQL row-level security policies

The policies are created here but only switched on (ENABLE + FORCE) when Haven opens the database in
clinic mode (haven.storage.row_security), so a personal deployment on PostgreSQL reads as before.

Every policy reads the owner from the transaction's ``haven.owner`` setting, which the services layer sets
(``set_config(..., true)``: it ends with the transaction, so a pooled connection never carries it on).
No policy on ``shares`` or ``access_log`` looks at another table with policies that look back at them:
PostgreSQL refuses policies that recurse.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01 19:50:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

OWNER = "current_setting('haven.owner', true)"
MY_PEOPLE = f"(SELECT id FROM people WHERE subject = {OWNER})"
REPORT_SHARED_WITH_ME = (
    "(SELECT p.id FROM people p JOIN shares s ON s.person_subject = p.subject "
    f"WHERE s.clinician_subject = {OWNER} AND s.kind = 'report' AND s.revoked_at IS NULL)"
)
CONVERSATIONS_SHARED_WITH_ME = (
    "(SELECT conversation_id FROM shares "
    f"WHERE clinician_subject = {OWNER} AND kind = 'conversation' AND revoked_at IS NULL)"
)
MY_CONVERSATIONS = f"(SELECT c.id FROM conversations c WHERE c.person_id IN {MY_PEOPLE})"

#: (table, policy, command, USING, WITH CHECK)
POLICIES = [
    ("people", "people_self", "ALL", f"subject = {OWNER}", f"subject = {OWNER}"),
    ("people", "people_clinicians", "SELECT", "role = 'clinician'", None),
    ("people", "people_sharing_with_me", "SELECT",
     f"subject IN (SELECT person_subject FROM shares WHERE clinician_subject = {OWNER} AND revoked_at IS NULL)",
     None),
    *[
        policy
        for table in ("check_ins", "assessments", "exercise_runs")
        for policy in (
            (table, f"{table}_own", "ALL", f"person_id IN {MY_PEOPLE}", f"person_id IN {MY_PEOPLE}"),
            (table, f"{table}_report_shared", "SELECT", f"person_id IN {REPORT_SHARED_WITH_ME}", None),
        )
    ],
    ("conversations", "conversations_own", "ALL", f"person_id IN {MY_PEOPLE}", f"person_id IN {MY_PEOPLE}"),
    ("conversations", "conversations_shared", "SELECT", f"id IN {CONVERSATIONS_SHARED_WITH_ME}", None),
    ("chat_turns", "chat_turns_own", "ALL", f"conversation_id IN {MY_CONVERSATIONS}",
     f"conversation_id IN {MY_CONVERSATIONS}"),
    ("chat_turns", "chat_turns_shared", "SELECT", f"conversation_id IN {CONVERSATIONS_SHARED_WITH_ME}", None),
    ("reviews", "reviews_person_reads", "SELECT", f"person_id IN {MY_PEOPLE}", None),
    ("reviews", "reviews_person_deletes", "DELETE", f"person_id IN {MY_PEOPLE}", None),
    ("reviews", "reviews_clinician", "ALL",
     f"reviewer_subject = {OWNER} AND conversation_id IN {CONVERSATIONS_SHARED_WITH_ME}",
     f"reviewer_subject = {OWNER} AND conversation_id IN {CONVERSATIONS_SHARED_WITH_ME}"),
    ("shares", "shares_person", "ALL", f"person_subject = {OWNER}", f"person_subject = {OWNER}"),
    ("shares", "shares_clinician_reads", "SELECT", f"clinician_subject = {OWNER}", None),
    ("access_log", "access_log_person_reads", "SELECT", f"person_subject = {OWNER}", None),
    ("access_log", "access_log_clinician_reads", "SELECT", f"clinician_subject = {OWNER}", None),
    ("access_log", "access_log_clinician_writes", "INSERT", None,
     f"clinician_subject = {OWNER} AND share_id IN (SELECT id FROM shares WHERE clinician_subject = {OWNER} "
     "AND revoked_at IS NULL AND person_subject = access_log.person_subject)"),
]  # fmt: skip


def upgrade() -> None:
    with op.batch_alter_table('people', schema=None) as batch_op:
        batch_op.add_column(sa.Column('subject', sa.String(length=255), nullable=True))
        batch_op.add_column(sa.Column('role', sa.String(length=16), server_default='person', nullable=False))
        batch_op.add_column(sa.Column('display_name', sa.String(length=120), server_default='', nullable=False))
        batch_op.add_column(sa.Column('email', sa.String(length=255), nullable=True))
        # A unique index, not a constraint: on SQLite a new constraint means copying the table, and dropping
        # the old copy would cascade-delete every row that points at a person.
        batch_op.create_index(batch_op.f('ix_people_subject'), ['subject'], unique=True)
        batch_op.create_index(batch_op.f('ix_people_email'), ['email'], unique=False)
    with op.batch_alter_table('reviews', schema=None) as batch_op:
        batch_op.add_column(sa.Column('reviewer_subject', sa.String(length=255), nullable=True))
        batch_op.create_foreign_key('fk_reviews_reviewer_subject', 'people', ['reviewer_subject'], ['subject'],
                                    ondelete='SET NULL')  # fmt: skip
        batch_op.create_index(batch_op.f('ix_reviews_reviewer_subject'), ['reviewer_subject'], unique=False)
    op.create_table('shares',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_subject', sa.String(length=255), nullable=False),
    sa.Column('clinician_subject', sa.String(length=255), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('conversation_id', sa.Integer(), nullable=True),
    sa.Column('options', sa.JSON(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('revoked_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['clinician_subject'], ['people.subject'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['conversation_id'], ['conversations.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['person_subject'], ['people.subject'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('shares', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_shares_clinician_subject'), ['clinician_subject'], unique=False)
        batch_op.create_index(batch_op.f('ix_shares_conversation_id'), ['conversation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_shares_person_subject'), ['person_subject'], unique=False)
    op.create_table('access_log',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('person_subject', sa.String(length=255), nullable=False),
    sa.Column('clinician_subject', sa.String(length=255), nullable=True),
    sa.Column('clinician_name', sa.String(length=120), nullable=False),
    sa.Column('share_id', sa.Integer(), nullable=True),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('what', sa.String(length=200), nullable=False),
    sa.ForeignKeyConstraint(['clinician_subject'], ['people.subject'], ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['person_subject'], ['people.subject'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['share_id'], ['shares.id'], ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('access_log', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_access_log_at'), ['at'], unique=False)
        batch_op.create_index(batch_op.f('ix_access_log_clinician_subject'), ['clinician_subject'], unique=False)
        batch_op.create_index(batch_op.f('ix_access_log_person_subject'), ['person_subject'], unique=False)
    if op.get_bind().dialect.name == 'postgresql':
        for table, name, command, using, check in POLICIES:
            sql = f"CREATE POLICY {name} ON {table} FOR {command}"
            sql += f" USING ({using})" if using else ""
            sql += f" WITH CHECK ({check})" if check else ""
            op.execute(sql)


def downgrade() -> None:
    if op.get_bind().dialect.name == 'postgresql':
        for table, name, *_ in POLICIES:
            op.execute(f"DROP POLICY IF EXISTS {name} ON {table}")
        for table in sorted({p[0] for p in POLICIES}):
            op.execute(f"ALTER TABLE {table} NO FORCE ROW LEVEL SECURITY")
            op.execute(f"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY")
    with op.batch_alter_table('access_log', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_access_log_person_subject'))
        batch_op.drop_index(batch_op.f('ix_access_log_clinician_subject'))
        batch_op.drop_index(batch_op.f('ix_access_log_at'))
    op.drop_table('access_log')
    with op.batch_alter_table('shares', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_shares_person_subject'))
        batch_op.drop_index(batch_op.f('ix_shares_conversation_id'))
        batch_op.drop_index(batch_op.f('ix_shares_clinician_subject'))
    op.drop_table('shares')
    with op.batch_alter_table('reviews', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_reviews_reviewer_subject'))
        batch_op.drop_constraint('fk_reviews_reviewer_subject', type_='foreignkey')
        batch_op.drop_column('reviewer_subject')
    with op.batch_alter_table('people', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_people_email'))
        batch_op.drop_index(batch_op.f('ix_people_subject'))
    for column in ('email', 'display_name', 'role', 'subject'):
        # A plain DROP COLUMN (SQLite 3.35+): a batch copy of people would drop the old table, and on SQLite
        # that cascades to every row pointing at a person.
        op.execute(f'ALTER TABLE people DROP COLUMN {column}')
