#include <algorithm>
#include <filesystem>
#include <map>

#include <pugixml.hpp>

#include "compose/base/dates.h"
#include "compose/base/suggest.h"
#include "compose/base/units.h"
#include "compose/source/image_info.h"
#include "compose/source/inline_content.h"
#include "compose/source/load_agenda.h"
#include "compose/source/load_csv.h"
#include "compose/source/load_table.h"
#include "compose/source/read_file.h"
#include "compose/source/source.h"
#include "compose/source/xml_file.h"
#include "compose/source/xml_walker.h"

namespace compose::source {
namespace {

namespace fs = std::filesystem;
using model::Block;

bool is_blank(const pugi::xml_node& node) {
    return std::string(collapse_space(node.value())) == " " || *node.value() == 0;
}

// The items of a list written "a; b" or "a, b", each trimmed of spaces, empty ones left out.
std::vector<std::string> split_trimmed(std::string_view list, char separator) {
    std::vector<std::string> items;
    std::size_t start = 0;
    while (start <= list.size()) {
        std::size_t end = std::min(list.find(separator, start), list.size());
        std::string_view item = list.substr(start, end - start);
        while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
        while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
        if (!item.empty()) items.emplace_back(item);
        start = end + 1;
    }
    return items;
}

// sort="organization, -name"
std::vector<model::SortKey> sort_keys(std::string_view sort) {
    std::vector<model::SortKey> keys;
    for (auto& field : split_trimmed(sort, ',')) {
        bool descending = field[0] == '-';
        if (descending) field.erase(0, 1);
        if (!field.empty()) keys.push_back({field, descending});
    }
    return keys;
}

// One condition of a table's filter.
struct Condition {
    std::string text, field, op, value;
};

std::vector<Condition> split_conditions(const std::string& filter) {
    std::vector<Condition> out;
    for (const auto& text : split_trimmed(filter, ';')) {
        Condition c{text, "", "", ""};
        for (const char* op : {"!=", "=", "~"}) {
            auto at = text.find(op);
            if (at != std::string::npos && at > 0) {
                c.field = text.substr(0, at);
                c.op = op;
                c.value = text.substr(at + std::string(op).size());
                while (!c.field.empty() && c.field.back() == ' ') c.field.pop_back();
                while (!c.value.empty() && c.value.front() == ' ') c.value.erase(0, 1);
                break;
            }
        }
        out.push_back(std::move(c));
    }
    return out;
}

class DocumentReader {
public:
    DocumentReader(XmlWalker& w, model::Document& doc, const LoadOptions& options)
        : w_(w), doc_(doc), options_(options) {}

    void read_report(const pugi::xml_node& root) {
        w_.check_attributes(root, {"xml:lang", "layout", "id"});
        doc_.lang = w_.languages().wanted();  // the edition's language: every text was read in it
        doc_.layout = root.attribute("layout").value();
        if (doc_.layout.size() > kMaxLayoutName) {  // no file system takes it as a file name
            w_.diags().error(w_.attribute_pos(root, "layout"), "the layout's name is " + std::to_string(doc_.layout.size()) +
                                                                  " bytes long; a layout's name has at most " +
                                                                  std::to_string(kMaxLayoutName));
        }
        doc_.id = root.attribute("id").value();
        if (!doc_.id.empty()) declare_id(doc_.id, w_.pos(root));
        for (auto child : root.children()) {
            if (skip_non_element(child, "report")) continue;
            std::string_view name = child.name();
            if (name == "meta") read_meta(child);
            else if (name == "data") read_data(child);
            else if (name == "people") read_people(child);
            else if (name == "hyphenation") read_hyphenation(child);
            else if (name == "section" || name == "annex") read_section(child, name == "annex");
            else w_.unknown_element(child, {"meta", "data", "people", "hyphenation", "section", "annex"}, "report");
        }
        check_references();
        check_agenda_days();
    }

private:
    XmlWalker& w_;
    model::Document& doc_;
    const LoadOptions& options_;
    std::map<std::string, base::SourcePos> ids_;
    base::SourcePos dates_pos_;  // the <dates> element
    std::vector<std::pair<std::string, base::SourcePos>> refs_;
    // Each data file is read once, and each image checked once, however often the source names
    // it: a hostile source cannot multiply the work (or the memory) by naming one file a million times.
    std::map<std::string, base::SourcePos> data_files_;
    struct ImageCheck {
        std::optional<ImageInfo> info;
        std::vector<base::Diagnostic> diags;  // as found the first time, repeated at each figure
    };
    std::map<std::string, ImageCheck> images_;

    std::optional<ImageInfo> check_image_once(const fs::path& image, const base::SourcePos& pos) {
        auto [it, first] = images_.try_emplace(image.string());
        if (first) {
            base::Diagnostics found;
            it->second.info = read_image_info(image.string(), pos, found, options_.limits);
            it->second.diags = found.items();
        }
        for (auto d : it->second.diags) {
            d.pos = pos;
            w_.diags().add(std::move(d));
        }
        return it->second.info;
    }

