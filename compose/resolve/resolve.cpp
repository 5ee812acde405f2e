#include "compose/resolve/resolve.h"

#include <cstdio>
#include <filesystem>
#include <algorithm>
#include <map>
#include <set>

#include "compose/resolve/agenda_table.h"
#include "compose/resolve/bidi_isolate.h"

namespace compose::resolve {
namespace {

using model::Inline;

std::string plain_text(const model::InlineList& list) {
    std::string out;
    for (const auto& item : list) {
        out += item.text;
        out += plain_text(item.children);
    }
    return out;
}

class Resolver {
public:
    // (resolve finds nothing to report today: the source checked references and data already)
    Resolver(const model::Document& doc, const Options& options, base::Diagnostics& diags) : doc_(doc), diags_(diags) {
        edition_.lang = options.lang.empty() ? doc.lang : options.lang;
        audience_ = options.audience;
    }

    Edition run() {
        node(base::Role::Document, {});
        edition_.structure.front().lang = edition_.lang;
        number_targets();
        title_blocks();
        for (const auto& section : doc_.sections) section_blocks(section);
        edition_.title = doc_.meta.title.empty() ? doc_.meta.series
                                                 : (doc_.meta.series.empty() ? doc_.meta.title
                                                                             : doc_.meta.series + " \u2014 " + doc_.meta.title);
        edition_.author = doc_.meta.host;
        edition_.subject = doc_.meta.place;
        edition_.published = doc_.meta.published;
        return std::move(edition_);
    }

private:
    const model::Document& doc_;
    base::Diagnostics& diags_;
    Edition edition_;
    std::map<std::string, std::string> labels_;  // id -> generated label
    std::set<std::string> numbered_;             // ids whose label is a word and a number ("Annex I")

    // Labels first, so a reference may point forward ("see Annex I" before the annex). A
    // generated label is set as a tie, as TeX's "Annex~I": its space stretches like any other,
    // but a line never ends on "see Annex" (the reference's text is a <nobreak> phrase).
    void number_targets() {
        int annex = 0, figure = 0;
        for (const auto& section : doc_.sections) {
            if (section.annex) {
                labels_[section.id] = localized(edition_.lang, "annex") + " " + roman(++annex);
                numbered_.insert(section.id);
            } else if (!section.id.empty()) {
                labels_[section.id] = plain_text(section.heading);
            }
            for (const auto& block : section.blocks) {
                if (block.kind == model::Block::Kind::Figure && !block.figure.id.empty()) {
                    labels_[block.figure.id] = localized(edition_.lang, "figure") + " " + std::to_string(++figure);
                    numbered_.insert(block.figure.id);
                }
                if (block.kind == model::Block::Kind::BlockQuote && !block.quote.id.empty()) {
                    labels_[block.quote.id] = plain_text(section.heading);
                }
            }
        }
    }

    // A text's bidi controls: an embedding or override left open is reported (UAX #9 ends it with
    // the paragraph), and while the text holds any, each <person> in it is isolated so that none
    // reaches into a name.
    model::InlineList resolve_inline(const model::InlineList& list) {
        if (inline_depth_ > 0) return resolve_inline_items(list);
        std::string text = plain_text(list);
        isolate_people_ = has_explicit_controls(text);
        if (auto open = unclosed_control(text); open && !list.empty()) {
            char name[16];
            std::snprintf(name, sizeof name, "U+%04X", static_cast<unsigned>(*open));
            diags_.warning(list.front().pos, std::string("a bidi ") +
                                                 (*open >= 0x2066 ? "isolate" : *open == 0x202D || *open == 0x202E ? "override" : "embedding") +
                                                 " (" + name + ") is opened and not closed in this text; it runs to the text's end",
                           {*open >= 0x2066 ? "close it with U+2069 (&#x2069;)" : "close it with U+202C (&#x202C;)"});
        }
        ++inline_depth_;
        auto out = resolve_inline_items(list);
        --inline_depth_;
        return out;
    }

