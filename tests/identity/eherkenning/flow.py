"""A scripted browser for the eHerkenning flow against the live test server."""

import html
import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urljoin, urlparse

import requests

from mijnduo.identity.eherkenning.constants import AssuranceLevel


@dataclass
class Browser:
    base_url: str

    def __post_init__(self) -> None:
        self.http = requests.Session()

    def url(self, path: str) -> str:
        return urljoin(self.base_url, path)

    def csrf(self) -> str:
        return self.http.cookies.get("csrftoken", "")

    def start_login(self, next_path: str = "") -> str:
        """Press 'Log in' and follow the SAML POST to the simulator; return its page URL."""
        self.http.get(self.url("/inloggen/"))
        page = self.http.post(
            self.url("/inloggen/"), data={"csrfmiddlewaretoken": self.csrf(), "next": next_path}
        )
        assert page.status_code == 200, page.text
        action = html.unescape(re.search(r'action="([^"]+)" id="saml-post-binding"', page.text)[1])
        fields = dict(re.findall(r'name="(SAMLRequest|RelayState)" value="([^"]*)"', page.text))
        choose = self.http.post(action, data={k: html.unescape(v) for k, v in fields.items()})
        assert choose.status_code == 200, choose.text
        assert "SIMULATOR — geen echte eHerkenning" in choose.text
        return choose.url

    @staticmethod
    def ticket(choose_url: str) -> str:
        return parse_qs(urlparse(choose_url).query)["ticket"][0]

    def choose(
        self,
        choose_url: str,
        *,
        kvk_nummer: str = "90000001",
        level: AssuranceLevel = AssuranceLevel.EH3,
        machtiging: bool = True,
        outcome: str = "succes",
        vestigingsnummer: str = "",
        person: str = "medewerker 1",
    ) -> str:
        """Submit the simulator form; return the ACS URL the broker redirects to."""
        response = self.http.post(
            choose_url,
            data={
                "csrfmiddlewaretoken": self.csrf(),
                "kvk_nummer": kvk_nummer,
                "vestigingsnummer": vestigingsnummer,
                "person": person,
                "level": level.value,
                "machtiging": "ja" if machtiging else "nee",
                "outcome": outcome,
            },
            allow_redirects=False,
        )
        assert response.status_code == 302, response.text
        return response.headers["Location"]

    def get(self, url: str) -> requests.Response:
        return self.http.get(self.url(url))

    def login(self, **choice: object) -> requests.Response:
        return self.get(self.choose(self.start_login(), **choice))  # type: ignore[arg-type]
