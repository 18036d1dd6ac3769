from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone

from mijnduo.applications.models import Application

from .constants import CheckCode, CheckOutcome, CheckTrigger, DecisionOutcome, DecisionState


class CheckRun(models.Model):
    """One run of all automated checks on an application; the page shows the latest."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="check_runs"
    )
    ran_at = models.DateTimeField(default=timezone.now)
    trigger = models.CharField(max_length=20, choices=CheckTrigger.choices)
    all_green = models.BooleanField(default=False)

    class Meta:
        ordering = ["-ran_at", "-id"]
        indexes = [models.Index(fields=["application", "-ran_at"], name="review_run_latest_idx")]

    def __str__(self) -> str:
        return f"check run {self.pk} of {self.application_id}"


class CheckResult(models.Model):
    """One check's outcome with its evidence.

    ``findings`` is a list of {"message": key, "params": {...}}: the key names a
    sentence in review.checks.messages, rendered in the reader's language.
    """

    run = models.ForeignKey(CheckRun, on_delete=models.CASCADE, related_name="results")
    code = models.CharField(max_length=20, choices=CheckCode.choices)
    outcome = models.CharField(max_length=10, choices=CheckOutcome.choices)
    findings = models.JSONField(default=list)
    evidence = models.JSONField(default=dict)
    ran_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["run", "code"], name="review_one_result_per_check")
        ]

    def __str__(self) -> str:
        return f"{self.code}: {self.outcome}"


class Decision(models.Model):
    """A staff decision. An approval that needs four eyes waits for a second staff
    member's confirmation; the database refuses the same person confirming."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="decisions")
    outcome = models.CharField(max_length=20, choices=DecisionOutcome.choices)
    state = models.CharField(max_length=25, choices=DecisionState.choices)
    reason = models.TextField(blank=True)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="Empty when decided automatically.",
    )
    proposed_at = models.DateTimeField(default=timezone.now)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    confirmed_at = models.DateTimeField(null=True, blank=True)
    automatic = models.BooleanField(default=False)

    class Meta:
        ordering = ["proposed_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(confirmed_by__isnull=True)
                | Q(proposed_by__isnull=True)
                | ~Q(confirmed_by=F("proposed_by")),
                name="review_four_eyes_two_people",
            ),
            models.UniqueConstraint(
                fields=["application"],
                condition=Q(state="wacht_op_bevestiging"),
                name="review_one_open_proposal",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.outcome} ({self.state}) on {self.application_id}"
