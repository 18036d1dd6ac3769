"""Staff roles. Each is a django.contrib.auth Group with exactly the role's value as name."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class StaffRole(models.TextChoices):
    BEHANDELAAR = "behandelaar", _("case handler")
    TWEEDE_BEOORDELAAR = "tweede_beoordelaar", _("second reviewer")
    FUNCTIONEEL_BEHEERDER = "functioneel_beheerder", _("functional administrator")


# Shown as the account name in authenticator apps (the otpauth:// issuer).
TOTP_ISSUER = "Mijn DUO Beheer"

# The set-up key is shown in blocks of this many characters, easier to type over.
SECRET_BLOCK_SIZE = 4

# Usernames: lower case letters, digits, dot, hyphen, underscore; no e-mail addresses,
# so a username never doubles as contact data in logs or audit trails.
USERNAME_PATTERN = r"^[a-z0-9][a-z0-9._-]{1,49}$"
