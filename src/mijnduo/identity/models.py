from django.contrib.sessions.backends.base import SessionBase
from django.contrib.sessions.base_session import AbstractBaseSession
from django.db import models
from django.utils import timezone


class ApiClient(models.Model):
    """A system that uses the JSON API. Only a hash of its key is stored."""

    name = models.CharField(max_length=100, unique=True)
    key_hash = models.CharField(max_length=64, unique=True)
    key_prefix = models.CharField(max_length=12, help_text="Shown to tell keys apart; not secret.")
    created_at = models.DateTimeField(default=timezone.now)
    revoked_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return self.name

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None


class EherkenningIdentity(models.Model):
    """A person acting for an organisation, as eHerkenning identifies them.

    Bound to (KvK-nummer or RSIN, ActingSubjectID pseudonym). The pseudonym is
    specific to this service provider and organisation, so it is not a personal
    number usable elsewhere; no name, birth date or e-mail is stored here.
    """

    user = models.OneToOneField(
        "auth.User", on_delete=models.CASCADE, related_name="eherkenning_identity"
    )
    kvk_nummer = models.CharField(max_length=8, blank=True)
    rsin = models.CharField(max_length=9, blank=True)
    pseudonym = models.CharField(max_length=255)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["kvk_nummer", "rsin", "pseudonym"], name="identity_eh_subject_unique"
            ),
            models.CheckConstraint(
                condition=~models.Q(kvk_nummer="", rsin=""), name="identity_eh_has_organisation"
            ),
        ]

    def __str__(self) -> str:
        return f"eHerkenning identity {self.pk}"


class Session(AbstractBaseSession):
    """Django's database session, with the logged-in user's id in a column of its own.

    The session store (identity/sessions.py) reads a session and its user in one
    statement: every logged-in page needs both, and two reads cost a round trip, a
    cursor and a send to the server more (docs/performance.md, issue 4). The id is
    written from the session's data whenever the session is saved; the data stay what
    Django's authentication reads and checks.
    """

    user_id = models.IntegerField(null=True, blank=True)

    class Meta:
        db_table = "identity_session"
        verbose_name = "session"

    @classmethod
    def get_session_store_class(cls) -> type[SessionBase]:
        from .sessions import SessionStore

        return SessionStore
