"""Every public page answers in the five languages, with <html lang>, hreflang alternates and
a language switcher that points to the same page (and query) in the other languages."""

import html
import re

import pytest

from tests.factories import SectorFactory, TechnologyFactory, china
from tests.utils import DATABASE_KEYS, LANGUAGE_CODES, list_url, text

pytestmark = pytest.mark.django_db

QUERY = "country=CN&sector=solar-energy"


def alternates(response):
    """{hreflang: href} of the <link rel="alternate"> elements."""
    return {
        code: html.unescape(href)
        for code, href in re.findall(
            r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', text(response)
        )
    }


def switcher(response):
    """{language: href} of the language switcher's links."""
    nav = re.search(r'<nav class="languages".*?</nav>', text(response), re.S)
    assert nav, "no language switcher"
    return {
        code: html.unescape(href)
        for href, code in re.findall(r'<a href="([^"]+)" lang="([^"]+)"', nav.group(0))
    }


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
@pytest.mark.parametrize("key", DATABASE_KEYS)
def test_list_page_in_every_language(client, key, lang):
    china()
    SectorFactory(code="solar-energy")

    response = client.get(f"{list_url(key, lang)}?{QUERY}")

    assert response.status_code == 200
    assert f'<html lang="{lang}"' in text(response)
    assert response["Content-Language"] == lang
    expected = {code: f"http://testserver/{code}/{key}/?{QUERY}" for code in LANGUAGE_CODES}
    assert alternates(response) == {**expected, "x-default": f"http://testserver/en/{key}/?{QUERY}"}
    assert switcher(response) == {code: f"/{code}/{key}/?{QUERY}" for code in LANGUAGE_CODES}
    assert f'href="/{lang}/{key}/?{QUERY}" lang="{lang}" hreflang="{lang}" aria-current="true"' in (
        html.unescape(text(response))
    )


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
def test_detail_home_and_search_pages_in_every_language(client, lang):
    record = TechnologyFactory(title="Solar dryer")
    for path in (f"/{lang}/", f"/{lang}/search/?q=solar", f"/{lang}/technologies/{record.slug}/"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert f'<html lang="{lang}"' in text(response)
        tail = path.removeprefix(f"/{lang}")
        assert switcher(response) == {code: f"/{code}{tail}" for code in LANGUAGE_CODES}
        assert alternates(response)["x-default"] == f"http://testserver/en{tail}"


def test_root_redirects_to_the_english_home_page(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/en/"


def test_root_follows_the_browser_language(client):
    response = client.get("/", headers={"accept-language": "ru-RU,ru;q=0.9"})
    assert response.status_code == 302
    assert response["Location"] == "/ru/"


def test_path_without_language_redirects_to_a_prefixed_one(client):
    response = client.get("/technologies/")
    assert response.status_code == 302
    assert response["Location"] == "/en/technologies/"
