#!/usr/bin/env python3
"""Every code shown has a ToUnicode entry, and no marked content hides text.

    tounicode.py QDF_FILE

QDF_FILE is a PDF rewritten by `qpdf --qdf --object-streams=disable` (every object and stream
uncompressed). For every page, the fonts of its resources are followed to their ToUnicode CMaps
(bfchar and bfrange entries); the page's content stream is read token by token, and every code
of every string shown (Tj, TJ, ', ") in a Type0 font must have an entry that maps it to at least
one character, none of them U+0000, U+FEFF, U+FFFE or U+FFFD. Marked content with an /ActualText
must give some text (an empty one makes readers drop what it covers). Prints one line per problem
and exits 1 if there is any; otherwise prints what it checked.
"""
import re
import sys

OBJ = re.compile(rb"^(\d+) 0 obj\n(.*?)\nendobj$", re.S | re.M)
REF = rb"(\d+) 0 R"


def objects(data):
    return {int(m.group(1)): m.group(2) for m in OBJ.finditer(data)}


def stream_of(obj):
    m = re.search(rb"stream\n(.*)\nendstream", obj, re.S)
    if not m:
        return None
    return m.group(1)


def dict_entry(obj, key):
    """The value of /key in an object's text: a reference's number, or the inline text after it."""
    m = re.search(rb"/" + key + rb"\s+" + REF, obj)
    if m:
        return int(m.group(1))
    return None


def inline_or_ref_dict(objs, obj, key):
    """The text of the dictionary /key << ... >> (inline) or /key N 0 R."""
    ref = dict_entry(obj, key)
    if ref is not None:
        return objs.get(ref, b"")
    i = obj.find(b"/" + key)
    if i < 0:
        return b""
    j = obj.find(b"<<", i)
    depth, k = 0, j
    while k < len(obj):
        if obj.startswith(b"<<", k):
            depth += 1
            k += 2
        elif obj.startswith(b">>", k):
            depth -= 1
            k += 2
            if depth == 0:
                return obj[j:k]
        else:
            k += 1
    return b""


def utf16(hexstr):
    data = bytes.fromhex(hexstr.decode())
    return data.decode("utf-16-be", errors="replace")


def parse_cmap(cmap):
    """code (int) -> text (str), from bfchar and bfrange blocks."""
    out = {}
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", cmap, re.S):
        for code, dst in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>", block):
            out[int(code, 16)] = utf16(dst)
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", cmap, re.S):
        for lo, hi, dst in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>", block):
            base = utf16(dst)
            for n, code in enumerate(range(int(lo, 16), int(hi, 16) + 1)):
                out[code] = base[:-1] + chr(ord(base[-1]) + n) if base else ""
    return out


TOKEN = re.compile(rb"<<|>>|<[0-9A-Fa-f\s]*>|\((?:\\.|[^\\)])*\)|/[^\s/\[\]()<>{}%]*|\[|\]|[^\s/\[\]()<>{}%]+|%[^\n]*")
BAD = {"\u0000", "\ufeff", "\ufffe", "\ufffd"}


ESCAPES = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f", b"(": b"(", b")": b")", b"\\": b"\\"}


def string_bytes(tok):
    """The bytes of a PDF string token: <hex> or (literal) with its escapes (qpdf --qdf writes
    either, whichever is shorter)."""
    if tok.startswith(b"<"):
        return bytes.fromhex(re.sub(rb"\s", b"", tok[1:-1]).decode())
    body, out, i = tok[1:-1], bytearray(), 0
    while i < len(body):
        c = body[i:i + 1]
        if c != b"\\":
            out += c
            i += 1
            continue
        nxt = body[i + 1:i + 2]
        if nxt in ESCAPES:
            out += ESCAPES[nxt]
            i += 2
        elif nxt.isdigit():
            m = re.match(rb"[0-7]{1,3}", body[i + 1:])
            out.append(int(m.group(0), 8) & 0xFF)
            i += 1 + len(m.group(0))
        elif nxt in (b"\n", b"\r"):  # a line continuation
            i += 2
        else:
            out += nxt
            i += 2
    return bytes(out)


