from django import forms
from django.utils.translation import gettext_lazy as _

from mijnduo.identity.eherkenning.constants import AssuranceLevel

from .broker import Outcome

LEVEL_CHOICES = [(level.value, level.label) for level in AssuranceLevel if level.rank >= 1]


class SimulatorChoiceForm(forms.Form):
    """What a person would do at a real broker: whom they represent and how it ends."""

    organisation = forms.ChoiceField(
        label=_("Demo organisation"),
        required=False,
        help_text=_("Choose an organisation from the demo register, or type a KvK-nummer below."),
    )
    kvk_nummer = forms.RegexField(
        label=_("KvK-nummer"),
        regex=r"^[0-9]{8}$",
        required=False,
        help_text=_("8 digits. Leave empty to use the organisation chosen above."),
        error_messages={"invalid": _("A KvK-nummer has exactly 8 digits.")},
    )
    vestigingsnummer = forms.RegexField(
        label=_("Vestigingsnummer (optional)"),
        regex=r"^[0-9]{12}$",
        required=False,
        help_text=_("12 digits, only when the login is restricted to one branch."),
        error_messages={"invalid": _("A vestigingsnummer has exactly 12 digits.")},
    )
    person = forms.CharField(
        label=_("Person"),
        initial="medewerker 1",
        max_length=50,
        help_text=_("Another name gives another person (another ActingSubjectID)."),
    )
    level = forms.ChoiceField(
        label=_("Level of assurance"), choices=LEVEL_CHOICES, initial=AssuranceLevel.EH3.value
    )
    machtiging = forms.TypedChoiceField(
        label=_("Machtiging for the service Mijn DUO"),
        choices=[("ja", _("Yes")), ("nee", _("No, for another service"))],
        initial="ja",
        coerce=lambda value: value == "ja",
        widget=forms.RadioSelect,
    )
    outcome = forms.ChoiceField(
        label=_("Outcome"),
        choices=[
            (Outcome.SUCCESS.value, _("Log in")),
            (Outcome.CANCEL.value, _("Cancel")),
            (Outcome.ERROR.value, _("Broker error")),
        ],
        initial=Outcome.SUCCESS.value,
        widget=forms.RadioSelect,
    )

    def __init__(
        self, *args: object, organisations: list[tuple[str, str]], **kwargs: object
    ) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["organisation"].choices = [("", _("(none)")), *organisations]  # type: ignore[attr-defined]
        # Screen readers read the hint (and the error, when there is one) with the field.
        for name, field in self.fields.items():
            described_by = [f"id_{name}_hint"] if field.help_text else []
            if self.is_bound and name in self.errors:
                described_by.append(f"id_{name}_error")
            if described_by:
                field.widget.attrs["aria-describedby"] = " ".join(described_by)

    def clean(self) -> dict[str, object]:
        cleaned = super().clean() or {}
        nothing_chosen = not cleaned.get("kvk_nummer") and not cleaned.get("organisation")
        if nothing_chosen and cleaned.get("outcome") == Outcome.SUCCESS.value:
            self.add_error("kvk_nummer", _("Choose a demo organisation or type a KvK-nummer."))
        return cleaned
