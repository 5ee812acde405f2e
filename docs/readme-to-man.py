#!/usr/bin/env python3
"""Writes the man page compose.1 from README.md: the README is the one source of the reference.

    python3 docs/readme-to-man.py README.md compose.1 VERSION

The README's sections named in SECTIONS become the man page's, in that order; within them the
Markdown the README uses (paragraphs, indented and fenced code, tables, lists, `code`, **bold**,
[links](…)) becomes roff for man(7).
"""
import re
import sys

# README section -> man page section
SECTIONS = [
    ("Commands", "DESCRIPTION"),
    ("Diagnostics", "DIAGNOSTICS"),
    ("Exit status", "EXIT STATUS"),
    ("Building many reports: make and Ninja", "BUILD INTEGRATION"),
    ("Limits", "LIMITS"),
    ("Layouts", "LAYOUTS"),
    ("Fonts", "FONTS"),
    ("Installing", "FILES"),
]


def roff_text(s):
    """Inline Markdown to roff: escapes first, then `code` and **bold** as bold, links as text."""
    s = s.replace("\\", "\\e")
    s = re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", s)
    parts = re.split(r"(`[^`]*`)", s)
    out = []
    for part in parts:
        if part.startswith("`") and part.endswith("`") and len(part) >= 2:
            out.append("\\fB" + part[1:-1].replace("-", "\\-") + "\\fR")
        else:
            part = re.sub(r"\*\*([^*]+)\*\*", r"\\fB\1\\fR", part)
            out.append(part)
    return "".join(out)


def line_start_safe(line):
    """A line starting with '.' or "'" would be a request: protect it."""
    return "\\&" + line if line.startswith((".", "'")) else line


def code_block(lines):
    out = [".PP", ".RS 4", ".nf"]
    for l in lines:
        out.append(line_start_safe(l.replace("\\", "\\e").replace("-", "\\-")))
    out += [".fi", ".RE"]
    return out


def table(rows):
    """A Markdown table as one tagged paragraph per row: the first cell, then the others."""
    cells = [[c.strip() for c in r.strip().strip("|").split("|")] for r in rows]
    header, body = cells[0], [r for r in cells[1:] if not all(re.fullmatch(r":?-+:?", c) for c in r)]
    out = []
    for r in body:
        out.append(".TP")
        out.append(line_start_safe(roff_text(r[0])))
        rest = [f"{header[i]}: {roff_text(c)}" if i > 1 else roff_text(c) for i, c in enumerate(r) if i > 0 and c]
        out.append(line_start_safe("; ".join(rest)))
    return out


def convert(lines):
    out = []
    i = 0
    para = []

    def flush():
        if para:
            out.append(".PP")
            # the paragraph whole, so that `code` running onto the next line is still code
            text = roff_text("\n".join(l.strip() for l in para))
            out.extend(line_start_safe(l) for l in text.split("\n"))
            para.clear()

    while i < len(lines):
        line = lines[i]
        if line.startswith("```"):
            flush()
            j = i + 1
            block = []
            while j < len(lines) and not lines[j].startswith("```"):
                block.append(lines[j])
                j += 1
            out += code_block(block)
            i = j + 1
            continue
        if line.startswith("    ") and not para:
            flush()
            block = []
            while i < len(lines) and (lines[i].startswith("    ") or lines[i] == ""):
                block.append(lines[i][4:])
                i += 1
            while block and block[-1] == "":
                block.pop()
            out += code_block(block)
            continue
        if line.startswith("|"):
            flush()
            rows = []
            while i < len(lines) and lines[i].startswith("|"):
                rows.append(lines[i])
                i += 1
            out += table(rows)
            continue
        if line.startswith("### "):
            flush()
            out += [".SS " + roff_text(line[4:].strip())]
        elif re.match(r"^[-*] ", line):
            flush()
            out += [".IP \\(bu 2", line_start_safe(roff_text(line[2:].strip()))]
            while i + 1 < len(lines) and lines[i + 1].startswith("  ") and lines[i + 1].strip():
                i += 1
                out.append(line_start_safe(roff_text(lines[i].strip())))
        elif line.strip() == "":
            flush()
        else:
            para.append(line)
        i += 1
    flush()
    return out


def sections(readme):
    found, name, body = {}, None, []
    for line in readme.splitlines():
        if line.startswith("## "):
            if name:
                found[name] = body
            name, body = line[3:].strip(), []
        elif name:
            body.append(line)
    if name:
        found[name] = body
    return found


def main():
    readme_path, out_path, version = sys.argv[1], sys.argv[2], sys.argv[3]
    with open(readme_path, encoding="utf-8") as f:
        found = sections(f.read())
    out = [
        '.\\" Generated from README.md by docs/readme-to-man.py; edit the README, not this file.',
        f'.TH COMPOSE 1 "" "compose {version}" "User Commands"',
        ".SH NAME",
        "compose \\- typeset structured XML reports into PDF",
        ".SH SYNOPSIS",
    ]
    synopsis = []
    for l in found["Commands"]:
        if l.startswith("    "):
            synopsis.append(l[4:])
        elif synopsis:
            break
    out += code_block(synopsis)[1:]
    for readme_name, man_name in SECTIONS:
        if readme_name not in found:
            sys.exit(f"readme-to-man: README.md has no section '## {readme_name}'")
        body = found[readme_name]
        if readme_name == "Commands":  # its synopsis is the SYNOPSIS above
            k = 0
            while k < len(body) and not body[k].startswith("    "):
                k += 1
            while k < len(body) and body[k].startswith("    "):
                k += 1
            body = body[k:]
        out.append(".SH " + man_name)
        out += convert(body)
    out += [".SH SEE ALSO", "The project's README.md, from which this page is made."]
    text = "\n".join(out) + "\n"
    # characters beyond ASCII as groff's \[uXXXX] escapes: the page reads the same without preconv
    text = "".join(c if ord(c) < 128 else "\\[u%04X]" % ord(c) for c in text)
    with open(out_path, "w", encoding="ascii") as f:
        f.write(text)


if __name__ == "__main__":
    main()