def main():
    data = open(sys.argv[1], "rb").read()
    objs = objects(data)
    problems = []
    codes_shown = 0
    fonts_seen = set()
    for num, obj in sorted(objs.items()):
        if not re.search(rb"/Type\s*/Page\b", obj):
            continue
        resources = inline_or_ref_dict(objs, obj, b"Resources")
        font_dict = inline_or_ref_dict(objs, resources, b"Font")
        fonts = {}  # resource name -> (object number, cmap or None, is_type0)
        for name, ref in re.findall(rb"/([^\s/<>\[\]]+)\s+" + REF, font_dict):
            fobj = objs.get(int(ref), b"")
            tu = dict_entry(fobj, b"ToUnicode")
            cmap = parse_cmap(stream_of(objs.get(tu, b"")) or b"") if tu is not None else None
            fonts[name] = (int(ref), cmap, b"/Type0" in fobj)
        contents = []
        m = re.search(rb"/Contents\s+\[([^\]]*)\]", obj)
        refs = re.findall(REF, m.group(1)) if m else re.findall(rb"/Contents\s+" + REF, obj)
        for ref in refs:
            contents.append(stream_of(objs.get(int(ref), b"")) or b"")
        stream = b"\n".join(contents)
        operands = []
        font = None
        for tok in TOKEN.findall(stream):
            if tok.startswith(b"%"):
                continue
            if tok in (b"<<", b">>", b"[", b"]") or tok.startswith((b"<", b"(", b"/")) or re.fullmatch(rb"[-+.\d]+", tok):
                operands.append(tok)
                continue
            op = tok
            if op == b"Tf":
                name = operands[-2][1:] if len(operands) >= 2 else b""
                font = fonts.get(name)
                if font is None:
                    problems.append(f"page object {num}: Tf names font /{name.decode()} not in its resources")
                else:
                    fonts_seen.add(font[0])
            elif op in (b"TJ", b"Tj", b"'", b'"'):
                for s in operands:
                    if not (s.startswith(b"(") or (s.startswith(b"<") and not s.startswith(b"<<"))):
                        continue
                    if font is None or not font[2]:
                        continue
                    data = string_bytes(s)
                    cmap = font[1]
                    for k in range(0, len(data) - 1, 2):
                        code = (data[k] << 8) | data[k + 1]
                        codes_shown += 1
                        if cmap is None:
                            problems.append(f"font object {font[0]} has no ToUnicode map")
                            break
                        text = cmap.get(code)
                        if text is None:
                            problems.append(f"font object {font[0]}: code <{code:04X}> on page object {num} has no ToUnicode entry")
                        elif text == "" or any(c in BAD for c in text):
                            problems.append(f"font object {font[0]}: code <{code:04X}> maps to {text!r}")
                    if len(data) % 2:
                        problems.append(f"page object {num}: a string of odd length in a two-byte font")
            elif op in (b"BDC",):
                props = b" ".join(operands)
                m = re.search(rb"/ActualText\s*(<[0-9A-Fa-f\s]*>|\((?:\\.|[^\\)])*\))", props)
                if m:
                    value = m.group(1)
                    empty = value in (b"()", b"<>", b"<FEFF>", b"<feff>")
                    if empty:
                        problems.append(f"page object {num}: an empty /ActualText hides the text it covers")
            operands = []
    # every code in every font's ToUnicode is checked above only as shown; fonts never shown are odd
    for p in sorted(set(problems))[:50]:
        print("FAIL:", p)
    if problems:
        print(f"{len(problems)} problems")
        return 1
    if codes_shown == 0:
        print("FAIL: no glyph codes shown at all")
        return 1
    print(f"ok: {codes_shown} codes shown in {len(fonts_seen)} fonts, every one with a ToUnicode entry")
    return 0


if __name__ == "__main__":
    sys.exit(main())
