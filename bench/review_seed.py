"""The data of the service-desk benchmark (bench/review_load.py), made fast.

Runs in the benchmark's child process with Django set up (every Django import is inside
a function, so that the parent process needs no settings). 100,000 applications are
built in memory from a few validated parts and bulk-inserted with their status history;
audit records are appended to the hash chain in one pass, each hashed exactly as
``mijnduo.audit.services.audit_record`` would, so that ``mijnduo auditverify`` passes.
"""

from __future__ import annotations

import copy
import random
import sys
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from api_load import SetupError
from corpus import load_schools

ROOT = Path(__file__).resolve().parent.parent

# The mix of the seeded data. Open applications are recent, closed ones of any age.
STATUSES = {
    "ingediend": 0.07,
    "in_behandeling": 0.05,
    "aanvulling_gevraagd": 0.02,
    "goedgekeurd": 0.65,
    "afgewezen": 0.12,
    "ingetrokken": 0.08,
    "concept": 0.007,  # drafts and unsigned forms: in the table, not in the queue
    "wacht_op_ondertekening": 0.003,
}
OPEN = {"ingediend", "in_behandeling", "aanvulling_gevraagd"}
HISTORY = {  # the status path of each status (form.md §4)
    "concept": [],
    "wacht_op_ondertekening": [],
    "ingediend": ["ingediend"],
    "in_behandeling": ["ingediend", "in_behandeling"],
    "aanvulling_gevraagd": ["ingediend", "in_behandeling", "aanvulling_gevraagd"],
    "goedgekeurd": ["ingediend", "in_behandeling", "goedgekeurd"],
    "afgewezen": ["ingediend", "in_behandeling", "afgewezen"],
    "ingetrokken": ["ingediend", "ingetrokken"],
}
TYPES = {
    "onderwijsinstelling": 0.60,
    "bestuur": 0.20,
    "gemeente": 0.10,
    "deurwaarder": 0.05,
    "anders": 0.05,
}
KINDS = {"aanmelding": 0.55, "wijziging": 0.35, "intrekking": 0.10}
CHANNELS = {"api": 0.70, "portaal": 0.25, "post": 0.05}
ORGANISATIONS = 8000
OTHER_STAFF = 4  # staff members who handle applications but send no requests here
DAY = timedelta(days=1)

# --- the data (runs in the child process, Django set up) -------------------------------


def _pick(rng: random.Random, weights: dict[str, float], k: int) -> list[str]:
    return rng.choices(list(weights), list(weights.values()), k=k)


def _template(kind_of_org: str) -> dict[str, Any]:
    """A valid aanmelding for an organisation of this type (its organisatie replaced):
    the tests' valid document, with authorisations and a signatory that fit the type."""
    sys.path.insert(0, str(ROOT / "tests"))  # as the root conftest does for the tests
    from sample_documents import VALID_DOCUMENT

    codes = {
        "onderwijsinstelling": ["po", "rio_algemeen"],
        "bestuur": ["po", "bekostiging_opleidingen"],
        "gemeente": ["gemeente"],
    }.get(kind_of_org, ["anders"])
    document = copy.deepcopy(VALID_DOCUMENT)
    document["beheerautorisaties"] = codes
    if codes == ["anders"]:
        document["beheerautorisatieAnders"] = "Inzage beslagleggingen"
    if kind_of_org == "gemeente":  # R15
        document["ondertekening"]["functie"] = "Wethouder onderwijs"
    document["ondertekening"]["datum"] = (datetime.now().date() - 3 * DAY).isoformat()
    return document


def _organisations(rng: random.Random, count: int) -> list[dict[str, Any]]:
    """``count`` raw organisatie sections of every type, from the DUO school file."""
    schools = load_schools()
    rng.shuffle(schools)
    organisations = []
    for i, (school, kind_of_org) in enumerate(zip(
        (schools[i % len(schools)] for i in range(count)), _pick(rng, TYPES, count), strict=True
    )):  # fmt: skip
        base = {
            "type": kind_of_org,
            "kvkNummer": f"{rng.randrange(10**7, 10**8)}",
            "straat": school.straat,
            "huisnummer": school.huisnummer,
            "postcode": school.postcode,
            "woonplaats": school.plaats,
        }
        if kind_of_org == "onderwijsinstelling":
            base |= {"brincode": school.brincode, "bestuursnummer": school.bestuursnummer}
            base["naam"] = school.naam
        elif kind_of_org == "bestuur":
            base |= {"bestuursnummer": school.bestuursnummer, "naam": f"Stichting {school.naam}"}
        elif kind_of_org == "gemeente":
            base |= {"gemeentecode": school.gemeentecode, "naam": f"Gemeente {school.gemeentenaam}"}
        elif kind_of_org == "deurwaarder":
            base |= {
                "crediteurnummer": f"CR{i:06d}",
                "naam": f"Deurwaarderskantoor {school.plaats}",
            }
        else:
            base |= {
                "typeAnders": "Kinderopvang",
                "nummerAnders": f"LRK{i:07d}",
                "naam": f"Kinderopvang {school.naam}",
            }
        organisations.append(base)
    return organisations


