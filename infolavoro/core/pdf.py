"""Every PDF the project prints goes through here: a tagged PDF/UA-1 document (structure tree, marked content,
language and title from the HTML's `lang` and `<title>`), so screen readers can read it."""

from __future__ import annotations


def render(html: str, base_url: str | None = None) -> bytes:
    from weasyprint import HTML  # lazily: the app must start without pango

    return HTML(string=html, base_url=base_url).write_pdf(pdf_variant="pdf/ua-1")
