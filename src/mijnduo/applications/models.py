from django.conf import settings
from django.db import models
from django.utils import timezone

from mijnduo.identity.models import ApiClient

from .constants import OPEN_STATUSES, Channel, KindChoices, Status

# The open queue's partial indexes, as plain strings (what the migrations hold).
_OPEN = [status.value for status in OPEN_STATUSES]


class Application(models.Model):
    """A submitted form (aanvraag): the document as sent, its normalised form and its state."""

    reference = models.CharField(max_length=13, unique=True)
    status = models.CharField(max_length=30, choices=Status.choices)
    kind = models.CharField(max_length=20, choices=KindChoices.choices)
    channel = models.CharField(max_length=10, choices=Channel.choices)
    submitted_document = models.JSONField(help_text="The document exactly as received.")
    document = models.JSONField(help_text="The normalised document (form.md §2 R5).")
    added = models.JSONField(default=list, blank=True, help_text="Wijziging: codes to grant.")
    removed = models.JSONField(
        default=list, blank=True, help_text="Wijziging/intrekking: to remove."
    )
    api_client = models.ForeignKey(
        ApiClient, null=True, blank=True, on_delete=models.PROTECT, related_name="applications"
    )
    # Portal: the person who filled it in and the KvK-nummer of their eHerkenning
    # login. Only that person, logged in for that KvK-nummer, sees or edits it.
    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="portal_applications",
    )
    organisation_kvk = models.CharField(max_length=8, blank=True)
    applicant_email = models.CharField(
        max_length=254, blank=True, help_text="Portal: where the confirmation and status go."
    )
    language = models.CharField(max_length=8, default="nl", help_text="The applicant's language.")
    applicant_level = models.CharField(
        max_length=10, blank=True, help_text="Portal: eHerkenning level of the applicant's login."
    )
    # Copied from the normalised document when it is submitted, so the service desk's
    # queue filters, searches and sorts on indexed columns instead of inside JSON.
    organisation_type = models.CharField(max_length=30, blank=True)
    organisation_naam = models.CharField(max_length=200, blank=True)
    kvk_nummer = models.CharField(max_length=8, blank=True)
    brincode = models.CharField(max_length=4, blank=True)
    bestuursnummer = models.CharField(max_length=5, blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_applications",
        help_text="The service-desk staff member handling it.",
    )
    idempotency_key = models.CharField(max_length=255, blank=True)
    request_fingerprint = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [
            models.Index(
                fields=["applicant", "organisation_kvk", "-updated_at"],
                name="applications_portal_list_idx",
            ),
            models.Index(fields=["status", "updated_at"], name="applications_status_age_idx"),
            # The service desk's queue: oldest first, per status, and the searches.
            # With the status, deep pages of "all statuses" skip thousands of entries
            # without reading the table (an index-only scan).
            models.Index(fields=["submitted_at", "id", "status"], name="applications_queue_idx"),
            models.Index(
                fields=["status", "submitted_at", "id"], name="applications_queue_status_idx"
            ),
            # The service desk's default view (open applications, oldest first) and its
            # counts: the open ones are a small, moving part of a table that only grows.
            models.Index(
                fields=["submitted_at", "id"],
                condition=models.Q(status__in=_OPEN),
                name="applications_open_queue_idx",
            ),
            # The open queue of one organisation type (5–60% of it), oldest first.
            models.Index(
                fields=["organisation_type", "submitted_at", "id"],
                condition=models.Q(status__in=_OPEN),
                name="applications_open_type_idx",
            ),
            # The open queue sorted by organisation name: 25 index entries, not a sort.
            models.Index(
                fields=["organisation_naam", "id"],
                condition=models.Q(status__in=_OPEN),
                name="applications_open_naam_idx",
            ),
            models.Index(fields=["kvk_nummer"], name="applications_kvk_idx"),
            models.Index(fields=["brincode"], name="applications_brincode_idx"),
            models.Index(fields=["bestuursnummer"], name="applications_bestuursnr_idx"),
            models.Index(fields=["assigned_to", "status"], name="applications_assigned_idx"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["api_client", "idempotency_key"],
                condition=~models.Q(idempotency_key=""),
                name="applications_idempotency_unique",
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=Status.values), name="applications_status_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(kind__in=KindChoices.values), name="applications_kind_valid"
            ),
        ]

    def __str__(self) -> str:
        return self.reference


class StatusChange(models.Model):
    """One step in an application's status history: who, when, from, to, why."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="history")
    at = models.DateTimeField(default=timezone.now)
    actor = models.CharField(max_length=120)
    from_status = models.CharField(max_length=30, choices=Status.choices, blank=True)
    to_status = models.CharField(max_length=30, choices=Status.choices)
    reason = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.application_id}: {self.from_status or '-'} → {self.to_status}"


class SignatureRecord(models.Model):
    """Section 5 signed digitally: who signed, when, and with which eHerkenning login."""

    application = models.OneToOneField(
        Application, on_delete=models.CASCADE, related_name="signature"
    )
    naam = models.CharField(max_length=200)
    functie = models.CharField(max_length=100)
    signed_at = models.DateTimeField(default=timezone.now)
    level = models.CharField(max_length=10, help_text="eHerkenning level of the signing login.")
    kvk_nummer = models.CharField(max_length=8)
    signer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="signatures"
    )
    by_applicant = models.BooleanField(help_text="Signed in place by the applicant.")

    def __str__(self) -> str:
        return f"signature of {self.application_id}"


class SigningRequest(models.Model):
    """A single-use, expiring link sent to the signatory (bevoegd gezag).

    Only a hash of the token is stored: the database alone cannot produce a link.
    """

    class Outcome(models.TextChoices):
        OPEN = "", "open"
        SIGNED = "ondertekend", "signed"
        DECLINED = "geweigerd", "declined"
        CANCELLED = "vervallen", "cancelled"

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="signing_requests"
    )
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    outcome = models.CharField(max_length=20, choices=Outcome.choices, blank=True)
    decline_reason = models.TextField(blank=True)

    def __str__(self) -> str:
        return f"signing request {self.pk} for {self.application_id}"


class ApplicationFile(models.Model):
    """The filled-in form as PDF (once per application) or an attachment (R17).

    Stored in the database, in the same transaction as the change it belongs to, so
    an application and its files are backed up and restored together (ADR 5).
    """

    class Purpose(models.TextChoices):
        PDF = "pdf", "PDF"
        BIJLAGE = "bijlage", "attachment"
        SCAN = "scan", "scan of a paper form"

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="files")
    purpose = models.CharField(max_length=10, choices=Purpose.choices)
    naam = models.CharField(max_length=60)
    content_type = models.CharField(max_length=40)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    content = models.BinaryField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["application"],
                condition=models.Q(purpose="pdf"),
                name="applications_one_pdf_per_application",
            )
        ]

    def __str__(self) -> str:
        return f"{self.purpose} {self.pk} of {self.application_id}"
