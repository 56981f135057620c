#!/usr/bin/env python3
"""Hostile input files for scripts/attack.sh, made with the standard library alone.

    python3 scripts/attack/hostile.py KIND OUT [SCALE]

writes one file of KIND (one function per kind below, `make_` + the kind with `-` as `_`) to
OUT. SCALE (default 1.0) shrinks the large text tables for a debug build. Each file is what
issue 23 reported, or its kind taken further: a few KB that once asked for gigabytes.
"""

import struct
import sys
import zipfile
import zlib

SEED = "tests/fixtures/mie-h29-h1-report.tsv"

# The one-initiative report, as an office types it (title, header, section, initiative).
REPORT_ROWS = [
    ["平成29年度「改革」取組 上半期実績"],
    ["番号", "具体的取組", "取組項目", "29年度", "平成29年度 年次計画", "実績", "担当課"],
    ["I 協創"],
    ["1", "① 研修", "□研修", "実施", "・研修(4月)", "・研修(4月)", "人事課"],
]


def column_letters(col):
    """0-based column → A, B, … XFD."""
    out = ""
    col += 1
    while col:
        col, rem = divmod(col - 1, 26)
        out = chr(65 + rem) + out
    return out


def esc(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# ---- XLSX ----

def xlsx(rows, shared=None, extra_parts=None):
    """A minimal XLSX: one sheet `工程表` of inline strings ({(row, col): text}), and an
    optional shared-string part given as its XML."""
    cells = {}
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if text:
                cells[(r, c)] = text
    return xlsx_cells(cells, shared, extra_parts)


def xlsx_cells(cells, shared=None, extra_parts=None):
    by_row = {}
    for (r, c), text in sorted(cells.items()):
        by_row.setdefault(r, []).append((c, text))
    rows_xml = []
    for r, line in sorted(by_row.items()):
        cs = "".join(
            f'<c r="{column_letters(c)}{r + 1}" t="inlineStr"><is><t>{esc(t)}</t></is></c>'
            for c, t in line
        )
        rows_xml.append(f'<row r="{r + 1}">{cs}</row>')
    sheet = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f'<sheetData>{"".join(rows_xml)}</sheetData></worksheet>'
    )
    ct = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        "</Types>"
    )
    rels = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
        "</Relationships>"
    )
    book = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<sheets><sheet name="工程表" sheetId="1" r:id="rId1"/></sheets></workbook>'
    )
    book_rels = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
        "</Relationships>"
    )
    parts = [
        ("[Content_Types].xml", ct),
        ("_rels/.rels", rels),
        ("xl/workbook.xml", book),
        ("xl/_rels/workbook.xml.rels", book_rels),
        ("xl/worksheets/sheet1.xml", sheet),
    ]
    if shared is not None:
        parts.append(("xl/sharedStrings.xml", shared))
    return package(parts + (extra_parts or []))


def package(parts, first_stored=False):
    import io

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for k, (name, content) in enumerate(parts):
            data = content.encode() if isinstance(content, str) else content
            method = zipfile.ZIP_STORED if (first_stored and k == 0) else zipfile.ZIP_DEFLATED
            z.writestr(zipfile.ZipInfo(name), data, compress_type=method)
    return out.getvalue()


def make_xlsx_shared_strings(scale):
    """Issue 23 item 11: `uniqueCount="4294967295"` made the reader reserve 103 GB."""
    shared = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'count="1" uniqueCount="4294967295"><si><t>x</t></si></sst>'
    )
    return xlsx(REPORT_ROWS, shared)


def make_xlsx_styles(scale):
    """Eight million empty cell formats in styles.xml, 60 KB zipped: the reader kept each
    (1.3 GB asked for, and the process aborted)."""
    styles = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        '<cellXfs count="8000000">' + "<xf/>" * 8_000_000 + "</cellXfs></styleSheet>"
    )
    return xlsx(REPORT_ROWS, extra_parts=[("xl/styles.xml", styles)])


def make_xlsx_far_cell(scale):
    """A value at XFD1048576 beside the report: read cell by cell, kept and warned about."""
    cells = {}
    for r, row in enumerate(REPORT_ROWS):
        for c, text in enumerate(row):
            if text:
                cells[(r, c)] = text
    cells[(1048575, 16383)] = "最後のセル"
    return xlsx_cells(cells)


def make_xlsx_cell_lines(scale):
    """A 年次計画 cell of `x` and a line break 4.5 million times (about 25 KB zipped): each line
    a plan line of its own, 8.5 GB to check. Refused by the table's bound on its lines."""
    rows = [list(r) for r in REPORT_ROWS]
    rows[3][4] = "x\n" * int(4_500_000 * scale)
    return xlsx(rows)


def make_xlsx_zip_bomb(scale):
    """A shared-string part of 512 MB (30 million strings, 600 KB zipped): read into memory
    whole when the workbook is opened."""
    import io

    out = io.BytesIO()
    base = xlsx(REPORT_ROWS)
    with zipfile.ZipFile(io.BytesIO(base)) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            dst.writestr(item, src.read(item.filename), compress_type=zipfile.ZIP_DEFLATED)
        info = zipfile.ZipInfo("xl/sharedStrings.xml")
        info.compress_type = zipfile.ZIP_DEFLATED
        with dst.open(info, "w", force_zip64=True) as f:
            f.write(
                b'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats'
                b'.org/spreadsheetml/2006/main" count="1" uniqueCount="1">'
            )
            chunk = b"<si><t>x</t></si>" * (1 << 16)
            for _ in range(512):
                f.write(chunk)
            f.write(b"</sst>")
    return out.getvalue()


# ---- XLS (BIFF8 in a compound file) ----

def record(typ, data):
    return struct.pack("<HH", typ, len(data)) + data


def bof(kind):
    return record(0x0809, struct.pack("<HH", 0x0600, kind) + bytes(12))


