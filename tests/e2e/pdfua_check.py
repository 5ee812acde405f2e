#!/usr/bin/env python3
"""The machine-checkable rules of PDF/UA-1 (and, with --pdfa, of PDF/A-2u) on one PDF.

    pdfua_check.py [--pdfa] FILE.pdf

Reads the file through `qpdf --json` (streams decoded), then checks, printing one line per
failure and exiting 1 if there is any (else a summary line):

PDF/UA-1 (Matterhorn protocol failure conditions that a program can decide):
  - the catalog has /MarkInfo <</Marked true>>, a /StructTreeRoot, a non-empty /Lang, and
    /ViewerPreferences /DisplayDocTitle true; the Info dictionary has a /Title (06-003, 07-001,
    11-001..006, 01-00x);
  - a /Metadata XMP stream with dc:title and pdfuaid:part 1 (06-001, 06-002);
  - every page has /Tabs /S and /StructParents (when it has annotations or marked content);
  - every mark on a page (text shown, paths painted, XObjects drawn) is inside marked content that
    is either an /Artifact or has an MCID (01-001..01-005), and every MCID is in the ParentTree,
    pointing at a structure element that lists it as a kid (01-006 / structure sanity);
  - no marked content both artifact and tagged (an MCID inside an artifact or the reverse);
  - every Figure has a non-empty /Alt (13-004); every Table has a TH (15-003 spirit) and its TRs
    are in the table (directly or in THead/TBody/TFoot);
  - headings: no level skipped going deeper in the tree's order (14-003);
  - every Link annotation has /StructParent, its ParentTree entry is a Link element that has the
    annotation as an OBJR kid, and it has /Contents (28-004, 28-011);
  - every font is embedded and has a /ToUnicode (31-00x, 31-027 by presence; tounicode.py checks
    each code).
PDF/A-2u (--pdfa):
  - header version at most 1.7; trailer /ID of two strings; no /Encrypt;
  - XMP pdfaid:part 2 and pdfaid:conformance U, dc:title equal to the Info /Title;
  - an /OutputIntents entry with /S /GTS_PDFA1 and a DestOutputProfile stream with /N 3;
  - every annotation has /F with the print flag (4) and none of hidden (2), invisible (1),
    noview (32);
  - no JavaScript, no /AA on the catalog.
"""
import base64
import html
import json
import re
import subprocess
import sys

PAINT = {b"Tj", b"TJ", b"'", b'"', b"Do", b"f", b"F", b"f*", b"S", b"s", b"B", b"B*", b"b", b"b*", b"sh", b"BI"}
DELIM = b"()<>[]{}/%"
WS = b" \t\r\n\f\0"


def tokens(data):
    """PDF content tokens: (kind, value) with kind one of op, name, num, str, arr_open, ..."""
    i, n = 0, len(data)
    while i < n:
        c = data[i:i + 1]
        if c in (b" ", b"\t", b"\r", b"\n", b"\f", b"\0"):
            i += 1
        elif c == b"%":
            while i < n and data[i:i + 1] not in (b"\r", b"\n"):
                i += 1
        elif c == b"(":
            depth, i = 1, i + 1
            start = i
            while i < n and depth:
                ch = data[i:i + 1]
                if ch == b"\\":
                    i += 2
                    continue
                if ch == b"(":
                    depth += 1
                elif ch == b")":
                    depth -= 1
                i += 1
            yield ("str", data[start:i - 1])
        elif c == b"<" and data[i + 1:i + 2] == b"<":
            yield ("dict_open", b"<<")
            i += 2
        elif c == b">" and data[i + 1:i + 2] == b">":
            yield ("dict_close", b">>")
            i += 2
        elif c == b"<":
            j = data.index(b">", i)
            yield ("str", data[i + 1:j])
            i = j + 1
        elif c in (b"[", b"]"):
            yield ("arr", c)
            i += 1
        elif c == b"/":
            j = i + 1
            while j < n and data[j:j + 1] not in WS and data[j:j + 1] not in DELIM:
                j += 1
            yield ("name", data[i + 1:j])
            i = j
        else:
            j = i
            while j < n and data[j:j + 1] not in WS and data[j:j + 1] not in DELIM:
                j += 1
            if j == i:
                j = i + 1
            word = data[i:j]
            if re.fullmatch(rb"[+-]?(\d+\.?\d*|\.\d+)", word):
                yield ("num", word)
            else:
                yield ("op", word)
            i = j


