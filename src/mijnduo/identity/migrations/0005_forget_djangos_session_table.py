"""Empty Django's own session table, which identity.Session replaced (0004).

Its rows would stay for good: nothing reads or clears them any more (clearsessions
follows SESSION_ENGINE to identity_session), and they hold what a session holds: a
user id and the eHerkenning login's KvK-nummer, RSIN and level. Who was logged in
when this ran logs in again.
"""

from django.db import migrations


def forget_sessions(apps, schema_editor):
    apps.get_model("sessions", "Session").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("identity", "0004_session_with_user_id"),
        ("sessions", "0001_initial"),
    ]

    operations = [migrations.RunPython(forget_sessions, migrations.RunPython.noop)]
