#!/usr/bin/env python3
"""A division answering in the Excel response workbook, cell by cell, as Excel saves it.

    excel-answer.py WORKBOOK.xlsx 'HEADING' 'line to add' ['HEADING' 'line' ...]

Each pair adds a line to the 実績 cell (column E, the yellow one) of the row whose 見出し
(column C) is HEADING: the cell's text gets a new line, stored as Excel stores typed text, in
the workbook's shared strings. Only the standard library: the workbook is a zip of XML.
"""
import re
import sys
import zipfile
from xml.sax.saxutils import escape

SHEET = "xl/worksheets/sheet1.xml"
STRINGS = "xl/sharedStrings.xml"


def unescape(text):
    return (text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"')
            .replace("&apos;", "'").replace("&amp;", "&"))


def shared_strings(xml):
    items = re.findall(r"<si>(.*?)</si>", xml, re.S)
    return ["".join(unescape(t) for t in re.findall(r"<t[^>]*>(.*?)</t>", si, re.S)) for si in items]


def main():
    path, pairs = sys.argv[1], sys.argv[2:]
    if not pairs or len(pairs) % 2:
        sys.exit("usage: excel-answer.py WORKBOOK.xlsx HEADING LINE [HEADING LINE ...]")
    with zipfile.ZipFile(path) as z:
        files = {n: z.read(n) for n in z.namelist()}
    strings_xml = files[STRINGS].decode()
    sheet = files[SHEET].decode()
    strings = shared_strings(strings_xml)
    for heading, line in zip(pairs[::2], pairs[1::2]):
        rows = re.findall(r'<row r="(\d+)"[^>]*>(.*?)</row>', sheet, re.S)
        target = None
        for number, cells in rows:
            m = re.search(r'<c r="C%s"[^>]*t="s"[^>]*><v>(\d+)</v></c>' % number, cells)
            if m and strings[int(m.group(1))] == heading:
                target = number
        if target is None:
            sys.exit(f"no row headed 「{heading}」 in {path}")
        cell = re.search(r'<c r="E%s"([^>]*?)(/>|>(.*?)</c>)' % target, sheet, re.S)
        old = ""
        if cell and cell.group(3):
            v = re.search(r"<v>(\d+)</v>", cell.group(3))
            old = strings[int(v.group(1))] if v else ""
        new = f"{old}\n{line}" if old else line
        strings.append(new)
        style = re.search(r'\ss="\d+"', cell.group(1)).group(0) if cell else ""
        typed = f'<c r="E{target}"{style} t="s"><v>{len(strings) - 1}</v></c>'
        if cell:
            sheet = sheet[:cell.start()] + typed + sheet[cell.end():]
        else:
            sys.exit(f"no 実績 cell on row {target}")
    items = "".join(f'<si><t xml:space="preserve">{escape(s)}</t></si>' for s in strings)
    strings_xml = re.sub(r"<si>.*</si>", lambda _: items, strings_xml, flags=re.S)
    strings_xml = re.sub(r'count="\d+"', f'count="{len(strings)}"', strings_xml)
    strings_xml = re.sub(r'uniqueCount="\d+"', f'uniqueCount="{len(strings)}"', strings_xml)
    files[STRINGS] = strings_xml.encode()
    files[SHEET] = sheet.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files.items():
            z.writestr(name, data)


if __name__ == "__main__":
    main()