    model::InlineList resolve_inline_items(const model::InlineList& list) {
        model::InlineList out;
        for (const auto& item : list) {
            if (item.kind == Inline::Kind::Ref) {
                Inline link;
                link.kind = Inline::Kind::Link;
                link.attr = "#" + item.attr;
                link.pos = item.pos;
                Inline text;
                text.kind = Inline::Kind::Text;
                text.pos = item.pos;
                auto it = labels_.find(item.attr);
                text.text = it != labels_.end() ? it->second : item.attr;
                if (numbered_.count(item.attr)) {  // "Annex I" tied, never broken after "Annex"
                    Inline tie;
                    tie.kind = Inline::Kind::NoBreak;
                    tie.pos = item.pos;
                    tie.children.push_back(std::move(text));
                    link.children.push_back(std::move(tie));
                } else {
                    link.children.push_back(std::move(text));
                }
                out.push_back(std::move(link));
            } else if (item.kind == Inline::Kind::Quote) {
                // the language's quotation marks; a quote within a quote takes the inner pair
                auto [open, close] = quotation_marks(edition_.lang, quote_depth_);
                ++quote_depth_;
                Inline span = item;  // stays a Quote: an inline quotation to the page (its marks are text)
                span.attr.clear();
                span.children = resolve_inline(item.children);
                --quote_depth_;
                Inline o, c;
                o.kind = c.kind = Inline::Kind::Text;
                o.pos = c.pos = item.pos;
                o.text = open;
                c.text = close;
                span.children.insert(span.children.begin(), o);
                span.children.push_back(c);
                out.push_back(std::move(span));
            } else if (item.kind == Inline::Kind::Person) {
                Inline person = item;  // stays a Person: the name (and organization) as one element
                person.attr.clear();
                person.children = resolve_inline(item.children);
                if (isolate_people_ || needs_isolate(plain_text(item.children))) {
                    Inline open, close;
                    open.kind = close.kind = Inline::Kind::Text;
                    open.pos = close.pos = item.pos;
                    open.text = "\u2068";
                    close.text = "\u2069";
                    person.children.insert(person.children.begin(), open);
                    person.children.push_back(close);
                }
                if (!item.attr.empty()) {
                    Inline org;
                    org.kind = Inline::Kind::Text;
                    org.pos = item.pos;
                    org.text = " (" + (isolate_people_ ? "\u2068" + item.attr + "\u2069" : isolated(item.attr)) + ")";
                    person.children.push_back(std::move(org));
                }
                out.push_back(std::move(person));
            } else {
                Inline copy = item;
                copy.children = resolve_inline(item.children);
                out.push_back(std::move(copy));
            }
        }
        return out;
    }

    static model::InlineList text_list(const std::string& text, const base::SourcePos& pos) {
        Inline item;
        item.kind = Inline::Kind::Text;
        item.text = text;
        item.pos = pos;
        return {item};
    }

    // A new element of the structure tree under `parent`.
    base::NodeId node(base::Role role, base::NodeId parent, int level = 0) {
        base::NodeId id(static_cast<std::uint32_t>(edition_.structure.size()));
        edition_.structure.push_back({id, parent, role, level, {}, {}});
        return id;
    }

    static base::Role role_of(Block::Kind kind) {
        switch (kind) {
        case Block::Kind::Series: return base::Role::Series;
        case Block::Kind::Title: return base::Role::Title;
        case Block::Kind::Subtitle: return base::Role::Subtitle;
        case Block::Kind::Heading: return base::Role::Heading;
        case Block::Kind::Lead: return base::Role::Lead;
        case Block::Kind::Attribution: return base::Role::Attribution;
        case Block::Kind::Figure: return base::Role::Figure;
        case Block::Kind::Table: return base::Role::Table;
        case Block::Kind::Paragraph:
        case Block::Kind::FindingBody:
        case Block::Kind::Quote: return base::Role::Paragraph;
        }
        return base::Role::Paragraph;
    }

