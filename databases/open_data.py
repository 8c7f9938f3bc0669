"""Open data: bulk downloads of every database, their licence and their DCAT catalogue.

``export(key)`` writes one database's published records as CSV, JSON and XLSX in one pass over
the table: the records come in chunks (``RecordQuerySet.open_data_chunks``), each is serialized
by the API's serializer (databases/api/serializers.py, the one definition of the public fields),
written as JSON, flattened into a row and handed to a process that writes the CSV and XLSX
(databases/bulk_files.py; XLSX by XlsxWriter, row by row), so memory does not grow with the
table. The files then go to the media storage under new names, the ``DataDownload`` rows are
pointed at them in one transaction, and the previous files are deleted after the commit.
``export_all`` (hourly, databases/tasks.py) does it for each database whose published records
changed since its files were written (``fingerprint``); twice in a row it does nothing the
second time.

The licence and the sources' attribution are in databases/licences.py.
"""

import contextlib
import fcntl
import hashlib
import json
import logging
import pickle
import subprocess
import sys
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.files import File
from django.core.files.storage import default_storage
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from databases import bulk_files, licences
from databases.api.serializers import SERIALIZERS, columns, flat_plan
from databases.models import DataDownload, DownloadFormat
from databases.registry import BY_KEY, DATABASES

logger = logging.getLogger(__name__)

