"""Writing demo records in batches: ``bulk_create`` on any database, COPY on PostgreSQL.

On PostgreSQL, where the search trigger and index upkeep dominate a large load, ids are taken
from the sequence up front, so that writer threads with connections of their own can store one
batch while the main thread composes the next.
"""

import queue
import threading
from contextlib import contextmanager

from django.contrib.postgres.search import SearchVectorField
from django.db import connections, transaction
from django.utils import timezone
from modeltranslation.utils import build_localized_fieldname

from databases.models import SDG, CooperationType, Country, Language, Sector, TechnologyField

BATCH_SIZE = 2_000
# On PostgreSQL, a load of this many records of a database ends with fresh planner statistics.
ANALYZE_AFTER = 10_000


class OrmWriter:
    """Inserts with bulk_create, on any database."""

    preassigns_ids = False

    def __init__(self, model, using):
        self.model, self.using = model, using
        self.relations = {}
        for m2m in model._meta.many_to_many:
            self.relations[m2m.name] = (
                m2m.remote_field.through,
                f"{m2m.m2m_field_name()}_id",
                f"{m2m.m2m_reverse_field_name()}_id",
            )

    def insert(self, rows):
        """Saves the rows and returns their ids."""
        objects = [self.model(**values) for values in rows]
        self.model.objects.using(self.using).bulk_create(objects, batch_size=BATCH_SIZE)
        return [obj.pk for obj in objects]

    def link(self, links):
        """Saves many-to-many rows given as {relation: [(record id, target id), ...]}."""
        for relation, pairs in links.items():
            through, source, target = self.relations[relation]
            through.objects.using(self.using).bulk_create(
                [through(**{source: pk, target: target_pk}) for pk, target_pk in pairs],
                batch_size=BATCH_SIZE * 2,
            )

    def finish(self, written):
        pass


class CopyWriter(OrmWriter):
    """PostgreSQL COPY, several times faster than bulk_create at 100,000 records.

    Ids are taken from the table's sequence before writing, so the many-to-many rows are known
    up front and a batch can be written on another connection. Values are the ones bulk_create
    would store: the base column of a translated field holds the English text (what the ORM
    writes with English active), a missing column its field default. The database trigger
    fills search_vector.
    """

    preassigns_ids = True

    def __init__(self, model, using):
        from modeltranslation.translator import translator

        super().__init__(model, using)
        translated = translator.get_options_for_model(model).all_fields
        now = timezone.now()
        self.columns = []
        self.sources = []  # (key in the values, key of the English text or None, default)
        for f in model._meta.concrete_fields:
            if isinstance(f, SearchVectorField):
                continue
            self.columns.append(f.column)
            english = build_localized_fieldname(f.name, "en") if f.name in translated else None
            default = now if getattr(f, "auto_now", False) else f.get_default()
            self.sources.append((f.attname, english, default))
        self.table = model._meta.db_table

    def assign_ids(self, rows):
        with connections[self.using].cursor() as cursor:
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
                [self.table, len(rows)],
            )
            ids = [pk for (pk,) in cursor.fetchall()]
        for pk, values in zip(ids, rows, strict=True):
            values["id"] = pk
        return ids

    def store(self, rows, links):
        """Writes a batch whose ids are assigned, with its many-to-many rows, in a transaction."""
        with transaction.atomic(using=self.using):
            self.insert(rows)
            self.link(links)

    def insert(self, rows):
        with self.copy(self.table, self.columns) as copy:
            for values in rows:
                copy.write_row(
                    [
                        values[key]
                        if key in values
                        else (values.get(english) or "" if english else default)
                        for key, english, default in self.sources
                    ]
                )
        return [values["id"] for values in rows]

    def link(self, links):
        for relation, pairs in links.items():
            through, source, target = self.relations[relation]
            with self.copy(through._meta.db_table, [source, target]) as copy:
                for pair in pairs:
                    copy.write_row(pair)

    @contextmanager
    def copy(self, table, columns):
        connection = connections[self.using]
        name = connection.ops.quote_name
        sql = f"COPY {name(table)} ({', '.join(name(c) for c in columns)}) FROM STDIN"
        with connection.cursor() as cursor, cursor.copy(sql) as copy:
            yield copy

    @staticmethod
    def tune_session(connection):
        """Settings of a connection that writes many batches.

        A larger GIN pending list (with the memory to merge it) makes the search index take
        new rows in bulk: about a quarter less work per row than the 4 MB default. Demo data
        needs no synchronous commit: a crash can lose the last batches, never corrupt.
        """
        with connection.cursor() as cursor:
            cursor.execute("SET gin_pending_list_limit = '64MB'")
            cursor.execute("SET work_mem = '64MB'")
            cursor.execute("SET synchronous_commit = off")

    def finish(self, written):
        connection = connections[self.using]
        name = connection.ops.quote_name
        tables = [self.table, *(through._meta.db_table for through, *_ in self.relations.values())]
        with connection.cursor() as cursor:
            # Merge what the writers left in the GIN pending list, which every search would
            # otherwise scan row by row.
            cursor.execute(
                "SELECT gin_clean_pending_list(c.oid) FROM pg_index i "
                "JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am a ON a.oid = c.relam "
                "WHERE i.indrelid = %s::regclass AND a.amname = 'gin'",
                [name(self.table)],
            )
            # After a large load, do now what autovacuum would do later: fresh planner
            # statistics, and pages marked all-visible, which turns the COUNT(*) of a list page
            # into an index-only scan (96 ms -> 17 ms at 100,000 records). VACUUM cannot run
            # inside a transaction.
            if written >= ANALYZE_AFTER:
                command = "ANALYZE" if connection.in_atomic_block else "VACUUM (ANALYZE)"
                for table in tables:
                    cursor.execute(f"{command} {name(table)}")


