from django.db import models
from django.db.models.functions import Upper
from django.utils import timezone

from .constants import BEHEERAUTORISATIE_CHOICES, ORGANISATIE_TYPE_CHOICES


class Organisation(models.Model):
    """An organisation with Mijn DUO Zakelijk access (form section 1)."""

    type = models.CharField(max_length=30, choices=ORGANISATIE_TYPE_CHOICES)
    type_anders = models.CharField(max_length=100, blank=True)
    kvk_nummer = models.CharField(max_length=8)
    brincode = models.CharField(max_length=4, blank=True)
    bestuursnummer = models.CharField(max_length=5, blank=True)
    gemeentecode = models.CharField(max_length=4, blank=True)
    crediteurnummer = models.CharField(max_length=20, blank=True)
    nummer_anders = models.CharField(max_length=50, blank=True)
    naam = models.CharField(max_length=200)
    straat = models.CharField(max_length=200, blank=True)
    huisnummer = models.CharField(max_length=20, blank=True)
    postcode = models.CharField(max_length=7, blank=True)
    woonplaats = models.CharField(max_length=100, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [models.Index(fields=["kvk_nummer", "type"], name="registry_org_kvk_type_idx")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kvk_nummer__regex=r"^[0-9]{8}$"),
                name="registry_org_kvk_8_digits",
            ),
        ]

    def __str__(self) -> str:
        return self.naam


class Account(models.Model):
    """A person with a Mijn DUO Zakelijk account; bound to eHerkenning at first login."""

    naam = models.CharField(max_length=200)
    email = models.CharField(max_length=254)
    eherkenning_pseudonym = models.CharField(max_length=200, null=True, blank=True, unique=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [models.Index(Upper("email"), name="registry_account_email_ci_idx")]

    def __str__(self) -> str:
        return f"account {self.pk}"


class BeheerautorisatieGrant(models.Model):
    """A beheerautorisatie an account holds for one organisation."""

    account = models.ForeignKey(Account, on_delete=models.CASCADE, related_name="grants")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="grants")
    code = models.CharField(max_length=30, choices=BEHEERAUTORISATIE_CHOICES)
    granted_at = models.DateTimeField(default=timezone.now)
    basis = models.CharField(max_length=60, help_text="The application or decision it rests on.")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["account", "organisation", "code"], name="registry_grant_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.code} for account {self.account_id} at {self.organisation_id}"


class TokenGeneratorReturn(models.Model):
    """A token generator DUO expects back by post after an account was deleted.

    Kept when the account itself is gone, so it names the serial number, the
    organisation and the application it rests on rather than the person.
    """

    serienummer = models.CharField(max_length=20)
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    basis = models.CharField(max_length=60, help_text="The application it rests on.")
    expected_at = models.DateTimeField(default=timezone.now)
    due_on = models.DateField()
    received_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["due_on", "id"]
        indexes = [models.Index(fields=["received_on", "due_on"], name="registry_token_due_idx")]

    def __str__(self) -> str:
        return f"token generator return {self.pk}"
