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
};

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
                    last.lang == s.lang && last.color == s.color && last.link == s.link && last.nobreak == s.nobreak) {
                    auto at = static_cast<std::uint32_t>(last.text.size());
                    if (item.pos.known()) last.anchors.push_back({at, item.pos.line, item.pos.col});
                    for (auto a : item.anchors) last.anchors.push_back({a.offset + at, a.line, a.col});
                    last.text += text;
                    continue;
                }
            }
            out.push_back(Run{text, s.family, s.bold, s.italic, s.size, s.lang, s.color, s.link, item.pos, item.anchors,
                              s.nobreak});
            continue;
        }
        case Inline::Kind::Emph: s.italic = !state.italic; break;  // emphasis inside italics turns upright
        case Inline::Kind::Strong: s.bold = true; break;
        case Inline::Kind::Link:
            s.link = item.attr;
            if (item.children.empty()) {
                out.push_back(Run{item.attr, s.family, s.bold, s.italic, s.size, s.lang, s.color, s.link, item.pos, {},
                                  s.nobreak});
                continue;
            }
            break;
        case Inline::Kind::Span: if (!item.attr.empty()) s.lang = item.attr; break;
        case Inline::Kind::NoBreak: s.nobreak = true; break;
        case Inline::Kind::Ref:
        case Inline::Kind::Person:
        case Inline::Kind::Quote: break;  // resolve has replaced these
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

model::InlineList text_content(const std::string& text, const base::SourcePos& pos) {
    model::Inline item;
    item.kind = model::Inline::Kind::Text;
    item.text = text;
    item.pos = pos;
    return {item};
}

}  // namespace

StyledDocument apply_style(const resolve::Edition& edition, const Layout& layout, base::Diagnostics&) {
    StyledDocument doc;
    doc.layout = layout;
    doc.lang = edition.lang;
    doc.title = edition.title;
    doc.author = edition.author;
    doc.subject = edition.subject;
    doc.published = edition.published;
    for (const auto& b : edition.blocks) {
        Block block;
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
            switch (b.placement) {
            case model::Placement::Top: block.float_to = Block::Float::Top; break;
            case model::Placement::Bottom: block.float_to = Block::Float::Bottom; break;
            case model::Placement::Full: block.float_to = Block::Float::Top; block.span = true; break;
            case model::Placement::Here: break;
            }
        } else if (b.kind == resolve::Block::Kind::Table) {
            block.kind = Block::Kind::Table;
            for (const auto& title : b.column_titles) {
                block.header.push_back(make_paragraph(layout.style("table-header"), text_content(title, b.pos), edition.lang, b.pos));
            }
            for (const auto& row : b.rows) {
                TableRow styled;
                styled.span_from = row.span_from;
                const ParaStyle& cell_style = layout.style(row.strong ? "table-group" : "table-cell");
                for (std::size_t c = 0; c < row.cells.size(); ++c) {
                    const auto& cell = row.cells[c];
                    // the first cell of a group row spanning from column 0 keeps its own style
                    styled.cells.push_back(make_paragraph(cell_style, text_content(cell, row.pos), edition.lang, row.pos));
                    if (static_cast<int>(c) == row.unbroken) {
                        for (auto& run : styled.cells.back().runs) run.nobreak = true;
                    }
                }
                block.rows.push_back(std::move(styled));
            }
        }
        doc.blocks.push_back(std::move(block));
    }
    return doc;
}

}  // namespace compose::style
