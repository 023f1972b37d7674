"""Every demo login is printed by `make run` (last, by `demo_logins`) and listed in the README, the same ones."""

import re
import subprocess
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from infolavoro.accounts.demo import DEMO_PASSWORD

ROOT = Path(settings.BASE_DIR)
ADDRESS = re.compile(r"[\w.+-]+@[\w.-]+\.example\b")


def readme_logins() -> set[str]:
    text = (ROOT / "README.md").read_text()
    table = text.split("<!-- demo-logins")[1].split("<!-- /demo-logins -->")[0]
    return set(ADDRESS.findall(table))


@pytest.mark.django_db
def test_demo_logins_prints_every_demo_account_and_the_readme_lists_the_same_ones():
    call_command("seed_demo", stdout=StringIO())
    out = StringIO()
    call_command("demo_logins", stdout=out)
    printed = out.getvalue()
    logins = set(ADDRESS.findall(printed))

    assert DEMO_PASSWORD in printed
    # The accounts a newcomer asked for: the Region's viewer, the member editors, the employer, Sarzana's staff.
    assert {"monitoraggio@regione.example", "referente@cantieri-golfo.example",
            "amministrazione.sarzana@infolavoro.example", "operatore.sarzana@infolavoro.example"} <= logins
    assert sum(1 for login in logins if login.startswith("redazione@")) == 4
    assert "member editor of Accademia Nautica del Levante" in printed
    assert logins == readme_logins()


def test_make_run_prints_the_logins_last_and_links_follow_the_port():
    dry_run = subprocess.run(["make", "-n", "run", "PORT=8001"], cwd=ROOT, capture_output=True, text=True,
                             check=True, env={"PATH": "/usr/bin:/bin"}).stdout.splitlines()
    commands = [line for line in dry_run if "manage.py" in line]
    assert "seed_demo" in commands[-4]
    assert "demo_logins" in commands[-3]  # after everything that logs, just before the worker and the server
    assert "db_worker" in commands[-2]
    assert "runserver 127.0.0.1:8001" in commands[-1]
    assert any("links in e-mails: http://127.0.0.1:8001;" in line for line in dry_run)
    chosen = subprocess.run(["make", "-n", "run", "PORT=8001", "SITE_URL=https://sportello.example"], cwd=ROOT,
                            capture_output=True, text=True, check=True, env={"PATH": "/usr/bin:/bin"}).stdout
    assert "links in e-mails: https://sportello.example;" in chosen
    readme = (ROOT / "README.md").read_text()
    assert "make run PORT=8001" in readme
    assert "`HOST`" in readme
