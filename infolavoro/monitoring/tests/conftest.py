import pytest


@pytest.fixture(autouse=True)
def _no_figure_cache(settings):
    # Each test builds its own population: nothing may come from another test's cached tables.
    settings.MONITORING_CACHE_SECONDS = 0
