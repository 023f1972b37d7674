"""The OpenAPI document is true: schemathesis generates requests for every operation (valid and invalid data)
and runs all its checks: no 5xx, status codes, content types, headers and bodies as documented, invalid data
refused, valid data accepted. Bounded examples so that it runs on every `make test`."""

from __future__ import annotations

import os

import pytest
import schemathesis
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import CHECKS, is_check_class, load_all_checks

from infolavoro.booking.tests.conftest import calendar, reasons, service  # noqa: F401  (fixtures)
from infolavoro.wsgi import application

# Bounded for `make test`; raise it for a deeper run (SCHEMATHESIS_EXAMPLES=300).
EXAMPLES = int(os.environ.get("SCHEMATHESIS_EXAMPLES", "30"))


schema = schemathesis.openapi.from_wsgi("/api/openapi.json", application)
# `--checks all`: every registered check enabled in the schema's configuration, and passed explicitly below.
schema.config.checks.update(included_check_names=["all"])
load_all_checks()
ALL_CHECKS = [check for check in CHECKS.get_all() if not is_check_class(check)]


def test_all_checks_are_run():
    names = {check.__name__ for check in ALL_CHECKS}
    assert {"not_a_server_error", "status_code_conformance", "content_type_conformance",
            "response_headers_conformance", "response_schema_conformance", "negative_data_rejection",
            "positive_data_acceptance", "missing_required_header", "unsupported_method", "use_after_free",
            "ensure_resource_availability", "ignored_auth"} <= names
    assert all(schema.config.checks.get_by_name(name=name).enabled for name in names)


@pytest.fixture
def world(db, desk, calendar, service):  # noqa: F811
    """A desk with its calendar and topics, a member with a service: something behind every operation.
    Requests go through the real WSGI application inside the test's transaction: like Django's test client,
    keep the connection open at the end of each request."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(max_examples=EXAMPLES, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
def test_every_operation_keeps_its_contract(case, world):
    cache.clear()  # the booking limit (a documented 429) would otherwise answer most generated bookings
    case.call_and_validate(checks=ALL_CHECKS)
