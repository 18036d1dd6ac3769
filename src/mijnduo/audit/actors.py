"""Who did something: an explicit actor passed to every service function."""

from dataclasses import dataclass
from enum import StrEnum


class ActorKind(StrEnum):
    API_CLIENT = "api"
    APPLICANT = "aanvrager"
    STAFF = "servicedesk"
    SYSTEM = "systeem"


@dataclass(frozen=True, slots=True)
class Actor:
    """An actor is recorded by kind and a stable id, never by name or e-mail."""

    kind: ActorKind
    identifier: str

    def __str__(self) -> str:
        return f"{self.kind}:{self.identifier}"


SYSTEM = Actor(ActorKind.SYSTEM, "mijnduo")
