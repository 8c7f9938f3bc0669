"""Open data: the bulk downloads (written by the hourly task), the /data/ page, the DCAT
catalogue, the licence from the site settings, and the leak test over every endpoint and file."""

import csv
import hashlib
import io
import json
import re
import zipfile

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.files.storage import default_storage
from django.core.management import call_command
from openpyxl import load_workbook

from cms.models import SiteSettings
from databases import open_data, tasks
from databases.api.serializers import SERIALIZERS
from databases.models import DataDownload, ReviewNote
from tests.factories import (
    RECORD_FACTORIES,
    EnterpriseFactory,
    MembershipFactory,
    ProjectFactory,
    SectorFactory,
    ServiceInstitutionFactory,
    TalentFactory,
    TechnologyFactory,
    UserFactory,
    china,
)
from tests.utils import DATABASE_KEYS, LANGUAGE_CODES

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _clean():
    cache.clear()
    yield
    for row in DataDownload.objects.all():
        default_storage.delete(row.file.name)
    cache.clear()


def stored(row):
    with default_storage.open(row.file.name, "rb") as stream:
        return stream.read()


def files_of(key):
    return {row.format: row for row in DataDownload.objects.filter(database=key)}


# -- The files ----------------------------------------------------------------------------


@pytest.mark.parametrize("key", DATABASE_KEYS)
def test_the_downloads_read_each_record_as_the_api_does(key):
    """The downloads read records in chunks, their relations as pairs of ids; the API through
    prefetches: the representations are the same, relations in the same order."""
    factory = RECORD_FACTORIES[key]
    sectors = [SectorFactory(code=code) for code in ("zeta", "alpha", "mid")]
    for n in range(5):
        factory(title=f"Record {n}", sectors=sectors[n % 2 :])
        # Between published records in a chunk's run of ids, with relations of its own.
        factory(title=f"Draft {n}", status="draft", sectors=sectors[:1])
    serializer = SERIALIZERS[key](context={"lang": None, "origin": "https://example.org"})
    published = RECORD_FACTORIES[key]._meta.model.objects.published()

    chunked = [serializer.to_representation(r) for r in published.open_data_chunks(2)]
    prefetched = [serializer.to_representation(r) for r in published.for_open_data().order_by("pk")]

    assert len(chunked) == 5 and chunked == prefetched
    assert chunked[0]["sectors"] == ["alpha", "mid", "zeta"]


def test_the_downloads_name_only_the_published_records_a_record_names():
    shown, hidden = TechnologyFactory(), TechnologyFactory(status="draft")
    project = ProjectFactory(technologies=[hidden, shown])
    serializer = SERIALIZERS["projects"](context={"lang": None, "origin": "https://example.org"})

    [chunked] = ProjectFactory._meta.model.objects.published().open_data_chunks(10)

    assert serializer.to_representation(chunked)["technologies"] == [shown.pk]
    assert chunked.pk == project.pk


def test_a_failed_spreadsheet_writer_keeps_the_files_already_published(monkeypatch):
    ProjectFactory()
    open_data.export("projects", force=True)
    before = {row.format: row.file.name for row in DataDownload.objects.filter(database="projects")}
    # A header cell that no spreadsheet cell can hold: the other process fails on it.
    monkeypatch.setattr(open_data, "columns", lambda serializer: [{"not": "a header"}])

    with pytest.raises(RuntimeError, match="TypeError"):
        open_data.export("projects", force=True)

    after = {row.format: row.file.name for row in DataDownload.objects.filter(database="projects")}
    assert after == before
    assert all(default_storage.exists(name) for name in after.values())


