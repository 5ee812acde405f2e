#include "compose/resolve/agenda_table.h"

#include "compose/resolve/bidi_isolate.h"

namespace compose::resolve {
namespace {

// "08:30" -> "8:30", as the printed agenda writes times
std::string clock(const std::string& hhmm) {
    if (hhmm.size() == 5 && hhmm[0] == '0') return hhmm.substr(1);
    return hhmm;
}

TableRow row(std::vector<std::string> cells, int span_from, bool strong, const base::SourcePos& pos,
             base::Role role = base::Role::Row) {
    TableRow r{std::move(cells), span_from, strong, pos};
    r.role = role;
    return r;
}

}  // namespace

Block agenda_table(const model::Agenda& agenda, const std::string& lang, const base::SourcePos& pos) {
    Block b;
    b.kind = Block::Kind::Table;
    b.pos = pos;
    b.column_titles = {localized(lang, "time"), localized(lang, "speaker"), localized(lang, "talk"),
                       localized(lang, "affiliation")};
    int day_number = 0;
    std::string last_date;
    for (const auto& day : agenda.days) {
        // a day may be given as several blocks (morning and afternoon programmes): count dates
        if (day.date != last_date) ++day_number;
        last_date = day.date;
        std::string heading = localized(lang, "day") + " " + std::to_string(day_number) + " \u2014 " +
                              long_date(lang, day.date);
        if (!day.title.empty()) heading += " (" + day.title + ")";
        b.rows.push_back(row({heading}, 0, true, day.pos, base::Role::Day));
        for (const auto& slot : agenda.days.empty() ? std::vector<model::Slot>{} : day.slots) {
            std::string time = clock(slot.start) + (slot.end.empty() ? "" : "\u00A0\u2013\u00A0" + clock(slot.end));
            b.rows.push_back(row({time, slot.title}, 1, true, slot.pos, base::Role::Slot));
            b.rows.back().unbroken = 0;  // "9:15 – 11:15" stays on one line
            for (const auto& item : slot.items) b.rows.push_back(row({"", item}, 1, false, slot.pos));
            for (const auto& talk : slot.talks) {
                b.rows.push_back(row({"", isolated(talk.speaker), talk.title, isolated(talk.affiliation)}, -1, false, talk.pos,
                                     base::Role::Talk));
            }
            for (const auto& m : slot.moderators) {
                std::string text = localized(lang, "moderator") + ": " + isolated(m.name);
                if (!m.affiliation.empty()) text += ", " + isolated(m.affiliation);
                b.rows.push_back(row({"", text}, 1, false, m.pos));
            }
        }
    }
    return b;
}

}  // namespace compose::resolve
