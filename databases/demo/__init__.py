"""Demonstration content for the five resource databases (``manage.py seed_demo``).

Records are composed from phrase banks written in the five site languages, so a Chinese,
Russian, Portuguese or Hindi title reads as that language rather than as machine noise.

- ``data/``: the countries, topics and phrase banks, as JSON (``data/README.md``);
  ``banks.py`` reads them.
- ``languages.py``: the five languages, and how each writes numbers, amounts and lists.
- ``generator.py``: what every record draws at random; ``records/``: how each of the five
  kinds of record is composed, one module each.
- ``images.py``: the shared landscape images.
- ``writers.py``: batches stored with ``bulk_create``, or with COPY from writer threads.
- ``seeding.py``: ``seed`` and ``clear``, what the ``seed_demo`` command calls.

Slugs follow the records' own rule (``databases/slugs.py``), decided in memory.
"""

from databases.demo.seeding import clear, seed

__all__ = ["clear", "seed"]
