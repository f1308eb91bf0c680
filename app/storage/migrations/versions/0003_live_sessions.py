"""Live sessions: contributions counted, breaks taken, and where a running session is

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 07:50:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def _record_columns() -> list[sa.Column]:
    return [
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "contributions",
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("agenda_item_id", sa.Integer(), nullable=True),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("sent_beforehand", sa.Boolean(), nullable=False),
        *_record_columns(),
        sa.ForeignKeyConstraint(
            ["agenda_item_id"],
            ["agenda_items.id"],
            name=op.f("fk_contributions_agenda_item_id_agenda_items"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meetings.id"],
            name=op.f("fk_contributions_meeting_id_meetings"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["people.id"],
            name=op.f("fk_contributions_person_id_people"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contributions")),
        sa.UniqueConstraint("uuid", name=op.f("uq_contributions_uuid")),
    )
    with op.batch_alter_table("contributions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_contributions_agenda_item_id"), ["agenda_item_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_contributions_meeting_id"), ["meeting_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_contributions_person_id"), ["person_id"], unique=False)
    op.create_table(
        "breaks_taken",
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("planned_break_id", sa.Integer(), nullable=True),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("ended_at", sa.DateTime(), nullable=True),
        *_record_columns(),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meetings.id"],
            name=op.f("fk_breaks_taken_meeting_id_meetings"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["planned_break_id"],
            ["planned_breaks.id"],
            name=op.f("fk_breaks_taken_planned_break_id_planned_breaks"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_breaks_taken")),
        sa.UniqueConstraint("uuid", name=op.f("uq_breaks_taken_uuid")),
    )
    with op.batch_alter_table("breaks_taken", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_breaks_taken_meeting_id"), ["meeting_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_breaks_taken_planned_break_id"), ["planned_break_id"], unique=False
        )
    op.create_table(
        "live_progress",
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("current_item_id", sa.Integer(), nullable=True),
        sa.Column("item_started_at", sa.DateTime(), nullable=True),
        sa.Column("opened_at", sa.DateTime(), nullable=False),
        *_record_columns(),
        sa.ForeignKeyConstraint(
            ["current_item_id"],
            ["agenda_items.id"],
            name=op.f("fk_live_progress_current_item_id_agenda_items"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meetings.id"],
            name=op.f("fk_live_progress_meeting_id_meetings"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_live_progress")),
        sa.UniqueConstraint("meeting_id", name=op.f("uq_live_progress_meeting_id")),
        sa.UniqueConstraint("uuid", name=op.f("uq_live_progress_uuid")),
    )


def downgrade() -> None:
    op.drop_table("live_progress")
    with op.batch_alter_table("breaks_taken", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_breaks_taken_planned_break_id"))
        batch_op.drop_index(batch_op.f("ix_breaks_taken_meeting_id"))
    op.drop_table("breaks_taken")
    with op.batch_alter_table("contributions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contributions_person_id"))
        batch_op.drop_index(batch_op.f("ix_contributions_meeting_id"))
        batch_op.drop_index(batch_op.f("ix_contributions_agenda_item_id"))
    op.drop_table("contributions")