    void add(Block::Kind kind, model::InlineList content, base::SourcePos pos) {
        Block b;
        b.kind = kind;
        b.node = node(role_of(kind), parent_);
        b.content = std::move(content);
        b.pos = std::move(pos);
        edition_.blocks.push_back(std::move(b));
    }

    void title_blocks() {
        const auto& meta = doc_.meta;
        parent_ = node(base::Role::TitleBlock, root());
        if (!meta.series.empty()) add(Block::Kind::Series, text_list(meta.series, meta.pos), meta.pos);
        if (!meta.title.empty()) add(Block::Kind::Title, text_list(meta.title, meta.pos), meta.pos);
        std::string sub = meta.subtitle;
        std::string dates = meta.date_from.empty() ? "" : date_range(edition_.lang, meta.date_from, meta.date_to);
        if (sub.empty()) sub = meta.place;
        if (!dates.empty()) sub += (sub.empty() ? "" : ", ") + dates;
        if (!sub.empty()) add(Block::Kind::Subtitle, text_list(sub, meta.pos), meta.pos);
    }

    void paragraph(Block::Kind kind, const model::Paragraph& p) { add(kind, resolve_inline(p.content), p.pos); }

    void section_blocks(const model::Section& section) {
        parent_ = node(section.annex ? base::Role::Annex : base::Role::Section, root());
        std::size_t section_start = edition_.blocks.size();
        section_content(section);
        for (std::size_t i = section_start; i < edition_.blocks.size(); ++i) edition_.blocks[i].annex = section.annex;
    }

    void section_content(const model::Section& section) {
        if (!section.heading.empty()) {
            Block h;
            h.kind = Block::Kind::Heading;
            h.level = 1;
            h.node = node(base::Role::Heading, parent_, 1);
            h.annex = section.annex;
            h.anchor = section.id;
            h.pos = section.heading_pos;
            h.content = resolve_inline(section.heading);
            if (section.annex) {
                // "Annex I: Participants ..." as printed
                auto label = text_list(labels_[section.id] + ": ", section.heading_pos);
                h.content.insert(h.content.begin(), label.begin(), label.end());
            }
            edition_.blocks.push_back(std::move(h));
        } else if (!section.id.empty()) {
            // an untitled section can still be referred to: anchor its first block
            pending_anchor_ = section.id;
        }
        for (const auto& block : section.blocks) {
            std::size_t first = edition_.blocks.size();
            switch (block.kind) {
            case model::Block::Kind::Paragraph: paragraph(Block::Kind::Paragraph, block.paragraph); break;
            case model::Block::Kind::Finding: {
                Within finding(*this, base::Role::Finding);
                paragraph(Block::Kind::Lead, block.finding.lead);
                for (const auto& p : block.finding.body) paragraph(Block::Kind::FindingBody, p);
                break;
            }
            case model::Block::Kind::Figure: figure(block.figure); break;
            case model::Block::Kind::BlockQuote: {
                Within quote(*this, base::Role::Quote);
                for (const auto& p : block.quote.paragraphs) paragraph(Block::Kind::Quote, p);
                if (!block.quote.attribution.empty()) {
                    add(Block::Kind::Attribution, resolve_inline(block.quote.attribution), block.quote.pos);
                }
                if (!block.quote.id.empty() && edition_.blocks.size() > first) edition_.blocks[first].anchor = block.quote.id;
                break;
            }
            case model::Block::Kind::Table: table(block.table); break;
            case model::Block::Kind::Agenda:
                if (const auto* data = find_data(block.agenda.data); data && data->kind == model::DataFile::Kind::Agenda) {
                    edition_.blocks.push_back(agenda_table(data->agenda, edition_.lang, block.agenda.pos));
                    edition_.blocks.back().node = node(base::Role::Agenda, parent_);
                }
                break;
            }
            if (!pending_anchor_.empty() && edition_.blocks.size() > first && edition_.blocks[first].anchor.empty()) {
                edition_.blocks[first].anchor = pending_anchor_;
                pending_anchor_.clear();
            }
        }
    }

