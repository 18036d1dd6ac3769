# The hash chain, step 3 of 3: the columns become required, the sequence unique and
# positive, and on PostgreSQL a trigger refuses every UPDATE and DELETE of a record.
# TRUNCATE is deliberately not refused: the test runner empties tables with it, and
# whoever may TRUNCATE may also drop the trigger (docs/audit.md, limits).

from django.db import migrations, models

FUNCTION = "audit_auditrecord_append_only"
TRIGGER = "audit_auditrecord_append_only"

CREATE_FUNCTION = f"""
CREATE OR REPLACE FUNCTION {FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $body$
BEGIN
    RAISE EXCEPTION 'audit records are append-only'
        USING HINT = 'Audit records are never updated or deleted (docs/audit.md).';
END;
$body$
"""

CREATE_TRIGGER = f"""
CREATE TRIGGER {TRIGGER} BEFORE UPDATE OR DELETE ON audit_auditrecord
FOR EACH ROW EXECUTE FUNCTION {FUNCTION}()
"""


def create_trigger(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return  # SQLite has no users to keep out; docs/audit.md says what protects it.
    schema_editor.execute(CREATE_FUNCTION)
    schema_editor.execute(f"DROP TRIGGER IF EXISTS {TRIGGER} ON audit_auditrecord")
    schema_editor.execute(CREATE_TRIGGER)


def drop_trigger(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP TRIGGER IF EXISTS {TRIGGER} ON audit_auditrecord")
    schema_editor.execute(f"DROP FUNCTION IF EXISTS {FUNCTION}()")


class Migration(migrations.Migration):
    dependencies = [("audit", "0003_auditrecord_chain_backfill")]

    operations = [
        migrations.AlterField(
            model_name="auditrecord",
            name="sequence",
            field=models.PositiveBigIntegerField(unique=True),
        ),
        migrations.AlterField(
            model_name="auditrecord",
            name="previous_hash",
            field=models.CharField(max_length=64),
        ),
        migrations.AlterField(
            model_name="auditrecord",
            name="record_hash",
            field=models.CharField(max_length=64),
        ),
        migrations.AddConstraint(
            model_name="auditrecord",
            constraint=models.CheckConstraint(
                condition=models.Q(sequence__gte=1), name="audit_sequence_positive"
            ),
        ),
        migrations.RunPython(create_trigger, drop_trigger),
    ]