class Pdf:
    def __init__(self, path):
        out = subprocess.run(["qpdf", "--json", "--json-stream-data=inline", "--decode-level=generalized", path],
                             check=True, capture_output=True).stdout
        doc = json.loads(out)
        q = doc["qpdf"]
        self.header = q[0]
        self.objects = q[1]
        self.path = path

    def get(self, ref):
        """The value of an object (a reference string "N 0 R" or a direct value)."""
        if isinstance(ref, str) and re.fullmatch(r"\d+ \d+ R", ref):
            o = self.objects.get("obj:" + ref)
            if o is None:
                return None
            if "stream" in o:
                return o["stream"]["dict"]
            return o.get("value")
        return ref

    def stream(self, ref):
        o = self.objects.get("obj:" + ref)
        if o is None or "stream" not in o:
            return None
        data = o["stream"].get("data")
        return base64.b64decode(data) if data is not None else None

    @property
    def trailer(self):
        return self.objects["trailer"]["value"]


def text(v):
    """A JSON v2 string ("u:..." text or "b:hex") as Python text."""
    if not isinstance(v, str):
        return ""
    if v.startswith("u:"):
        return v[2:]
    if v.startswith("b:"):
        raw = bytes.fromhex(v[2:])
        if raw[:2] == b"\xfe\xff":
            return raw[2:].decode("utf-16-be", "replace")
        return raw.decode("latin-1")
    return v