@dataclass(frozen=True, slots=True)
class Template:
    raw: dict[str, Any]
    normalised: dict[str, Any]
    added: list[str]
    removed: list[str]


def _validated(document: dict[str, Any], held: frozenset[str]) -> Any:
    from mijnduo.aanvraag.validator import validate

    result = validate(document, held_lookup=lambda organisatie, email: held)
    if not result.is_valid:
        raise SetupError(f"not a valid document: {result.problems}")
    return result


def _templates(organisations: list[dict[str, Any]]) -> dict[tuple[str, str], Template]:
    """One validated document per organisation type and kind."""
    templates = {}
    for kind_of_org in TYPES:
        example = next(o for o in organisations if o["type"] == kind_of_org)
        for kind in KINDS:
            raw = {**_template(kind_of_org), "organisatie": example}
            held = frozenset(raw["beheerautorisaties"])
            if kind == "aanmelding":
                held = frozenset()
            elif kind == "wijziging":
                held = frozenset({"owp"})
            else:
                raw = {
                    **raw,
                    "beheerautorisaties": [],
                    "intrekking": {"intrekken": True, "blijftGebruiker": False},
                }
                raw.pop("beheerautorisatieAnders", None)
            result = _validated(raw, held)
            if result.kind.value != kind:
                raise SetupError(f"{kind_of_org}/{kind}: the validator says {result.kind}")
            change = result.change_set
            templates[kind_of_org, kind] = Template(
                raw,
                result.document,
                list(change.added) if change else [],
                list(change.removed) if change else [],
            )
    return templates


def _normalised_organisations(raw: list[dict[str, Any]]) -> list[tuple[dict[str, Any], ...]]:
    """(raw, normalised) organisatie per organisation: each validated once."""
    return [
        (organisatie, _validated({**_template(organisatie["type"]), "organisatie": organisatie},
                                 frozenset()).document["organisatie"])
        for organisatie in raw
    ]  # fmt: skip


def seed_applications(rng: random.Random, count: int, staff_ids: list[int]) -> list[Any]:
    """Bulk-insert ``count`` applications and their status history; returns them."""
    from django.utils import timezone

    from mijnduo.applications.models import Application, StatusChange
    from mijnduo.applications.services import queue_fields

    organisations = _normalised_organisations(_organisations(rng, ORGANISATIONS))
    templates = _templates([raw for raw, _normalised in organisations])
    now = timezone.now()
    references: set[str] = set()
    while len(references) < count:
        digits = "".join(rng.choices("0123456789ABCDEFGHJKMNPQRSTVWXYZ", k=8))
        references.add(f"MDZ-{digits[:4]}-{digits[4:]}")
    applications = []
    shuffled = sorted(references)
    rng.shuffle(shuffled)
    for reference, status, kind, channel in zip(
        shuffled,
        _pick(rng, STATUSES, count), _pick(rng, KINDS, count), _pick(rng, CHANNELS, count),
        strict=True,
    ):  # fmt: skip
        raw_org, organisatie = rng.choice(organisations)
        template = templates[raw_org["type"], kind]
        if status in OPEN:  # mostly the last two months; a tail of forgotten ones
            age = rng.uniform(0, 60) if rng.random() < 0.9 else rng.uniform(60, 400)
        else:
            age = rng.uniform(0, 730)
        submitted = now - age * DAY
        updated = min(now, submitted + rng.uniform(0.05, min(age, 20.0)) * DAY)
        decided = updated if status in {"goedgekeurd", "afgewezen"} else None
        handled = status not in {"ingediend", "concept", "wacht_op_ondertekening"}
        document = {**template.normalised, "organisatie": organisatie}
        applications.append(
            Application(
                reference=reference,
                status=status,
                kind=kind,
                channel=channel,
                submitted_document={**template.raw, "organisatie": raw_org},
                document=document,
                added=template.added,
                removed=template.removed,
                submitted_at=None if not HISTORY[status] else submitted,
                decided_at=decided,
                assigned_to_id=rng.choice(staff_ids) if handled and rng.random() < 0.9 else None,
                created_at=submitted - rng.uniform(0.001, 2) * DAY,
                updated_at=updated if handled else submitted,
                **(queue_fields(document) if HISTORY[status] else {}),
            )
        )
    # In the order a real table grows (by creation time), so that the open, recent
    # applications are together at the end of the table as they would be, not spread
    # over every page of it.
    applications.sort(key=lambda application: application.created_at)
    Application.objects.bulk_create(applications, batch_size=5000)
    history = []
    for application in applications:
        steps = HISTORY[application.status]
        span = application.updated_at - application.submitted_at if steps else timedelta()
        for i, status in enumerate(steps):
            history.append(
                StatusChange(
                    application_id=application.pk,
                    at=application.submitted_at + span * (i / max(1, len(steps) - 1)),
                    actor="api:1" if i == 0 else f"servicedesk:{application.assigned_to_id}",
                    from_status=steps[i - 1] if i else "",
                    to_status=status,
                )
            )
    history.sort(key=lambda change: change.at)
    StatusChange.objects.bulk_create(history, batch_size=5000)
    return applications


