#!/usr/bin/env bash
# The command as build systems and editors see it: exit statuses, check's "ok", --werror, the
# caret form, JSON and SARIF that parse and agree with the text form, colour, --help listing
# every option the command parses, and render --depfile.
#   command.sh COMPOSE PROJECT_DIR WORK_DIR
set -uo pipefail
compose=$1 project=$2 work=$3
rm -rf "$work" && mkdir -p "$work" && cd "$work" || exit 1
status=0
fail() { echo "FAIL: $*" >&2; status=1; }
run() {  # run EXPECTED_STATUS ARGS...: stdout to out, stderr to err
  local want=$1; shift
  "$compose" "$@" > out 2> err
  local got=$?
  [[ $got == "$want" ]] || { fail "compose $* exited $got, not $want"; cat err >&2; }
}

cat > good.xml <<'XML'
<report xml:lang="en" layout="a4">
  <meta><title>Good</title></meta>
  <section id="s"><p>Fine.</p></section>
</report>
XML
cat > broken.xml <<'XML'
<report xml:lang="en" layout="a4">
  <meta><title>Ids</title></meta>
  <section id="intro"><p>x</p></section>
  <section id="intro"><p>y</p></section>
  <section><finidng><lead>x</lead></finidng></section>
</report>
XML
# a warning only: a missing photo with --draft
cat > warns.xml <<'XML'
<report xml:lang="en" layout="a4">
  <meta><title>Draft</title></meta>
  <section id="s"><figure id="f" src="nowhere.png"><caption>c</caption></figure></section>
</report>
XML

# --- exit statuses
run 0 render good.xml -o good.pdf
run 1 render broken.xml -o broken.pdf
[[ ! -e broken.pdf ]] || fail "a failed render wrote a PDF"
# an output that cannot be written (a file stands where its folder would be) is status 1 too
run 1 render good.xml -o good.xml/good.pdf
grep -q "error: cannot create a temporary file next to the output" err || fail "no diagnostic for an unwritable output"
run 2 render good.xml --no-such-option
grep -q "unknown option --no-such-option" err || fail "no message for an unknown option"
run 2 render good.xml --lang
run 2 frobnicate good.xml
run 2 check good.xml --depfile x.d
grep -q -- "--depfile is not an option of compose check" err || fail "no message for an option of another command"
run 2 watch good.xml --stats
run 0 check good.xml --edition parallel --with en
run 2 check good.xml --diagnostics-format=xml
run 2 check good.xml --color=sometimes
run 2 check good.xml --werror=yes
run 2 dump good.xml
SOURCE_DATE_EPOCH=yesterday run 2 render good.xml -o good.pdf
# a data folder that does not exist: refused as the command's environment, never an exception
# (compose's own failures, status 3, are tested in tests/engine: no input is known to cause one)
COMPOSE_DATA_DIR=$work/no-such-folder run 2 render good.xml -o good.pdf
grep -q "names no folder holding layouts/" err || fail "no error for a missing data folder: $(cat err)"

# --- check: "ok" only when there is nothing to say; warnings counted; --werror
run 0 check good.xml
[[ "$(cat out)" == "good.xml: ok" ]] || fail "check of a clean source printed '$(cat out)'"
[[ ! -s err ]] || fail "check of a clean source printed on stderr"
run 0 check warns.xml --draft
[[ ! -s out ]] || fail "check printed '$(cat out)' for a source with warnings"
[[ "$(tail -n1 err)" == "1 warning" ]] || fail "no summary line for a warning: $(tail -n1 err)"
run 1 check warns.xml --draft --werror
grep -q "^warns.xml:3:19: error: image 'nowhere.png' not found; drawn as a placeholder (--draft)$" err ||
  { fail "--werror did not print the warning as an error"; cat err >&2; }
[[ "$(tail -n1 err)" == "1 error" ]] || fail "--werror summary: $(tail -n1 err)"
run 0 render warns.xml --draft -o warns.pdf
[[ -s warns.pdf ]] || fail "render --draft wrote no PDF"
rm -f warns.pdf
run 1 render warns.xml --draft --werror -o warns.pdf
[[ ! -e warns.pdf ]] || fail "render --werror wrote a PDF despite a warning"