def test_the_command_writes_what_changed_and_says_how_long_and_how_much_memory_it_took():
    ProjectFactory.create_batch(3)
    out = io.StringIO()

    call_command("export_open_data", "--database", "projects", stdout=out)
    call_command("export_open_data", "--database", "projects", stdout=out)
    call_command("export_open_data", "--database", "projects", "--force", stdout=out)

    lines = out.getvalue().splitlines()
    assert re.fullmatch(r"projects: 3 records in \d+\.\d s, peak memory \d+ MB", lines[0])
    assert lines[2] == "projects: no change"
    assert lines[4].startswith("projects: 3 records in ")
    assert files_of("projects")["csv"].row_count == 3
    assert not DataDownload.objects.exclude(database="projects").exists()


def test_every_database_is_written_in_three_formats(client):
    for key in DATABASE_KEYS:
        RECORD_FACTORIES[key](title=f"Public {key}")
        RECORD_FACTORIES[key](title=f"Draft {key}", status="draft")

    assert sorted(tasks.export_open_data()) == sorted(DATABASE_KEYS)

    for key in DATABASE_KEYS:
        files = files_of(key)
        assert sorted(files) == ["csv", "json", "xlsx"]
        for row in files.values():
            content = stored(row)
            assert row.row_count == 1
            assert row.byte_size == len(content)
            assert row.sha256 == hashlib.sha256(content).hexdigest()


def test_json_file_holds_what_the_api_shows_in_every_language(client, settings):
    # The files' links are absolute from SITE_URL (no request); the API's from the request.
    settings.SITE_URL = "http://testserver"
    TechnologyFactory(title_en="Solar dryer", title_ru="Солнечная сушилка", country=china())
    TechnologyFactory(title="Wind turbine")
    open_data.export("technologies")

    records = json.loads(stored(files_of("technologies")["json"]))
    api = client.get("/api/v1/technologies/", {"sort": "title"}).json()["results"]

    assert sorted(records, key=lambda r: r["id"]) == sorted(api, key=lambda r: r["id"])
    assert {r["title"]["ru"] for r in records} == {"Солнечная сушилка", None}


def test_csv_and_xlsx_have_one_column_per_language_and_flat_values(client):
    ProjectFactory(
        title_en="Wind farm",
        title_zh_hans="风电场",
        investment_amount=1000000,
        location="Ceará",
        country=china(),
    )
    open_data.export("projects")
    files = files_of("projects")

    text = stored(files["csv"]).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    sheet = load_workbook(io.BytesIO(stored(files["xlsx"])), read_only=True).active
    cells = [[cell.value for cell in row] for row in sheet.iter_rows()]

    assert len(rows) == 1
    assert rows[0]["title_en"] == "Wind farm"
    assert rows[0]["title_zh-hans"] == "风电场"
    assert rows[0]["country"] == "CN"
    assert rows[0]["investment_amount"] == "1000000.00"
    header = cells[0]
    assert header == list(rows[0])
    # (Read-only mode leaves out the empty cells at the end of a row.)
    values = dict(zip(header, cells[1], strict=False))
    assert values["title_zh-hans"] == "风电场"
    assert values["investment_amount"] == 1000000


def test_a_cell_that_looks_like_a_formula_stays_text(client):
    TechnologyFactory(title='=HYPERLINK("http://evil.example","click")')
    open_data.export("technologies")
    files = files_of("technologies")

    csv_rows = list(csv.DictReader(io.StringIO(stored(files["csv"]).decode("utf-8-sig"))))
    sheet = load_workbook(io.BytesIO(stored(files["xlsx"]))).active

    assert csv_rows[0]["title_en"].startswith("'=")
    title = sheet.cell(row=2, column=list(csv_rows[0]).index("title_en") + 1)
    assert title.data_type == "s"
    assert title.value.startswith("'=")


def test_files_are_written_again_only_after_a_change(client, django_capture_on_commit_callbacks):
    record = TechnologyFactory(title="Solar dryer")
    with django_capture_on_commit_callbacks(execute=True):
        assert open_data.export("technologies") is True
    first = files_of("technologies")

    assert open_data.export("technologies") is False
    assert files_of("technologies")["csv"].file.name == first["csv"].file.name

    # Archiving is an update() of the status: no save, but the published set changed.
    type(record).objects.filter(pk=record.pk).update(status="archived")
    with django_capture_on_commit_callbacks(execute=True):
        assert open_data.export("technologies") is True
    second = files_of("technologies")

    assert second["csv"].row_count == 0
    assert second["csv"].file.name != first["csv"].file.name
    # The replaced files are gone from the storage.
    assert not default_storage.exists(first["csv"].file.name)
    assert default_storage.exists(second["csv"].file.name)