def seed_audit(rng: random.Random, count: int, applications: list[Any]) -> None:
    """Append ``count`` records to the chain in one pass, hashed as audit_record does.

    Under the chain's lock, starting from its head; the times are spread over the two
    years before now, in sequence order, after the head's own time.
    """
    from django.db import connection, transaction
    from django.utils import timezone

    from mijnduo.audit.chain import json_normalise, record_hash_compute
    from mijnduo.audit.models import GENESIS_HASH, AuditRecord
    from mijnduo.audit.services import CHAIN_LOCK_KEY

    actions = {
        "application.viewed": 0.5,
        "application.status_changed": 0.25,
        "application.submitted": 0.15,
        "checks.ran": 0.1,
    }
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [CHAIN_LOCK_KEY])
        head = (
            AuditRecord.objects.order_by("-sequence")
            .values_list("sequence", "record_hash", "at")
            .first()
        )
        sequence, previous, start = head or (0, GENESIS_HASH, timezone.now() - 730 * DAY)
        step = (timezone.now() - start) / (count + 1)
        records = []
        for i, action in enumerate(_pick(rng, actions, count), start=1):
            application = rng.choice(applications)
            actor = (
                "api:1"
                if action == "application.submitted"
                else f"servicedesk:{rng.randrange(1, 9)}"
            )
            after = json_normalise(
                {"status": application.status}
                if action != "checks.ran"
                else {"form_rules": "groen", "duo_register": rng.choice(["groen", "rood"])}
            )
            before = json_normalise({"status": "ingediend"}) if action.endswith("changed") else None
            chained: dict[str, Any] = {  # what the hash covers, as audit_record hashes it
                "sequence": sequence + i,
                "at": start + step * i,
                "actor": actor,
                "action": action,
                "subject_type": "application",
                "subject_id": application.reference,
                "before": before,
                "after": after,
            }
            record_hash = record_hash_compute(previous_hash=previous, **chained)
            record = AuditRecord(**chained, previous_hash=previous, record_hash=record_hash)
            previous = record_hash
            records.append(record)
        AuditRecord.objects.bulk_create(records, batch_size=5000)


def staff_sessions(count: int) -> list[dict[str, Any]]:
    """``count`` behandelaars with a verified session, and OTHER_STAFF colleagues."""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.auth.models import Group, User
    from django.middleware.csrf import _get_new_csrf_string
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from mijnduo.identity.sessions import SessionStore  # SESSION_ENGINE

    behandelaar = Group.objects.get_or_create(name="behandelaar")[0]
    staff = []
    for i in range(count + OTHER_STAFF):
        user = User.objects.create_user(
            username=f"bench-staff-{i:02d}", first_name=f"Staff {i:02d}", is_staff=True
        )
        user.groups.set([behandelaar])
        device = TOTPDevice.objects.create(user=user, name="bench", confirmed=True)
        session = SessionStore()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
        staff.append(
            {
                "id": user.pk,
                "cookie": f"{settings.SESSION_COOKIE_NAME}={session.session_key}; "
                f"{settings.CSRF_COOKIE_NAME}={_get_new_csrf_string()}",
            }
        )
    return staff


def search_terms(rng: random.Random, applications: list[Any]) -> dict[str, str]:
    """A word in about 1% of the queue's organisation names; numbers of open ones."""
    queued = [a for a in applications if HISTORY[a.status]]
    counts: dict[str, int] = {}
    for application in queued:
        for word in set(application.organisation_naam.split()):
            counts[word] = counts.get(word, 0) + 1
    generic = {"Stichting", "Gemeente", "Kinderopvang", "Deurwaarderskantoor"}
    word = min(
        (w for w in counts if len(w) >= 5 and w.isalpha() and w not in generic),
        key=lambda w: abs(counts[w] - len(queued) / 100),
    )
    open_ones = [a for a in queued if a.status in OPEN]
    return {
        "word": word,
        "word_share": f"{counts[word] / len(queued):.2%}",
        "kvk": rng.choice(open_ones).kvk_nummer,
        "brin": rng.choice([a for a in open_ones if a.brincode]).brincode,
        "bestuursnummer": rng.choice([a for a in open_ones if a.bestuursnummer]).bestuursnummer,
        "reference": rng.choice(open_ones).reference,
    }
