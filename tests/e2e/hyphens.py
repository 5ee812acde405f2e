#!/usr/bin/env python3
"""Words hyphenated at a line's end can be found whole in a reader's text.

    hyphens.py [--hyphen-only] LINES_DUMP TEXT [MIN_WORDS]

LINES_DUMP is `compose dump --stage lines` of the PDF's source; TEXT is what a reader extracted
from the PDF (pdftotext, mutool). For every line the dump flags `h` (ended by an inserted hyphen),
the word is its last token and the first token of the paragraph's next line. In the reader's
text, with a hyphen at a line's end joined to the next line (as poppler does itself, and as
readers' search does), each such word must occur at least as often as in the dump's text with
its hyphenated words joined. With --hyphen-only, each first part must end a line with U+002D
(for readers that keep the lines of two columns in another order). The text may hold no control
character, U+FFFD or soft hyphen. Prints the count found and every word missed; exits 1 if any
is missed or the dump has fewer than MIN_WORDS (default 1) hyphenated words (a test that finds
nothing to check proves nothing).
"""
import re
import sys

LINE = re.compile(r"^page \S+\s+(\S+)\s+#(\d+)\s+\S+\s+ratio \S+\s+badness \S+\s+(\S+)\s\s(.*)$")
PUNCT = "\"'“”‘’«»¿¡([{)]}.,;:!?"


def read_lines(dump):
    lines = []
    for raw in dump.splitlines():
        m = LINE.match(raw)
        if m:
            lines.append((m.group(1), int(m.group(2)), m.group(3), m.group(4)))
    return lines


def hyphenated_words(lines):
    """(head, tail) of every word the dump hyphenates at a line's end."""
    words = []
    for i, (pos, n, flags, text) in enumerate(lines):
        if not flags.startswith("h") or not text.endswith("-"):
            continue
        # the paragraph's next line: the first one after it numbered n + 1 at the same source
        # position, else the first numbered n + 1 (in a parallel edition the other language's
        # lines come between)
        after = lines[i + 1:i + 400]
        following = next((t for (p, m, _, t) in after if m == n + 1 and p == pos), None)
        if following is None:
            following = next((t for (_, m, _, t) in after if m == n + 1), None)
        if not following or not following.split():
            continue
        head = text.split()[-1][:-1].lstrip(PUNCT)
        tail = following.split()[0].rstrip(PUNCT)
        words.append((head, tail))
    return words


def count(text, word):
    return len(re.findall(r"(?<!\w)" + re.escape(word) + r"(?!\w)", text))


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    hyphen_only = "--hyphen-only" in sys.argv
    lines = read_lines(open(args[0], encoding="utf-8").read())
    text = open(args[1], encoding="utf-8", errors="replace").read()
    minimum = int(args[2]) if len(args) > 2 else 1
    words = hyphenated_words(lines)
    # what the words must give: the dump's lines, each hyphenated word joined
    expected = "\n".join(t[:-1] + "\u0000" if f.startswith("h") and t.endswith("-") else t for (_, _, f, t) in lines)
    expected = expected.replace("\u0000\n", "")
    # the reader's text: its lines without the spaces some readers end them with; a hyphen at a
    # line's end joined to the next line, as search and copy in readers do
    reader_lines = [l.rstrip(" ") for l in text.replace("\f", "\n").splitlines()]
    reader = "\n".join(reader_lines)
    joined = re.sub(r"-\n\s*", "", reader)
    ok = True
    missed = []
    found = 0
    for head, tail in sorted(set(words)):
        n = sum(1 for w in words if w == (head, tail))
        if hyphen_only:
            # the reader keeps the hyphen at the line's end (its lines may come in another order)
            have = len(re.findall(r"(?<!\w)" + re.escape(head) + r"-$", reader, re.M))
            want = n
        else:
            have, want = count(joined, head + tail), count(expected, head + tail)
        if have >= want:
            found += n
        else:
            missed.append(f"{head}|{tail} ({have} of {want})")
    mode = "ending a line with '-'" if hyphen_only else "whole in the reader's text"
    print(f"{len(words)} hyphenated words in the dump; {found} {mode}")
    if missed:
        print("FAIL: missing:", " ".join(missed[:40]))
        ok = False
    bad = sorted({f"U+{ord(c):04X}" for c in text if (ord(c) < 0x20 and c not in "\n\f\t") or c in "\ufffd\u00ad"})
    if bad:
        print("FAIL: the reader's text holds", " ".join(bad))
        ok = False
    if len(words) < minimum:
        print(f"FAIL: expected at least {minimum} hyphenated words")
        ok = False
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
