#!/usr/bin/env python3
"""How large the code is, by the house rules (issue 24): no file in src/ over 800 lines, no
function over 80 lines in src/app and over 120 anywhere else, except tables — a function whose
body is one `match` with every arm a single expression (`Kind => say(…),`), one arm per kind.

    scripts/code-size.py [--list N] [src]

Functions are measured by brace matching on the code with its strings, characters and
comments blanked out, from the line of `fn` to its closing brace; `#[cfg(test)]` modules count
as code too. Prints every function over its limit and every table over 80 lines, and exits 1
when a rule is broken. `--list N` also prints the N longest functions.
"""
import re
import sys
from pathlib import Path

FILE_LIMIT = 800
APP_LIMIT = 80
LIMIT = 120


def blank(text):
    """The text with strings, chars and comments replaced by spaces (newlines kept)."""
    out = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            out.append(" " * (j - i))
            i = j
        elif text.startswith("/*", i):
            depth, j = 1, i + 2
            while j < n and depth:
                if text.startswith("/*", j):
                    depth, j = depth + 1, j + 2
                elif text.startswith("*/", j):
                    depth, j = depth - 1, j + 2
                else:
                    j += 1
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
        elif c == "r" and re.match(r'r#*"', text[i:i + 10]) and not (i and (text[i - 1].isalnum() or text[i - 1] == "_")):
            hashes = re.match(r'r(#*)"', text[i:]).group(1)
            end = text.find('"' + hashes, i + len(hashes) + 2)
            end = n if end < 0 else end + 1 + len(hashes)
            out.append(re.sub(r"[^\n]", " ", text[i:end]))
            i = end
        elif c == '"':
            j = i + 1
            while j < n and text[j] != '"':
                j += 2 if text[j] == "\\" else 1
            out.append(re.sub(r"[^\n]", " ", text[i:j + 1]))
            i = j + 1
        elif c == "'":
            m = re.match(r"'(\\.[^']*|[^\\'])'", text[i:i + 12])
            if m:
                out.append(" " * len(m.group(0)))
                i += len(m.group(0))
            else:  # a lifetime
                out.append(c)
                i += 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


def functions(code):
    """(name, first line, last line, body) of each fn with a body."""
    for m in re.finditer(r"\bfn\s+([A-Za-z_][A-Za-z0-9_]*)", code):
        # The body starts at the first `{` at depth 0 of the signature, unless a `;` comes first.
        j, depth = m.end(), 0
        while j < len(code):
            ch = code[j]
            if ch in "(<[":
                depth += 1
            elif ch in ")>]":
                depth -= 1 if ch != ">" or code[j - 1] != "-" else 0
            elif ch == ";" and depth <= 0:
                j = -1
                break
            elif ch == "{" and depth <= 0:
                break
            j += 1
        if j < 0 or j >= len(code):
            continue
        start, level = j, 0
        while j < len(code):
            if code[j] == "{":
                level += 1
            elif code[j] == "}":
                level -= 1
                if level == 0:
                    break
            j += 1
        first = code.count("\n", 0, m.start()) + 1
        last = code.count("\n", 0, j) + 1
        yield m.group(1), first, last, code[start + 1:j]


def arms(block):
    """The arms of a match block's inside, split at top-level commas after `=>`."""
    out, depth, cur = [], 0, []
    for ch in block:
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        if ch == "," and depth == 0:
            out.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    if "".join(cur).strip():
        out.append("".join(cur))
    return out


def is_table(body):
    """One `match` (after at most two `let`s) whose arms are each one expression."""
    text = body.strip()
    lets = 0
    while text.startswith("let "):
        end = text.find(";")
        text = text[end + 1:].strip()
        lets += 1
    if lets > 2:
        return False
    m = re.match(r"(\w+\s*\(\s*)?match\b", text)
    if not m:
        return False
    brace = text.find("{", m.end())
    depth, j = 0, brace
    while j < len(text):
        if text[j] == "{":
            depth += 1
        elif text[j] == "}":
            depth -= 1
            if depth == 0:
                break
        j += 1
    rest = text[j + 1:].strip().lstrip(")").strip().rstrip(";").strip()
    if rest and not re.fullmatch(r"(\.\w+\(\))*", rest):
        return False
    for arm in arms(text[brace + 1:j]):
        if "=>" not in arm:
            return False
        expr = arm.split("=>", 1)[1].strip()
        if expr.startswith("{"):
            inner = expr[1:expr.rfind("}")]
            if ";" in inner.replace("};", "}") or inner.count("let ") > 0:
                return False
    return True


def main():
    args = sys.argv[1:]
    listing = 0
    if args[:1] == ["--list"]:
        listing, args = int(args[1]), args[2:]
    root = Path(args[0] if args else "src")
    broken, tables, all_fns = [], [], []
    for path in sorted(root.rglob("*.rs")):
        text = path.read_text(encoding="utf-8")
        lines = text.count("\n")
        rel = path.relative_to(root.parent) if root.parent != Path("") else path
        if lines > FILE_LIMIT:
            broken.append(f"{rel}: {lines} lines (at most {FILE_LIMIT})")
        limit = APP_LIMIT if "app" in path.relative_to(root).parts[:1] else LIMIT
        for name, first, last, body in functions(blank(text)):
            length = last - first + 1
            all_fns.append((length, f"{rel}:{first} {name}"))
            if length <= APP_LIMIT:
                continue
            if is_table(body):
                tables.append(f"{rel}:{first} {name}: {length} lines, a table")
            elif length > limit:
                broken.append(f"{rel}:{first} {name}: {length} lines (at most {limit})")
    for t in tables:
        print(t)
    for b in broken:
        print("TOO LONG", b)
    if listing:
        for length, where in sorted(all_fns, reverse=True)[:listing]:
            print(f"{length:5} {where}")
    print(f"code-size: {len(all_fns)} functions; {len(tables)} table(s) over {APP_LIMIT} lines; "
          f"{len(broken)} over the limits")
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
