"""Filling the five resource databases with demo records (``manage.py seed_demo``).

Each database is written in batches of records composed by ``records/``: with
``bulk_create`` on SQLite (and inside an open transaction), with COPY from two writer threads
on PostgreSQL (``writers.py``).
"""

import random
import time
from contextlib import nullcontext
from functools import partial

from django.db import connections, transaction
from django.utils import translation

from databases.demo.generator import Generator
from databases.demo.records import enterprises, institutions, projects, talents, technologies
from databases.demo.writers import (
    ANALYZE_AFTER,
    BATCH_SIZE,
    BatchWriters,
    CopyWriter,
    analyze_taxonomies,
    writer_class,
)
from databases.models import Enterprise, Project, ServiceInstitution, Talent, Technology
from databases.registry import BY_KEY
from databases.slugs import SlugAllocator


class Seeder:
    def __init__(self, per_database, seed, images=True, stdout=None, using="default"):
        # A count for every resource database, or {its key: count} (missing keys get none).
        self.counts = (
            dict(per_database)
            if isinstance(per_database, dict)
            else dict.fromkeys(BY_KEY, per_database)
        )
        self.seed = seed
        self.images = images
        self.stdout = stdout
        self.using = using
        self.generator = None  # made by run()
        self.writers = None  # BatchWriters while run() writes in parallel

    def log(self, message):
        if self.stdout is not None:
            self.stdout.write(message)

    def write(self, model, label, build, remember=None):
        """Build and insert the records of ``model`` asked for, with their many-to-many rows.

        ``build()`` returns (column values, {relation: [target ids]}, extra); ``remember``
        receives (id, values, extra) of each record, to refer to it from later databases.
        """
        started = time.perf_counter()
        self.generator.slugs = SlugAllocator(model, self.using)
        writer = writer_class(self.using)(model, self.using)
        total, done, m2m_rows = self.counts.get(label, 0), 0, 0
        report_every = max(BATCH_SIZE, total // 10)
        # With writer threads each batch commits on its own; otherwise the whole database does.
        with nullcontext() if self.writers else transaction.atomic(using=self.using):
            while done < total:
                items = [build() for _ in range(min(BATCH_SIZE, total - done))]
                rows = [values for values, _links, _extra in items]
                ids = writer.assign_ids(rows) if writer.preassigns_ids else writer.insert(rows)
                links = {
                    relation: [
                        (pk, target)
                        for pk, (_values, record_links, _extra) in zip(ids, items, strict=True)
                        for target in record_links.get(relation, ())
                    ]
                    for relation in writer.relations
                }
                m2m_rows += sum(len(pairs) for pairs in links.values())
                if not writer.preassigns_ids:
                    writer.link(links)
                elif self.writers:
                    self.writers.submit(partial(writer.store, rows, links))
                else:
                    writer.store(rows, links)
                if remember is not None:
                    remember(
                        [
                            (pk, values, extra)
                            for pk, (values, _links, extra) in zip(ids, items, strict=True)
                        ]
                    )
                previous, done = done, done + len(items)
                if done == total or done // report_every != previous // report_every:
                    self.log(f"  {label}: {done:,}/{total:,}")
            if self.writers:
                self.writers.wait()
        writer.finish(total)
        elapsed = time.perf_counter() - started
        self.log(
            f"{label}: {total:,} records and {m2m_rows:,} many-to-many rows in {elapsed:.2f} s "
            f"({total / elapsed if elapsed else 0:,.0f} records/s)"
        )
        return elapsed

    def run(self):
        started = time.perf_counter()
        # Other connections cannot see into an open transaction (a test's, for instance).
        parallel = (
            writer_class(self.using).preassigns_ids and not connections[self.using].in_atomic_block
        )
        self.writers = BatchWriters(self.using, setup=CopyWriter.tune_session) if parallel else None
        try:
            with translation.override("en"):
                generator = self.generator = Generator(self.seed, self.images, self.using)
                counts = ", ".join(f"{key} {count:,}" for key, count in self.counts.items())
                self.log(f"Seeding {counts} (seed {self.seed}).")
                timings = {
                    "enterprises": self.write(
                        Enterprise,
                        "enterprises",
                        partial(enterprises.build, generator),
                        generator.remember_enterprises,
                    ),
                    "technologies": self.write(
                        Technology,
                        "technologies",
                        partial(technologies.build, generator),
                        generator.remember_technologies,
                    ),
                    "projects": self.write(Project, "projects", partial(projects.build, generator)),
                    "talents": self.write(Talent, "talents", partial(talents.build, generator)),
                    "institutions": self.write(
                        ServiceInstitution, "institutions", partial(institutions.build, generator)
                    ),
                }
            if max(self.counts.values(), default=0) >= ANALYZE_AFTER:
                analyze_taxonomies(self.using)
        finally:
            if self.writers:
                self.writers.close()
        self.log(f"Total: {time.perf_counter() - started:.1f} s.")
        return timings


def clear(using="default"):
    """Delete every record of the five databases (and, on PostgreSQL, rows that refer to them)."""
    models = (Project, Technology, Talent, ServiceInstitution, Enterprise)
    connection = connections[using]
    if connection.vendor == "postgresql":
        tables = ", ".join(connection.ops.quote_name(m._meta.db_table) for m in models)
        with connection.cursor() as cursor:
            if connection.in_atomic_block:
                # Deferred foreign-key checks of rows written earlier in the same transaction
                # would otherwise forbid the TRUNCATE.
                cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute(f"TRUNCATE {tables} CASCADE")
        return
    with transaction.atomic(using=using):
        for model in models:
            model.objects.using(using).all().delete()


def seed(per_database, seed=None, images=True, clear_first=False, stdout=None, using="default"):
    """Add ``per_database`` demo records to each database (or, given {key: count}, that many
    to each database named); returns seconds per database."""
    if seed is None:
        seed = random.SystemRandom().randrange(1_000_000)
    if clear_first:
        clear(using)
    seeder = Seeder(per_database, seed, images=images, stdout=stdout, using=using)
    return seeder.run()
