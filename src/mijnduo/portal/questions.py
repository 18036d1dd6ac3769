"""The form's questions per page, and how posted answers become the canonical document.

Nothing here checks a rule of the form: the one validator (mijnduo.aanvraag) does
that, and its problems are shown beside the fields they name. This module only
knows which question sits on which page and how to read a posted answer as text,
yes/no or a list of codes.
"""

import copy
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from mijnduo.aanvraag.constants import Beheerautorisatie, OrganisatieType
from mijnduo.aanvraag.fields import SECTIONS, TOP_LEVEL
from mijnduo.aanvraag.validator import Problem

from . import texts

Widget = Literal["text", "email", "tel", "yesno", "radio", "checkboxes", "locked"]


@dataclass(frozen=True, slots=True)
class Question:
    path: str
    widget: Widget
    label: Promise
    hint: Promise | None = None
    autocomplete: str = "off"
    choices: tuple[tuple[str, Promise], ...] = ()
    own_max_length: int = 0  # for the few questions outside the canonical document

    @property
    def html_id(self) -> str:
        return self.path.replace(".", "-")

    @property
    def max_length(self) -> int:
        if self.own_max_length:
            return self.own_max_length
        section, _dot, key = self.path.partition(".")
        spec = SECTIONS[section][key] if key else TOP_LEVEL[section]
        return spec.max_length


@dataclass(frozen=True, slots=True)
class Step:
    slug: str
    number: str
    title: Promise
    questions: tuple[Question, ...]
    # JSON paths (or their first part) whose problems this page shows.
    owns: tuple[str, ...] = field(default=())

    def owns_problem(self, name: str) -> bool:
        return any(name == p or name.startswith(p + ".") for p in self.owns)


def _q(
    path: str, widget: Widget, label: Promise, hint: Promise | None = None, **kw: Any
) -> Question:
    return Question(path, widget, label, hint, **kw)


ORGANISATIE_STEP = Step(
    "organisatie",
    "1",
    _("Organisation"),
    (
        _q(
            "organisatie.type",
            "radio",
            _("Type of organisation"),
            choices=tuple((t.value, texts.ORGANISATIE_TYPES[t.value]) for t in OrganisatieType),
        ),
        _q("organisatie.typeAnders", "text", _("Other type of organisation, namely")),
        _q("organisatie.kvkNummer", "locked", _("KvK-nummer")),
        _q(
            "organisatie.brincode",
            "text",
            _("BRIN code (instellingscode)"),
            texts.NUMBER_HELP["brincode"],
        ),
        _q(
            "organisatie.bestuursnummer",
            "text",
            _("Bestuursnummer"),
            texts.NUMBER_HELP["bestuursnummer"],
        ),
        _q(
            "organisatie.gemeentecode", "text", _("Gemeentecode"), texts.NUMBER_HELP["gemeentecode"]
        ),
        _q(
            "organisatie.crediteurnummer",
            "text",
            _("Crediteurnummer"),
            texts.NUMBER_HELP["crediteurnummer"],
        ),
        _q(
            "organisatie.nummerAnders",
            "text",
            _("Other number, namely"),
            texts.NUMBER_HELP["nummerAnders"],
        ),
        _q(
            "organisatie.naam",
            "text",
            _("Name of the (educational) institution"),
            autocomplete="organization",
        ),
        _q("organisatie.straat", "text", _("Street"), autocomplete="address-line1"),
        _q("organisatie.huisnummer", "text", _("House number"), _("For example 12, 12a or 12-2.")),
        _q(
            "organisatie.postcode",
            "text",
            _("Postcode"),
            _("For example 9700 VB."),
            autocomplete="postal-code",
        ),
        _q("organisatie.woonplaats", "text", _("Town"), autocomplete="address-level2"),
    ),
    owns=("organisatie",),
)

BEHEERDER_STEP = Step(
    "beheerder",
    "2",
    _("Beheerder"),
    (
        _q(
            "beheerder.naam",
            "text",
            _("Name of the beheerder"),
            _(
                "The person you name as beheerder. Within your organisation the beheerder "
                "authorises other users of Mijn DUO Zakelijk and decides what they may do."
            ),
        ),
        _q("beheerder.functie", "text", _("Function")),
        _q(
            "beheerder.telefoon",
            "tel",
            _("Telephone"),
            _("For example 050 599 8440."),
            autocomplete="tel",
        ),
        _q(
            "beheerder.email",
            "email",
            _("E-mail"),
            _("Only used for e-mail about Mijn DUO Zakelijk."),
            autocomplete="email",
        ),
        _q(
            "beheerder.heeftMijnDuoZakelijkAccount",
            "yesno",
            _("Does the beheerder already have a Mijn DUO Zakelijk account?"),
        ),
        _q(
            "beheerder.heeftEherkenningNiveau3",
            "yesno",
            _(
                "Does the beheerder already have an eHerkenning means at level 3 "
                "for the service “Mijn DUO”?"
            ),
            _(
                "Beheerders and users need an eHerkenning means of at least level 3 with a "
                "machtiging for the service Mijn DUO. Your organisation buys it. Only send the "
                "form once the beheerder has it. See eherkenning.nl/aanvragen."
            ),
        ),
    ),
    owns=("beheerder",),
)