def main(argv):
    pdfa = "--pdfa" in argv
    files = [a for a in argv if not a.startswith("--")]
    if len(files) != 1:
        print(__doc__)
        return 2
    pdf = Pdf(files[0])
    failures = []

    def fail(msg):
        failures.append(msg)

    trailer = pdf.trailer
    catalog = pdf.get(trailer["/Root"])
    info = pdf.get(trailer.get("/Info")) or {}

    # --- catalog
    mark = pdf.get(catalog.get("/MarkInfo")) or {}
    if pdf.get(mark.get("/Marked")) is not True:
        fail("catalog: no /MarkInfo <</Marked true>>")
    if not text(pdf.get(catalog.get("/Lang"))):
        fail("catalog: no /Lang")
    prefs = pdf.get(catalog.get("/ViewerPreferences")) or {}
    if pdf.get(prefs.get("/DisplayDocTitle")) is not True:
        fail("catalog: no /ViewerPreferences /DisplayDocTitle true")
    title = text(pdf.get(info.get("/Title")))
    if not title:
        fail("info: no /Title")
    root_ref = catalog.get("/StructTreeRoot")
    if not root_ref:
        fail("catalog: no /StructTreeRoot")
    xmp = b""
    if "/Metadata" in catalog:
        xmp = pdf.stream(catalog["/Metadata"]) or b""
        meta = pdf.get(catalog["/Metadata"])
        if meta.get("/Filter"):
            fail("XMP metadata stream is compressed")
    else:
        fail("catalog: no /Metadata")
    x = xmp.decode("utf-8", "replace")
    if "<pdfuaid:part>1</pdfuaid:part>" not in x and 'pdfuaid:part="1"' not in x:
        fail("XMP: no pdfuaid:part 1")
    m = re.search(r"<dc:title>.*?<rdf:li[^>]*>(.*?)</rdf:li>", x, re.S)
    xmp_title = html.unescape(m.group(1)) if m else ""
    if not xmp_title:
        fail("XMP: no dc:title")
    elif title and xmp_title != title:
        fail(f"XMP dc:title {xmp_title!r} is not the Info /Title {title!r}")
    if "<dc:language>" not in x:
        fail("XMP: no dc:language")

    # --- the structure tree: every element, its parent tree
    elems = {}  # object ref -> dict
    parent_tree = {}
    if root_ref:
        root = pdf.get(root_ref)
        pt = pdf.get(root.get("/ParentTree")) or {}

        def walk_numtree(node):
            node = pdf.get(node)
            nums = pdf.get(node.get("/Nums")) or []
            for k in range(0, len(nums) - 1, 2):
                parent_tree[nums[k]] = nums[k + 1]
            for kid in pdf.get(node.get("/Kids")) or []:
                walk_numtree(kid)

        walk_numtree(pt)
        if "/ParentTreeNextKey" in root and parent_tree and root["/ParentTreeNextKey"] <= max(parent_tree):
            fail("StructTreeRoot: /ParentTreeNextKey is not above every key")

        order = []  # elements in the tree's order: (ref, type, depth)

        def visit(ref, depth):
            if not isinstance(ref, str) or ref in elems:
                return
            e = pdf.get(ref)
            if not isinstance(e, dict) or "/S" not in e:
                return
            elems[ref] = e
            order.append((ref, e["/S"][1:], depth))
            kids = pdf.get(e.get("/K"))
            if not isinstance(kids, list):
                kids = [kids] if kids is not None else []
            for k in kids:
                visit(k, depth + 1)

        kids = pdf.get(root.get("/K"))
        for k in kids if isinstance(kids, list) else [kids]:
            visit(k, 0)
        if not elems:
            fail("the structure tree is empty")

        def kids_of(e):
            k = pdf.get(e.get("/K"))
            return k if isinstance(k, list) else ([k] if k is not None else [])

        figures = tables = 0
        last_heading = 0
        for ref, s, depth in order:
            e = elems[ref]
            if s == "Figure":
                figures += 1
                if not text(pdf.get(e.get("/Alt"))).strip():
                    fail(f"Figure {ref} has no /Alt")
            if s == "Table":
                tables += 1
                has_th = False
                stack = list(kids_of(e))
                while stack:
                    k = stack.pop()
                    if k in elems:
                        if elems[k]["/S"] == "/TH":
                            has_th = True
                        if elems[k]["/S"] in ("/THead", "/TBody", "/TFoot", "/TR"):
                            stack.extend(kids_of(elems[k]))
                if not has_th:
                    fail(f"Table {ref} has no TH")
            if s == "TR":
                parent = pdf.get(e.get("/P")) or {}
                if parent.get("/S") not in ("/Table", "/THead", "/TBody", "/TFoot"):
                    fail(f"TR {ref} is not in a table")
            if s in ("TH", "TD"):
                parent = pdf.get(e.get("/P")) or {}
                if parent.get("/S") != "/TR":
                    fail(f"{s} {ref} is not in a TR")
            hm = re.fullmatch(r"H([1-6])", s)
            if hm:
                level = int(hm.group(1))
                if level > last_heading + 1:
                    fail(f"heading {s} {ref} skips a level (the one before was H{last_heading})")
                last_heading = level
        stats_elems = (len(elems), figures, tables)
    else:
        stats_elems = (0, 0, 0)

    # --- pages: marked content, MCIDs, annotations
    pages = []

    def collect_pages(ref):
        node = pdf.get(ref)
        if node.get("/Type") == "/Pages":
            for k in pdf.get(node.get("/Kids")):
                collect_pages(k)
        else:
            pages.append(ref)

    collect_pages(catalog["/Pages"])
    marks = untagged = 0
    fonts_seen = set()
    for number, page_ref in enumerate(pages, 1):
        page = pdf.get(page_ref)
        annots = pdf.get(page.get("/Annots")) or []
        if page.get("/Tabs") != "/S":
            fail(f"page {number}: no /Tabs /S")
        sp = page.get("/StructParents")
        mcid_elems = pdf.get(parent_tree.get(sp)) if sp is not None else None
        contents = page.get("/Contents")
        refs = contents if isinstance(contents, list) else [contents]
        data = b"\n".join(pdf.stream(r) or b"" for r in refs if r)
        stack = []  # per open marked content: "artifact", "tagged" or "other"
        operands = []
        mcids = set()
        for kind, value in tokens(data):
            if kind != "op":
                operands.append((kind, value))
                continue
            if value in (b"BDC", b"BMC"):
                tag = None
                for k, v in operands:
                    if k == "name":
                        tag = v
                        break
                has_mcid = value == b"BDC" and any(k == "name" and v == b"MCID" for k, v in operands)
                state = "artifact" if tag == b"Artifact" else ("tagged" if has_mcid else "other")
                inside = [s for s in stack if s in ("artifact", "tagged")]
                if state == "tagged":
                    if inside:
                        fail(f"page {number}: an MCID inside {inside[-1]} marked content")
                    mcid = None
                    for idx, (k, v) in enumerate(operands):
                        if k == "name" and v == b"MCID" and idx + 1 < len(operands):
                            mcid = int(operands[idx + 1][1])
                    if mcid in mcids:
                        fail(f"page {number}: MCID {mcid} used twice")
                    mcids.add(mcid)
                    if sp is None:
                        fail(f"page {number}: marked content with an MCID but no /StructParents")
                    elif not isinstance(mcid_elems, list) or mcid >= len(mcid_elems):
                        fail(f"page {number}: MCID {mcid} is not in the ParentTree")
                    else:
                        owner = mcid_elems[mcid]
                        e = elems.get(owner)
                        if e is None:
                            fail(f"page {number}: MCID {mcid}'s ParentTree entry is not an element of the tree")
                        else:
                            listed = False
                            k = pdf.get(e.get("/K"))
                            for kid in k if isinstance(k, list) else [k]:
                                kid_v = pdf.get(kid)
                                if kid_v == mcid and pdf.get(e.get("/Pg")) == page:
                                    listed = listed or e.get("/Pg") == page_ref
                                if isinstance(kid_v, dict) and kid_v.get("/MCID") == mcid and kid_v.get("/Pg") == page_ref:
                                    listed = True
                            if not listed:
                                fail(f"page {number}: MCID {mcid}'s element {owner} does not list it")
                if state == "artifact" and "tagged" in inside:
                    fail(f"page {number}: an artifact inside tagged content")
                stack.append(state)
            elif value == b"EMC":
                if not stack:
                    fail(f"page {number}: EMC without BDC/BMC")
                else:
                    stack.pop()
            elif value in PAINT:
                marks += 1
                if not any(s in ("artifact", "tagged") for s in stack):
                    untagged += 1
                    if untagged <= 5:
                        fail(f"page {number}: '{value.decode()}' outside tagged content and artifacts")
            elif value == b"Tf":
                for k, v in operands:
                    if k == "name":
                        fonts_seen.add((page_ref, v.decode()))
            operands = []
        if stack:
            fail(f"page {number}: marked content left open at the end of the page")
        for a_ref in annots:
            a = pdf.get(a_ref)
            sub = a.get("/Subtype")
            if sub == "/Link":
                spk = a.get("/StructParent")
                if spk is None:
                    fail(f"page {number}: link annotation {a_ref} has no /StructParent")
                else:
                    owner = parent_tree.get(spk)
                    e = elems.get(owner)
                    if e is None or e.get("/S") != "/Link":
                        fail(f"page {number}: link annotation {a_ref}'s ParentTree entry is not a Link element")
                    else:
                        k = pdf.get(e.get("/K"))
                        objs = [pdf.get(kid) for kid in (k if isinstance(k, list) else [k])]
                        if not any(isinstance(o, dict) and o.get("/Obj") == a_ref for o in objs):
                            fail(f"page {number}: link annotation {a_ref} is not an OBJR kid of its Link element")
                if not text(pdf.get(a.get("/Contents"))):
                    fail(f"page {number}: link annotation {a_ref} has no /Contents")
            if pdfa:
                flags = a.get("/F", 0)
                if not flags & 4 or flags & (1 | 2 | 32):
                    fail(f"page {number}: annotation {a_ref} is not printable (/F {flags})")
    if untagged > 5:
        fail(f"... {untagged} marks outside tagged content and artifacts in all")

    # --- fonts: embedded, with ToUnicode
    checked_fonts = set()
    for page_ref in pages:
        page = pdf.get(page_ref)
        res = pdf.get(page.get("/Resources")) or {}
        for name, ref in (pdf.get(res.get("/Font")) or {}).items():
            if ref in checked_fonts:
                continue
            checked_fonts.add(ref)
            f = pdf.get(ref)
            if "/ToUnicode" not in f:
                fail(f"font {name} ({ref}) has no /ToUnicode")
            desc = f
            if f.get("/Subtype") == "/Type0":
                desc = pdf.get(pdf.get(f["/DescendantFonts"])[0])
            fd = pdf.get(desc.get("/FontDescriptor")) or {}
            if not any(k in fd for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                fail(f"font {name} ({ref}) is not embedded")

    # --- PDF/A-2u
    if pdfa:
        version = pdf.header.get("pdfversion", "")
        try:
            if float(version) > 1.7:
                fail(f"PDF version {version} is above 1.7")
        except ValueError:
            fail(f"no PDF version ({version!r})")
        ids = pdf.get(trailer.get("/ID"))
        if not isinstance(ids, list) or len(ids) != 2:
            fail("trailer: no /ID of two strings")
        if "/Encrypt" in trailer:
            fail("trailer: /Encrypt")
        if "<pdfaid:part>2</pdfaid:part>" not in x:
            fail("XMP: no pdfaid:part 2")
        if "<pdfaid:conformance>U</pdfaid:conformance>" not in x:
            fail("XMP: no pdfaid:conformance U")
        if "pdfaExtension:schemas" not in x:
            fail("XMP: pdfuaid is not described by a PDF/A extension schema")
        intents = pdf.get(catalog.get("/OutputIntents")) or []
        good = False
        for i in intents:
            i = pdf.get(i)
            if i.get("/S") == "/GTS_PDFA1" and "/DestOutputProfile" in i:
                prof = pdf.get(i["/DestOutputProfile"])
                data = pdf.stream(i["/DestOutputProfile"]) or b""
                good = prof.get("/N") == 3 and data[36:40] == b"acsp"
        if not good:
            fail("catalog: no GTS_PDFA1 OutputIntent with an RGB ICC profile")
        if "/AA" in catalog:
            fail("catalog: /AA")
        def has_js(v):
            if isinstance(v, dict):
                return any(k in ("/JS", "/JavaScript") or v.get("/S") == "/JavaScript" or has_js(w) for k, w in v.items())
            if isinstance(v, list):
                return any(has_js(w) for w in v)
            return False

        if any(has_js(o.get("value", o.get("stream", {}).get("dict"))) for o in pdf.objects.values()):
            fail("JavaScript")

    for f in failures:
        print(f"{pdf.path}: {f}")
    if failures:
        return 1
    n_elems, figures, tables = stats_elems
    print(f"{pdf.path}: PDF/UA-1{' and PDF/A-2u' if pdfa else ''} checks passed: {len(pages)} pages, {marks} marks "
          f"all tagged or artifacts, {n_elems} structure elements, {figures} figures with Alt, {tables} tables "
          f"with TH, {len(checked_fonts)} fonts")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