# --- the text form: carets, the range, the note, the summary (the README shows this output)
run 1 check broken.xml
cat > expected <<'TXT'
broken.xml:4:3: error: duplicate id 'intro'
    4 |   <section id="intro"><p>y</p></section>
      |   ^
broken.xml:3:3: note: 'intro' is first defined here
    3 |   <section id="intro"><p>x</p></section>
      |   ^
broken.xml:5:12: error: unknown element <finidng>; did you mean <finding>?
    5 |   <section><finidng><lead>x</lead></finidng></section>
      |            ^~~~~~~~
2 errors
TXT
diff -u expected err || fail "the text form differs (above: - expected, + actual)"

# --- colour: never in a pipe, NO_COLOR wins over a terminal, --color always/never decide
grep -q $'\e' err && fail "colour in a pipe"
run 1 check broken.xml --color=always
grep -q $'\e\\[1;31merror: ' err || fail "--color=always gave no colour"
if command -v script > /dev/null; then
  script -qec "'$compose' check broken.xml" /dev/null > tty.out 2>&1
  grep -q $'\e\\[1;31merror: ' tty.out || fail "no colour on a terminal"
  NO_COLOR=1 script -qec "'$compose' check broken.xml" /dev/null > tty.out 2>&1
  grep -q $'\e\\[' tty.out && fail "colour on a terminal with NO_COLOR set"
  script -qec "'$compose' check broken.xml --color=never" /dev/null > tty.out 2>&1
  grep -q $'\e\\[' tty.out && fail "colour on a terminal with --color=never"
  TERM=dumb script -qec "'$compose' check broken.xml" /dev/null > tty.out 2>&1
  grep -q $'\e\\[' tty.out && fail "colour on a dumb terminal"
else
  echo "SKIP: the terminal cases (no 'script' command)"
fi

# --- JSON and SARIF parse and carry the text form's positions
run 1 check broken.xml --diagnostics-format json
cp err broken.json
run 1 check broken.xml --diagnostics-format=sarif
cp err broken.sarif
python3 - broken.json broken.sarif << 'PY' || fail "JSON or SARIF output is wrong (above)"
import json, sys
j = json.load(open(sys.argv[1]))
d = j["diagnostics"]
assert [(x["file"], x["line"], x["column"], x["severity"], x["code"]) for x in d] == [
    ("broken.xml", 4, 3, "error", "duplicate-id"), ("broken.xml", 5, 12, "error", "unknown-element")], d
assert d[0]["notes"] == [{"file": "broken.xml", "line": 3, "column": 3, "message": "'intro' is first defined here"}], d[0]
assert d[1]["end"] == {"line": 5, "column": 20} and d[1]["hints"] == ["did you mean <finding>?"], d[1]
assert j["errors"] == 2 and j["warnings"] == 0
s = json.load(open(sys.argv[2]))
assert s["version"] == "2.1.0" and len(s["runs"]) == 1
run = s["runs"][0]
rules = [r["id"] for r in run["tool"]["driver"]["rules"]]
assert rules == ["duplicate-id", "unknown-element"], rules
r = run["results"]
assert [x["ruleId"] for x in r] == rules and all(x["level"] == "error" for x in r)
assert all(rules[x["ruleIndex"]] == x["ruleId"] for x in r)
loc = r[1]["locations"][0]["physicalLocation"]
assert loc["artifactLocation"]["uri"] == "broken.xml"
assert loc["region"] == {"startLine": 5, "startColumn": 12, "endLine": 5, "endColumn": 20}, loc
rel = r[0]["relatedLocations"][0]
assert rel["physicalLocation"]["region"] == {"startLine": 3, "startColumn": 3} and rel["message"]["text"]
print("json and sarif: ok")
PY
run 0 check good.xml --diagnostics-format json
python3 -c 'import json,sys; j=json.load(open("err")); assert j["diagnostics"]==[] and j["errors"]==0' ||
  fail "a clean check's JSON is not an empty list"