def label(row, col, text):
    units = text.encode("utf-16-le")
    return record(0x0204, struct.pack("<HHHHB", row, col, 0, len(units) // 2, 1) + units)


def number(row, col, value):
    return record(0x0203, struct.pack("<HHHd", row, col, 0, value))


def label_sst(row, col, index):
    return record(0x00FD, struct.pack("<HHHI", row, col, 0, index))


def dimensions(first_row, end_row, first_col, end_col):
    return record(0x0200, struct.pack("<IIHHH", first_row, end_row, first_col, end_col, 0))


def report_labels():
    out = []
    for r, row in enumerate(REPORT_ROWS):
        for c, text in enumerate(row):
            if text:
                out.append(label(r, c, text))
    return out


def workbook_stream(globals_, sheet):
    head = bof(0x0005) + record(0x0042, struct.pack("<H", 1200)) + b"".join(globals_)
    pos = len(head) + 4 + 14 + 4
    head += record(0x0085, struct.pack("<IBBBB", pos, 0, 0, 6, 0) + b"Sheet1")
    head += record(0x000A, b"")
    assert len(head) == pos
    head += bof(0x0010) + b"".join(sheet) + record(0x000A, b"")
    return head.ljust(4200, b"\0")


END, FREE, FATSECT = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD


def compound_file(stream, fat_edit=None):
    """512-byte sectors: the FAT, the directory, then the stream as `Workbook`."""
    data_sectors = -(-len(stream) // 512)
    fat_sectors = 1
    while fat_sectors * 128 < fat_sectors + 1 + data_sectors:
        fat_sectors += 1
    assert fat_sectors <= 109
    directory = fat_sectors
    first = directory + 1
    fat = [FATSECT] * fat_sectors + [END]
    fat += [END if k + 1 == data_sectors else first + k + 1 for k in range(data_sectors)]
    if fat_edit:
        fat_edit(fat, directory, first)
    fat += [FREE] * (fat_sectors * 128 - len(fat))
    header = bytearray(512)
    header[:8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"
    struct.pack_into("<HHHHH", header, 24, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into("<III", header, 44, fat_sectors, directory, 0)
    struct.pack_into("<IIIII", header, 56, 0x1000, END, 0, END, 0)
    for k in range(109):
        struct.pack_into("<I", header, 76 + 4 * k, k if k < fat_sectors else FREE)

    def entry(name, kind, child, start, size):
        e = bytearray(128)
        units = name.encode("utf-16-le")
        e[: len(units)] = units
        struct.pack_into("<HBB", e, 64, len(units) + 2 if name else 0, kind, 1)
        struct.pack_into("<III", e, 68, FREE, FREE, child)
        struct.pack_into("<II", e, 116, start, size)
        return bytes(e)

    out = bytes(header) + struct.pack(f"<{len(fat)}I", *fat)
    out += entry("Root Entry", 5, 1, END, 0) + entry("Workbook", 2, FREE, first, len(stream))
    out += entry("", 0, FREE, 0, 0) * 2
    return out + stream.ljust(data_sectors * 512, b"\0")


def make_xls_far_column(scale):
    """Issue 23 item 12: one cell moved to column 6000 was killed at 24 GB: with a cell at A1,
    calamine lays out the rectangle up to it (65,536 rows by 6,000 columns)."""
    return compound_file(workbook_stream([], report_labels() + [number(65535, 5999, 1.0)]))


def make_xls_dimensions(scale):
    """A DIMENSIONS record declaring four billion rows: room reserved for all of them."""
    sheet = [dimensions(0, 0xFFFFFFFF, 0, 7)] + report_labels()
    return compound_file(workbook_stream([], sheet))


def make_xls_chain_loop(scale):
    """A directory whose sector chain leads back to itself: followed for ever."""

    def loop(fat, directory, first):
        fat[directory] = directory

    return compound_file(workbook_stream([], report_labels()), loop)


def make_xls_largest_range(scale):
    """The largest .xls rectangle read (2,000,000 cells, DIMENSIONS saying so too): read."""
    sheet = [dimensions(0, 7812, 0, 256)] + report_labels() + [number(7811, 255, 1.0)]
    return compound_file(workbook_stream([], sheet))


def make_xls_shared_copies(scale):
    """One 65,535-character shared string named by 70,000 cells: 4.6 GB of copies in 1 MB."""
    text = b"x" * 65535
    table = struct.pack("<II", 1, 1) + struct.pack("<HB", 65535, 0) + text
    sst = record(0x00FC, table[:8224])
    for k in range(8224, len(table), 8223):
        sst += record(0x003C, b"\0" + table[k : k + 8223])
    cells = [label_sst(10 + r // 200, r % 200, 0) for r in range(70_000)]
    return compound_file(workbook_stream([sst], report_labels() + cells))


# ---- ODS ----

def ods(rows_xml):
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3">'
        '<office:body><office:spreadsheet><table:table table:name="工程表">'
        f"{rows_xml}</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
        'manifest:version="1.3"><manifest:file-entry manifest:full-path="/" '
        'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        "</manifest:manifest>"
    )
    return package(
        [
            ("mimetype", "application/vnd.oasis.opendocument.spreadsheet"),
            ("META-INF/manifest.xml", manifest),
            ("content.xml", content),
        ],
        first_stored=True,
    )


def ods_report_rows():
    out = ""
    for row in REPORT_ROWS:
        out += "<table:table-row>"
        for text in row:
            if text:
                out += (
                    '<table:table-cell office:value-type="string">'
                    f"<text:p>{esc(text)}</text:p></table:table-cell>"
                )
            else:
                out += "<table:table-cell/>"
        out += "</table:table-row>"
    return out


def blank_rows(count):
    return (
        f'<table:table-row table:number-rows-repeated="{count}">'
        '<table:table-cell table:number-columns-repeated="1024"/></table:table-row>'
    )


def make_ods_repeated(scale):
    """Issue 23 item 12: repeated cells took 19.7 GB; here 17 billion of them in 400 bytes."""
    flood = (
        '<table:table-row table:number-rows-repeated="1048000">'
        '<table:table-cell table:number-columns-repeated="16384" office:value-type="string">'
        "<text:p>x</text:p></table:table-cell></table:table-row>"
    )
    return ods(ods_report_rows() + flood)


def make_ods_note_far(scale):
    """Issue 23 item 12: one note at AMJ1048576 made a whole .ods unopenable."""
    note = (
        "<table:table-row>"
        '<table:table-cell table:number-columns-repeated="1023"/>'
        "<table:table-cell><office:annotation><text:p>メモ</text:p></office:annotation>"
        "</table:table-cell></table:table-row>"
    )
    return ods(ods_report_rows() + blank_rows(1048575 - len(REPORT_ROWS)) + note)


def make_ods_row_million(scale):
    """Issue 23 item 12: a cell at row 1,000,000 took 30 s and 5.7 GB."""
    far = (
        '<table:table-row><table:table-cell table:number-columns-repeated="8"/>'
        '<table:table-cell office:value-type="string"><text:p>遠いセル</text:p>'
        "</table:table-cell></table:table-row>"
    )
    return ods(ods_report_rows() + blank_rows(999999 - len(REPORT_ROWS)) + far)


# ---- Report tables (item 13, and the 10 MB bound) ----

def seed_lines():
    with open(SEED, encoding="utf-8") as f:
        return f.read().split("\n")


def make_tsv_repeated_plan_lines(scale):
    """Issue 23 item 13: repeated plan rows were quadratic (160k: 57 s). 8 MB at scale 1."""
    lines = seed_lines()
    fields = lines[6].split("\t")
    n = int(160_000 * scale)
    fields[13] = " ".join(["・研修の実施(4月)"] * n)
    fields[14] = " ".join(["・研修の実施(4月)"] * n)
    return "\n".join(lines[:6] + ["\t".join(fields)]).encode()


def make_tsv_plan_lines_checked(scale):
    """160,000 plan lines in one cell, a line each (`<br>`, as the published table breaks
    them; 4.5 MB at scale 1): `check` found each line's status by searching every line, and
    80,000 took 15 s."""
    lines = seed_lines()
    fields = lines[6].split("\t")
    fields[13] = "<br>".join(["・研修の実施(4月)"] * int(160_000 * scale))
    return "\n".join(lines[:6] + ["\t".join(fields)]).encode()


def make_tsv_print_pages(scale):
    """300,000 one-line results in one cell (4.8 MB): 7,318 pages of A3, which took 2.3 GB and
    15 s to print (release) before a printout was limited to 6,000 pages. Not scaled: it is
    refused once the pages are counted."""
    lines = seed_lines()
    fields = lines[6].split("\t")
    fields[14] = " ".join(["・実施(4月)"] * 300_000)
    return "\n".join(lines[:6] + ["\t".join(fields)]).encode()


def make_tsv_diff_pages(scale):
    """The same 300,000 results as tsv-print-pages, each another activity: compared with it,
    a change list of over 11,000 pages of A4, refused once they are counted. Not scaled."""
    lines = seed_lines()
    fields = lines[6].split("\t")
    fields[14] = " ".join(["・研修(5月)"] * 300_000)
    return "\n".join(lines[:6] + ["\t".join(fields)]).encode()


def make_tsv_bullet_lines(scale):
    """A 年次計画 cell of ` ・x` two million times (10 MB), no tag at all: each a plan line,
    1.1 GB to check. Refused by the table's bound on its lines."""
    lines = seed_lines()
    for k, line in enumerate(lines):
        fields = line.split("\t")
        if len(fields) > 4 and fields[0].strip().isdigit():
            fields[3] = " ・x" * int(2_000_000 * scale) + fields[3]
            lines[k] = "\t".join(fields)
            break
    return "\n".join(lines).encode("utf-8")


def make_tsv_headings(scale):
    """A cell of 160,000 topics, each matched against the others when they were merged."""
    lines = seed_lines()
    fields = lines[6].split("\t")
    n = int(160_000 * scale)
    fields[13] = " ".join(f"<見出し{k}> ・研修(4月)" for k in range(n))
    return "\n".join(lines[:6] + ["\t".join(fields)]).encode()


def make_tsv_rows(scale):
    """A 10 MB table (at scale 1) of one-line initiatives: the most a table of that size holds."""
    lines = seed_lines()[:6]
    k, size = 0, sum(len(x.encode()) + 1 for x in lines)
    while size < 10_000_000 * scale:
        k += 1
        line = f"{k}\t① 取組{k}\t\t・研修{k}(4月)\t・研修{k}(4月)\t総務部人事課"
        lines.append(line)
        size += len(line.encode()) + 1
    return "\n".join(lines).encode()


def make_tsv_grid(scale):
    """The seed, then 960,000 rows of `1⇥1⇥1⇥1⇥1` (9.6 MB at scale 1), each an initiative of
    its own: checking it took 3.5 GB. Refused at the row past the most a table holds."""
    lines = seed_lines() + ["1\t1\t1\t1\t1"] * int(960_000 * scale)
    return "\n".join(lines).encode()


def make_tsv_not_understood(scale):
    """Five million rows not understood (10 MB at scale 1): each kept, warnings counted."""
    return ("\n".join(seed_lines()) + "\nx" * int(5_000_000 * scale)).encode()


def make_tsv_newlines(scale):
    """Ten million blank lines after the seed."""
    return ("\n".join(seed_lines()) + "\n" * 10_000_000).encode()


def make_tsv_open_brackets(scale):
    """9 MB (at scale 1) of `<` and `<a` with no `>` in one result cell: each `<` searched to the
    cell's end for its `>` was quadratic (8,000: 3 s; 50,000 past 10 s)."""
    lines = seed_lines()
    fields = lines[6].split("\t")
    n = int(2_000_000 * scale)
    fields[14] = "<" * n + "<a" * n
    return "\n".join(lines[:6] + ["\t".join(fields)]).encode()


def make_tsv_stage_colspans(scale):
    """A stage table of 250,000 rows of `<td colspan="1000">` (7 MB at scale 1): each span was
    widened into a hundred empty cells (1 GB for 6.8 MB)."""
    lines = seed_lines()
    fields = lines[6].split("\t")
    n = int(250_000 * scale)
    head = "<table border=\"1\"> <thead> <tr> <th>取組項目</th> <th>28年度</th> <th>29年度</th>"
    head += " <th>30年度</th> <th>31年度</th> </tr> </thead> <tbody>"
    fields[2] = head + "<tr><td colspan=\"1000\">x</td></tr>" * n + "</tbody></table>"
    return "\n".join(lines[:6] + ["\t".join(fields)]).encode()


def make_tsv_long_heading(scale):
    """A heading of 300,000 characters over 2,000 plan lines (1 MB at scale 1): `check`'s
    summary held the heading once per line (1.78 GB for 1,000)."""
    lines = seed_lines()
    fields = lines[6].split("\t")
    n = int(2_000 * scale)
    fields[13] = "<" + "あ" * 300_000 + "> " + " ".join(["・研修(4月)"] * n)
    return "\n".join(lines[:6] + ["\t".join(fields)]).encode()


def make_xlsx_long_sheet_name(scale):
    """A sheet named with 300,000 characters and 10,000 notes beside its table (125 KB): each
    note's warning held the name (3.9 GB)."""
    cells = {}
    for r, row in enumerate(REPORT_ROWS):
        for c, text in enumerate(row):
            if text:
                cells[(r, c)] = text
    for k in range(10_000):
        cells[(10 + k, 12)] = "メモ"
    data = bytearray(xlsx_cells(cells))
    import io
    parts = []
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as z:
        for info in z.infolist():
            content = z.read(info.filename)
            if info.filename == "xl/workbook.xml":
                content = content.replace("工程表".encode(), ("工程表" + "あ" * 300_000).encode())
            parts.append((info.filename, content))
    return package(parts)


def make_csv_rows(scale):
    """The seed saved as CSV and 4.9 million one-letter rows after it (9.8 MB at scale 1): each
    field held as a string of its own took 1.2 GB."""
    import csv
    import io

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    for line in seed_lines():
        writer.writerow(line.split("\t"))
    return (out.getvalue() + "x\n" * int(4_900_000 * scale)).encode()


# Answers: a division's response workbook (written by `shinchoku survey` at OUT) changed as an
# attacker would, in its XML. Texts go in as inline strings; a control character as Excel
# writes it, `_x001B_`.

def book_parts(path):
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist()}


def sheet_of(files, name):
    """The part holding the sheet `name`, through the workbook's relationships."""
    import re

    book = files["xl/workbook.xml"].decode()
    rid = re.search(r'<sheet [^>]*name="%s"[^>]*r:id="([^"]+)"' % name, book).group(1)
    rels = files["xl/_rels/workbook.xml.rels"].decode()
    for rel in re.findall(r"<Relationship [^>]*/>", rels):
        if f'Id="{rid}"' in rel:
            target = re.search(r'Target="([^"]+)"', rel).group(1)
            return target.lstrip("/") if target.startswith("/xl/") else "xl/" + target
    raise SystemExit(f"no sheet {name}")


def shared_strings(files):
    import re

    xml = files["xl/sharedStrings.xml"].decode()
    return ["".join(re.findall(r"<t[^>]*>(.*?)</t>", si, re.S))
            for si in re.findall(r"<si>(.*?)</si>", xml, re.S)]


def id_rows(sheet, strings, column):
    """Each row's hidden id (the text of `column`) → its row number."""
    import re

    out = {}
    for number, cells in re.findall(r'<row r="(\d+)"[^>]*>(.*?)</row>', sheet, re.S):
        m = re.search(r'<c r="%s%s"[^>]*t="s"[^>]*><v>(\d+)</v></c>' % (column, number), cells)
        if m:
            out.setdefault(strings[int(m.group(1))], int(number))
    return out


def inline(ref, text):
    return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{esc(text)}</t></is></c>'


def typed_into(sheet, cells):
    """The sheet with each `(ref, text)` written: an existing cell replaced, else added in a
    row after the last (the rows of `cells` not in the sheet, in order)."""
    import re

    added = {}
    for ref, text in cells:
        found = re.search(r'<c r="%s"[^>]*?(/>|>.*?</c>)' % ref, sheet, re.S)
        if found:
            sheet = sheet[:found.start()] + inline(ref, text) + sheet[found.end():]
        else:
            row = int(re.search(r"\d+", ref).group(0))
            added.setdefault(row, []).append(inline(ref, text))
    rows = "".join(f'<row r="{r}">{"".join(c)}</row>' for r, c in sorted(added.items()))
    return sheet.replace("</sheetData>", rows + "</sheetData>")


def rewritten(path, sheet_name, cells_of):
    files = book_parts(path)
    part = sheet_of(files, sheet_name)
    sheet = files[part].decode()
    files[part] = typed_into(sheet, cells_of(sheet, shared_strings(files))).encode()
    return package(list(files.items()))


def make_ron_many_indicators(scale):
    """The sample with 50,000 indicators on its first initiative (10 MB): the check for one
    named twice compared each with all before it, 23 s for the file."""
    import pathlib

    sample = pathlib.Path(__file__).resolve().parents[2] / "assets" / "sample-report.ron"
    text = sample.read_text(encoding="utf-8")
    count = 50_000  # at every scale: a fifth of it took 1 s before
    indicators = "".join(
        f'(name: "指標{k}", unit: "件", years: [(year: 2017, target: (value: Some("{k}")))]),'
        for k in range(count)
    )
    marker = '            divisions: [\n              "総務部人事課",\n            ],\n'
    at = text.index(marker) + len(marker)
    text = text[:at] + f"            measures: Some((indicators: [{indicators}])),\n" + text[at:]
    return text.encode()


def make_answer_numbers(scale, path):
    """数値回答 answered with what breaks numbers and screens: a float's exponent, a formula
    as text, 20-digit yen, full-width digits, △ alone, NaN, an ESC sequence and U+202E in a
    rating, a formula starter as a rating; then rows whose hidden id claims another division's
    initiative (#6, 総務部行財政改革推進課's), a number the report lacks, and the indicator a
    second time."""
    def cells(sheet, strings):
        rows = id_rows(sheet, strings, "F")
        ids = sorted(rows, key=rows.get)
        indicator = next(i for i in ids if i.startswith("I "))
        effects = [i for i in ids if i.startswith("E ")]
        ratings = [i for i in ids if i.startswith("R ")]
        answers = [(indicator, "1e308")]
        answers += zip(effects, ["=cmd|' /C calc'!A0", "12345678901234567890", "１，０００"])
        answers += zip(ratings, ["B_x001B_[2J_x202E_", "@SUM(A1)", "NaN"])
        out = [(f"E{rows[i]}", text) for i, text in answers]
        last = max(rows.values())
        for k, (hidden, text) in enumerate([("R 6", "S"), ("I 999999 0", "5"), (indicator, "290")]):
            out += [(f"E{last + 1 + k}", text), (f"F{last + 1 + k}", hidden)]
        return out

    return rewritten(path, "数値回答", cells)


def make_answer_numbers_far_cell(scale, path):
    """A value at XFD1048576 of the 数値回答 sheet: one cell, not a sheet of 17 billion."""
    return rewritten(path, "数値回答", lambda sheet, strings: [("XFD1048576", "最後のセル")])


def make_answer_ten_mb(scale, path):
    """A result of 3.3 million different kanji (10 MB of text at scale 1, 7 MB zipped): tens
    of thousands of characters the bundled font lacks, each warned of once."""
    import random

    rng = random.Random(23)
    text = "".join(chr(rng.randint(0x4E00, 0x9FA5)) for _ in range(int(3_300_000 * scale)))

    def cells(sheet, strings):
        rows = id_rows(sheet, strings, "F")
        first = min(r for t, r in rows.items() if t.isdigit())
        return [(f"E{first}", "・" + text + "(9月)")]

    return rewritten(path, "回答", cells)


def make_answer_topic_rows(scale, path):
    """One topic's row copied 40,000 times (300 KB at scale 1): each copy was compared with
    all the rows joined before it, a minute to collect."""
    import re

    files = book_parts(path)
    part = sheet_of(files, "回答")
    sheet = files[part].decode()
    rows = id_rows(sheet, shared_strings(files), "F")
    topic = min((r, t) for t, r in rows.items() if t.isdigit())[1]
    last = max(int(n) for n in re.findall(r'<row r="(\d+)"', sheet))
    copies = "".join(
        f'<row r="{r}">{inline(f"E{r}", "・研修(4月)")}{inline(f"F{r}", topic)}</row>'
        for r in range(last + 1, last + 1 + int(40_000 * scale))
    )
    at = sheet.index("</sheetData>")
    files[part] = (sheet[:at] + copies + sheet[at:]).encode()
    return package(list(files.items()))


def make_answer_many_lines(scale, path):
    """450,000 lines 「・研修(4月)」 in one 実績 cell (a 22 KB workbook): taken in, they made the
    master 128 MB, more than is read, and no command could open it again. Refused now."""
    text = "\n".join(["・研修(4月)"] * int(450_000 * scale))

    def cells(sheet, strings):
        rows = id_rows(sheet, strings, "F")
        first = min(r for t, r in rows.items() if t.isdigit())
        return [(f"E{first}", text)]

    return rewritten(path, "回答", cells)


def make_answer_repeated(scale, path):
    """A result of one sentence said 2.5 million times (20 million characters, 60 MB of text:
    under the 64 MB a workbook's text may hold) in a workbook of 155 KB: saving it took 7.5 s
    of the 11 s collect took, the RON writer looking up each kanji's printability, and the
    master it made was larger than is read. Refused now (more text than an answer brings)."""
    text = "研修を実施した。" * int(2_500_000 * scale)

    def cells(sheet, strings):
        rows = id_rows(sheet, strings, "F")
        first = min(r for t, r in rows.items() if t.isdigit())
        return [(f"E{first}", "・" + text + "(9月)")]

    return rewritten(path, "回答", cells)


# ---- found by the second attack ----

NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'


def xlsx_streamed(extra_rows, styles=None, after_sheet_data=b""):
    """The one-initiative report workbook with `extra_rows` (bytes, one by one) after its
    rows, an optional styles part, and XML after </sheetData> (merged cells)."""
    import io

    base = xlsx(REPORT_ROWS)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(base)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename != "xl/worksheets/sheet1.xml":
                dst.writestr(info.filename, src.read(info.filename))
        if styles:
            dst.writestr("xl/styles.xml", styles)
        head = src.read("xl/worksheets/sheet1.xml").split(b"</sheetData>")[0]
        info = zipfile.ZipInfo("xl/worksheets/sheet1.xml")
        info.compress_type = zipfile.ZIP_DEFLATED
        with dst.open(info, "w", force_zip64=True) as f:
            f.write(head)
            for chunk in extra_rows:
                f.write(chunk)
            f.write(b"</sheetData>" + after_sheet_data + b"</worksheet>")
    return out.getvalue()


def styles_part(formats, xfs):
    nf = "".join(f'<numFmt numFmtId="{i}" formatCode="{c}"/>' for i, c in formats)
    return (f"<styleSheet {NS}><numFmts>{nf}</numFmts><cellXfs><xf numFmtId=\"0\"/>"
            + "".join(f'<xf numFmtId="{x}"/>' for x in xfs) + "</cellXfs></styleSheet>")


def make_xlsx_unit_format(scale):
    """A money unit 3,000 characters long in a format given to a million empty cells (24 KB):
    the code was copied into each, and the reader aborted for memory."""
    code = "0&quot;" + "あ" * 3000 + "円&quot;"
    rows = (b"<row>" + b'<c s="1"/>' * 1000 + b"</row>" for _ in range(1000))
    return xlsx_streamed(rows, styles_part([(164, code)], [164]))


def make_xlsx_styled_cells(scale):
    """Twelve million empty cells in a scaling format (`0,`), 120 MB unzipped (260 KB): each
    kept, then each walked once per kind of format (over 20 s, 1.1 GB); read in 9.6 s, then
    refused for the cells written."""
    rows = (b"<row>" + b'<c s="1"/>' * 1000 + b"</row>" for _ in range(12000))
    return xlsx_streamed(rows, styles_part([(164, "0,")], [164]))


def make_xlsx_merges_over_value(scale):
    """A million merged regions over the stage column, each over a value 300,000 rows down:
    each region was walked down to it (still running after 20 s)."""
    n = 300_000
    rows = [f'<row r="{r}"><c r="Z{r}" t="inlineStr"><is><t>x</t></is></c></row>'.encode()
            for r in range(10, n)]
    rows.append(f'<row r="{n}"><c r="D{n}" t="inlineStr"><is><t>y</t></is></c></row>'.encode())
    merges = b"<mergeCells>" + f'<mergeCell ref="D5:D{n + 5}"/>'.encode() * 1_000_000 + b"</mergeCells>"
    return xlsx_streamed(rows, None, merges)


def make_xls_unit_format(scale):
    """A FORMAT of a 4,000-character money unit for 750,000 number cells (MULRK): the unit was
    written into each cell's text, 9 GB."""
    code = '0"' + "あ" * 4000 + '円"'
    fmt = record(0x041E, struct.pack("<HHB", 164, len(code), 1) + code.encode("utf-16-le"))
    xf = lambda f: record(0x00E0, struct.pack("<HH", 0, f) + bytes(16))
    mulrk = lambda r: record(0x00BD, struct.pack("<HH", r, 0)
                             + struct.pack("<HI", 1, (1 << 2) | 2) * 250 + struct.pack("<H", 249))
    cells = report_labels() + [mulrk(100 + r) for r in range(3000)]
    return compound_file(workbook_stream([fmt, xf(0), xf(164)], cells))


def make_xls_sheet_offsets(scale):
    """150,000 sheets each starting four bytes further into one sheet's records: each was
    walked to the end of the stream."""
    n = 150_000
    head = bof(0x0005) + record(0x0042, struct.pack("<H", 1200))
    start = len(head) + n * 13 + 4
    labels = b"".join(report_labels())
    sheet_bof = bof(0x0010)
    offsets = [0] + [len(sheet_bof) + len(labels) + 4 * k for k in range(1, n)]
    s = head + b"".join(record(0x0085, struct.pack("<IBBBB", start + o, 0, 0, 1, 0) + b"S")
                        for o in offsets) + record(0x000A, b"")
    s += sheet_bof + labels + record(0x0099, b"") * n + record(0x000A, b"")
    return compound_file(s.ljust((len(s) // 512 + 2) * 512, b"\0"))


def make_ods_shown_spaces(scale):
    """A thousand number cells whose text shown beside the value is sixty million spaces
    (1.7 KB): the spaces were made for each."""
    cell = ('<table:table-cell office:value-type="float" office:value="1"><text:p>'
            '<text:s text:c="60000000"/></text:p></table:table-cell>')
    return ods(ods_report_rows() + ("<table:table-row>" + cell * 10 + "</table:table-row>") * 100)


def make_xlsx_indicator_rows(scale):
    """20,000 initiatives and an indicator sheet of 400,000 rows naming none of them: each row
    looked through every initiative."""
    def c(r, col, t):
        return f'<c r="{column_letters(col)}{r}" t="inlineStr"><is><t>{esc(t)}</t></is></c>'

    def row(r, cells):
        return f'<row r="{r}">' + "".join(c(r, k, t) for k, t in cells) + "</row>"

    report = [row(r + 1, [(k, t) for k, t in enumerate(x) if t]) for r, x in enumerate(REPORT_ROWS)]
    report += [row(10 + k, [(0, str(k + 2)), (1, "取組")]) for k in range(20_000)]
    indicators = [row(1, [(0, "番号"), (1, "指標")])]
    indicators += [row(2 + k, [(0, "99999999"), (1, "x")]) for k in range(400_000)]
    sheet = lambda rows: f"<worksheet {NS}><sheetData>" + "".join(rows) + "</sheetData></worksheet>"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    parts = [
        ("[Content_Types].xml",
         '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
         '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
         '<Default Extension="xml" ContentType="application/xml"/>'
         '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>'),
        ("_rels/.rels",
         '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         f'<Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
        ("xl/workbook.xml",
         f'<workbook {NS} xmlns:r="{rel}"><sheets><sheet name="工程表" sheetId="1" r:id="rId1"/>'
         '<sheet name="指標" sheetId="2" r:id="rId2"/></sheets></workbook>'),
        ("xl/_rels/workbook.xml.rels",
         '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         f'<Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/s0.xml"/>'
         f'<Relationship Id="rId2" Type="{rel}/worksheet" Target="worksheets/s1.xml"/></Relationships>'),
        ("xl/worksheets/s0.xml", sheet(report)),
        ("xl/worksheets/s1.xml", sheet(indicators)),
    ]
    return package(parts)


def make_tsv_rating_scale(scale):
    """A legend of 6,000 levels and 6,000 initiatives each rated with a code it lacks (512 KB):
    every warning held the whole scale (15 s, 2.4 GB, 200 MB of warnings)."""
    n = 6000
    lines = ["平成29年度「改革」取組 上半期実績", "評価\t内容"] + [f"L{k}\tx" for k in range(n)]
    lines += ["", "番号\t具体的取組\t工程\t平成29年度 年次計画\t上半期実績\t担当課\t評価", "I 協創"]
    lines += [f"{k + 1}\t① 取組{k}\t\t・研修(4月)\t・研修(4月)\t総務部人事課\tZ{k}" for k in range(n)]
    return ("\n".join(lines) + "\n").encode()


def make_ron_many_divisions(scale):
    """The sample with one initiative naming 500,000 divisions (6 MB): each was looked for in
    those before it."""
    import pathlib

    sample = pathlib.Path(__file__).resolve().parents[2] / "assets" / "sample-report.ron"
    text = sample.read_text(encoding="utf-8")
    marker = 'divisions: [\n              "総務部人事課",'
    assert marker in text
    many = "divisions: [" + "".join(f'"課{k}",' for k in range(500_000))
    return text.replace(marker, many, 1).encode()


def make_tsv_long_title(scale):
    """An initiative title of three million characters (9 MB), printed: the head of each of its
    1,700 continued pages measured the whole title."""
    lines = seed_lines()
    fields = lines[6].split("\t")
    fields[1] = "① " + "あ" * int(3_000_000 * scale)
    return "\n".join(lines[:6] + ["\t".join(fields)]).encode()


def make_tsv_print_rows(scale):
    """An initiative of 240,000 stage rows (9.8 MB), printed on 5,854 pages: its tags took
    1.26 GB and 11.5 s; past 100,000 rows a printout is made untagged, and said."""
    lines = seed_lines()
    fields = lines[6].split("\t")
    fields[2] = ("<table><thead><tr><th>取組項目</th><th>28年度</th><th>29年度</th></tr></thead><tbody>"
                 + '<tr><td>x</td><td colspan="2">y</td></tr>' * int(240_000 * scale) + "</tbody></table>")
    return "\n".join(lines[:6] + ["\t".join(fields)]).encode()


def make_answer_formulas(scale, path):
    """Eight million formulas saved without their values in the answer sheet (260 KB): each
    was kept with a warning (3.5 GB)."""
    import io

    files = book_parts(path)
    part = sheet_of(files, "回答")
    head, tail = files.pop(part).split(b"</sheetData>")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as o:
        for name, data in files.items():
            o.writestr(name, data)
        info = zipfile.ZipInfo(part)
        info.compress_type = zipfile.ZIP_DEFLATED
        with o.open(info, "w", force_zip64=True) as f:
            f.write(head)
            for _ in range(8000):
                f.write(b"<row>" + b"<c><f>1</f></c>" * 1000 + b"</row>")
            f.write(b"</sheetData>" + tail)
    return out.getvalue()


# ---- Found by the fourth attack ----

def seed_with_cell(field, text):
    lines = seed_lines()
    fields = lines[6].split("\t")
    fields[field] = text
    lines[6] = "\t".join(fields)
    return "\n".join(lines).encode()


def sample_ron():
    import pathlib

    sample = pathlib.Path(__file__).resolve().parents[2] / "assets" / "sample-report.ron"
    return sample.read_text(encoding="utf-8")


def make_tsv_months_spaces(scale):
    """A result `・x(1 1 1 … 月)` of 40,000 ones (82 KB): the month bracket was tried as months
    from each space, each try reading the rest (10,000 ones: 26 s)."""
    return seed_with_cell(14, "・x(" + "1 " * 40000 + "月)")


def make_tsv_many_subs(scale):
    """One result of 40,000 sub-items (691 KB; 5.4 MB as a .ron): opening the .ron looked for
    each sub-item in the whole text (20,000: 14 s)."""
    return seed_with_cell(14, "・研修" + "".join(f"、研{k}(4月)" for k in range(40000)))


def make_tsv_title_as_of(scale):
    """A row of 40,000 `時点)` under the seed's title (302 KB): the as-of date was looked for
    back over the whole row at each 時点 (20,000: 9 s; 40,000: over 20 s)."""
    lines = seed_lines()
    lines.insert(3, "時点)" * 40000)
    return "\n".join(lines).encode()


def make_tsv_title_rows(scale):
    """4,990,000 one-letter rows above the header (10 MB): each was kept and said, 1.2 GB
    to check. Refused past the first 50,000 rows with text."""
    lines = seed_lines()
    lines[3:3] = ["x"] * 4_990_000
    return "\n".join(lines).encode()


def make_tsv_wide_header(scale):
    """A stage table of 40,000 empty headings over 3,000 one-cell rows (466 KB): its flattened
    copy was 120 million empty cells (a 3.9 GB allocation)."""
    table = ("<table><thead><tr><th>取組項目</th>" + "<th></th>" * 40000 + "</tr></thead><tbody>"
             + "<tr><td></td><td>x</td></tr>" * 3000 + "</tbody></table>")
    return seed_with_cell(2, table)


def make_tsv_year_headings(scale):
    """A stage table headed 1900年度 to 9999年度 over 10,000 rows (420 KB): 8,100 plan years,
    and a flattened copy of 81 million cells (its 97,000 tags within what a cell may hold)."""
    head = "<table><thead><tr><th>取組項目</th>" + "".join(f"<th>{y}年度</th>" for y in range(1900, 10000))
    body = "</tr></thead><tbody><tr><td>□研修</td><td>検討</td></tr>" + "<tr><td></td><td>x</td></tr>" * 10000
    return seed_with_cell(2, head + body + "</tbody></table>")


def make_tsv_many_lanes(scale):
    """One action item of 10,000 lanes (one stage each): exported as a table, every row was
    made as wide as the initiative's (50,000 fields; 503 MB, 48 s)."""
    table = ("<table><thead><tr><th>取組項目</th><th>28年度</th><th>29年度</th><th>30年度</th>"
             "<th>31年度</th></tr></thead><tbody><tr><td>□研修</td><td>検討</td><td></td><td></td><td></td></tr>"
             + "<tr><td></td><td></td><td>x</td><td></td><td></td></tr>" * 10000 + "</tbody></table>")
    return seed_with_cell(2, table)


def make_ron_plan_years(scale):
    """The sample with plan years 1900–9999 and 2,000 empty lanes (52 KB): the workbook export
    wrote 8,100 year columns a row (2 GB)."""
    text = sample_ron()
    old = "first: 2016,\n      last: 2019"
    assert old in text
    text = text.replace(old, "first: 1900,\n      last: 9999", 1)
    return text.replace("lanes: [\n", "lanes: [\n" + "[],\n" * 2000, 1).encode()


def make_ron_far_years(scale):
    """The sample with an indicator holding a target for every year 1900–9999 and 4,000 more
    indicators (720 KB): the table export wrote 8,100 year columns for each (1.7 GB)."""
    text = sample_ron()
    years = ",".join(f'(year: {y}, target: (value: Some("1")))' for y in range(1900, 10000))
    more = "".join(f'(name: "指標{i}", years: [(year: 2017, target: (value: Some("1")))]),'
                   for i in range(4000))
    marker = 'divisions: [\n              "総務部人事課",'
    assert marker in text
    measures = f"measures: Some((indicators: [(name: \"指標\", years: [{years}]),{more}])),\n            "
    return text.replace(marker, measures + marker, 1).encode()


def make_ron_many_survey_divisions(scale):
    """The sample with one initiative naming 3,000 divisions (90 KB): a survey wrote a response
    to each holding every name (335 MB in 20 s)."""
    text = sample_ron()
    marker = 'divisions: [\n              "総務部人事課",'
    assert marker in text
    many = "divisions: [" + "".join(f'"総務部第{k}課",' for k in range(3000))
    return text.replace(marker, many, 1).encode()


def make_tsv_unlike_names(scale):
    """Initiative 2's plan line and result, each 40,000 different kanji with no pair of
    characters in common (262 KB): their likeness was counted pair against pair (over 20 s)."""
    plan = "".join(chr(0x4E00 + (i * 7) % 20000) for i in range(40000))
    result = "".join(chr(0x4E00 + (i * 11 + 3) % 20000) for i in range(40000))
    lines = seed_lines()
    for k, line in enumerate(lines):
        if line.startswith("2\t"):
            fields = line.split("\t")
            fields[18] = "<ポータルサイトの構築> ・" + plan + "(通年)"
            fields[19] = "<ポータルサイトの構築> ・" + result + "(6月)"
            lines[k] = "\t".join(fields)
            break
    return "\n".join(lines).encode()


# ---- found by the fifth attack ----


def numbers_formatted(path, code, rows):
    """The response workbook at `path` with its first topic's 実績 cell and `rows` rows after
    the table a number in format `code` (a style of its own)."""
    import re

    files = book_parts(path)
    styles = files["xl/styles.xml"].decode()
    styles = re.sub(r"<numFmts count=\"(\d+)\">",
                    lambda m: f'<numFmts count="{int(m.group(1)) + 1}"><numFmt numFmtId="165" formatCode="{code}"/>',
                    styles, count=1)
    count = int(re.search(r'<cellXfs count="(\d+)">', styles).group(1))
    styles = styles.replace(f'<cellXfs count="{count}">', f'<cellXfs count="{count + 1}">').replace(
        "</cellXfs>", '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>')
    files["xl/styles.xml"] = styles.encode()
    part = sheet_of(files, "回答")
    sheet = files[part].decode()
    ids = id_rows(sheet, shared_strings(files), "F")
    first = min(r for t, r in ids.items() if t.isdigit())
    sheet = re.sub(r'<c r="E%d"[^>]*?(/>|>.*?</c>)' % first, f'<c r="E{first}" s="{count}"><v>1234</v></c>', sheet, count=1)
    last = max(int(n) for n in re.findall(r'<row r="(\d+)"', sheet))
    extra = "".join(f'<row r="{r}"><c r="E{r}" s="{count}"><v>1</v></c></row>'
                    for r in range(last + 1, last + 1 + rows))
    sheet = re.sub(r'<dimension ref="[^"]*"/>', "", sheet.replace("</sheetData>", extra + "</sheetData>"))
    files[part] = sheet.encode()
    return package(list(files.items()))


def make_answer_format_decimals(scale, path):
    """A 実績 cell's number in a format of 70,000 decimals (9 KB): `format!` was given the
    width, past what it takes, and collect panicked."""
    return numbers_formatted(path, "0." + "0" * 70_000, 0)


def make_answer_format_rows(scale, path):
    """A 15 MB number format (25 KB zipped) on 300 cells of the 実績 column: the code was copied
    for every row, 4 GB."""
    return numbers_formatted(path, "0" + "x" * int(15_000_000 * scale) + "%", 300)


def make_answer_numbers_twice(scale, path):
    """The indicator's 数値回答 row answered with 10 million characters, and 1,000 rows after
    the table naming it again (28 KB): each row's warning copied the 10 MB answer."""
    def cells(sheet, strings):
        rows = id_rows(sheet, strings, "F")
        indicator = next(i for i in sorted(rows, key=rows.get) if i.startswith("I "))
        out = [(f"E{rows[indicator]}", "1" * int(10_000_000 * scale))]
        last = max(rows.values())
        for r in range(last + 1, last + 1001):
            out += [(f"E{r}", "2"), (f"F{r}", indicator)]
        return out

    return rewritten(path, "数値回答", cells)


def seed_with_result(text):
    """The seed with initiative 2's first result `text` (its topic heading before it)."""
    lines = seed_lines()
    for k, line in enumerate(lines):
        if line.startswith("2\t"):
            fields = line.split("\t")
            fields[19] = "<ポータルサイトの構築> ・" + text
            lines[k] = "\t".join(fields)
            break
    return "\n".join(lines).encode()


def make_tsv_ampersands(scale):
    """A result of 700,000 `&` and no `;` (722 KB): each `&` looked for its `;` to the end."""
    return seed_with_result("研修" + "&" * int(700_000 * scale) + "(6月)")


def make_tsv_brackets(scale):
    """A result of 180,000 `(6/1)` before its month (0.9 MB): each read as counts and put
    before the others, quadratic (39 s to import)."""
    return seed_with_result("研修の実施" + "(6/1)" * int(180_000 * scale) + "(6月)")


def make_tsv_notes_after_month_word(scale):
    """A result 「研修月 (a) (a) …」 of 1,000,000 notes (4 MB): no month bracket, so each note
    was taken off the end in turn and the whole rest read as months again (12,000 notes: 25 s)."""
    return seed_with_result("研修月" + " (a)" * int(1_000_000 * scale))


def make_tsv_many_results(scale):
    """900,000 results 「・r(5月)」 in one cell (9.9 MB): imported, the report was 122 MB, more
    than is read. Refused when read now, by the table's bound on its lines."""
    return seed_with_result(" ・".join(["r(5月)"] * int(900_000 * scale)))


def make_tsv_months_listed(scale):
    """A month bracket listing 1,000,000 months 「(1月、2月、…)」 (7 MB): each place it could be
    parted was read whole, copied into an error and normalised (200,000: 13 s)."""
    listed = "、".join(f"{m % 12 + 1}月" for m in range(int(1_000_000 * scale)))
    return seed_with_result(f"研修({listed})")


# ---- found by the eighth attack ----


def make_xls_formula_spaces(scale):
    """One formula of 16,000 space tokens (tAttrSpace, 255 spaces each; 66 KB): the reader
    inserts each space at the start of the formula's text one by one, minutes of work. Refused
    past the spaces a workbook's formulas may ask for. Not scaled."""
    tokens = bytes([0x1E]) + struct.pack("<H", 1) + bytes([0x19, 0x40, 0x00, 0xFF]) * 16_000
    formula = record(
        0x0006,
        struct.pack("<HHH", 10, 1, 0) + struct.pack("<d", 1.0) + struct.pack("<HI", 0, 0)
        + struct.pack("<H", len(tokens)) + tokens,
    )
    return compound_file(workbook_stream([], report_labels() + [formula]))


def make_xlsx_many_sheets(scale):
    """40,000 empty sheets named with 200 characters each (9.6 MB): the reader finds each
    sheet by its name among all the others, 89 s. Refused past the sheets a workbook may list."""
    count = int(40_000 * scale)
    names = ["S" * 200 + "%07d" % k for k in range(count)]
    main_ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    rel_ns = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
    sheets = "".join(f'<sheet name="{n}" sheetId="{k + 1}" r:id="rId{k + 1}"/>' for k, n in enumerate(names))
    book = f'<?xml version="1.0" encoding="UTF-8"?><workbook {main_ns} {rel_ns}><sheets>{sheets}</sheets></workbook>'
    kind = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"
    rels = "".join(f'<Relationship Id="rId{k + 1}" Type="{kind}" Target="worksheets/s{k}.xml"/>' for k in range(count))
    package_ns = 'xmlns="http://schemas.openxmlformats.org/package/2006/relationships"'
    office = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
    parts = [
        ("[Content_Types].xml", b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>'),
        ("_rels/.rels", f'<?xml version="1.0"?><Relationships {package_ns}><Relationship Id="rId1" Type="{office}" Target="xl/workbook.xml"/></Relationships>'.encode()),
        ("xl/workbook.xml", book.encode()),
        ("xl/_rels/workbook.xml.rels", f'<?xml version="1.0"?><Relationships {package_ns}>{rels}</Relationships>'.encode()),
    ]
    empty = f'<?xml version="1.0"?><worksheet {main_ns}><sheetData/></worksheet>'.encode()
    parts += [(f"xl/worksheets/s{k}.xml", empty) for k in range(count)]
    return package(parts)


def make_tsv_long_results_old(scale):
    """The seed, initiative 2's results cell 200 results of 16,000 random kanji (9.6 MB):
    compared with tsv-long-results-new, 40,000 pairs each scored whole, 45 s. Names are
    compared by their beginnings now."""
    return long_results(scale, 1)


def make_tsv_long_results_new(scale):
    """The same, other random kanji."""
    return long_results(scale, 2)


def long_results(scale, seed):
    import random
    r = random.Random(seed)
    length = int(16_000 * scale)
    cell = "<br>".join("・" + "".join(chr(0x4E00 + r.randrange(3000)) for _ in range(length)) for _ in range(200))
    out = []
    for line in seed_lines():
        if line.startswith("2\t"):
            fields = line.split("\t")
            fields[19] = cell
            line = "\t".join(fields)
        out.append(line)
    return "\n".join(out).encode()


def make_answer_comments_repeated(scale, path):
    """An answer whose sheet's relationships name one comments part of 60 MB (no note in it)
    2,000 times (73 KB): it was unzipped and read once a time, minutes. Read once now."""
    import io
    with zipfile.ZipFile(path) as z:
        parts = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    kind = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
    rels = "".join(f'<Relationship Id="rC{k}" Type="{kind}" Target="../comments1.xml"/>' for k in range(2_000))
    ns = 'xmlns="http://schemas.openxmlformats.org/package/2006/relationships"'
    parts = [p for p in parts if p[0] != "xl/worksheets/_rels/sheet1.xml.rels"]
    parts.append(("xl/worksheets/_rels/sheet1.xml.rels", f'<?xml version="1.0"?><Relationships {ns}>{rels}</Relationships>'.encode()))
    notes = "<x/>" * int(15_000_000 * scale)
    main_ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    parts.append(("xl/comments1.xml", f'<?xml version="1.0"?><comments {main_ns}><commentList>{notes}</commentList></comments>'.encode()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts:
            z.writestr(name, data)
    return out.getvalue()


# ---- Found by the ninth attack ----

def repacked(base, edit):
    """The package `base` with each part's bytes passed through `edit(name, data)` (None
    leaves the part out); `edit` may add parts by returning a list of (name, data)."""
    import io

    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(base)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            made = edit(info.filename, src.read(info.filename))
            for name, data in (made if isinstance(made, list) else [(info.filename, made)]):
                if data is not None:
                    dst.writestr(name, data)
    return out.getvalue()


def make_xlsx_stray_tag_strings(scale):
    """A stray closing tag (`<a></b>`) before `<sst uniqueCount="4294967295">` (1.7 KB): the
    bounds' reader stopped at it, calamine read on and asked for 103 GB (the process aborted)."""
    shared = (f'<a></b><sst {NS} count="1" uniqueCount="4294967295"><si><t>x</t></si></sst>')
    return xlsx(REPORT_ROWS, shared)


def make_xlsx_empty_cells(scale):
    """Thirty million bare `<c/>`, 120 MB unzipped (170 KB): calamine read each (17 s)."""
    rows = (b"<row>" + b"<c/>" * 1000 + b"</row>" for _ in range(30_000))
    return xlsx_streamed(rows)


def make_xlsx_same_sheet_names(scale):
    """Thirty sheets of one name, each its own part: the reader finds a sheet by its name and
    reads the first one's data once per sheet (the attack's parts of 30 MB ran past 20 s)."""
    big = (b'<worksheet ' + NS.encode() + b'><sheetData>'
           + b"<row>" + b"<c/>" * 1000 + b"</row></sheetData></worksheet>")
    n = 30

    def edit(name, data):
        if name == "xl/workbook.xml":
            sheets = "".join(f'<sheet name="S" sheetId="{k}" r:id="rId{k + 10}"/>' for k in range(n))
            return data.replace(b"</sheets>", sheets.encode() + b"</sheets>")
        if name == "xl/_rels/workbook.xml.rels":
            rels = "".join(
                f'<Relationship Id="rId{k + 10}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/s{k}.xml"/>'
                for k in range(n))
            return data.replace(b"</Relationships>", rels.encode() + b"</Relationships>")
        if name == "xl/worksheets/sheet1.xml":
            return [(name, data)] + [(f"xl/worksheets/s{k}.xml", big) for k in range(n)]
        return data

    return repacked(xlsx(REPORT_ROWS), edit)


def make_xlsx_renamed_book(scale):
    """The workbook part named `xl/book.xml` by the package's relationships, its twenty sheets
    naming one part: the check of sheets sharing a part looked at `workbook.xml` alone (past
    20 s)."""
    n = 20

    def edit(name, data):
        if name == "_rels/.rels":
            return data.replace(b"xl/workbook.xml", b"xl/book.xml")
        if name == "xl/workbook.xml":
            sheets = "".join(f'<sheet name="S{k}" sheetId="{k + 2}" r:id="rId1"/>' for k in range(n))
            return [("xl/book.xml", data.replace(b"</sheets>", sheets.encode() + b"</sheets>"))]
        if name == "xl/_rels/workbook.xml.rels":
            return [("xl/_rels/book.xml.rels", data)]
        return data

    return repacked(xlsx(REPORT_ROWS), edit)


def main():
    kind, out = sys.argv[1], sys.argv[2]
    scale = float(sys.argv[3]) if len(sys.argv) > 3 else 1.0
    make = globals()["make_" + kind.replace("-", "_")]
    # An answer is made from the response workbook already at OUT.
    data = make(scale, out) if kind.startswith("answer-") else make(scale)
    with open(out, "wb") as f:
        f.write(data)


if __name__ == "__main__":
    main()
