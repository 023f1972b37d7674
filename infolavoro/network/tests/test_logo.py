"""Members' logos: checked by content and size in pixels (no decompression bomb), stored under the verified
type's extension, the replaced file deleted, shown on the member's page and in the brochure."""

import io
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.loader import render_to_string
from django.urls import reverse
from PIL import Image

from infolavoro.network import brochure, services
from infolavoro.network.models import Organization

pytestmark = pytest.mark.django_db


def image(size=(40, 20), fmt="PNG", mode="RGB") -> bytes:
    buffer = io.BytesIO()
    Image.new(mode, size, 1 if mode == "1" else "blue").save(buffer, fmt)
    return buffer.getvalue()


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def upload(org, editor, content, name="logo.png"):
    return services.update_organization(org, {"logo": SimpleUploadedFile(name, content)}, editor)


@pytest.mark.parametrize("size", [(10_000, 10_000), (4001, 10), (10, 4001)])
def test_too_many_pixels_are_refused_before_decoding(member_editor, organization, size):
    content = image(size, mode="1")  # a few KB: small on disk, huge once decoded
    assert len(content) < services.LOGO_MAX_BYTES
    with pytest.raises(ValidationError, match="4000 × 4000 pixel"):
        upload(organization, member_editor, content)
    assert not Organization.objects.get(pk=organization.pk).logo


def test_a_png_named_pdf_is_stored_as_png(member_editor, organization, media):
    org = upload(organization, member_editor, image(), name="brochure.pdf")
    assert org.logo.name.startswith("logos/")
    assert org.logo.name.endswith(".png")
    assert (media / org.logo.name).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    jpeg = upload(org, member_editor, image(fmt="JPEG"), name="logo.png")
    assert jpeg.logo.name.endswith(".jpg")


def test_the_replaced_logo_file_is_deleted(member_editor, organization, media,
                                           django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first = upload(organization, member_editor, image()).logo.name
    assert (media / first).is_file()
    with django_capture_on_commit_callbacks(execute=True):
        second = upload(Organization.objects.get(pk=organization.pk), member_editor, image((30, 30))).logo.name
    assert second != first
    assert (media / second).is_file()
    assert not (media / first).exists()
    # Removing it deletes the file too.
    with django_capture_on_commit_callbacks(execute=True):
        services.update_organization(Organization.objects.get(pk=organization.pk), {"logo": False}, member_editor)
    assert not Organization.objects.get(pk=organization.pk).logo
    assert not (media / second).exists()


def test_a_refused_upload_keeps_the_old_logo(member_editor, organization, media,
                                            django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first = upload(organization, member_editor, image()).logo.name
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ValidationError):
        upload(Organization.objects.get(pk=organization.pk), member_editor, b"%PDF-1.4 not an image")
    assert Organization.objects.get(pk=organization.pk).logo.name == first
    assert (media / first).is_file()


def test_the_members_page_shows_the_logo_served_with_its_type(client, member_editor, organization):
    org = upload(organization, member_editor, image())
    page = client.get(reverse("network:organization", args=[org.desk.slug, org.slug])).content.decode()
    url = reverse("network:logo", args=[org.desk.slug, org.slug])
    assert f'src="{url}?v=' in page
    assert 'alt="Logo di Ente Formazione Golfo"' in page
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert b"".join(response.streaming_content) == image()
    Organization.objects.filter(pk=org.pk).update(is_active=False)  # suspended: not public any more
    assert client.get(url).status_code == 404


def test_no_logo_is_a_404(client, organization):
    assert client.get(reverse("network:logo", args=[organization.desk.slug, organization.slug])).status_code == 404


def test_the_brochure_shows_the_logo(member_editor, organization, media):
    org = upload(organization, member_editor, image())
    html = render_to_string("network/brochure/brochure.html", brochure.context(org.desk))
    assert f'src="{Path(media / org.logo.name).as_uri()}"' in html


def test_the_edit_page_shows_and_removes_the_logo(client, member_editor, organization, media):
    org = upload(organization, member_editor, image())
    client.force_login(member_editor)
    url = reverse("network_manage:organization", args=[org.desk.slug, org.slug])
    page = client.get(url)
    assert reverse("network:logo", args=[org.desk.slug, org.slug]) in page.content.decode()
    data = {name: ("" if value is None else value) for name, value in page.context["form"].initial.items()
            if name in page.context["form"].fields and name != "logo"}
    response = client.post(url, {**data, "remove_logo": "on"})
    assert response.status_code == 302
    assert not Organization.objects.get(pk=org.pk).logo
