"""Reading and writing the cells of a Shinchoku response workbook as Excel stores them: the
workbook is a zip of XML, texts in its shared strings. Used by excel-answer.py (the 回答 sheet)
and excel-answer-numbers.py (the 数値回答 sheet); only the standard library."""
import re
import sys
import zipfile
from xml.sax.saxutils import escape

STRINGS = "xl/sharedStrings.xml"


def unescape(text):
    return (text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"')
            .replace("&apos;", "'").replace("&amp;", "&"))


def open_book(path):
    """The workbook's parts by name, and its shared strings as a list."""
    with zipfile.ZipFile(path) as z:
        files = {n: z.read(n) for n in z.namelist()}
    items = re.findall(r"<si>(.*?)</si>", files[STRINGS].decode(), re.S)
    strings = ["".join(unescape(t) for t in re.findall(r"<t[^>]*>(.*?)</t>", si, re.S))
               for si in items]
    return files, strings


def rows_with(sheet, strings, column, text):
    """The numbers of the rows whose cell in `column` holds `text`, top to bottom."""
    found = []
    for number, cells in re.findall(r'<row r="(\d+)"[^>]*>(.*?)</row>', sheet, re.S):
        m = re.search(r'<c r="%s%s"[^>]*t="s"[^>]*><v>(\d+)</v></c>' % (column, number), cells)
        if m and strings[int(m.group(1))] == text:
            found.append(number)
    return found


def cell(sheet, ref):
    """The cell `ref` (`E12`): a match whose group 1 is its attributes, group 3 its content."""
    found = re.search(r'<c r="%s"([^>]*?)(/>|>(.*?)</c>)' % ref, sheet, re.S)
    if not found:
        sys.exit(f"no cell {ref}")
    return found


def typed(ref, found, value, strings, number=False):
    """The cell as Excel writes it when `value` is typed: a number, or text in the shared
    strings (appended to `strings`), in the cell's own style."""
    style = re.search(r'\ss="\d+"', found.group(1))
    style = style.group(0) if style else ""
    if number:
        return f'<c r="{ref}"{style}><v>{value}</v></c>'
    strings.append(value)
    return f'<c r="{ref}"{style} t="s"><v>{len(strings) - 1}</v></c>'


def save_book(path, files, strings, part, sheet):
    """Writes the workbook back with `part` replaced by `sheet` and the shared strings."""
    items = "".join(f'<si><t xml:space="preserve">{escape(s)}</t></si>' for s in strings)
    xml = files[STRINGS].decode()
    xml = re.sub(r"<si>.*</si>", lambda _: items, xml, flags=re.S)
    xml = re.sub(r'count="\d+"', f'count="{len(strings)}"', xml)
    xml = re.sub(r'uniqueCount="\d+"', f'uniqueCount="{len(strings)}"', xml)
    files[STRINGS] = xml.encode()
    files[part] = sheet.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files.items():
            z.writestr(name, data)