    void figure(const model::Figure& fig) {
        Block b;
        b.kind = Block::Kind::Figure;
        b.node = node(base::Role::Figure, parent_);
        b.image_node = node(base::Role::Image, b.node);
        b.caption_node = node(base::Role::Caption, b.node);
        b.pos = fig.pos;
        b.anchor = fig.id;
        b.placement = fig.placement;
        b.image_width = fig.pixel_width;
        b.image_height = fig.pixel_height;
        b.cover = fig.cover;
        b.width = fig.width;
        b.label = fig.id.empty() ? std::string() : labels_[fig.id];
        std::filesystem::path path = std::filesystem::path(doc_.base_dir) / fig.src;
        std::error_code ec;  // a name too long is the same as a missing file here (the source reported it)
        if (std::filesystem::exists(path, ec)) b.image_path = path.string();
        b.content = resolve_inline(fig.caption.content);
        if (!fig.credit.empty()) {
            auto credit = text_list(" " + fig.credit, fig.pos);
            b.content.insert(b.content.end(), credit.begin(), credit.end());
        }
        edition_.blocks.push_back(std::move(b));
    }

    const model::DataFile* find_data(const std::string& id) const {
        for (const auto& d : doc_.data) {
            if (d.id == id) return &d;
        }
        return nullptr;
    }

    void table(const model::Table& t) {
        Block b;
        b.kind = Block::Kind::Table;
        b.node = node(base::Role::Table, parent_);
        b.pos = t.pos;
        for (const auto& cell : t.header) {
            b.column_title_content.push_back(resolve_inline(cell));
            b.column_titles.push_back(plain_text(b.column_title_content.back()));
        }
        b.column_title_pos = t.header_pos;
        for (std::size_t i = 0; i < t.rows.size(); ++i) {
            TableRow r;
            r.cell_pos = i < t.cell_pos.size() ? t.cell_pos[i] : std::vector<base::SourcePos>{};
            r.pos = !r.cell_pos.empty() ? r.cell_pos.front() : t.pos;
            for (const auto& cell : t.rows[i]) {
                r.content.push_back(resolve_inline(cell));
                r.cells.push_back(plain_text(r.content.back()));
            }
            b.rows.push_back(std::move(r));
        }
        if (!t.data.empty()) data_rows(t, b);
        edition_.blocks.push_back(std::move(b));
    }

