#include "compose/resolve/check_people.h"

#include "compose/source/source.h"

#include <algorithm>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string_view>

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

namespace compose::resolve {
namespace {

// A value quoted in a message: at most 100 bytes (cut at a character's start), then "…", so a
// field as long as the cell-size limit does not fill the terminal once per address in it.
std::string shortened(std::string_view text) {
    constexpr std::size_t kMax = 100;
    if (text.size() <= kMax) return std::string(text);
    std::size_t cut = kMax;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    return std::string(text.substr(0, cut)) + "\u2026";
}

// local@domain: the local part of letters, digits and ._%+'-, the domain two or more labels of
// letters, digits and hyphens separated by dots, the last of two or more letters. One pass, no
// backtracking, so a field as long as the cell-size limit costs its length.
bool is_email_address(std::string_view address) {
    auto ascii_alnum = [](char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
    std::size_t at = address.find('@');
    if (at == 0 || at == std::string_view::npos) return false;
    for (char c : address.substr(0, at)) {
        if (!ascii_alnum(c) && std::string_view("._%+'-").find(c) == std::string_view::npos) return false;
    }
    std::string_view domain = address.substr(at + 1);
    std::size_t labels = 0;
    std::string_view last;
    while (true) {
        std::size_t dot = domain.find('.');
        std::string_view label = domain.substr(0, dot);
        if (label.empty()) return false;
        for (char c : label) {
            if (!ascii_alnum(c) && c != '-') return false;
        }
        ++labels;
        last = label;
        if (dot == std::string_view::npos) break;
        domain.remove_prefix(dot + 1);
    }
    if (labels < 2 || last.size() < 2) return false;
    for (char c : last) {
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) return false;
    }
    return true;
}

// One spelling of a text: "é" typed as one character or as "e" and a combining accent compare
// equal (Unicode's canonical composition, NFC).
icu::UnicodeString nfc(const icu::UnicodeString& text) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* norm = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status)) return text;
    if (norm->isNormalized(text, status) && U_SUCCESS(status)) return text;
    status = U_ZERO_ERROR;
    icu::UnicodeString composed = norm->normalize(text, status);
    return U_FAILURE(status) ? text : composed;
}

// The spelling names are matched by: NFC, then Unicode's full case folding (ICU's default, not
// the Turkic one), then NFC again, as folding may undo a composition. So "MARÍA López" is "María
// López": a list typed in capitals, or a surname in capitals as Spanish and French forms ask for
// it, names the same person, and the printed text is the author's either way. Full folding, not
// lowercasing letter by letter: "STRASSE" is "Straße", and "ΠΑΠΠΑΣ" is "Παππας" (its final
// sigma). Accents are not folded: "Claudio" and "Cláudio", "Pena" and "Peña" may be
// different people, and the report should print the person's own spelling, so that stays a
// warning ("differs only in accents or case"), as does any name differing in both.
std::string folded(const std::string& utf8) {
    icu::UnicodeString text = nfc(icu::UnicodeString::fromUTF8(utf8));
    text.foldCase(U_FOLD_CASE_DEFAULT);
    std::string out;
    nfc(text).toUTF8String(out);
    return out;
}

bool same_spelling(const std::string& a, const std::string& b) { return a == b || folded(a) == folded(b); }

// A name or organization reduced for comparison: accents, case and punctuation gone.
struct Normal {
    std::string text;                 // tokens joined by single spaces
    std::vector<std::string> tokens;
};

Normal normalize(const std::string& utf8) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
    icu::UnicodeString text = icu::UnicodeString::fromUTF8(utf8);
    text.foldCase(U_FOLD_CASE_DEFAULT);  // as folded(): "ß" and "ss", "ς" and "σ" alike
    icu::UnicodeString decomposed = nfd->normalize(text, status);
    icu::UnicodeString kept;
    for (int32_t i = 0; i < decomposed.length();) {
        UChar32 c = decomposed.char32At(i);
        i += U16_LENGTH(c);
        int8_t type = u_charType(c);
        if (type == U_NON_SPACING_MARK) continue;
        // a spacing vowel sign (Devanagari's "ि", Tamil's "ா") is part of its word, not a separator
        kept.append(u_isalnum(c) || type == U_COMBINING_SPACING_MARK ? c : UChar32(' '));
    }
    std::string flat;
    kept.toUTF8String(flat);
    Normal n;
    std::size_t i = 0;
    while (i < flat.size()) {
        while (i < flat.size() && flat[i] == ' ') ++i;
        std::size_t start = i;
        while (i < flat.size() && flat[i] != ' ') ++i;
        if (i > start) n.tokens.push_back(flat.substr(start, i - start));
    }
    for (const auto& t : n.tokens) n.text += (n.text.empty() ? "" : " ") + t;
    return n;
}

