"""The demo's organisations: real schools and a municipality from the shipped registers.

The KvK-nummers are made up (DUO's school file has none); everything else comes
from the imported DUO and CBS data.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class DemoSchool:
    brincode: str
    kvk_nummer: str


DEMO_SCHOOLS = (
    DemoSchool("07WT", "90000001"),  # Groningse Schoolvereniging, Groningen
    DemoSchool("08AY", "90000002"),  # CBS De Wieken, Ten Post
)
DEMO_GEMEENTE = ("0014", "90000004")  # Groningen
DEMO_API_CLIENT = "demo"
# The beheerder who already holds Beheerder PO at the first school, so that a
# submission naming them is a wijziging.
DEMO_BEHEERDER = ("Demo Beheerder", "beheerder@example.org", ("po",))
