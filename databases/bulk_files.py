"""The spreadsheet files of a bulk download (CSV and XLSX), written by a process of their own.

A database's export (databases/open_data.py) reads and serializes its records and writes their
JSON in one process; this one writes the same records into cells, on the machine's other core,
at the same time: the two halves take about as long. It reads pickled messages from its
standard input (its parent's, never anyone else's) until the end of it: first the columns and
how a record's representation flattens into them (``databases.api.serializers.flat_plan``),
then lists of representations. It imports neither Django nor the project:
``python -m databases.bulk_files <folder> <name>`` writes ``<name>.csv`` and ``<name>.xlsx``
there, and its exit status tells the parent whether both were written.
"""

import csv
import pickle
import sys
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook

FORMATS = ("csv", "json", "xlsx")
# A text cell starting with one of these would be a formula in a spreadsheet: written with a
# leading apostrophe in CSV and XLSX (as the admin's exports do, IMPORT_EXPORT_ESCAPE_FORMULAE).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def paths(folder, name):
    return {fmt: Path(folder) / f"{name}.{fmt}" for fmt in FORMATS}


def flat_row(plan, data):
    """A record's representation as the values of its columns: a translated field or a nested
    object gives one value per part, a list is joined by "; ", an amount is a number."""
    row = []
    for name, how, parts in plan:
        value = data[name]
        if how == "parts":
            row += [(value or {}).get(part) for part in parts]
        elif isinstance(value, list):
            row.append("; ".join(str(item) for item in value))
        elif how == "decimal" and value is not None:
            row.append(Decimal(value))
        else:
            row.append(value)
    return row


def _escaped(value):
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def write(messages, folder, name):
    """Write the records of ``messages`` (after the first: the header and the plan) to the
    CSV and XLSX files; how many there were."""
    header, plan = next(messages)
    files = paths(folder, name)
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=name)
    sheet.append(header)
    count = 0
    with open(files["csv"], "w", encoding="utf-8", newline="") as csv_file:
        # A byte-order mark, so that spreadsheet programs read the file as UTF-8.
        csv_file.write("\ufeff")
        writer = csv.writer(csv_file)
        writer.writerow(header)
        for batch in messages:
            for data in batch:
                row = [_escaped(value) for value in flat_row(plan, data)]
                writer.writerow(row)
                sheet.append(row)
            count += len(batch)
    workbook.save(files["xlsx"])
    return count


def _unpickled(stream):
    while True:
        try:
            yield pickle.load(stream)
        except EOFError:
            return


if __name__ == "__main__":
    write(_unpickled(sys.stdin.buffer), *sys.argv[1:3])