// "rmz" abbreviates "ramirez": same first letter, its letters in order within the word.
bool abbreviates(const std::string& shorter, const std::string& longer) {
    if (shorter.size() >= longer.size() || shorter.empty() || shorter[0] != longer[0]) return false;
    std::size_t k = 0;
    for (char c : longer) {
        if (k < shorter.size() && shorter[k] == c) ++k;
    }
    return k == shorter.size();
}

// Whether the tokens of `a` appear in `b`, in order (each may abbreviate its match).
bool token_subsequence(const std::vector<std::string>& a, const std::vector<std::string>& b, bool allow_abbrev,
                       bool* abbreviated = nullptr) {
    std::size_t j = 0;
    for (const auto& t : a) {
        while (j < b.size() && !(b[j] == t || (allow_abbrev && (abbreviates(t, b[j]) || abbreviates(b[j], t))))) ++j;
        if (j == b.size()) return false;
        if (abbreviated && b[j] != t) *abbreviated = true;
        ++j;
    }
    return true;
}

std::string where(const base::SourcePos& pos) {
    if (!pos.known()) return "?";
    std::string file = *pos.file;
    auto slash = file.find_last_of('/');
    if (slash != std::string::npos) file = file.substr(slash + 1);
    return file + ":" + std::to_string(pos.line) + ":" + std::to_string(pos.col);
}

std::string plain(const model::InlineList& list) {
    std::string out;
    for (const auto& i : list) out += i.text + plain(i.children);
    return out;
}

struct Participant {
    std::string name, org;
    std::string spelling;  // the name as matched: folded()
    Normal norm, org_norm;
    base::SourcePos pos;
};

struct Mention {
    std::string name, org;
    std::string what;  // "caption", "speaker", "moderator"
    base::SourcePos pos;
};

// Two organizations are the same when one contains the other, or they share an acronym
// ("Insyde" and "Instituto para la Seguridad y la Democracia, INSYDE").
bool same_org(const Normal& a, const Normal& b) {
    if (a.text.empty() || b.text.empty()) return true;
    if (a.text.find(b.text) != std::string::npos || b.text.find(a.text) != std::string::npos) return true;
    static const std::set<std::string> small = {"de", "la", "el", "del", "los", "las", "y", "en", "of", "the",
                                                "and", "for", "in", "at", "para", "a", "c"};
    std::size_t shared = 0, counted = 0;
    for (const auto& t : a.tokens) {
        if (small.count(t)) continue;
        ++counted;
        if (std::find(b.tokens.begin(), b.tokens.end(), t) != b.tokens.end()) ++shared;
    }
    return counted > 0 && shared * 2 >= counted;
}

// An affiliation as agendas write it, "APCOF, South Africa": the organization, then where it is.
// The same as the participant's organization when the whole is, or else its organization part
// (before the first comma) is: the country's words must not outvote the organization's
// ("APCOF, South Africa" was flagged while "APCOF, Kenya" passed).
bool same_affiliation(const std::string& affiliation, const Normal& org) {
    if (same_org(normalize(affiliation), org)) return true;
    auto comma = affiliation.find(',');
    if (comma == std::string::npos) return false;
    Normal head = normalize(affiliation.substr(0, comma));
    return !head.tokens.empty() && same_org(head, org);
}

