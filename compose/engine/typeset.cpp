#include "compose/engine/typeset.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <exception>
#include <filesystem>

#include "compose/page/page.h"
#include "compose/resolve/check_people.h"
#include "compose/resolve/resolve.h"
#include "compose/source/read_file.h"
#include "compose/source/source.h"
#include "compose/style/style.h"
#include "compose/text/text.h"

namespace compose::engine {

namespace fs = std::filesystem;

std::string data_dir(const Options& options) {
    if (!options.data_dir.empty()) return options.data_dir;
    if (const char* env = std::getenv("COMPOSE_DATA_DIR"); env && *env) return env;
    return COMPOSE_DEFAULT_DATA_DIR;
}

namespace {

// The layout files of the data folder, by name.
std::vector<fs::path> layout_files(const std::string& dir) {
    std::vector<fs::path> files;
    std::error_code ec;
    for (fs::directory_iterator it(fs::path(dir) / "layouts", ec), end; !ec && it != end; it.increment(ec)) {
        if (it->path().extension() == ".xml") files.push_back(it->path());
    }
    std::sort(files.begin(), files.end());
    return files;
}

// --root must be a folder holding the source.
bool check_root(const Options& options, base::Diagnostics& diags) {
    std::error_code ec;
    if (!fs::is_directory(options.root, ec)) {
        diags.error({std::make_shared<const std::string>(options.root)}, "--root names no folder");
        return false;
    }
    if (!source::is_inside(options.source, options.root)) {
        diags.error({std::make_shared<const std::string>(options.source)},
                    "is outside the --root folder '" + options.root + "'", {"--root names a folder that holds the source"});
        return false;
    }
    return true;
}

// Source to pages, each handed to `sink` as it is made; the document without its pages (fonts,
// outline, metadata), or nullopt when an error stops it.
std::optional<display::Document> lay_out(const Options& options, base::Diagnostics& diags, const page::PageSink& sink) {
    if (!options.root.empty() && !check_root(options, diags)) return std::nullopt;
    auto load = [&](const std::string& lang) {
        source::LoadOptions load_options{options.draft, lang, options.fallback, options.limits, options.root};
        return options.source_text.empty() ? source::load_document(options.source, load_options, diags)
                                           : source::load_document_text(options.source, options.source_text, load_options, diags);
    };
    auto doc = load(options.lang);
    if (!doc) return std::nullopt;
    const std::string dir = data_dir(options);
    if (options.inputs) {
        *options.inputs = source::input_files(*doc);
        for (const auto& file : layout_files(dir)) options.inputs->push_back(file.string());
    }
    if (options.check_people) resolve::check_people(*doc, diags, options.review_people);

    std::string layout_name = !options.layout.empty() ? options.layout : (!doc->layout.empty() ? doc->layout : "a4");
    // a name, never a path: the layouts folder is the only place a layout is read from
    bool plain_name = !layout_name.empty() && layout_name.size() <= 200 &&
                      std::all_of(layout_name.begin(), layout_name.end(), [](unsigned char c) {
                          return std::isalnum(c) || c == '-' || c == '_';
                      });
    fs::path layout_path = fs::path(dir) / "layouts" / (layout_name + ".xml");
    std::error_code ec;
    if (!plain_name || (options.layout_text.empty() && !fs::exists(layout_path, ec))) {
        std::string list;
        for (const auto& file : layout_files(dir)) list += (list.empty() ? "" : ", ") + file.stem().string();
        diags.error(doc->meta.pos.known() ? base::SourcePos{doc->meta.pos.file, 1, 1} : base::SourcePos{},
                    "unknown layout '" + layout_name.substr(0, 200) + "'", {"layouts available: " + list});
        return std::nullopt;
    }
    auto layout = options.layout_text.empty()
                      ? style::load_layout(layout_path.string(), diags, options.limits)
                      : style::load_layout_text(layout_path.string(), options.layout_text, diags, options.limits);
    if (!layout) return std::nullopt;

    auto edition = resolve::resolve(*doc, resolve::Options{doc->lang, options.audience}, diags);
    auto styled = style::apply_style(std::move(edition), *layout, diags);

    text::FontSet scanned;
    if (!options.fonts) scanned.scan((fs::path(dir) / "fonts").string(), diags);
    text::Measurer measurer(options.fonts ? *options.fonts : scanned, layout->fallback_families);
    measurer.set_max_marks(options.limits.marks);
    measurer.set_allow_missing_glyphs(options.allow_missing_glyphs);
    for (const auto& list : doc->hyphenation) {  // the source's <hyphenation> exceptions
        for (const auto& word : list.words) measurer.hyphenator().add_exception(list.lang, word);
    }
    const std::string lang = doc->lang;
    doc.reset();  // the edition has all it needs: a long table's data is not held while pages are made
    if (options.parallel) {
        // the same source read a second time, in the other language: the blocks align
        std::string other = !options.parallel_lang.empty() ? options.parallel_lang
                            : lang.rfind("es", 0) == 0 ? "en" : "es";
        auto second = load(other);
        if (!second) return std::nullopt;
        auto second_edition = resolve::resolve(*second, resolve::Options{other, options.audience}, diags);
        auto second_styled = style::apply_style(std::move(second_edition), *layout, diags);
        auto display = page::build_parallel_pages(styled, second_styled, measurer, diags, options.stats, &sink,
                                                  options.layout_report);
        if (diags.has_errors()) return std::nullopt;
        return display;
    }
    auto display = page::build_pages(styled, measurer, diags, options.stats, &sink, options.layout_report);
    if (diags.has_errors()) return std::nullopt;
    return display;
}

}  // namespace

std::optional<std::size_t> typeset(const Options& options, base::Diagnostics& diags, Backend& backend) {
    std::size_t pages = 0;
    page::PageSink sink = [&](display::Page&& page, const std::vector<display::FontFace>& fonts) {
        // --only annexes: the whole report is laid out, so numbering, folios and page labels
        // are the full report's, and only the annexes' pages are given on
        if (options.only == "annexes" && page.master != "annex") return true;
        ++pages;
        return backend.add_page(std::move(page), fonts);
    };
    std::optional<display::Document> rest;
    // the engine's barrier: whatever a library throws becomes a diagnostic, never an abort
    try {
        rest = lay_out(options, diags, sink);
    } catch (const base::Fatal&) {
        rest.reset();
    } catch (const std::exception& e) {
        base::Diagnostic d{base::Severity::Error, {std::make_shared<const std::string>(options.source)},
                           std::string("internal error: ") + e.what(),
                           {"this is a bug in compose; please report it with the source that caused it"}};
        d.code = "internal-error";
        diags.add(std::move(d));
        rest.reset();
    }
    if (!rest || diags.has_errors()) {
        backend.abandon(diags);
        return std::nullopt;
    }
    if (pages == 0) {
        backend.abandon(diags);
        diags.error({std::make_shared<const std::string>(options.source)},
                    options.only.empty() ? "the report has no pages" : "the report has no " + options.only);
        return std::nullopt;
    }
    if (options.fonts_used) *options.fonts_used = rest->fonts;
    if (options.date) rest->metadata.date = options.date;  // SOURCE_DATE_EPOCH, instead of the source's
    // the writer's diagnostics (an unreadable image, say) come after the page builder's
    if (!backend.finish(*rest, diags) || diags.has_errors()) return std::nullopt;
    return pages;
}

}  // namespace compose::engine
