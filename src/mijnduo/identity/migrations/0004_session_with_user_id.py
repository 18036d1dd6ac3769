"""Sessions with the logged-in user's id beside their data, read with the user in one
statement (identity/sessions.py). Sessions in Django's own table are not carried over:
who was logged in logs in again."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("identity", "0003_staff_role_groups"),
    ]

    operations = [
        migrations.CreateModel(
            name="Session",
            fields=[
                (
                    "session_key",
                    models.CharField(
                        max_length=40, primary_key=True, serialize=False, verbose_name="session key"
                    ),
                ),
                ("session_data", models.TextField(verbose_name="session data")),
                ("expire_date", models.DateTimeField(db_index=True, verbose_name="expire date")),
                ("user_id", models.IntegerField(blank=True, null=True)),
            ],
            options={
                "verbose_name": "session",
                "db_table": "identity_session",
            },
        ),
    ]
