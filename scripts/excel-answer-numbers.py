#!/usr/bin/env python3
"""A division answering its numbers in the Excel response workbook, as Excel saves them.

    excel-answer-numbers.py WORKBOOK.xlsx 'ITEM' 'VALUE' ['ITEM' 'VALUE' ...]

Each pair types VALUE into the 実績・評価 cell (column E, the yellow one) of the row of the
数値回答 sheet whose 項目 (column C) is ITEM (「協創提案件数（件）」, 「効果額（百万円）」,
「自己評価（S・A・B・C）」 — the first row of that item from the top). A value Excel takes as a
number (「1310.2」, 「-3.5」) is stored as a number; anything else (「１３２」 in full-width digits,
a rating code) as text in the shared strings. Only the standard library.
"""
import re
import sys

from workbook_cells import cell, open_book, rows_with, save_book, typed

SHEET_NAME = "数値回答"


def sheet_file(files):
    """The part holding the 数値回答 sheet, through the workbook's relationships."""
    book = files["xl/workbook.xml"].decode()
    m = re.search(r'<sheet [^>]*name="%s"[^>]*r:id="([^"]+)"' % SHEET_NAME, book)
    if not m:
        sys.exit(f"no sheet {SHEET_NAME}")
    rels = files["xl/_rels/workbook.xml.rels"].decode()
    for rel in re.findall(r"<Relationship [^>]*/>", rels):
        if f'Id="{m.group(1)}"' in rel:
            target = re.search(r'Target="([^"]+)"', rel).group(1)
            return target.lstrip("/") if target.startswith("/xl/") else "xl/" + target
    sys.exit(f"no part for sheet {SHEET_NAME}")


def main():
    path, pairs = sys.argv[1], sys.argv[2:]
    if not pairs or len(pairs) % 2:
        sys.exit("usage: excel-answer-numbers.py WORKBOOK.xlsx ITEM VALUE [ITEM VALUE ...]")
    files, strings = open_book(path)
    part = sheet_file(files)
    sheet = files[part].decode()
    for item, value in zip(pairs[::2], pairs[1::2]):
        rows = rows_with(sheet, strings, "C", item)
        if not rows:
            sys.exit(f"no row 「{item}」 in {SHEET_NAME} of {path}")
        ref = f"E{rows[0]}"
        found = cell(sheet, ref)
        number = re.fullmatch(r"-?[0-9]+(\.[0-9]+)?", value) is not None
        new = typed(ref, found, value, strings, number)
        sheet = sheet[:found.start()] + new + sheet[found.end():]
    save_book(path, files, strings, part, sheet)


if __name__ == "__main__":
    main()