    bool skip_non_element(const pugi::xml_node& child, std::string_view parent) {
        if (child.type() == pugi::node_element) return false;
        if ((child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) && !is_blank(child)) {
            w_.stray_text(child, parent);
        }
        return true;
    }

    // An agenda day outside the meeting's dates is most likely a typo in one or the other.
    void check_agenda_days() {
        const auto& from = doc_.meta.date_from;
        const auto& to = doc_.meta.date_to.empty() ? from : doc_.meta.date_to;
        if (!base::is_iso_date(from) || !base::is_iso_date(to)) return;
        for (const auto& data : doc_.data) {
            if (data.kind != model::DataFile::Kind::Agenda) continue;
            for (const auto& day : data.agenda.days) {
                if (!base::is_iso_date(day.date) || (day.date >= from && day.date <= to)) continue;
                base::Diagnostic d{base::Severity::Warning, day.pos,
                                   "the agenda's day " + day.date + " is outside the meeting's dates (" + from +
                                       (to == from ? "" : " to " + to) + ")"};
                d.notes.push_back({dates_pos_, "the meeting's dates are given here"});
                w_.diags().add(std::move(d));
            }
        }
    }

    void declare_id(const std::string& id, const base::SourcePos& pos) {
        auto [it, inserted] = ids_.emplace(id, pos);
        if (!inserted) {
            base::Diagnostic d{base::Severity::Error, pos, "duplicate id '" + id + "'"};
            d.notes.push_back({it->second, "'" + id + "' is first defined here"});
            w_.diags().add(std::move(d));
        }
    }

    void collect_refs(const model::InlineList& list) {
        for (const auto& item : list) {
            if (item.kind == model::Inline::Kind::Ref) refs_.emplace_back(item.attr, item.pos);
            collect_refs(item.children);
        }
    }

    model::InlineList inline_of(const pugi::xml_node& node, bool allow_person = false) {
        // a table cell is held to the smaller cell-size limit before it comes here
        if (std::uint64_t bytes = text_bytes(node); bytes > options_.limits.paragraph_size) {
            w_.diags().error(w_.pos(node), "<" + std::string(node.name()) + "> holds " + std::to_string(bytes) +
                                               " bytes of text, more than the limit of " +
                                               base::format_bytes(options_.limits.paragraph_size),
                             {base::raise_hint("paragraph-size")});
            return {};
        }
        auto list = read_inline(w_, node, InlineRules{allow_person});
        collect_refs(list);
        return list;
    }

    void read_meta(const pugi::xml_node& node) {
        w_.check_attributes(node, {});
        doc_.meta.pos = w_.pos(node);
        for (auto child : node.children()) {
            if (skip_non_element(child, "meta")) continue;
            std::string_view name = child.name();
            if (name == "series") { w_.check_attributes(child, {}); doc_.meta.series = w_.simple_text(child); }
            else if (name == "title") { w_.check_attributes(child, {}); doc_.meta.title = w_.simple_text(child); }
            else if (name == "subtitle") { w_.check_attributes(child, {}); doc_.meta.subtitle = w_.simple_text(child); }
            else if (name == "place") { w_.check_attributes(child, {}); doc_.meta.place = w_.simple_text(child); }
            else if (name == "host") { w_.check_attributes(child, {}); doc_.meta.host = w_.simple_text(child); }
            else if (name == "partner") { w_.check_attributes(child, {}); doc_.meta.partners.push_back(w_.simple_text(child)); }
            else if (name == "dates") read_dates(child);
            else if (name == "published") read_published(child);
            else w_.unknown_element(child, {"series", "title", "subtitle", "place", "dates", "published", "host", "partner"},
                                    "meta");
        }
    }

    void read_dates(const pugi::xml_node& node) {
        w_.check_attributes(node, {"from", "to"}, {"from"});
        dates_pos_ = w_.pos(node);
        doc_.meta.date_from = node.attribute("from").value();
        doc_.meta.date_to = node.attribute("to").value();
        for (const char* attribute : {"from", "to"}) {
            std::string value = node.attribute(attribute).value();
            if (!value.empty() && !base::is_iso_date(value)) {
                w_.attribute_error(node, attribute, "'" + value + "' is not a date", {base::iso_date_problem(value)});
            }
        }
        if (!doc_.meta.date_to.empty() && base::is_iso_date(doc_.meta.date_from) && base::is_iso_date(doc_.meta.date_to) &&
            doc_.meta.date_to < doc_.meta.date_from) {
            w_.diags().error(w_.attribute_pos(node, "to"), "the dates end (" + doc_.meta.date_to + ") before they begin (" +
                                               doc_.meta.date_from + ")");
        }
    }

