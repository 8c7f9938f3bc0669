"""Pages are sent compressed to a browser that accepts it (platform_site.middleware
.TextCompressionMiddleware); images are sent as they are."""

import gzip

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db


def test_a_page_is_compressed_for_a_browser_that_accepts_it(client):
    ProjectFactory.create_batch(3)
    plain = client.get("/en/projects/")
    assert "Content-Encoding" not in plain
    compressed = client.get("/en/projects/", headers={"accept-encoding": "gzip, br"})
    assert compressed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in compressed["Vary"]
    assert gzip.decompress(compressed.content).decode().count("<article") == 3
    assert len(compressed.content) < len(plain.content) / 3


def test_an_image_is_not_compressed_again(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    name = default_storage.save("records/project/full.webp", ContentFile(b"RIFF webp " * 100))
    ProjectFactory(image=name, status="published")
    response = client.get(f"/media/{name}", headers={"accept-encoding": "gzip"})
    assert response.status_code == 200
    assert "Content-Encoding" not in response
