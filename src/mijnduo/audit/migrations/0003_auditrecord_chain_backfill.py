# The hash chain, step 2 of 3: chain the records written before it existed, in id order.
# This is the one time audit records are updated; the append-only trigger comes after.

from django.db import migrations

BATCH = 1000


def chain_existing_records(apps, schema_editor):
    from mijnduo.audit.chain import record_hash_compute
    from mijnduo.audit.models import GENESIS_HASH

    record_model = apps.get_model("audit", "AuditRecord")
    records = record_model.objects.using(schema_editor.connection.alias)
    previous_hash = GENESIS_HASH
    sequence = 0
    last_id = 0
    while True:
        # Keyset batches: constant memory however long the trail already is.
        batch = list(records.filter(id__gt=last_id).order_by("id")[:BATCH])
        if not batch:
            return
        for record in batch:
            sequence += 1
            record.sequence = sequence
            record.previous_hash = previous_hash
            # Hashed as read back from the database, which is what verification reads.
            record.record_hash = record_hash_compute(
                previous_hash=previous_hash,
                sequence=sequence,
                at=record.at,
                actor=record.actor,
                action=record.action,
                subject_type=record.subject_type,
                subject_id=record.subject_id,
                before=record.before,
                after=record.after,
            )
            previous_hash = record.record_hash
        records.bulk_update(batch, ["sequence", "previous_hash", "record_hash"])
        last_id = batch[-1].id


class Migration(migrations.Migration):
    dependencies = [("audit", "0002_auditrecord_chain_fields")]

    operations = [
        # Going back, 0002's reversal drops the columns: nothing to undo here.
        migrations.RunPython(chain_existing_records, migrations.RunPython.noop),
    ]