    // The day the report is issued: the PDF's creation date (unless SOURCE_DATE_EPOCH is set).
    void read_published(const pugi::xml_node& node) {
        w_.check_attributes(node, {"date"}, {"date"});
        std::string date = node.attribute("date").value();
        if (!node.attribute("date")) return;
        if (!base::is_iso_date(date)) {
            w_.attribute_error(node, "date", "'" + date + "' is not a date", {base::iso_date_problem(date)});
            return;
        }
        doc_.meta.published = date;
    }

    void read_data(const pugi::xml_node& node) {
        w_.check_attributes(node, {"id", "src", "key", "sheet", "delimiter", "encoding"}, {"id", "src"});
        model::DataFile data{node.attribute("id").value(), node.attribute("src").value(), node.attribute("key").value(),
                             w_.pos(node)};
        data.sheet = node.attribute("sheet").value();
        data.delimiter = node.attribute("delimiter").value();
        data.encoding = node.attribute("encoding").value();
        auto format = table_format(node, data);
        if (!data.id.empty()) declare_id(data.id, data.pos);
        if (!data.src.empty() && format) load_data(data, *format);
        doc_.data.push_back(std::move(data));
    }

    // How a table's file is to be read: sheet=, delimiter=, encoding= (whether they suit the file
    // is checked once its kind is known); nullopt after an error at the <data>.
    std::optional<TableFormat> table_format(const pugi::xml_node& node, const model::DataFile& data) {
        TableFormat format;
        format.sheet = data.sheet;
        bool ok = true;
        if (node.attribute("sheet") && data.sheet.empty()) {
            w_.diags().error(data.pos, "sheet= is empty", {"name a sheet of the workbook, or leave sheet= out for its first"});
            ok = false;
        }
        if (node.attribute("delimiter") && !(format.delimiter = delimiter_named(data.delimiter))) {
            auto close = base::closest(data.delimiter, {"comma", "semicolon", "tab"});
            w_.diags().error(data.pos, "delimiter=\"" + data.delimiter + "\" is not a delimiter compose reads",
                             {close ? "did you mean delimiter=\"" + *close + "\"?" : "write comma, semicolon or tab"});
            ok = false;
        }
        if (node.attribute("encoding") && !(format.encoding = encoding_named(data.encoding))) {
            w_.diags().error(data.pos, "encoding=\"" + data.encoding + "\" is not an encoding compose reads",
                             {"write " + encoding_names()});
            ok = false;
        }
        if (!ok) return std::nullopt;
        return format;
    }

    void read_people(const pugi::xml_node& node) {
        w_.check_attributes(node, {"data"}, {"data"});
        auto& people = doc_.people;
        people.pos = w_.pos(node);
        people.data = node.attribute("data").value();
        refs_.emplace_back(people.data, people.pos);
        for (auto child : node.children()) {
            if (skip_non_element(child, "people")) continue;
            std::string_view name = child.name();
            auto attr = [&](const char* a) { return std::string(child.attribute(a).value()); };
            if (name == "alias") {
                w_.check_attributes(child, {"name", "participant", "org", "participant-org"});
                model::PeopleDecisions::Alias alias{attr("name"), attr("participant"), attr("org"),
                                                    attr("participant-org"), w_.pos(child)};
                bool person = !alias.name.empty() && !alias.participant.empty();
                bool org = !alias.org.empty() && !alias.participant_org.empty();
                if (person == org) {
                    w_.diags().error(alias.pos, "<alias> gives either name= and participant=, or org= and participant-org=");
                }
                people.aliases.push_back(std::move(alias));
            } else if (name == "guest") {
                w_.check_attributes(child, {"name"}, {"name"});
                people.guests.push_back({attr("name"), w_.pos(child)});
            } else if (name == "correction") {
                w_.check_attributes(child, {"key", "field", "value"}, {"key", "field", "value"});
                people.corrections.push_back({attr("key"), attr("field"), attr("value"), w_.pos(child)});
            } else {
                w_.unknown_element(child, {"alias", "guest", "correction"}, "people");
            }
        }
    }

    // <hyphenation xml:lang="en"><word>ta-ble</word>…</hyphenation>: the document's own hyphenation
    // exceptions (the report's language when xml:lang is absent). A word is letters with hyphens
    // where it may be broken.
    void read_hyphenation(const pugi::xml_node& node) {
        w_.check_attributes(node, {"xml:lang"});
        model::HyphenationExceptions list;
        list.pos = w_.pos(node);
        list.lang = node.attribute("xml:lang") ? node.attribute("xml:lang").value() : doc_.source_lang;
        for (auto child : node.children()) {
            if (skip_non_element(child, "hyphenation")) continue;
            if (std::string_view(child.name()) != "word") {
                w_.unknown_element(child, {"word"}, "hyphenation");
                continue;
            }
            w_.check_attributes(child, {});
            std::string word = collapse_space(child.child_value());
            if (word.empty() || word.find(' ') != std::string::npos || word.front() == '-' || word.back() == '-' ||
                word.find("--") != std::string::npos) {
                w_.diags().error(w_.pos(child), "<word> is one word with hyphens where it may be broken, such as ta-ble; not '" +
                                                    word + "'");
                continue;
            }
            list.words.push_back(std::move(word));
        }
        doc_.hyphenation.push_back(std::move(list));
    }