def test_stable_address_leads_to_the_current_file(client):
    TechnologyFactory(title="Solar dryer")
    open_data.export("technologies")
    row = files_of("technologies")["csv"]

    download = client.get("/data/technologies.csv")

    assert download.status_code == 200
    assert b"".join(download.streaming_content) == stored(row)
    assert 'filename="technologies.csv"' in download["Content-Disposition"]
    # Only through its stable address: the stored name is no media file of anyone's.
    assert client.get(f"/media/{row.file.name}").status_code == 404
    assert client.get("/data/technologies.pdf").status_code == 404
    assert client.get("/data/nothing.csv").status_code == 404


# -- The page, the licence, the catalogue ---------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
def test_data_page_lists_each_file_with_size_rows_date_and_checksum(client, lang):
    TechnologyFactory(title="Solar dryer")
    open_data.export("technologies")
    row = files_of("technologies")["csv"]

    response = client.get(f"/{lang}/data/")
    html = response.content.decode()

    assert response.status_code == 200
    assert row.sha256 in html
    assert 'href="/data/technologies.csv"' in html
    assert 'href="/data/technologies.xlsx"' in html
    assert "https://creativecommons.org/licenses/by/4.0/" in html
    assert "mledoze/countries" in html
    assert "open-sdg/sdg-translations" in html
    assert 'href="/data/catalog.jsonld"' in html
    assert f'href="/{lang}/data/"' in html  # the footer's link


def test_licence_is_the_site_settings_choice(client):
    site_settings = SiteSettings.get_solo()
    site_settings.data_licence = "CC0-1.0"
    site_settings.save()

    html = client.get("/en/data/").content.decode()
    catalogue = client.get("/data/catalog.jsonld").json()

    assert "https://creativecommons.org/publicdomain/zero/1.0/" in html
    assert "creativecommons.org/licenses/by/4.0" not in html
    assert catalogue["dct:license"] == {"@id": "https://creativecommons.org/publicdomain/zero/1.0/"}


def test_dcat_catalogue_describes_each_dataset_and_file(client):
    TechnologyFactory(title="Solar dryer")
    open_data.export_all()

    response = client.get("/data/catalog.jsonld")
    catalogue = response.json()

    assert response["Content-Type"] == "application/ld+json"
    assert catalogue["@type"] == "dcat:Catalog"
    datasets = {dataset["dct:identifier"]: dataset for dataset in catalogue["dcat:dataset"]}
    assert sorted(datasets) == sorted(DATABASE_KEYS)
    distributions = datasets["technologies"]["dcat:distribution"]
    assert len(distributions) == 3
    rows = files_of("technologies")
    for distribution in distributions:
        fmt = distribution["dct:format"].lower()
        assert (
            distribution["dcat:downloadURL"]["@id"] == f"http://testserver/data/technologies.{fmt}"
        )
        assert distribution["dcat:byteSize"]["@value"] == rows[fmt].byte_size
        assert distribution["spdx:checksum"]["spdx:checksumValue"] == rows[fmt].sha256
        assert distribution["dct:license"]["@id"] == "https://creativecommons.org/licenses/by/4.0/"
        assert distribution["dcat:mediaType"]["@id"].startswith(
            "https://www.iana.org/assignments/media-types/"
        )
    titles = {t["@language"]: t["@value"] for t in datasets["technologies"]["dct:title"]}
    assert titles["en"] == "Technologies"
    assert catalogue["dcat:service"]["dcat:endpointURL"]["@id"] == "http://testserver/api/v1/"


