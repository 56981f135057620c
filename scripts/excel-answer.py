#!/usr/bin/env python3
"""A division answering in the Excel response workbook, cell by cell, as Excel saves it.

    excel-answer.py WORKBOOK.xlsx 'HEADING' 'line to add' ['HEADING' 'line' ...]

Each pair adds a line to the 実績 cell (column E, the yellow one) of the row whose 見出し
(column C) is HEADING: the cell's text gets a new line, stored as Excel stores typed text, in
the workbook's shared strings. Only the standard library: the workbook is a zip of XML.
"""
import re
import sys

from workbook_cells import cell, open_book, rows_with, save_book, typed

SHEET = "xl/worksheets/sheet1.xml"


def main():
    path, pairs = sys.argv[1], sys.argv[2:]
    if not pairs or len(pairs) % 2:
        sys.exit("usage: excel-answer.py WORKBOOK.xlsx HEADING LINE [HEADING LINE ...]")
    files, strings = open_book(path)
    sheet = files[SHEET].decode()
    for heading, line in zip(pairs[::2], pairs[1::2]):
        rows = rows_with(sheet, strings, "C", heading)
        if not rows:
            sys.exit(f"no row headed 「{heading}」 in {path}")
        ref = f"E{rows[-1]}"
        found = cell(sheet, ref)
        old = ""
        if found.group(3):
            v = re.search(r"<v>(\d+)</v>", found.group(3))
            old = strings[int(v.group(1))] if v else ""
        new = typed(ref, found, f"{old}\n{line}" if old else line, strings)
        sheet = sheet[:found.start()] + new + sheet[found.end():]
    save_book(path, files, strings, SHEET, sheet)


if __name__ == "__main__":
    main()