    // Data files and images are read from the source's own folder (or below it), or from the
    // --root folder: a source cannot make compose read /etc/passwd. Symbolic links are followed
    // before the test, so a link cannot lead out either.
    bool inside_source_folder(const fs::path& path) {
        return is_inside(path.string(), options_.root.empty() ? doc_.base_dir : options_.root);
    }

    std::string allowed_folder() const {
        return options_.root.empty() ? "the source's folder" : "the --root folder '" + options_.root + "'";
    }

    void load_data(model::DataFile& data, const TableFormat& format) {
        fs::path path = (fs::path(doc_.base_dir) / data.src).lexically_normal();
        if (!inside_source_folder(path)) {
            w_.diags().error(data.pos, "data file '" + data.src + "' is outside " + allowed_folder(),
                             {"keep data files beside the report or in a folder below it, or render with --root FOLDER "
                              "naming a folder that holds both"});
            return;
        }
        std::error_code status_error;
        fs::file_status status = fs::status(path, status_error);
        if (status_error && status.type() != fs::file_type::not_found) {  // a name too long, a folder not searchable
            w_.diags().error(data.pos, "cannot read data file '" + data.src + "': " + status_error.message());
            return;
        }
        if (!fs::exists(status)) {
            w_.diags().error(data.pos, "data file '" + data.src + "' not found");
            return;
        }
        if (!fs::is_regular_file(status)) {  // a FIFO would never end, a device never stop
            w_.diags().error(data.pos, "data file '" + data.src + "' is not a regular file");
            return;
        }
        std::error_code ec;
        auto [first, inserted] = data_files_.emplace(fs::weakly_canonical(fs::absolute(path, ec), ec).string(), data.pos);
        if (!inserted) {
            base::Diagnostic d{base::Severity::Error, data.pos, "data file '" + data.src + "' is named twice",
                               {"refer to the first <data>'s id"}};
            d.notes.push_back({first->second, "'" + data.src + "' is first named here"});
            w_.diags().add(std::move(d));
            return;
        }
        std::string ext = path.extension().string();
        TableKind kind = table_kind(path.string());
        if (ext == ".xml" && (!format.sheet.empty() || format.delimiter || format.encoding)) {
            w_.diags().error(data.pos, "sheet=, delimiter= and encoding= are for tables of data, and '" + data.src +
                                           "' is an agenda");
            return;
        }
        if (!check_table_format(kind, format, data.src, data.pos, w_.diags())) return;
        auto text = read_file(path.string(), data.pos, w_.diags(), options_.limits.file_size);
        if (!text) return;
        if (kind != TableKind::None) {
            data.kind = model::DataFile::Kind::Table;
            if (auto table = parse_table(path.string(), std::move(*text), kind, format, w_.diags(), options_.limits)) {
                data.table = std::move(*table);
            }
        } else if (ext == ".xml") {
            data.kind = model::DataFile::Kind::Agenda;
            if (auto agenda = parse_agenda(path.string(), *text, w_.languages(), w_.diags(), options_.limits)) {
                data.agenda = std::move(*agenda);
            }
        } else {
            w_.diags().error(data.pos, "data file '" + data.src +
                                           "' is neither a table (.csv, .tsv, .txt, .xlsx, .ods, .xls) nor an agenda .xml");
        }
    }

