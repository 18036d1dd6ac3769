"""The service desk's staff roles as auth Groups (names = StaffRole values, docs/staff.md)."""

from django.db import migrations

# Written out, not imported: a migration must keep working when the code changes.
ROLES = ["behandelaar", "tweede_beoordelaar", "functioneel_beheerder"]


def create_role_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name in ROLES:
        Group.objects.get_or_create(name=name)


def remove_role_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("identity", "0002_eherkenningidentity"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_role_groups, remove_role_groups)]
