"""Where the Comuni are: a small offline table of approximate centroids (town hall, WGS84, about ±1 km) for
the province of La Spezia, the Ligurian capitals and the neighbouring towns. Used for "near a place" and for
locations entered without coordinates. A Region extends it with its own Comuni."""

from __future__ import annotations

import math

from infolavoro.search.text import fold

CENTROIDS: dict[str, tuple[float, float]] = {
    "Ameglia": (44.0683, 9.9561), "Arcola": (44.1153, 9.9069), "Beverino": (44.1937, 9.7716),
    "Bolano": (44.1886, 9.8961), "Bonassola": (44.1833, 9.5836), "Borghetto di Vara": (44.2236, 9.7206),
    "Brugnato": (44.2373, 9.7236), "Calice al Cornoviglio": (44.2417, 9.8367), "Carro": (44.2728, 9.6081),
    "Carrodano": (44.2408, 9.6556), "Castelnuovo Magra": (44.0994, 10.0175), "Deiva Marina": (44.2195, 9.5206),
    "Follo": (44.1623, 9.8616), "Framura": (44.2081, 9.5540), "La Spezia": (44.1025, 9.8241),
    "Lerici": (44.0757, 9.9114), "Levanto": (44.1700, 9.6117), "Luni": (44.0867, 10.0525),
    "Maissana": (44.3361, 9.5361), "Monterosso al Mare": (44.1462, 9.6541), "Pignone": (44.1781, 9.7225),
    "Portovenere": (44.0503, 9.8370), "Riccò del Golfo di Spezia": (44.1519, 9.7656),
    "Riomaggiore": (44.0998, 9.7376), "Rocchetta di Vara": (44.2500, 9.7583),
    "Santo Stefano di Magra": (44.1620, 9.9146), "Sarzana": (44.1136, 9.9597), "Sesta Godano": (44.2947, 9.6767),
    "Varese Ligure": (44.3772, 9.5950), "Vernazza": (44.1353, 9.6835), "Vezzano Ligure": (44.1417, 9.8839),
    "Zignago": (44.2778, 9.7444),
    "Genova": (44.4056, 8.9463), "Savona": (44.3091, 8.4772), "Imperia": (43.8897, 8.0397),
    "Chiavari": (44.3170, 9.3220), "Sestri Levante": (44.2733, 9.3978), "Rapallo": (44.3500, 9.2300),
    "Massa": (44.0354, 10.1396), "Carrara": (44.0793, 10.0970), "Aulla": (44.2150, 9.9700),
}
_BY_FOLDED = {fold(name): point for name, point in CENTROIDS.items()}
_BY_FOLDED["spezia"] = CENTROIDS["La Spezia"]


def centroid(comune: str) -> tuple[float, float] | None:
    """The centroid of a Comune by name, accents and case ignored; None if not in the table."""
    return _BY_FOLDED.get(" ".join(fold(comune or "").split()))


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance (haversine)."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(h))


def comuni_within(point: tuple[float, float], radius_km: float) -> list[str]:
    """The Comuni of the table whose centroid is within the radius (for locations without coordinates)."""
    return [name for name, where in CENTROIDS.items() if distance_km(point, where) <= radius_km]
