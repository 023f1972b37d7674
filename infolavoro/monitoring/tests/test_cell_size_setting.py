"""The minimum cell size is one setting, the desk's: suppression reads nothing else, and the migration that removed
monitoring's duplicate kept the stricter value."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from infolavoro.desks.models import Desk
from infolavoro.monitoring import selectors

pytestmark = pytest.mark.django_db


def test_threshold_is_the_desks_setting_and_the_strictest_of_several(desk):
    other = Desk.objects.create(slug="sarzana-t", name="InfoLavoro", comune="Sarzana", address="Via 1",
                                phone="0187 000000", email="s@example.org", min_cell_size=7)
    desk.min_cell_size = 4
    desk.save(update_fields=["min_cell_size"])
    assert selectors.threshold_for([desk]) == 4
    assert selectors.threshold_for([desk, other]) == 7


def test_monitoring_has_no_second_cell_size_setting():
    models = {m.__name__ for m in apps.get_app_config("monitoring").get_models()}
    assert "MonitoringSettings" not in models
    for model in apps.get_app_config("monitoring").get_models():
        assert "min_cell_size" not in {f.name for f in model._meta.get_fields()}


@pytest.mark.django_db(transaction=True)
def test_migration_moves_the_stricter_value_onto_the_desk():
    executor = MigrationExecutor(connection)
    old = [("monitoring", "0002_monthlyreport"), ("desks", "0003_adoption_settings")]
    executor.migrate(old)
    state = executor.loader.project_state(old).apps
    desk_model, settings_model = state.get_model("desks", "Desk"), state.get_model("monitoring", "MonitoringSettings")
    strict = desk_model.objects.create(slug="a", name="A", comune="A", address="x", phone="1", email="a@x.it",
                                       min_cell_size=5)
    loose = desk_model.objects.create(slug="b", name="B", comune="B", address="x", phone="1", email="b@x.it",
                                      min_cell_size=8)
    settings_model.objects.create(desk_id=strict.pk, min_cell_size=10)
    settings_model.objects.create(desk_id=loose.pk, min_cell_size=4)
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
    assert dict(Desk.objects.filter(slug__in=["a", "b"]).values_list("slug", "min_cell_size")) == {"a": 10, "b": 8}