def analyze_taxonomies(using):
    """Statistics for the taxonomy tables, which the planner also needs for the list filters.

    Loaded by a migration, they may never have been analyzed; without statistics PostgreSQL
    guessed one BRICS member country instead of eleven and picked a plan 200 times slower
    for ?brics=member&sector=... at 100,000 records.
    """
    connection = connections[using]
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for model in (Country, Sector, TechnologyField, SDG, CooperationType, Language):
            cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")


def writer_class(using):
    return CopyWriter if connections[using].vendor == "postgresql" else OrmWriter


class BatchWriters:
    """Threads with their own database connections that store batches while the main thread
    composes the next ones: the search trigger and index updates of PostgreSQL dominate a large
    load, and this lets them use every core."""

    def __init__(self, using, workers=2, setup=None):
        self.using = using
        self.setup = setup
        self.tasks = queue.Queue(maxsize=workers * 2)
        self.errors = []
        self.threads = [threading.Thread(target=self.work, daemon=True) for _ in range(workers)]
        for thread in self.threads:
            thread.start()

    def work(self):
        # Every task is taken off the queue even after a failure, so that the main thread,
        # which re-raises the first error, never waits for a queue nobody empties.
        setup = self.setup
        try:
            while (task := self.tasks.get()) is not None:
                try:
                    if not self.errors:
                        if setup is not None:
                            setup(connections[self.using])
                            setup = None
                        task()
                except Exception as error:
                    self.errors.append(error)
                finally:
                    self.tasks.task_done()
        finally:
            self.tasks.task_done()
            connections[self.using].close()

    def submit(self, task):
        self.raise_errors()
        self.tasks.put(task)

    def wait(self):
        """Returns when every submitted batch is stored (and committed)."""
        self.tasks.join()
        self.raise_errors()

    def raise_errors(self):
        if self.errors:
            raise self.errors[0]

    def close(self):
        for _thread in self.threads:
            self.tasks.put(None)
        for thread in self.threads:
            thread.join()
