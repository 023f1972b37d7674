"""What makes a PDF readable by a screen reader, checked with pypdf: a structure tree, marked content, the
document's language and a title shown instead of the file name."""

from __future__ import annotations

import io

from pypdf import PdfReader


def assert_tagged_pdf(data: bytes, lang: str, title: str) -> None:
    reader = PdfReader(io.BytesIO(data))
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root, "no structure tree: the PDF is not tagged"
    tree = root["/StructTreeRoot"].get_object()
    assert tree.get("/K"), "empty structure tree"
    assert bool(root["/MarkInfo"].get_object()["/Marked"]) is True
    assert str(root["/Lang"]).lower().startswith(lang)
    assert title in (reader.metadata.title or "")
    assert bool(root["/ViewerPreferences"].get_object()["/DisplayDocTitle"]) is True
    assert b"pdfuaid:part" in root["/Metadata"].get_object().get_data()  # declared PDF/UA-1


def structure_roles(data: bytes) -> set[str]:
    """The structure element types used (H1, P, Table, Figure...)."""
    reader = PdfReader(io.BytesIO(data))
    roles: set[str] = set()
    stack = [reader.trailer["/Root"]["/StructTreeRoot"].get_object()]
    while stack:
        node = stack.pop()
        kids = node.get("/K")
        if kids is None:
            continue
        kids = kids if isinstance(kids, list) else [kids]
        for kid in kids:
            kid = kid.get_object() if hasattr(kid, "get_object") else kid
            if hasattr(kid, "get") and kid.get("/S"):
                roles.add(str(kid["/S"]).lstrip("/"))
                stack.append(kid)
    return roles


def figure_alternatives(data: bytes) -> list[str | None]:
    """The text alternative (/Alt) of every Figure in the structure tree, None where a figure has none."""
    reader = PdfReader(io.BytesIO(data))
    alternatives: list[str | None] = []
    stack = [reader.trailer["/Root"]["/StructTreeRoot"].get_object()]
    while stack:
        node = stack.pop()
        kids = node.get("/K")
        if kids is None:
            continue
        for kid in kids if isinstance(kids, list) else [kids]:
            kid = kid.get_object() if hasattr(kid, "get_object") else kid
            if hasattr(kid, "get") and kid.get("/S"):
                if str(kid["/S"]) == "/Figure":
                    alternatives.append(str(kid["/Alt"]) if "/Alt" in kid else None)
                stack.append(kid)
    return alternatives
