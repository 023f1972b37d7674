"""A server process settles before serving: the long-lived objects are out of the collector's full passes."""

from __future__ import annotations

import gc
import importlib
import sys
import weakref


def test_the_wsgi_entry_freezes_what_lives_as_long_as_the_process():
    gc.unfreeze()
    try:
        sys.modules.pop("infolavoro.wsgi", None)
        module = importlib.import_module("infolavoro.wsgi")
        assert callable(module.application)
        assert gc.get_freeze_count() > 10_000  # Django, the models, the URLconf: not walked again
        # what requests create is still collected: a reference cycle made after the freeze
        cycle = _Node()
        cycle.me = cycle
        alive = weakref.ref(cycle)
        del cycle
        gc.collect()
        assert alive() is None
    finally:
        gc.unfreeze()


class _Node:
    me: object = None
