#include "compose/source/load_agenda.h"

#include <algorithm>
#include <utility>

#include <pugixml.hpp>

#include "compose/base/dates.h"
#include "compose/base/line_map.h"
#include "compose/source/read_file.h"
#include "compose/source/xml_file.h"
#include "compose/source/xml_walker.h"

namespace compose::source {
namespace {

// HH:MM, 00:00 to 23:59
bool is_time(const std::string& s) {
    auto digit = [](char c) { return c >= '0' && c <= '9'; };
    return s.size() == 5 && digit(s[0]) && digit(s[1]) && s[2] == ':' && digit(s[3]) && digit(s[4]) &&
           (s[0] < '2' || s[1] <= '3') && s[0] <= '2' && s[3] <= '5';
}

class AgendaReader {
public:
    explicit AgendaReader(XmlWalker& w) : w_(w) {}

    model::Agenda read(const pugi::xml_node& root) {
        model::Agenda agenda;
        w_.check_attributes(root, {});
        for (auto child : elements(root)) {
            if (std::string_view(child.name()) == "day") agenda.days.push_back(day(child));
            else w_.unknown_element(child, {"day"}, "agenda");
        }
        return agenda;
    }

private:
    XmlWalker& w_;

    std::vector<pugi::xml_node> elements(const pugi::xml_node& node) {
        std::vector<pugi::xml_node> out;
        for (auto child : node.children()) {
            if (child.type() == pugi::node_element) out.push_back(child);
            else if ((child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) &&
                     collapse_space(child.value()) != " " && *child.value()) {
                w_.stray_text(child, node.name());
            }
        }
        return out;
    }

    model::Day day(const pugi::xml_node& node) {
        w_.check_attributes(node, {"date", "title"}, {"date"});
        model::Day d{node.attribute("date").value(), node.attribute("title").value(), {}, w_.pos(node)};
        if (node.attribute("title")) w_.variant(node);  // an attribute has one language: the document's
        if (node.attribute("date") && !base::is_iso_date(d.date)) {
            w_.attribute_error(node, "date", "'" + d.date + "' is not a date", {base::iso_date_problem(d.date)});
        }
        for (auto child : elements(node)) {
            std::string_view name = child.name();
            if (name == "slot") {
                d.slots.push_back(slot(child));
                // a day's slots follow one another: each starts no earlier than the one above it
                const auto& now = d.slots.back();
                if (d.slots.size() > 1 && is_time(now.start) && is_time(d.slots[d.slots.size() - 2].start) &&
                    now.start < d.slots[d.slots.size() - 2].start) {
                    const auto& before = d.slots[d.slots.size() - 2];
                    w_.diags().error(w_.attribute_pos(child, "start"),
                                     "the slot starts at " + now.start + ", before the slot above it (" + before.start +
                                         " at " + std::to_string(before.pos.line) + ":" + std::to_string(before.pos.col) + ")",
                                     {"list a day's slots in the order they happen"});
                }
            }
            else if (name == "title" && d.slots.empty() && !node.attribute("title")) d.title = w_.simple_text(child);
            else w_.unknown_element(child, {"slot", "title"}, "day");
        }
        return d;
    }

    model::Slot slot(const pugi::xml_node& node) {
        w_.check_attributes(node, {"start", "end", "kind"}, {"start", "kind"});
        model::Slot s;
        s.pos = w_.pos(node);
        s.start = node.attribute("start").value();
        s.end = node.attribute("end").value();
        s.kind = node.attribute("kind").value();
        for (const auto& [t, attr] : {std::pair{&s.start, "start"}, std::pair{&s.end, "end"}}) {
            if (!t->empty() && !is_time(*t)) {
                w_.diags().error(w_.attribute_pos(node, attr), "'" + *t + "' is not a time", {"write times as HH:MM"});
            }
        }
        if (is_time(s.start) && is_time(s.end) && s.end <= s.start) {  // "HH:MM" strings order as times
            w_.diags().error(w_.attribute_pos(node, "end"), "the slot ends at " + s.end + ", not after it starts at " + s.start);
        }
        static const std::vector<std::string> kinds = {"registration", "session", "conference", "panel", "break"};
        if (node.attribute("kind") && std::find(kinds.begin(), kinds.end(), s.kind) == kinds.end()) {
            w_.diags().error(s.pos, "slot kind '" + s.kind + "' is not one of registration, session, conference, panel, break");
        }
        for (auto child : elements(node)) {
            std::string_view name = child.name();
            if (name == "title") s.title = w_.simple_text(child);
            else if (name == "item") s.items.push_back(w_.simple_text(child));
            else if (name == "talk") s.talks.push_back(talk(child));
            else if (name == "moderator") s.moderators.push_back(moderator(child));
            else w_.unknown_element(child, {"title", "item", "talk", "moderator"}, "slot");
        }
        return s;
    }

    model::Talk talk(const pugi::xml_node& node) {
        w_.check_attributes(node, {});
        model::Talk t;
        t.pos = w_.pos(node);
        for (auto child : elements(node)) {
            std::string_view name = child.name();
            if (name == "speaker") t.speaker = w_.simple_text(child, false);
            else if (name == "title") t.title = w_.simple_text(child);
            else if (name == "affiliation") t.affiliation = w_.simple_text(child, false);
            else w_.unknown_element(child, {"speaker", "title", "affiliation"}, "talk");
        }
        if (t.speaker.empty()) w_.diags().error(t.pos, "<talk> needs a <speaker>");
        return t;
    }

    model::Moderator moderator(const pugi::xml_node& node) {
        w_.check_attributes(node, {});
        model::Moderator m;
        m.pos = w_.pos(node);
        for (auto child : elements(node)) {
            std::string_view name = child.name();
            if (name == "name") m.name = w_.simple_text(child, false);
            else if (name == "affiliation") m.affiliation = w_.simple_text(child, false);
            else w_.unknown_element(child, {"name", "affiliation"}, "moderator");
        }
        if (m.name.empty()) w_.diags().error(m.pos, "<moderator> needs a <name>");
        return m;
    }
};

}  // namespace

std::optional<model::Agenda> parse_agenda(const std::string& file_name, const std::string& text,
                                          const LanguageChoice& languages, base::Diagnostics& diags,
                                          const base::Limits& limits) {
    auto file = parse_xml_file(file_name, text, {"agenda", "data files"}, limits, diags);
    if (!file) return std::nullopt;
    XmlWalker walker(file->map, diags, languages);
    auto root = file->root();
    std::size_t errors = diags.count(base::Severity::Error);
    auto agenda = AgendaReader(walker).read(root);
    if (diags.count(base::Severity::Error) > errors) return std::nullopt;
    return agenda;
}

}  // namespace compose::source