# -- Nothing private, anywhere ------------------------------------------------------------

SECRETS = [
    "DRAFTSECRET",
    "REJECTEDSECRET",
    "ARCHIVEDSECRET",
    "PENDINGSECRET",
    "PROPOSEDSECRET",
    "hidden-expert@example.com",
    "+7 495 000 4242",
    "owner-secret@example.org",
    "member-secret@example.org",
    "REVIEWNOTESECRET",
]


def seed_private_things():
    owner = UserFactory(username="owner-secret", email="owner-secret@example.org")
    enterprise = EnterpriseFactory(title="Open enterprise", owner=owner)
    MembershipFactory(
        enterprise=enterprise, user=UserFactory(username="m", email="member-secret@example.org")
    )
    published = {
        key: RECORD_FACTORIES[key](title=f"Public {key}", owner=owner) for key in DATABASE_KEYS
    }
    for key in DATABASE_KEYS:
        factory = RECORD_FACTORIES[key]
        factory(title=f"DRAFTSECRET {key}", status="draft")
        factory(title=f"REJECTEDSECRET {key}", status="rejected")
        factory(title=f"ARCHIVEDSECRET {key}", status="archived")
        factory(title=f"PENDINGSECRET {key}", status="pending")
        factory(title=f"PROPOSEDSECRET {key}", status="draft", draft_of=published[key])
        ReviewNote.objects.create(
            content_type=ContentType.objects.get_for_model(published[key]),
            object_id=published[key].pk,
            step="published",
            comment="REVIEWNOTESECRET",
        )
    TalentFactory(
        title="Expert without consent",
        email="hidden-expert@example.com",
        phone="+7 495 000 4242",
        contact_consent=False,
    )
    # Linked from public records, but not public themselves.
    draft_provider = EnterpriseFactory(title="DRAFTSECRET provider", status="draft")
    TechnologyFactory(title="Public technology of a draft provider", provider=draft_provider)
    ProjectFactory(
        title="Public project using a draft technology",
        technologies=[TechnologyFactory(title="DRAFTSECRET technology", status="draft")],
    )
    ServiceInstitutionFactory(title="Public institution", email="desk@institution.example")
    return published


def every_api_answer(client):
    urls = ["/api/v1/", "/api/v1/schema/"]
    index = client.get("/api/v1/").json()
    urls += list(index["taxonomies"].values())
    for key in DATABASE_KEYS:
        for params in [""] + [f"?lang={code}" for code in LANGUAGE_CODES]:
            urls.append(f"/api/v1/{key}/{params}")
        for record in client.get(f"/api/v1/{key}/", {"page_size": 100}).json()["results"]:
            urls.append(f"/api/v1/{key}/{record['id']}/")
            urls.append(f"/api/v1/{key}/slug/{record['slug']}/")
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        yield url, response.content.decode()


def every_file():
    for row in DataDownload.objects.all():
        content = stored(row)
        if row.format == "xlsx":
            with zipfile.ZipFile(io.BytesIO(content)) as archive:
                text = "".join(archive.read(name).decode() for name in archive.namelist())
        else:
            text = content.decode("utf-8-sig")
        yield row.file.name, text


def test_nothing_private_is_in_any_endpoint_or_file(client, settings):
    settings.API_RATE_LIMIT = "10000/min"
    seed_private_things()
    open_data.export_all()

    answers = [
        *every_api_answer(client),
        *every_file(),
        ("catalogue", client.get("/data/catalog.jsonld").content.decode()),
        ("page", client.get("/en/data/").content.decode()),
    ]

    assert len(answers) > 50
    public = "\n".join(text for _where, text in answers)
    # What is public is there: the published records, an institution's own desk address.
    for key in DATABASE_KEYS:
        assert f"Public {key}" in public
    assert "desk@institution.example" in public
    for where, text in answers:
        for secret in SECRETS:
            assert secret not in text, (secret, where)
        assert '"status"' not in text and '"owner"' not in text, where
