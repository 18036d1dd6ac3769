"""Read access to the registers for other apps; they do not query the models directly.

Lookups accept codes the way a person types them (``05 ko``, `` 40169 ``) and
answer "not known" for anything malformed instead of raising.
"""

from stdnum.nl import brin

from .models import Bestuur, Gemeente, Instelling, Vestiging


def _brincode(value: str) -> str:
    return str(brin.compact(value))


def gemeente_exists(code: str) -> bool:
    """Whether the 4-digit CBS gemeentecode (``0363``) is in the register."""
    return Gemeente.objects.filter(code=code.strip()).exists()


def instelling_by_brincode(brincode: str) -> Instelling | None:
    return Instelling.objects.filter(brincode=_brincode(brincode)).first()


def bestuur_by_nummer(nummer: str) -> Bestuur | None:
    return Bestuur.objects.filter(bestuursnummer=nummer.strip()).first()


def brincode_belongs_to_bestuur(brincode: str, bestuursnummer: str) -> bool:
    """Whether the register lists the institution under this board (bevoegd gezag).

    False also when either is unknown: the caller decides whether "not known"
    differs from "known to belong elsewhere" (use instelling_by_brincode for that).
    """
    return Instelling.objects.filter(
        brincode=_brincode(brincode), bestuursnummer=bestuursnummer.strip()
    ).exists()


def hoofdvestiging(brincode: str) -> Vestiging | None:
    """The main location of an institution (vestigingscode ending in 00)."""
    return Vestiging.objects.filter(vestigingscode=f"{_brincode(brincode)}00").first()


def gemeente_naam(code: str) -> str | None:
    return Gemeente.objects.filter(code=code).values_list("naam", flat=True).first()


def register_loaded() -> bool:
    """Whether any DUO institution file has been imported (else nothing can be checked)."""
    return Instelling.objects.exists()