# --- --help lists every option the command parses (taken from main.cpp itself), and so does the README
"$compose" --help > help || fail "--help failed"
"$compose" render --help > help2 && cmp -s help help2 || fail "'compose render --help' is not the help"
options=$(grep -o 's == "-[-a-z]*"' "$project/compose/cli/main.cpp" | sed 's/s == "\(.*\)"/\1/' | sort -u)
[[ $(echo "$options" | wc -l) -ge 20 ]] || fail "found only $(echo "$options" | wc -l) options in main.cpp"
for option in $options; do
  [[ $option == --colour || $option == -h ]] && continue  # the spelling variant and --help's short form
  grep -q -- "$option\b" help || fail "--help does not list $option"
  grep -q -- "$option\b" "$project/README.md" || fail "README.md does not list $option"
done

# --- the README's table of diagnostic codes lists every code of compose/base/diagnostics.cpp
codes=$(grep -o '^        {"[a-z0-9-]*", "' "$project/compose/base/diagnostics.cpp" | cut -d'"' -f2 | sort -u)
[[ $(echo "$codes" | wc -l) -ge 50 ]] || fail "found only $(echo "$codes" | wc -l) codes in diagnostics.cpp"
for code in $codes unclassified; do
  grep -q "^| \`$code\` | " "$project/README.md" || fail "README.md does not list the code $code"
done

# --- an agenda day outside the meeting's dates: a warning, with a note at the dates
mkdir -p agenda
cat > agenda/report.xml <<'XML'
<report xml:lang="en" layout="a4">
  <meta><title>Agenda</title><dates from="2014-11-06" to="2014-11-07"/></meta>
  <data id="agenda" src="agenda.xml"/>
  <annex id="a"><h>Agenda</h><agenda data="agenda"/></annex>
</report>
XML
cat > agenda/agenda.xml <<'XML'
<agenda>
  <day date="2014-11-06"><slot start="09:00" end="10:00" kind="session"><title>One</title></slot></day>
  <day date="2014-11-08"><slot start="09:00" end="10:00" kind="session"><title>Two</title></slot></day>
</agenda>
XML
run 0 check agenda/report.xml
cat > expected <<'TXT'
agenda/agenda.xml:3:3: warning: the agenda's day 2014-11-08 is outside the meeting's dates (2014-11-06 to 2014-11-07)
    3 |   <day date="2014-11-08"><slot start="09:00" end="10:00" kind="session"><title>Two</title></slot></day>
      |   ^
agenda/report.xml:2:30: note: the meeting's dates are given here
    2 |   <meta><title>Agenda</title><dates from="2014-11-06" to="2014-11-07"/></meta>
      |                              ^
1 warning
TXT
diff -u expected err || fail "an agenda day outside the dates (above: - expected, + actual)"

# --- render --depfile: the PDF's inputs in Make syntax, each an existing file
mexico=$project/sources/mexico-2014
run 0 render "$mexico/report.xml" -o mexico.pdf --depfile mexico.d
[[ "$(head -n1 mexico.d)" == "mexico.pdf: \\" ]] || fail "the depfile does not start with the PDF: $(head -n1 mexico.d)"
deps=$(sed -n '2,/^$/p' mexico.d | sed 's/^ *//; s/ *\\$//' | grep -v '^$')
for want in report.xml participants.csv agenda.xml photos/photo-1.jpg photos/photo-7.jpg; do
  grep -qx "$mexico/$want" <<< "$deps" || fail "the depfile lacks $want"
done
grep -q '/layouts/dialogues\.xml$' <<< "$deps" || fail "the depfile lacks the layout"
grep -q '/fonts/.*\.ttf$' <<< "$deps" || fail "the depfile lacks the fonts"
photos=$(grep -o 'src="photos/[^"]*"' "$mexico/report.xml" | sort -u | wc -l)
[[ $(grep -c '/photos/' <<< "$deps") == "$photos" ]] || fail "the depfile does not list the $photos photos the source names"
while read -r dep; do [[ -f $dep ]] || fail "the depfile names '$dep', which is no file"; done <<< "$deps"
grep -qx "$mexico/report.xml:" mexico.d || fail "no empty rule for the source (gcc -MP style)"
# a failed render writes no depfile
run 1 render broken.xml -o b.pdf --depfile b.d
[[ ! -e b.d ]] || fail "a failed render wrote a depfile"

((status == 0)) && echo "ok: exit statuses, check, --werror, text, JSON, SARIF, colour, --help, --depfile"
exit $status