AUTORISATIES_STEP = Step(
    "autorisaties",
    "3",
    _("Beheerautorisaties"),
    (
        _q(
            "intrekking.intrekken",
            "radio",
            _("What do you want?"),
            choices=(
                ("nee", _("Choose beheerautorisaties (new beheerder or a change)")),
                ("ja", _("I want to revoke my beheer account")),
            ),
        ),
        _q(
            "beheerautorisaties",
            "checkboxes",
            _("Choose the beheerautorisaties you want for Mijn DUO Zakelijk"),
            _("For a change, tick the whole set you want: what you untick is removed."),
            choices=tuple(
                (b.value, texts.BEHEERAUTORISATIES[b.value][0]) for b in Beheerautorisatie
            ),
        ),
        _q("beheerautorisatieAnders", "text", _("Other beheerautorisatie, namely")),
        _q(
            "intrekking.blijftGebruiker",
            "yesno",
            _("Do you want to keep using your account as a user?"),
        ),
        _q(
            "intrekking.serienummerTokengenerator",
            "text",
            _("Serial number of the token generator"),
            _("Only if you have a token generator. 4 to 20 letters or digits."),
        ),
    ),
    owns=("beheerautorisaties", "beheerautorisatieAnders", "intrekking"),
)

ONDERTEKENING_STEP = Step(
    "ondertekening",
    "5",
    _("Signing by the bevoegd gezag"),
    (
        _q("ondertekening.naam", "text", _("Name of the signatory"), autocomplete="name"),
        _q(
            "ondertekening.functie",
            "text",
            _("Function of the signatory"),
            _(
                "Only board members of the overarching (educational) foundation, as registered "
                "in the KvK Handelsregister, may sign. For a municipality: the "
                "gemeentesecretaris, the burgemeester or a wethouder; a mandate made by the "
                "municipality itself is not accepted."
            ),
        ),
        _q("ondertekening.email", "email", _("E-mail of the signatory"), autocomplete="email"),
        _q("ondertekening.plaats", "text", _("Place of signing"), autocomplete="address-level2"),
    ),
    owns=("ondertekening",),
)

STEPS: tuple[Step, ...] = (ORGANISATIE_STEP, BEHEERDER_STEP, AUTORISATIES_STEP, ONDERTEKENING_STEP)
STEP_BY_SLUG = {step.slug: step for step in STEPS}

# The applicant's own e-mail, for the confirmation: not part of the paper form.
APPLICANT_EMAIL = Question(
    "aanvrager.email",
    "email",
    _("Your e-mail address"),
    _("We send the confirmation and the filled-in form here."),
    autocomplete="email",
    own_max_length=254,
)


def step_after(step: Step) -> Step | None:
    index = STEPS.index(step)
    return STEPS[index + 1] if index + 1 < len(STEPS) else None


def step_before(step: Step) -> Step | None:
    index = STEPS.index(step)
    return STEPS[index - 1] if index > 0 else None


def step_for_problem(name: str) -> Step | None:
    for step in STEPS:
        if step.owns_problem(name):
            return step
    return None


def _get(document: Mapping[str, Any], path: str) -> Any:
    section, _dot, key = path.partition(".")
    if not key:
        return document.get(section)
    holder = document.get(section)
    return holder.get(key) if isinstance(holder, Mapping) else None


def _set(document: dict[str, Any], path: str, value: Any) -> None:
    section, _dot, key = path.partition(".")
    if not key:
        document[section] = value
        return
    holder = document.get(section)
    if not isinstance(holder, dict):
        holder = document[section] = {}
    holder[key] = value


def _read_answer(question: Question, posted: Any) -> Any:
    if question.widget == "checkboxes":
        return [str(v) for v in posted.getlist(question.path)]
    raw = posted.get(question.path)
    if question.widget == "yesno" or question.path == "intrekking.intrekken":
        return {"ja": True, "nee": False}.get(raw or "")
    return "" if raw is None else str(raw)


def apply_answers(
    document: Mapping[str, Any], step: Step, posted: Any, kvk_nummer: str
) -> dict[str, Any]:
    """A copy of the draft with this page's posted answers in it.

    The KvK-nummer always comes from the eHerkenning login, never from the page.
    Choosing to revoke clears the beheerautorisaties, as the page says.
    """
    updated = copy.deepcopy(dict(document))
    for question in step.questions:
        if question.widget == "locked":
            continue
        _set(updated, question.path, _read_answer(question, posted))
    _set(updated, "organisatie.kvkNummer", kvk_nummer)
    if step is AUTORISATIES_STEP and _get(updated, "intrekking.intrekken") is True:
        updated["beheerautorisaties"] = []
        updated["beheerautorisatieAnders"] = ""
    return updated


@dataclass(frozen=True, slots=True)
class BoundQuestion:
    """A question with the answer given so far and the validator's problems on it."""

    question: Question
    value: Any
    problems: tuple[Problem, ...]

    @property
    def html_id(self) -> str:
        return self.question.html_id

    @property
    def checked(self) -> str:
        """The yes/no answer as the radio value ("ja", "nee" or "")."""
        return {True: "ja", False: "nee"}.get(self.value, "")

    @property
    def selected(self) -> frozenset[str]:
        return frozenset(self.value) if isinstance(self.value, list) else frozenset()


def bind(
    questions: Sequence[Question], document: Mapping[str, Any], problems: Sequence[Problem]
) -> dict[str, BoundQuestion]:
    """Bound questions by their html id, for the templates."""
    bound = {}
    for question in questions:
        own = tuple(p for p in problems if p.name == question.path)
        bound[question.html_id.replace("-", "_")] = BoundQuestion(
            question, _get(document, question.path), own
        )
    return bound


@dataclass(frozen=True, slots=True)
class ShownProblem:
    """A problem as the error summary shows it: its message and the field it links to."""

    reason: Promise | str
    html_id: str
    step: Step | None


def shown(problems: Sequence[Problem]) -> list[ShownProblem]:
    return [
        ShownProblem(p.reason, p.name.replace(".", "-"), step_for_problem(p.name)) for p in problems
    ]
