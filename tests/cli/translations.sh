#!/usr/bin/env bash
# Stale translations: compose translations --mark-current marks every translation of a new report
# (source and agenda) and nothing else changes; the marked files still validate; an English text
# edited afterwards makes check --lang es warn at its Spanish variant (text and JSON), and marking
# again settles it.
#   translations.sh COMPOSE PROJECT_DIR WORK_DIR
set -uo pipefail
compose=$1 project=$2 work=$3
rm -rf "$work" && mkdir -p "$work" && cd "$work" || exit 1
status=0
fail() { echo "FAIL: $*" >&2; status=1; }
stale() { grep -c "warning: the 'es' text was translated from an earlier 'en' text" "$1"; }

"$compose" new rep --from 2015-03-10 > /dev/null || { echo "FAIL: compose new"; exit 1; }
cp -r rep before
"$compose" translations --mark-current rep/report.xml > out 2> err || fail "mark-current: $(cat err)"
grep -q "^rep/report.xml: 13 translations, 13 marked now$" out || fail "unexpected output: $(cat out)"
grep -q "^rep/agenda.xml: 3 translations, 3 marked now$" out || fail "unexpected output: $(cat out)"
# only the Spanish <t> start tags changed
diff before/report.xml rep/report.xml | grep '^>' | grep -v '^> *.*<t xml:lang="es" from="[0-9a-f]\{8\}">' &&
  fail "marking changed more than the Spanish <t> tags"
[[ $(diff before/report.xml rep/report.xml | grep -c '^>') == 13 ]] || fail "not 13 lines marked"
for f in report agenda; do
  xmllint --noout --relaxng "$project/compose/source/schema/$f.rng" rep/$f.xml 2> xmllint.err ||
    fail "the marked $f.xml does not validate: $(cat xmllint.err)"
done
"$compose" translations --mark-current rep/report.xml > out 2> err
grep -q "^rep/report.xml: 13 translations, 0 marked now$" out || fail "marking twice changed something: $(cat out)"

"$compose" check rep/report.xml --lang es > out 2> err || fail "check --lang es: $(cat err)"
[[ $(stale err) == 0 ]] || fail "a fresh mark reports stale translations: $(cat err)"

# the English finding is edited after its translation
line=$(grep -n '<t xml:lang="en">\[A finding, in one sentence.\]</t>' rep/report.xml | cut -d: -f1)
sed -i 's|\[A finding, in one sentence.\]|The finding, in other words.|' rep/report.xml
"$compose" check rep/report.xml --lang es > out 2> err || fail "check --lang es failed: $(cat err)"
[[ $(stale err) == 1 ]] || fail "$(stale err) stale translations reported, not 1: $(cat err)"
grep -q "^rep/report.xml:$((line + 1)):9: warning: the 'es' text was translated from an earlier 'en' text" err ||
  fail "the stale translation is not reported at its line $((line + 1)): $(cat err)"
grep -q "^rep/report.xml:$line:9: note: the 'en' text, changed since the translation" err || fail "no note at the English text"
"$compose" check rep/report.xml --lang es --diagnostics-format json 2> json
python3 - json "$line" <<'PY' || fail "the JSON does not list the stale translation"
import json, sys
d = [x for x in json.load(open(sys.argv[1]))["diagnostics"] if x["code"] == "stale-translation"]
line = int(sys.argv[2])
assert len(d) == 1 and d[0]["line"] == line + 1 and d[0]["notes"][0]["line"] == line, d
PY
"$compose" check rep/report.xml > out 2> err
[[ $(stale err) == 0 ]] || fail "the English edition reports stale translations"

"$compose" translations --mark-current rep/report.xml > out 2> err
grep -q "^rep/report.xml: 13 translations, 1 marked now$" out || fail "marking after the edit: $(cat out)"
"$compose" check rep/report.xml --lang es > out 2> err
[[ $(stale err) == 0 ]] || fail "still stale after marking again"

"$compose" translations rep/report.xml > out 2> err && fail "compose translations without --mark-current succeeded"
((status == 0)) && echo "ok: translations marked, a stale one reported, settled by marking again"
exit $status