    void read_section(const pugi::xml_node& node, bool annex) {
        w_.check_attributes(node, {"id"}, annex ? std::initializer_list<std::string_view>{"id"}
                                                 : std::initializer_list<std::string_view>{});
        model::Section section;
        section.annex = annex;
        section.id = node.attribute("id").value();
        section.pos = w_.pos(node);
        if (!section.id.empty()) declare_id(section.id, section.pos);
        const char* parent = annex ? "annex" : "section";
        for (auto child : node.children()) {
            if (skip_non_element(child, parent)) continue;
            std::string_view name = child.name();
            if (name == "h") {
                w_.check_attributes(child, {});
                if (!section.heading.empty() || !section.blocks.empty()) {
                    w_.diags().error(w_.pos(child), "<h> must come first in its <" + std::string(parent) + ">, once");
                }
                section.heading = inline_of(child);
                section.heading_pos = w_.pos(child);
            } else if (name == "p") {
                section.blocks.push_back(paragraph_block(child));
            } else if (name == "finding" && !annex) {
                section.blocks.push_back(read_finding(child));
            } else if (name == "figure") {
                section.blocks.push_back(read_figure(child));
            } else if (name == "blockquote") {
                section.blocks.push_back(read_quote(child));
            } else if (name == "table") {
                section.blocks.push_back(read_table(child));
            } else if (name == "agenda" && annex) {
                Block block;
                block.kind = Block::Kind::Agenda;
                w_.check_attributes(child, {"data"}, {"data"});
                block.agenda = {child.attribute("data").value(), w_.pos(child)};
                refs_.emplace_back(block.agenda.data, block.agenda.pos);
                section.blocks.push_back(std::move(block));
            } else {
                std::vector<std::string> allowed = {"h", "p", "figure", "blockquote", "table"};
                allowed.push_back(annex ? "agenda" : "finding");
                w_.unknown_element(child, allowed, parent);
            }
        }
        if (annex && section.heading.empty()) {
            w_.diags().error(section.pos, "<annex> needs a heading <h>");
        }
        doc_.sections.push_back(std::move(section));
    }

    model::Paragraph read_paragraph(const pugi::xml_node& node) {
        w_.check_attributes(node, {});
        return model::Paragraph{inline_of(node), w_.pos(node)};
    }

    Block paragraph_block(const pugi::xml_node& node) {
        Block block;
        block.kind = Block::Kind::Paragraph;
        block.paragraph = read_paragraph(node);
        return block;
    }

    Block read_finding(const pugi::xml_node& node) {
        w_.check_attributes(node, {"id"});
        Block block;
        block.kind = Block::Kind::Finding;
        block.finding.pos = w_.pos(node);
        if (auto id = node.attribute("id")) declare_id(id.value(), block.finding.pos);
        bool has_lead = false;
        for (auto child : node.children()) {
            if (skip_non_element(child, "finding")) continue;
            std::string_view name = child.name();
            if (name == "lead" && !has_lead && block.finding.body.empty()) {
                block.finding.lead = read_paragraph(child);
                has_lead = true;
            } else if (name == "p") {
                block.finding.body.push_back(read_paragraph(child));
            } else {
                w_.unknown_element(child, {"lead", "p"}, "finding");
            }
        }
        if (!has_lead) w_.diags().error(block.finding.pos, "<finding> needs a <lead> before its paragraphs");
        return block;
    }

    Block read_figure(const pugi::xml_node& node) {
        w_.check_attributes(node, {"id", "src", "placement", "credit", "fit", "width"}, {"src"});
        Block block;
        block.kind = Block::Kind::Figure;
        auto& fig = block.figure;
        fig.pos = w_.pos(node);
        fig.id = node.attribute("id").value();
        if (!fig.id.empty()) declare_id(fig.id, fig.pos);
        fig.src = node.attribute("src").value();
        fig.credit = node.attribute("credit").value();
        std::string fit = node.attribute("fit").as_string("contain");
        if (fit != "contain" && fit != "cover") {
            w_.attribute_error(node, "fit", "fit '" + fit + "' is not contain or cover");
        }
        fig.cover = fit == "cover";
        if (auto width = node.attribute("width")) {
            // a share of the column (or of the text width, for a figure across the columns)
            std::string value = width.value();
            auto share = base::parse_percent(value);
            if (!share || !(*share >= 0.01 && *share <= 1)) {
                w_.attribute_error(node, "width", "width '" + value + "' is not a percentage from 1% to 100%");
            } else {
                fig.width = *share;
            }
        }
        std::string placement = node.attribute("placement").as_string("here");
        static const std::map<std::string, model::Placement> placements = {
            {"top", model::Placement::Top}, {"bottom", model::Placement::Bottom},
            {"here", model::Placement::Here}, {"full", model::Placement::Full}};
        if (auto it = placements.find(placement); it != placements.end()) {
            fig.placement = it->second;
        } else {
            w_.attribute_error(node, "placement", "placement '" + placement + "' is not one of top, bottom, here, full");
        }
        fs::path image = (fs::path(doc_.base_dir) / fig.src).lexically_normal();
        std::string ext = image.extension().string();
        for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        std::error_code status_error;
        fs::file_status status = fig.src.empty() ? fs::file_status() : fs::status(image, status_error);
        if (fig.src.empty()) {
            if (node.attribute("src")) w_.diags().error(w_.attribute_pos(node, "src"), "src=\"\" names no image");
        } else if (!inside_source_folder(image)) {
            w_.diags().error(fig.pos, "image '" + fig.src + "' is outside " + allowed_folder(),
                             {"keep images beside the report or in a folder below it, or render with --root FOLDER "
                              "naming a folder that holds both"});
        } else if (ext != ".png" && ext != ".jpg" && ext != ".jpeg") {
            w_.diags().error(fig.pos, "image '" + fig.src + "' is not a PNG or JPEG file (by its name)");
        } else if (status_error && status.type() != fs::file_type::not_found) {
            w_.diags().error(fig.pos, "cannot read image '" + fig.src + "': " + status_error.message());
        } else if (!fs::exists(status)) {
            if (options_.draft) w_.diags().warning(fig.pos, "image '" + fig.src + "' not found; drawn as a placeholder (--draft)");
            else w_.diags().error(fig.pos, "image '" + fig.src + "' not found", {"use --draft to render without it"});
        } else if (!fs::is_regular_file(status)) {
            w_.diags().error(fig.pos, "image '" + fig.src + "' is not a regular file");
        } else if (auto info = check_image_once(image, fig.pos)) {
            fig.pixel_width = info->width;
            fig.pixel_height = info->height;
        }
        for (auto child : node.children()) {
            if (skip_non_element(child, "figure")) continue;
            if (std::string_view(child.name()) == "caption") {
                w_.check_attributes(child, {});
                fig.caption = model::Paragraph{inline_of(child, true), w_.pos(child)};
            } else {
                w_.unknown_element(child, {"caption"}, "figure");
            }
        }
        return block;
    }

