"""The spreadsheet files of a bulk download (CSV and XLSX), written by a process of their own.

A database's export (databases/open_data.py) reads and serializes its records, writes their
JSON and flattens each into the values of its row (``sheet_row``) in one process; this one
writes those rows into the files, on the machine's other core, at the same time: the two
halves take about as long. It reads pickled messages from its standard input (its parent's,
never anyone else's) until the end of it: first the header, then lists of rows. It imports
neither Django nor the project:
``python -m databases.bulk_files <folder> <name>`` writes ``<name>.csv`` and ``<name>.xlsx``
there, and its exit status tells the parent whether both were written.
"""

import csv
import pickle
import sys
from decimal import Decimal
from pathlib import Path

from xlsxwriter import Workbook

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


def sheet_row(plan, data):
    """The cells of a record's row: its representation flattened as ``plan``
    (``databases.api.serializers.flat_plan``) says, a text that would be a formula escaped."""
    return [_escaped(value) for value in flat_row(plan, data)]


def _sheet(path, name, header):
    """An XLSX sheet written row by row (each row goes to disk as it is written), and a
    function that writes one row of values into it. A text is written as text: it never
    becomes a formula, a number or a link by its look."""
    workbook = Workbook(str(path), {"constant_memory": True})
    sheet = workbook.add_worksheet(name)
    sheet.write_row(0, 0, header)
    by_type = {
        str: sheet.write_string,
        bool: sheet.write_boolean,
        int: sheet.write_number,
        float: sheet.write_number,
        Decimal: sheet.write_number,
    }

    def write_row(number, values):
        for column, value in enumerate(values):
            if value is not None:
                by_type.get(type(value), sheet.write)(number, column, value)

    return workbook, write_row


def write(messages, folder, name):
    """Write the rows of ``messages`` (after the first: the header) to the CSV and XLSX files;
    how many there were."""
    header = next(messages)
    files = paths(folder, name)
    workbook, write_row = _sheet(files["xlsx"], name, header)
    count = 0
    with open(files["csv"], "w", encoding="utf-8", newline="") as csv_file:
        # A byte-order mark, so that spreadsheet programs read the file as UTF-8.
        csv_file.write("\ufeff")
        writer = csv.writer(csv_file)
        writer.writerow(header)
        for batch in messages:
            for row in batch:
                count += 1
                writer.writerow(row)
                write_row(count, row)
    workbook.close()
    return count


def _unpickled(stream):
    while True:
        try:
            yield pickle.load(stream)
        except EOFError:
            return


if __name__ == "__main__":
    write(_unpickled(sys.stdin.buffer), *sys.argv[1:3])
