from infolavoro.intake.tests.conftest import (  # noqa: F401  (shared fixtures)
    citizen,
    consultation,
    other_service,
    service,
    terms,
)