    Block read_quote(const pugi::xml_node& node) {
        w_.check_attributes(node, {"id"});
        Block block;
        block.kind = Block::Kind::BlockQuote;
        block.quote.pos = w_.pos(node);
        block.quote.id = node.attribute("id").value();
        if (!block.quote.id.empty()) declare_id(block.quote.id, block.quote.pos);
        for (auto child : node.children()) {
            if (skip_non_element(child, "blockquote")) continue;
            std::string_view name = child.name();
            if (name == "p") block.quote.paragraphs.push_back(read_paragraph(child));
            else if (name == "attribution") { w_.check_attributes(child, {}); block.quote.attribution = inline_of(child); }
            else w_.unknown_element(child, {"p", "attribution"}, "blockquote");
        }
        if (block.quote.paragraphs.empty()) w_.diags().error(block.quote.pos, "<blockquote> needs at least one <p>");
        return block;
    }

    // A cell's text (all of it, in every language) within the cell-size limit.
    bool check_cell_size(const pugi::xml_node& cell) {
        std::uint64_t bytes = text_bytes(cell);
        if (bytes <= options_.limits.cell_size) return true;
        w_.diags().error(w_.pos(cell), "a table cell holds " + std::to_string(bytes) + " bytes of text, more than the limit of " +
                                           base::format_bytes(options_.limits.cell_size), {base::raise_hint("cell-size")});
        return false;
    }

    // A header's or row's cells; each <cell>'s position goes into `positions`.
    std::vector<model::InlineList> read_cells(const pugi::xml_node& node, std::vector<base::SourcePos>& positions) {
        w_.check_attributes(node, {});
        std::vector<model::InlineList> cells;
        for (auto child : node.children()) {
            if (skip_non_element(child, node.name())) continue;
            if (std::string_view(child.name()) == "cell") {
                w_.check_attributes(child, {});
                if (cells.size() == options_.limits.columns) {
                    w_.diags().error(w_.pos(child), "a table row has more than " + std::to_string(options_.limits.columns) +
                                                        " cells", {base::raise_hint("columns")});
                    break;
                }
                if (!check_cell_size(child)) break;
                cells.push_back(inline_of(child));
                positions.push_back(w_.pos(child));
            } else {
                w_.unknown_element(child, {"cell"}, node.name());
            }
        }
        return cells;
    }

