"""/robots.txt and /sitemap.xml: crawlers see every published record, in every language."""

import re

import pytest

from tests.factories import RECORD_FACTORIES
from tests.utils import DATABASE_KEYS, LANGUAGE_CODES

pytestmark = pytest.mark.django_db


def test_robots_txt_lists_the_sitemap_and_hides_private_areas(client):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert "Disallow: /admin/" in lines
    for code in LANGUAGE_CODES:
        assert f"Disallow: /{code}/member/" in lines
        assert f"Disallow: /{code}/accounts/" in lines


def test_sitemap_index_lists_a_section_per_database_and_the_content_pages(client):
    response = client.get("/sitemap.xml")

    assert response.status_code == 200
    content = response.content.decode()
    assert "<sitemapindex" in content
    locations = re.findall(r"<loc>(.*?)</loc>", content)
    sections = [*DATABASE_KEYS, "pages", "sections", "countries", "events", "policies"]
    assert locations == [f"http://testserver/sitemap-{key}.xml" for key in sections]


@pytest.mark.parametrize("key", DATABASE_KEYS)
def test_sitemap_section_lists_published_records_with_hreflang_alternates(client, key):
    record = RECORD_FACTORIES[key](title="Published record")
    hidden = [
        RECORD_FACTORIES[key](title=f"Hidden {status}", status=status)
        for status in ("draft", "pending", "rejected", "archived")
    ]

    response = client.get(f"/sitemap-{key}.xml")

    assert response.status_code == 200
    content = response.content.decode()
    locations = re.findall(r"<loc>(.*?)</loc>", content)
    assert sorted(locations) == sorted(
        f"http://testserver/{code}/{key}/{record.slug}/" for code in LANGUAGE_CODES
    )
    for other in hidden:
        assert other.slug not in content
    for code in LANGUAGE_CODES:
        assert (
            f'<xhtml:link rel="alternate" hreflang="{code}" '
            f'href="http://testserver/{code}/{key}/{record.slug}/"'
        ) in content
    # x-default is the unprefixed address, which redirects to the visitor's language.
    x_default = re.search(r'hreflang="x-default" href="http://testserver([^"]+)"', content)
    assert x_default.group(1) == f"/{key}/{record.slug}/"
    redirect = client.get(x_default.group(1))
    assert redirect.status_code == 302
    assert redirect["Location"] == f"/en/{key}/{record.slug}/"
    assert "<lastmod>" in content


def test_unknown_sitemap_section_is_a_404(client):
    assert client.get("/sitemap-gadgets.xml").status_code == 404