    // A table generated from data: the rows the filter keeps, sorted by the language's collation
    // (by the group's field first), under a heading per group; the chosen columns, redacted for
    // the audience; a field of several values shown one value per line.
    void data_rows(const model::Table& t, Block& b) {
        const model::DataFile* data = find_data(t.data);
        if (!data || data->kind != model::DataFile::Kind::Table) return;
        const auto& columns = data->table.columns;
        auto column = [&](const std::string& field) {
            return static_cast<std::size_t>(std::find(columns.begin(), columns.end(), field) - columns.begin());
        };
        // a field any column withholds from this audience is emptied before the rows are
        // filtered, sorted or grouped, so nothing below can give its values away (the source
        // refuses a table that would try)
        std::vector<std::size_t> withheld;
        for (const auto& section : doc_.sections) {
            for (const auto& block : section.blocks) {
                if (block.kind != model::Block::Kind::Table || block.table.data != t.data) continue;
                for (const auto& c : block.table.columns) {
                    if (!c.redact.empty() && c.redact == audience_ && column(c.field) < columns.size()) {
                        withheld.push_back(column(c.field));
                    }
                }
            }
        }
        std::vector<std::vector<std::string>> rows;
        std::vector<base::SourcePos> positions;
        for (std::size_t r = 0; r < data->table.rows.size(); ++r) {
            std::vector<std::string> row = data->table.rows[r];
            for (std::size_t i : withheld) {
                if (i < row.size()) row[i].clear();
            }
            bool keep = true;
            for (const auto& c : t.filter) {
                std::size_t i = column(c.field);
                const std::string value = i < row.size() ? row[i] : std::string();
                if (c.op == "=") keep = keep && value == c.value;
                else if (c.op == "!=") keep = keep && value != c.value;
                else keep = keep && value.find(c.value) != std::string::npos;
            }
            if (!keep) continue;
            rows.push_back(std::move(row));
            positions.push_back(r < data->table.row_pos.size() ? data->table.row_pos[r] : t.pos);
        }
        std::vector<model::SortKey> order;  // by the group first, so each group's rows are together
        if (!t.group.empty()) order.push_back({t.group, false});
        order.insert(order.end(), t.sort.begin(), t.sort.end());
        if (!order.empty()) sort_rows(rows, positions, columns, order, edition_.lang);
        std::vector<const model::Column*> shown;
        std::vector<std::size_t> index;
        for (const auto& c : t.columns) {
            if (std::find(withheld.begin(), withheld.end(), column(c.field)) != withheld.end()) continue;  // withheld
            shown.push_back(&c);
            b.column_titles.push_back(c.title.empty() ? c.field : c.title);
            index.push_back(column(c.field));
        }
        std::size_t group = t.group.empty() ? columns.size() : column(t.group);
        std::string current_group;
        for (std::size_t r = 0; r < rows.size(); ++r) {
            if (group < rows[r].size() && (r == 0 || rows[r][group] != current_group)) {
                current_group = rows[r][group];
                b.rows.push_back(TableRow{{current_group.empty() ? std::string("\u2014") : isolated(current_group)}, 0, true,
                                          positions[r]});
            }
            TableRow row;
            row.pos = positions[r];
            for (std::size_t c = 0; c < shown.size(); ++c) {
                std::string value = index[c] < rows[r].size() ? rows[r][index[c]] : std::string();
                if (auto open = unclosed_control(value)) {
                    char name[16];
                    std::snprintf(name, sizeof name, "U+%04X", static_cast<unsigned>(*open));
                    diags_.warning(positions[r], "field '" + shown[c]->field + "' opens a bidi control (" + name +
                                                     ") it does not close; it ends with the field");
                }
                if (value.empty()) value = shown[c]->empty;
                // each value in its own bidi isolate: a name cannot reorder what stands beside it
                if (!shown[c]->separator.empty()) value = one_per_line(value, shown[c]->separator);
                else value = isolated(value);
                row.cells.push_back(std::move(value));
            }
            b.rows.push_back(std::move(row));
        }
    }

    // "a@x.org b@y.org" -> each value on its own line (U+2028 is the line separator style keeps)
    static std::string one_per_line(const std::string& value, const std::string& separator) {
        std::string out;
        std::size_t start = 0;
        while (start <= value.size()) {
            std::size_t end = value.find(separator, start);
            std::string part = value.substr(start, end == std::string::npos ? std::string::npos : end - start);
            if (!part.empty()) out += (out.empty() ? "" : "\u2028") + isolated(part);
            if (end == std::string::npos) break;
            start = end + separator.size();
        }
        return out;
    }

    static base::NodeId root() { return base::NodeId(0); }

    // The blocks added while it lives are children of a new element (a finding, a block quote).
    struct Within {
        Within(Resolver& r, base::Role role) : r_(r), outer_(r.parent_) { r.parent_ = r.node(role, outer_); }
        ~Within() { r_.parent_ = outer_; }
        Resolver& r_;
        base::NodeId outer_;
    };

    base::NodeId parent_;  // where the next block's element goes
    std::string pending_anchor_;
    std::string audience_;
    int quote_depth_ = 0;
    int inline_depth_ = 0;         // resolve_inline: 0 at a text's top
    bool isolate_people_ = false;  // the text being resolved holds bidi controls
};

}  // namespace

Edition resolve(const model::Document& doc, const Options& options, base::Diagnostics& diags) {
    return Resolver(doc, options, diags).run();
}

}  // namespace compose::resolve