    Block read_table(const pugi::xml_node& node) {
        w_.check_attributes(node, {"data", "sort", "group", "filter"});
        Block block;
        block.kind = Block::Kind::Table;
        auto& table = block.table;
        table.pos = w_.pos(node);
        table.data = node.attribute("data").value();
        table.sort = sort_keys(node.attribute("sort").value());
        table.group = node.attribute("group").value();
        if (!table.group.empty()) {
            fields_used_.push_back({table.data, table.group, w_.attribute_pos(node, "group"), FieldUse::Group});
        }
        for (const auto& condition : split_conditions(node.attribute("filter").value())) {
            if (condition.field.empty()) {
                w_.diags().error(table.pos, "filter condition '" + condition.text + "' is not field=value, field!=value or field~text");
            } else {
                fields_used_.push_back({table.data, condition.field, w_.attribute_pos(node, "filter"), FieldUse::Filter});
                table.filter.push_back({condition.field, condition.op, condition.value});
            }
        }
        if (!table.data.empty()) refs_.emplace_back(table.data, table.pos);
        for (auto child : node.children()) {
            if (skip_non_element(child, "table")) continue;
            std::string_view name = child.name();
            if (name == "column") {
                w_.check_attributes(child, {"field", "title", "redact", "empty", "separator"}, {"field"});
                // the title is an attribute (the document's language) or <t> children, one per language
                std::string title = child.attribute("title").value();
                if (child.first_child()) title = w_.simple_text(child);
                else if (child.attribute("title")) w_.variant(child);
                std::string redact = child.attribute("redact").value();
                if (child.attribute("redact") && redact != "public") {
                    w_.diags().error(w_.attribute_pos(child, "redact"),
                                     "redact=\"" + redact + "\": a column can only be withheld from the public edition (redact=\"public\")");
                }
                table.columns.push_back({child.attribute("field").value(), title, redact,
                                         child.attribute("empty").value(), child.attribute("separator").value(),
                                         w_.pos(child)});
                if (!redact.empty()) column_redact_pos_[table.columns.size() - 1] = w_.attribute_pos(child, "redact");
            } else if (name == "header") {
                table.header_pos.clear();
                table.header = read_cells(child, table.header_pos);
            } else if (name == "row") {
                if (table.rows.size() == options_.limits.rows) {
                    w_.diags().error(w_.pos(child), "the table has more than " + std::to_string(options_.limits.rows) + " rows",
                                     {base::raise_hint("rows")});
                    break;
                }
                table.cell_pos.emplace_back();
                table.rows.push_back(read_cells(child, table.cell_pos.back()));
            } else {
                w_.unknown_element(child, {"column", "header", "row"}, "table");
            }
        }
        if (table.data.empty() && !table.columns.empty()) {
            w_.diags().error(table.pos, "<column> describes a column of data: the <table> needs data=\"...\"");
        }
        if (!table.data.empty() && table.columns.empty()) {
            w_.diags().error(table.pos, "a table of data needs at least one <column>");
        }
        for (const auto& key : table.sort) {
            if (!table.data.empty()) {
                fields_used_.push_back({table.data, key.field, w_.attribute_pos(node, "sort"), FieldUse::Sort});
            }
        }
        for (std::size_t c = 0; c < table.columns.size(); ++c) {
            const auto& column = table.columns[c];
            if (table.data.empty()) continue;
            fields_used_.push_back({table.data, column.field, column.pos, FieldUse::Column, column.redact});
            if (!column.redact.empty()) {
                redacted_.push_back({table.data, column.field, column_redact_pos_[c], FieldUse::Column, column.redact});
            }
        }
        column_redact_pos_.clear();
        return block;
    }

    // Where a table names a field of its data: a column shows it; group, sort and filter shape
    // the rows by it.
    struct FieldUse {
        std::string data, field;
        base::SourcePos pos;
        enum Kind { Column, Group, Sort, Filter } kind = Column;
        std::string redact;  // a column's redact=
    };
    std::vector<FieldUse> fields_used_;
    std::vector<FieldUse> redacted_;  // the columns marked redact=, at their attribute
    std::map<std::size_t, base::SourcePos> column_redact_pos_;  // of the table being read

    // A field that one column withholds from an audience is withheld everywhere: no other column
    // may show it, and no table may group, sort or filter its rows by it, since the headings, the
    // order or the rows kept would give its values away in the edition it is withheld from.
    void check_redactions() {
        for (const auto& use : fields_used_) {
            for (const auto& r : redacted_) {
                if (r.data != use.data || r.field != use.field) continue;
                if (use.kind == FieldUse::Column && use.redact == r.redact) break;
                std::string where = "'" + r.field + "' of '" + r.data + "' is withheld from the " + r.redact +
                                    " edition (redact=\"" + r.redact + "\" at " + std::to_string(r.pos.line) + ":" +
                                    std::to_string(r.pos.col) + ")";
                switch (use.kind) {
                case FieldUse::Column:
                    w_.diags().error(use.pos, where + ", but this column shows it",
                                     {"mark this column redact=\"" + r.redact + "\" as well, or leave it out"});
                    break;
                case FieldUse::Group:
                    w_.diags().error(use.pos, where + ": grouping by it would print its values as headings");
                    break;
                case FieldUse::Sort:
                    w_.diags().error(use.pos, where + ": sorting by it would give its values away by the rows' order");
                    break;
                case FieldUse::Filter:
                    w_.diags().error(use.pos, where + ": filtering by it would give its values away by the rows kept");
                    break;
                }
                break;
            }
        }
    }