# Bump when the files' layout changes: every database is written again at the next round.
LAYOUT_VERSION = "1"
FOLDER = "open-data"
MEDIA_TYPES = {
    DownloadFormat.CSV: "text/csv",
    DownloadFormat.JSON: "application/json",
    DownloadFormat.XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def _published(key):
    return BY_KEY[key].model.objects.published()


def fingerprint(key):
    """A digest of which records are published and when each last changed: it differs after
    any edit, publication, archiving or rejection (one aggregate query)."""
    values = _published(key).aggregate(
        count=models.Count("pk"),
        ids=models.Sum("pk"),
        updated=models.Max("updated_at"),
        published=models.Max("published_at"),
    )
    text = LAYOUT_VERSION + repr(sorted(values.items()))
    return hashlib.sha256(text.encode()).hexdigest()


class _Writers:
    """The three files of one database, in a temporary folder: JSON written here, CSV and XLSX
    by a process of their own (databases/bulk_files.py) fed the rows through a pipe, which
    fills the cells on the machine's other core while this one reads and serializes the next
    records."""

    # Records per message to the other process: fewer, larger writes to the pipe.
    BATCH = 200
    PIPE_SIZE = 1 << 20

    def __init__(self, folder, key, serializer):
        self.paths = bulk_files.paths(folder, key)
        self.paths["json"] = Path(folder) / f"{key}.json"
        self.json_file = open(self.paths["json"], "w", encoding="utf-8")  # noqa: SIM115
        self.json_file.write("[")
        self.errors = tempfile.TemporaryFile()  # noqa: SIM115
        self.sheets = subprocess.Popen(
            [sys.executable, "-m", "databases.bulk_files", str(folder), key],
            cwd=settings.BASE_DIR,
            stdin=subprocess.PIPE,
            stderr=self.errors,
        )
        # A pipe holds 64 KiB, a third of one batch: this process then waited for the other
        # to take each batch, and the other for this one to send the next, a fifth of both
        # cores' time. Room for a few batches lets each go on (Linux; 1 MiB is the most an
        # unprivileged process may ask).
        with contextlib.suppress(AttributeError, OSError):
            fcntl.fcntl(self.sheets.stdin.fileno(), fcntl.F_SETPIPE_SZ, self.PIPE_SIZE)
        self._send(columns(serializer))
        self.plan = flat_plan(serializer)
        self.batch = []
        self.rows = 0

    def _send(self, message):
        pickle.dump(message, self.sheets.stdin, protocol=pickle.HIGHEST_PROTOCOL)

    def write(self, data):
        self.json_file.write(",\n" if self.rows else "\n")
        # dumps, not dump: json.dump writes through the pure-Python encoder, several times
        # slower than the C one dumps uses.
        self.json_file.write(json.dumps(data, ensure_ascii=False))
        self.batch.append(bulk_files.sheet_row(self.plan, data))
        if len(self.batch) == self.BATCH:
            self._send(self.batch)
            self.batch = []
        self.rows += 1

    def close(self):
        self.json_file.write("\n]\n")
        self.json_file.close()
        if self.batch:
            self._send(self.batch)
        self.sheets.stdin.close()
        if self.sheets.wait() != 0:
            self.errors.seek(0)
            raise RuntimeError(
                "The CSV and XLSX files were not written:\n" + self.errors.read().decode()
            )
        self.errors.close()

    def abandon(self):
        """Stop the other process after a failure here (the files are thrown away)."""
        self.json_file.close()
        self.sheets.kill()
        self.sheets.wait()
        self.errors.close()


def _digest(path):
    sha = hashlib.sha256()
    with open(path, "rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            sha.update(block)
    return sha.hexdigest()


def export(key, force=False):
    """Write database ``key``'s files when its records changed (or ``force``); True if written."""
    current = fingerprint(key)
    existing = list(DataDownload.objects.filter(database=key))
    if (
        not force
        and len(existing) == len(DownloadFormat)
        and all(row.fingerprint == current for row in existing)
    ):
        return False
    serializer = SERIALIZERS[key](context={"lang": None, "origin": settings.SITE_URL})
    records = _published(key).open_data_chunks(settings.OPEN_DATA_CHUNK_SIZE)
    now = timezone.now()
    with tempfile.TemporaryDirectory() as folder, translation.override(settings.LANGUAGE_CODE):
        writers = _Writers(folder, key, serializer)
        try:
            for record in records:
                writers.write(serializer.to_representation(record))
        except BaseException:
            writers.abandon()
            raise
        writers.close()
        stored = {}
        for fmt, path in writers.paths.items():
            sha256 = _digest(path)
            name = f"{FOLDER}/{key}-{now:%Y%m%d%H%M%S}-{sha256[:8]}.{fmt}"
            with open(path, "rb") as stream:
                name = default_storage.save(name, File(stream))
            stored[fmt] = (name, path.stat().st_size, sha256)
    _make_current(key, stored, writers.rows, now, current)
    logger.info("Open data: %s written, %s records", key, writers.rows)
    return True


def _make_current(key, stored, rows, now, current):
    """Point the rows at the new files; the files they named go after the commit."""
    replaced = []
    with transaction.atomic():
        for fmt, (name, size, sha256) in stored.items():
            row = DataDownload.objects.select_for_update().filter(database=key, format=fmt).first()
            values = {
                "file": name,
                "byte_size": size,
                "row_count": rows,
                "sha256": sha256,
                "generated_at": now,
                "fingerprint": current,
            }
            if row is None:
                DataDownload.objects.create(database=key, format=fmt, **values)
                continue
            replaced.append(row.file.name)
            DataDownload.objects.filter(pk=row.pk).update(**values)
        transaction.on_commit(lambda: _delete(replaced))


def _delete(names):
    for name in names:
        try:
            default_storage.delete(name)
        except OSError:
            # A file left behind holds no row: the media view no longer serves it.
            logger.warning("Open data: could not delete the replaced file %s", name)


def export_all(force=False):
    """Write the files of every database whose records changed; the keys written."""
    return [database.key for database in DATABASES if export(database.key, force=force)]


def downloads():
    """Each database with its current files by format (none before the first export)."""
    rows = {}
    for row in DataDownload.objects.all():
        rows.setdefault(row.database, {})[row.format] = row
    return [
        {
            "database": database,
            "files": [
                {"format": fmt, "media_type": MEDIA_TYPES[fmt], "row": rows[database.key][fmt]}
                for fmt in DownloadFormat
                if fmt in rows.get(database.key, {})
            ],
        }
        for database in DATABASES
    ]


def _in_every_language(text):
    values = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            values.append({"@language": code, "@value": str(text)})
    return values


def catalogue(origin):
    """The DCAT catalogue (JSON-LD, DCAT-AP style) of the downloads and the API, with absolute
    links from ``origin``."""
    licence = {"@id": licences.current_licence().url}
    data_page = origin + reverse("databases:open-data")
    datasets = []
    for entry in downloads():
        database = entry["database"]
        rows = [item["row"] for item in entry["files"]]
        distributions = [
            {
                "@type": "dcat:Distribution",
                "dct:title": f"{database.key}.{item['format']}",
                "dct:format": item["format"].upper(),
                "dcat:mediaType": {
                    "@id": "https://www.iana.org/assignments/media-types/" + item["media_type"]
                },
                "dcat:downloadURL": {"@id": origin + download_path(database.key, item["format"])},
                "dcat:accessURL": {"@id": data_page},
                "dcat:byteSize": {
                    "@value": item["row"].byte_size,
                    "@type": "xsd:nonNegativeInteger",
                },
                "spdx:checksum": {
                    "@type": "spdx:Checksum",
                    "spdx:algorithm": {"@id": "spdx:checksumAlgorithm_sha256"},
                    "spdx:checksumValue": item["row"].sha256,
                },
                "dct:modified": {
                    "@value": item["row"].generated_at.isoformat(),
                    "@type": "xsd:dateTime",
                },
                "dct:license": licence,
            }
            for item in entry["files"]
        ]
        dataset = {
            "@id": f"{data_page}#{database.key}",
            "@type": "dcat:Dataset",
            "dct:identifier": database.key,
            "dct:title": _in_every_language(database.title),
            "dct:description": _in_every_language(database.tagline),
            "dcat:landingPage": {"@id": origin + reverse(f"databases:{database.url_name}-list")},
            "dct:license": licence,
            "dcat:distribution": distributions,
        }
        if rows:
            dataset["dct:modified"] = {
                "@value": max(row.generated_at for row in rows).isoformat(),
                "@type": "xsd:dateTime",
            }
        datasets.append(dataset)
    return {
        "@context": {
            "dcat": "http://www.w3.org/ns/dcat#",
            "dct": "http://purl.org/dc/terms/",
            "foaf": "http://xmlns.com/foaf/0.1/",
            "spdx": "http://spdx.org/rdf/terms#",
            "xsd": "http://www.w3.org/2001/XMLSchema#",
        },
        "@id": origin + reverse("open-data-catalogue"),
        "@type": "dcat:Catalog",
        "dct:title": _in_every_language(_("Green Industry Service Platform: open data")),
        "dct:description": _in_every_language(
            _(
                "The published records of the platform's five resource databases: green "
                "technologies, projects, experts, enterprises and service institutions of the "
                "BRICS countries."
            )
        ),
        "dct:publisher": {
            "@type": "foaf:Organization",
            "foaf:name": "BRICS Innovation Center: Service Platform For Green Industry",
            "foaf:homepage": {"@id": origin + "/"},
        },
        "foaf:homepage": {"@id": data_page},
        "dct:license": licence,
        "dct:rights": [
            f"{source['source']} ({source['source_url']}), {source['licence'].name}"
            for source in licences.SOURCES
        ],
        "dcat:dataset": datasets,
        "dcat:service": {
            "@type": "dcat:DataService",
            "dct:title": "Green Industry Service Platform API v1",
            "dcat:endpointURL": {"@id": origin + reverse("api:index")},
            "dcat:endpointDescription": {"@id": origin + reverse("api:schema")},
            "dcat:servesDataset": [{"@id": dataset["@id"]} for dataset in datasets],
            "dct:license": licence,
        },
    }


def download_path(key, fmt):
    """The stable address of a database's current file in a format (/data/<key>.<format>)."""
    return reverse("open-data-file", kwargs={"key": key, "fmt": fmt})
