import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def demo(desk):
    """The La Spezia demo network (33 members), indexed as it is saved."""
    from infolavoro.network import demo as network_demo

    network_demo.load(desk)
    return desk
