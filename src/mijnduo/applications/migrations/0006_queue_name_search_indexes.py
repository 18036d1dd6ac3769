# The service desk's queue at 100,000 applications (docs/performance.md, issue 5):
# deep pages of "all statuses" answered from the index alone; the open queue of one
# organisation type, or sorted by name, read without reading or sorting the rest of
# it; and on PostgreSQL a trigram index, so that a search by part of an organisation's
# name does not read every open application.

import logging

from django.conf import settings
from django.db import DatabaseError, migrations, models, transaction

logger = logging.getLogger(__name__)

TRIGRAM_INDEX = "applications_naam_trgm_idx"
OPEN_TRIGRAM_INDEX = "applications_open_naam_trgm_idx"
# As in the model's partial indexes (a migration keeps its own copy of such facts).
OPEN_STATUSES_SQL = "'ingediend', 'in_behandeling', 'aanvulling_gevraagd'"


def create_trigram_index(apps, schema_editor):
    """The expression is the one Django writes for ``organisation_naam__icontains`` on
    PostgreSQL, so the planner can use the index. pg_trgm is a trusted extension (since
    PostgreSQL 13 the database owner may create it); where it cannot be created the
    search still works, only slower, so the migration goes on and says so."""
    if schema_editor.connection.vendor != "postgresql":
        return
    try:
        with transaction.atomic(using=schema_editor.connection.alias):
            schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    except DatabaseError as error:
        logger.warning("pg_trgm could not be created (%s); name search stays unindexed", error)
        return
    expression = "USING gin (upper(organisation_naam::text) gin_trgm_ops)"
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {TRIGRAM_INDEX} ON applications_application {expression}"
    )
    # The open queue is a small part of the table: its own index finds its matches
    # without reading the decided ones (the default view of every search).
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {OPEN_TRIGRAM_INDEX} ON applications_application "
        f"{expression} WHERE status IN ({OPEN_STATUSES_SQL})"
    )


def drop_trigram_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX IF EXISTS {OPEN_TRIGRAM_INDEX}")
    schema_editor.execute(f"DROP INDEX IF EXISTS {TRIGRAM_INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("applications", "0005_open_queue_index"),
        ("identity", "0003_staff_role_groups"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name="application",
            name="applications_queue_idx",
        ),
        migrations.AddIndex(
            model_name="application",
            index=models.Index(
                fields=["submitted_at", "id", "status"], name="applications_queue_idx"
            ),
        ),
        migrations.AddIndex(
            model_name="application",
            index=models.Index(
                condition=models.Q(
                    ("status__in", ["ingediend", "in_behandeling", "aanvulling_gevraagd"])
                ),
                fields=["organisation_naam", "id"],
                name="applications_open_naam_idx",
            ),
        ),
        migrations.AddIndex(
            model_name="application",
            index=models.Index(
                condition=models.Q(
                    ("status__in", ["ingediend", "in_behandeling", "aanvulling_gevraagd"])
                ),
                fields=["organisation_type", "submitted_at", "id"],
                name="applications_open_type_idx",
            ),
        ),
        migrations.RunPython(create_trigram_index, drop_trigram_index),
    ]
