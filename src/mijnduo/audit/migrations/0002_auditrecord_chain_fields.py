# The hash chain (docs/audit.md), step 1 of 3: the new columns, empty for existing rows.

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_initial")]

    operations = [
        migrations.AlterModelOptions(name="auditrecord", options={"ordering": ["sequence"]}),
        migrations.AddField(
            model_name="auditrecord",
            name="sequence",
            field=models.PositiveBigIntegerField(null=True),
        ),
        migrations.AddField(
            model_name="auditrecord",
            name="previous_hash",
            field=models.CharField(max_length=64, null=True),
        ),
        migrations.AddField(
            model_name="auditrecord",
            name="record_hash",
            field=models.CharField(max_length=64, null=True),
        ),
    ]