    // Every field a table names must be a column of its data file.
    void check_fields() {
        auto columns_of = [this](const std::string& id) -> const model::DataFile* {
            for (const auto& d : doc_.data) {
                if (d.id == id) return &d;
            }
            return nullptr;
        };
        auto check = [&](const std::string& data_id, const std::string& field, const base::SourcePos& pos) {
            const model::DataFile* data = columns_of(data_id);
            if (!data) return;  // reported as a dangling reference
            if (data->kind != model::DataFile::Kind::Table) {
                w_.diags().error(pos, "'" + data_id + "' is an agenda, not a table of data");
                return;
            }
            if (data->table.columns.empty()) return;  // the file itself had errors
            const auto& cols = data->table.columns;
            if (std::find(cols.begin(), cols.end(), field) != cols.end()) return;
            std::vector<std::string> hints;
            if (auto best = base::closest(field, cols)) hints.push_back("did you mean '" + *best + "'?");
            std::string list;
            for (const auto& c : cols) list += (list.empty() ? "" : ", ") + c;
            hints.push_back("the columns of '" + data->src + "' are " + list);
            w_.diags().error(pos, "'" + data_id + "' has no column '" + field + "'", std::move(hints));
        };
        for (const auto& use : fields_used_) check(use.data, use.field, use.pos);
    }

    // The author's corrections to the participants data, applied as the data is read.
    void apply_corrections() {
        for (auto& d : doc_.data) {
            if (d.id == doc_.people.data) source::apply_corrections(doc_.people, d, w_.diags());
        }
    }

    void check_references() {
        apply_corrections();
        check_fields();
        check_redactions();
        std::vector<std::string> known;
        for (const auto& [id, pos] : ids_) known.push_back(id);
        for (const auto& [id, pos] : refs_) {
            if (ids_.count(id)) continue;
            std::vector<std::string> hints;
            if (auto best = base::closest(id, known)) hints.push_back("did you mean '" + *best + "'?");
            w_.diags().error(pos, "reference to '" + id + "', which no element has as its id", std::move(hints));
        }
    }
};

}  // namespace

// The author's corrections to the participants data (compose data diff applies them to a new
// version of the list too).
void apply_corrections(const model::PeopleDecisions& people, model::DataFile& data, base::Diagnostics& diags) {
    if (people.corrections.empty()) return;
    if (data.kind != model::DataFile::Kind::Table || data.table.columns.empty()) return;
    auto& table = data.table;
    auto column = [&](const std::string& name) -> std::ptrdiff_t {
        auto it = std::find(table.columns.begin(), table.columns.end(), name);
        return it == table.columns.end() ? -1 : it - table.columns.begin();
    };
    std::ptrdiff_t key = column(data.key.empty() ? "name" : data.key);
    for (const auto& c : people.corrections) {
        std::ptrdiff_t field = column(c.field);
        if (key < 0 || field < 0) {
            diags.error(c.pos, "'" + people.data + "' has no column '" + (field < 0 ? c.field : data.key) + "'");
            continue;
        }
        bool found = false;
        for (auto& row : table.rows) {
            if (row[static_cast<std::size_t>(key)] == c.key) {
                row[static_cast<std::size_t>(field)] = c.value;
                found = true;
            }
        }
        if (!found) diags.error(c.pos, "no row of '" + people.data + "' has the key '" + c.key + "'");
    }
}

std::optional<model::Document> load_document_text(const std::string& path, std::string text,
                                                  const LoadOptions& options, base::Diagnostics& diags) {
    auto file = parse_xml_file(path, std::move(text), {"report", "sources"}, options.limits, diags);
    if (!file) return std::nullopt;
    pugi::xml_node root = file->root();
    LanguageChoice languages{options.lang, root.attribute("xml:lang").as_string("en"), options.fallback};
    XmlWalker walker(file->map, diags, languages);
    model::Document doc;
    doc.path = path;
    doc.source_lang = languages.doc_lang;
    doc.base_dir = std::filesystem::path(path).parent_path().string();
    if (doc.base_dir.empty()) doc.base_dir = ".";
    std::size_t errors_before = diags.count(base::Severity::Error);
    DocumentReader(walker, doc, options).read_report(root);
    if (diags.count(base::Severity::Error) > errors_before) return std::nullopt;
    return doc;
}

std::optional<model::Document> load_document(const std::string& path, const LoadOptions& options,
                                             base::Diagnostics& diags) {
    auto text = read_file(path, {}, diags, options.limits.file_size);
    if (!text) return std::nullopt;
    return load_document_text(path, std::move(*text), options, diags);
}

std::vector<std::string> input_files(const model::Document& doc) {
    std::vector<std::string> files = {doc.path};
    auto beside = [&](const std::string& src) { return (fs::path(doc.base_dir) / src).lexically_normal().string(); };
    for (const auto& data : doc.data) files.push_back(beside(data.src));
    for (const auto& section : doc.sections) {
        for (const auto& block : section.blocks) {
            if (block.kind == model::Block::Kind::Figure && !block.figure.src.empty()) files.push_back(beside(block.figure.src));
        }
    }
    std::sort(files.begin(), files.end());
    files.erase(std::unique(files.begin(), files.end()), files.end());
    return files;
}

}  // namespace compose::source
