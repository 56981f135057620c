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
import zipfile
from xml.sax.saxutils import escape

SHEET_NAME = "数値回答"
STRINGS = "xl/sharedStrings.xml"


def unescape(text):
    return (text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"')
            .replace("&apos;", "'").replace("&amp;", "&"))


def shared_strings(xml):
    items = re.findall(r"<si>(.*?)</si>", xml, re.S)
    return ["".join(unescape(t) for t in re.findall(r"<t[^>]*>(.*?)</t>", si, re.S)) for si in items]


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


def is_number(text):
    return re.fullmatch(r"-?\d+(\.\d+)?", text) is not None


def main():
    path, pairs = sys.argv[1], sys.argv[2:]
    if not pairs or len(pairs) % 2:
        sys.exit("usage: excel-answer-numbers.py WORKBOOK.xlsx ITEM VALUE [ITEM VALUE ...]")
    with zipfile.ZipFile(path) as z:
        files = {n: z.read(n) for n in z.namelist()}
    part = sheet_file(files)
    strings_xml = files[STRINGS].decode()
    sheet = files[part].decode()
    strings = shared_strings(strings_xml)
    for item, value in zip(pairs[::2], pairs[1::2]):
        rows = re.findall(r'<row r="(\d+)"[^>]*>(.*?)</row>', sheet, re.S)
        target = None
        for number, cells in rows:
            m = re.search(r'<c r="C%s"[^>]*t="s"[^>]*><v>(\d+)</v></c>' % number, cells)
            if m and strings[int(m.group(1))] == item:
                target = number
                break
        if target is None:
            sys.exit(f"no row 「{item}」 in {SHEET_NAME} of {path}")
        cell = re.search(r'<c r="E%s"([^>]*?)(/>|>(.*?)</c>)' % target, sheet, re.S)
        if not cell:
            sys.exit(f"no 実績 cell on row {target}")
        style = re.search(r'\ss="\d+"', cell.group(1))
        style = style.group(0) if style else ""
        if is_number(value):
            typed = f'<c r="E{target}"{style}><v>{value}</v></c>'
        else:
            strings.append(value)
            typed = f'<c r="E{target}"{style} t="s"><v>{len(strings) - 1}</v></c>'
        sheet = sheet[:cell.start()] + typed + sheet[cell.end():]
    items = "".join(f'<si><t xml:space="preserve">{escape(s)}</t></si>' for s in strings)
    strings_xml = re.sub(r"<si>.*</si>", lambda _: items, strings_xml, flags=re.S)
    strings_xml = re.sub(r'count="\d+"', f'count="{len(strings)}"', strings_xml)
    strings_xml = re.sub(r'uniqueCount="\d+"', f'uniqueCount="{len(strings)}"', strings_xml)
    files[STRINGS] = strings_xml.encode()
    files[part] = sheet.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files.items():
            z.writestr(name, data)


if __name__ == "__main__":
    main()
