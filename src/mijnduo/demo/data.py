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

# Service-desk staff for the demo: (username, name, roles, TOTP key in hex). The keys
# are in the source code, so these accounts are for the demo only (DEBUG); the
# password is the same for all of them and is printed by loaddemo.
DEMO_STAFF_PASSWORD = "demo-servicedesk-2026"  # noqa: S105 (demo only, printed on purpose)
DEMO_STAFF = (
    ("behandelaar", "Bo Behandelaar", ("behandelaar",), "3132333435363738393031323334353637383930"),
    (
        "beoordelaar",
        "Tess Tweede",
        ("tweede_beoordelaar",),
        "4142434445464748494a4b4c4d4e4f5051525354",
    ),
    (
        "beheer",
        "Frits Functioneel",
        ("functioneel_beheerder",),
        "6162636465666768696a6b6c6d6e6f7071727374",
    ),
)
