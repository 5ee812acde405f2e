#include "compose/style/style.h"

namespace compose::style {
namespace {

using model::Inline;

const char* style_name(resolve::Block::Kind kind) {
    switch (kind) {
    case resolve::Block::Kind::Series: return "series";
    case resolve::Block::Kind::Title: return "title";
    case resolve::Block::Kind::Subtitle: return "subtitle";
    case resolve::Block::Kind::Heading: return "heading";
    case resolve::Block::Kind::Paragraph: return "body";
    case resolve::Block::Kind::Lead: return "lead";
    case resolve::Block::Kind::FindingBody: return "finding";
    case resolve::Block::Kind::Figure: return "caption";
    case resolve::Block::Kind::Quote: return "quote";
    case resolve::Block::Kind::Attribution: return "attribution";
    case resolve::Block::Kind::Table: return "table-cell";
    }
    return "body";
}

struct RunState {
    std::string family;
    bool bold = false, italic = false;
    double size = 10;
    std::string lang;
    std::uint32_t color = 0;
    std::string link;
    bool nobreak = false;
    std::optional<base::Role> role;  // a person's name or an inline quotation the text belongs to
};

// What an empty <link> shows: its address, a mail address as people write it ("a@b.org", not
// "mailto:a@b.org?subject=…").
std::string link_text(const std::string& href) {
    if (href.size() > 7 && (href.compare(0, 7, "mailto:") == 0 || href.compare(0, 7, "MAILTO:") == 0)) {
        return href.substr(7, href.find('?') == std::string::npos ? std::string::npos : href.find('?') - 7);
    }
    return href;
}

// Flattens nested inline content into runs; adjacent runs with equal style are merged.
void flatten(const model::InlineList& list, const RunState& state, std::vector<Run>& out) {
    for (const auto& item : list) {
        RunState s = state;
        switch (item.kind) {
        case Inline::Kind::Text:
        case Inline::Kind::Break: {
            std::string text = item.kind == Inline::Kind::Break ? std::string("\u2028") : item.text;
            if (!out.empty()) {
                Run& last = out.back();
                if (last.family == s.family && last.bold == s.bold && last.italic == s.italic && last.size == s.size &&
                    last.lang == s.lang && last.color == s.color && last.link == s.link && last.nobreak == s.nobreak &&
                    last.role == s.role) {
                    auto at = static_cast<std::uint32_t>(last.text.size());
                    if (item.pos.known()) last.anchors.push_back({at, item.pos.line, item.pos.col});
                    for (auto a : item.anchors) last.anchors.push_back({a.offset + at, a.line, a.col});
                    last.text += text;
                    continue;
                }
            }
            out.push_back(Run{text, s.family, s.bold, s.italic, s.size, s.lang, s.color, s.link, item.pos, item.anchors,
                              s.nobreak, s.role});
            continue;
        }
        case Inline::Kind::Emph: s.italic = !state.italic; break;  // emphasis inside italics turns upright
        case Inline::Kind::Strong: s.bold = true; break;
        case Inline::Kind::Link:
            s.link = item.attr;
            if (item.children.empty()) {  // the address is the text; a mail address without its scheme
                out.push_back(Run{link_text(item.attr), s.family, s.bold, s.italic, s.size, s.lang, s.color, s.link, item.pos, {},
                                  s.nobreak, s.role});
                continue;
            }
            break;
        case Inline::Kind::Span: if (!item.attr.empty()) s.lang = item.attr; break;
        case Inline::Kind::NoBreak: s.nobreak = true; break;
        case Inline::Kind::Person: s.role = base::Role::Person; break;
        case Inline::Kind::Quote: s.role = base::Role::InlineQuote; break;
        case Inline::Kind::Ref: break;  // resolve has replaced it
        }
        flatten(item.children, s, out);
    }
}

Paragraph make_paragraph(const ParaStyle& style, const model::InlineList& content, const std::string& lang,
                         const base::SourcePos& pos) {
    Paragraph p;
    p.style = style;
    p.pos = pos;
    RunState state{style.family, style.bold, style.italic, style.size, lang, style.color, {}};
    flatten(content, state, p.runs);
    return p;
}

}  // namespace

Paragraph text_paragraph(const ParaStyle& style, const std::string& text, const std::string& lang,
                         const base::SourcePos& pos) {
    Run run{text, style.family, style.bold, style.italic, style.size, lang, style.color, {}, pos, {}, false};
    return Paragraph{style, {std::move(run)}, pos};
}

void cell_paragraph(const Block& table, const TableRow& row, std::size_t column, const std::string& lang,
                    Paragraph& para) {
    if (para.runs.size() != 1) para = text_paragraph(table.cell_styles[row.style], {}, lang, {});
    Run& run = para.runs.front();
    run.text = row.cells[column];
    run.pos = para.pos = row.position(column);
    run.nobreak = row.unbreakable(column);
}

StyledDocument apply_style(const resolve::Edition& edition, const Layout& layout, base::Diagnostics& diags) {
    return apply_style(resolve::Edition(edition), layout, diags);
}

StyledDocument apply_style(resolve::Edition&& edition, const Layout& layout, base::Diagnostics&) {
    StyledDocument doc;
    doc.layout = layout;
    doc.lang = edition.lang;
    doc.title = edition.title;
    doc.author = edition.author;
    doc.subject = edition.subject;
    doc.published = edition.published;
    doc.structure = std::move(edition.structure);
    for (auto& b : edition.blocks) {
        Block block;
        block.node = b.node;
        block.image_node = b.image_node;
        block.caption_node = b.caption_node;
        block.anchor = b.anchor;
        block.annex = b.annex;
        block.span = b.kind == resolve::Block::Kind::Series || b.kind == resolve::Block::Kind::Title ||
                     b.kind == resolve::Block::Kind::Subtitle;
        const ParaStyle& style =
            layout.style(b.kind == resolve::Block::Kind::Heading && b.annex ? "annex-heading" : style_name(b.kind));
        block.para = make_paragraph(style, b.content, edition.lang, b.pos);
        if (b.kind == resolve::Block::Kind::Heading) block.outline_level = b.level;
        if (b.kind == resolve::Block::Kind::Figure) {
            block.kind = Block::Kind::Figure;
            block.image_path = b.image_path;
            block.label = b.label;
            if (b.image_width > 0 && b.image_height > 0) block.aspect = double(b.image_height) / b.image_width;
            block.cover = b.cover;
            block.width_share = b.width;
            switch (b.placement) {
            case model::Placement::Top: block.float_to = Block::Float::Top; break;
            case model::Placement::Bottom: block.float_to = Block::Float::Bottom; break;
            case model::Placement::Full: block.float_to = Block::Float::Top; block.span = true; break;
            case model::Placement::Here: break;
            }
        } else if (b.kind == resolve::Block::Kind::Table) {
            block.kind = Block::Kind::Table;
            const ParaStyle& header_style = layout.style("table-header");
            for (std::size_t c = 0; c < b.column_titles.size(); ++c) {
                const auto& pos = c < b.column_title_pos.size() ? b.column_title_pos[c] : b.pos;
                block.header.push_back(c < b.column_title_content.size()
                                           ? make_paragraph(header_style, b.column_title_content[c], edition.lang, pos)
                                           : text_paragraph(header_style, b.column_titles[c], edition.lang, pos));
            }
            block.cell_styles = {layout.style("table-cell"), layout.style("table-group")};
            block.rows.reserve(b.rows.size());
            for (auto& row : b.rows) {
                TableRow styled{std::move(row.cells), row.span_from, row.strong ? 1u : 0u, row.unbroken, row.pos,
                                std::move(row.cell_pos), {}, row.role};
                for (std::size_t c = 0; c < row.content.size(); ++c) {
                    styled.rich.push_back(make_paragraph(block.cell_styles[styled.style], row.content[c], edition.lang,
                                                         styled.position(c)));
                }
                block.rows.push_back(std::move(styled));
            }
            b.rows = {};  // their text is the styled rows' now
        }
        doc.blocks.push_back(std::move(block));
    }
    return doc;
}

}  // namespace compose::style
