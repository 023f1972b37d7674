"""What a server process does once, after Django is set up and before it serves its first request."""

from __future__ import annotations

import gc


def settle() -> None:
    """Load the URLconf (the first request would), then take every object alive so far out of the garbage
    collector's full passes (`gc.freeze`, as the Python documentation advises for long-lived processes). Django,
    the models, translations and stemmer tables are ~110,000 objects that live as long as the process: each full
    collection walked them all, 50-75 ms on this machine, and landed on whichever request happened to be running
    (the search's slowest 5% were those pauses). They are never garbage; what requests create is still
    collected as before."""
    from django.urls import get_resolver

    get_resolver().url_patterns  # noqa: B018 - imported now, not on the first request
    gc.collect()
    gc.freeze()