// Levenshtein distance between two name parts (normalized: lower case, no accents), by code unit.
std::size_t edit_distance(const std::string& a, const std::string& b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

// A misspelt name part: "tait" for "tate", "gomes" for "gomez". One edit, or two in parts of
// four letters or more; the same first letter, as misspellings keep it.
bool near_part(const std::string& a, const std::string& b) {
    if (a.empty() || b.empty() || a[0] != b[0]) return false;
    std::size_t limit = std::min(a.size(), b.size()) >= 4 ? 2 : 1;
    return edit_distance(a, b) <= limit;
}

// "Sean Tait" and "Sean Tate": the parts of one in order among the other's, each the same or a
// near miss (near_part), at least one the same and one a near miss: a misspelling, not a stranger.
bool near_name(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    const auto& fewer = a.size() <= b.size() ? a : b;
    const auto& more = a.size() <= b.size() ? b : a;
    std::size_t j = 0, same = 0, near = 0;
    for (const auto& t : fewer) {
        while (j < more.size() && more[j] != t && !near_part(t, more[j])) ++j;
        if (j == more.size()) return false;
        (more[j] == t ? same : near) += 1;
        ++j;
    }
    return same > 0 && near > 0;
}

class PeopleCheck {
public:
    PeopleCheck(const model::Document& doc, base::Diagnostics& diags, bool review)
        : doc_(doc), diags_(diags), review_(review) {}

    std::size_t run() {
        const model::DataFile* data = participants();
        if (!data) return 0;
        load(*data);
        check_data(*data);
        if (review_) review_corrections(*data);
        for (const auto& m : mentions()) check(m);
        return count_;
    }

private:
    const model::Document& doc_;
    base::Diagnostics& diags_;
    bool review_;  // decisions do not apply: every case is reported, the settled ones as notes
    std::vector<Participant> people_;
    std::size_t count_ = 0;
    base::SourcePos settled_;  // where the author's decision on the case at hand is (review mode)

    void warn(const base::SourcePos& pos, std::string message, std::vector<std::string> hints = {}) {
        hints.erase(std::remove(hints.begin(), hints.end(), std::string()), hints.end());
        if (settled_.known()) {
            diags_.add({base::Severity::Note, pos, std::move(message), {"settled at " + where(settled_)}});
            return;
        }
        ++count_;
        diags_.warning(pos, std::move(message), std::move(hints));
    }

    const model::DataFile* participants() const {
        std::string id = doc_.people.data;
        for (const auto& d : doc_.data) {
            bool chosen = id.empty() ? !d.key.empty() : d.id == id;
            if (chosen && d.kind == model::DataFile::Kind::Table && !d.table.columns.empty()) return &d;
        }
        return nullptr;
    }

    void load(const model::DataFile& data) {
        const auto& cols = data.table.columns;
        auto column = [&](const std::string& n) {
            auto it = std::find(cols.begin(), cols.end(), n);
            return it == cols.end() ? cols.size() : static_cast<std::size_t>(it - cols.begin());
        };
        std::size_t name = column(data.key.empty() ? "name" : data.key), org = column("organization");
        for (std::size_t r = 0; r < data.table.rows.size(); ++r) {
            const auto& row = data.table.rows[r];
            Participant p;
            p.name = name < row.size() ? row[name] : "";
            p.org = org < row.size() ? row[org] : "";
            p.norm = normalize(p.name);
            p.spelling = folded(p.name);
            p.org_norm = normalize(p.org);
            p.pos = r < data.table.row_pos.size() ? data.table.row_pos[r] : base::SourcePos{};
            people_.push_back(std::move(p));
        }
    }

    void check_data(const model::DataFile& data) {
        std::map<std::string, const Participant*> seen;
        for (const auto& p : people_) {
            auto [it, fresh] = seen.emplace(p.norm.text, &p);
            if (!fresh) warn(p.pos, "participant '" + p.name + "' is listed twice", {"first at " + where(it->second->pos)});
        }
        const auto& cols = data.table.columns;
        auto email_col = std::find(cols.begin(), cols.end(), "email");
        if (email_col == cols.end()) return;
        std::size_t e = static_cast<std::size_t>(email_col - cols.begin());
        for (std::size_t r = 0; r < data.table.rows.size(); ++r) {
            const std::string& field = data.table.rows[r][e];
            std::size_t i = 0;
            while (i < field.size()) {  // a person may have several addresses, separated by spaces
                while (i < field.size() && field[i] == ' ') ++i;
                std::size_t start = i;
                while (i < field.size() && field[i] != ' ') ++i;
                std::string address = field.substr(start, i - start);
                if (!address.empty() && !is_email_address(address)) {
                    warn(data.table.row_pos[r], "'" + shortened(address) + "' in the email of '" + shortened(people_[r].name) +
                                                    "' is not an email address", {"the field reads '" + shortened(field) + "'"});
                }
            }
        }
    }

    // The data as received differed from what the report prints: each fix, as a note at the row.
    void review_corrections(const model::DataFile& data) {
        const auto& cols = data.table.columns;
        for (const auto& c : doc_.people.corrections) {
            auto col = std::find(cols.begin(), cols.end(), c.field);
            if (col == cols.end()) continue;
            std::size_t f = static_cast<std::size_t>(col - cols.begin());
            for (std::size_t r = 0; r < data.table.rows.size(); ++r) {
                if (data.table.rows[r][f] != c.value) continue;
                diags_.add({base::Severity::Note, data.table.row_pos[r],
                            "row '" + c.key + "' of the data as received: its " + c.field + " is printed as '" + c.value + "'",
                            {"corrected at " + where(c.pos)}});
            }
        }
    }

    std::vector<Mention> mentions() const {
        std::vector<Mention> out;
        std::function<void(const model::InlineList&)> walk = [&](const model::InlineList& list) {
            for (const auto& i : list) {
                if (i.kind == model::Inline::Kind::Person) out.push_back({plain(i.children), i.attr, "caption", i.pos});
                walk(i.children);
            }
        };
        for (const auto& section : doc_.sections) {
            for (const auto& block : section.blocks) {
                if (block.kind == model::Block::Kind::Figure) walk(block.figure.caption.content);
            }
        }
        for (const auto& d : doc_.data) {
            if (d.kind != model::DataFile::Kind::Agenda) continue;
            for (const auto& day : d.agenda.days) {
                for (const auto& slot : day.slots) {
                    for (const auto& t : slot.talks) out.push_back({t.speaker, t.affiliation, "speaker", t.pos});
                    for (const auto& m : slot.moderators) out.push_back({m.name, m.affiliation, "moderator", m.pos});
                }
            }
        }
        return out;
    }

    const model::PeopleDecisions::Alias* alias_for_name(const std::string& name) const {
        for (const auto& a : doc_.people.aliases) {
            if (!a.name.empty() && same_spelling(a.name, name)) return &a;
        }
        return nullptr;
    }

    const model::PeopleDecisions::Alias* find_org_alias(const std::string& org, const std::string& participant_org) const {
        for (const auto& a : doc_.people.aliases) {
            if (!a.org.empty() && same_spelling(a.org, org) && same_spelling(a.participant_org, participant_org)) return &a;
        }
        return nullptr;
    }

    bool org_alias(const std::string& org, const std::string& participant_org) const {
        return !review_ && find_org_alias(org, participant_org);
    }

    void check(const Mention& m) {
        settled_ = {};
        for (const auto& g : doc_.people.guests) {
            if (!same_spelling(g.name, m.name)) continue;
            if (!review_) return;  // the author says: not a participant
            settled_ = g.pos;
        }
        std::string name = m.name;
        bool aliased = false;
        if (const auto* a = alias_for_name(m.name)) {
            if (review_) {
                settled_ = a->pos;
            } else {
                name = a->participant;
                aliased = true;
            }
        }
        Normal n = normalize(name);
        if (n.tokens.empty()) return;
        std::string label = m.what + " '" + m.name + "'";

        // exact, then a shortened form (first name kept, some names left out)
        std::vector<const Participant*> exact, shorter, longer, abbreviated, accents, misspelt;
        const std::string spelling = folded(name);
        for (const auto& p : people_) {
            if (p.spelling == spelling) exact.push_back(&p);
            else if (p.norm.text == n.text) accents.push_back(&p);
            else if (!p.norm.tokens.empty() && n.tokens.front() == p.norm.tokens.front() &&
                     token_subsequence(n.tokens, p.norm.tokens, false)) shorter.push_back(&p);
            else if (!p.norm.tokens.empty() && n.tokens.front() == p.norm.tokens.front() &&
                     token_subsequence(p.norm.tokens, n.tokens, false)) longer.push_back(&p);
            else {
                bool abbrev = false;
                if (token_subsequence(n.tokens, p.norm.tokens, true, &abbrev) && abbrev) abbreviated.push_back(&p);
                else if (token_subsequence(p.norm.tokens, n.tokens, true, &abbrev) && abbrev) abbreviated.push_back(&p);
                else if (near_name(n.tokens, p.norm.tokens)) misspelt.push_back(&p);
            }
        }
        auto narrow_by_org = [&](std::vector<const Participant*>& list) {
            if (list.size() < 2 || m.org.empty()) return;
            std::vector<const Participant*> kept;
            for (auto* p : list) {
                if (same_affiliation(m.org, p->org_norm) || org_alias(m.org, p->org)) kept.push_back(p);
            }
            if (!kept.empty()) list = kept;
        };
        const Participant* match = nullptr;
        if (!exact.empty()) {
            match = exact.front();
        } else if (!accents.empty()) {
            warn(m.pos, label + " differs from participant '" + accents.front()->name + "' only in accents or case",
                 {"participant at " + where(accents.front()->pos), aliased ? "" : "record <alias name=\"" + m.name +
                  "\" participant=\"" + accents.front()->name + "\"/> if they are the same person"});
            return;
        } else if (!shorter.empty()) {
            narrow_by_org(shorter);
            if (shorter.size() > 1) {
                std::string names;
                for (auto* p : shorter) names += (names.empty() ? "" : ", ") + ("'" + p->name + "' (" + where(p->pos) + ")");
                warn(m.pos, label + " could be any of " + names, {"record which with <alias>"});
                return;
            }
            match = shorter.front();  // a short form of the participant's name, as captions use
        } else if (!longer.empty() || !abbreviated.empty() || !misspelt.empty()) {
            const Participant* likely = !longer.empty() ? longer.front() : !abbreviated.empty() ? abbreviated.front() : misspelt.front();
            warn(m.pos, label + " is close to participant '" + likely->name + "'",
                 {"participant at " + where(likely->pos),
                  "record <alias name=\"" + m.name + "\" participant=\"" + likely->name + "\"/> if they are the same person"});
            return;
        } else {
            warn(m.pos, label + " is not among the participants",
                 {"record <guest name=\"" + m.name + "\"/> if that is right"});
            return;
        }
        if (const auto* a = find_org_alias(m.org, match->org); a && review_) settled_ = a->pos;
        if (!m.org.empty() && !match->org.empty() && !org_alias(m.org, match->org) &&
            !same_affiliation(m.org, match->org_norm)) {
            warn(m.pos, label + ": organization '" + m.org + "' differs from the participants list's '" + match->org + "'",
                 {"participant at " + where(match->pos), "record <alias org=\"" + m.org + "\" participant-org=\"" +
                  match->org + "\"/> if they are the same organization"});
        }
    }
};

}  // namespace

std::size_t check_people(const model::Document& doc, base::Diagnostics& diags, bool review) {
    return PeopleCheck(doc, diags, review).run();
}

std::size_t check_people_in(const model::DataTable& table, const std::string& key, const model::Document* report,
                            base::Diagnostics& diags) {
    model::Document doc;
    if (report) doc = *report;
    // the report's participants data, chosen as PeopleCheck chooses it, holds the new table
    model::DataFile* data = nullptr;
    for (auto& d : doc.data) {
        bool chosen = doc.people.data.empty() ? !d.key.empty() : d.id == doc.people.data;
        if (chosen && d.kind == model::DataFile::Kind::Table) {
            data = &d;
            break;
        }
    }
    if (!data) {
        doc.people.data.clear();
        doc.data.insert(doc.data.begin(), model::DataFile{});
        data = &doc.data.front();
        data->id = "participants";
        data->key = key.empty() ? "name" : key;
    }
    data->table = table;
    if (report && data->id == doc.people.data) source::apply_corrections(doc.people, *data, diags);
    return PeopleCheck(doc, diags, false).run();
}

}  // namespace compose::resolve
