#include "compose/cli/pipeline.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>

#include "compose/cli/pdf_thread.h"
#include "compose/page/page.h"
#include "compose/render/render.h"
#include "compose/resolve/check_people.h"
#include "compose/resolve/resolve.h"
#include "compose/source/read_file.h"
#include "compose/source/source.h"
#include "compose/style/style.h"
#include "compose/text/text.h"

namespace compose::cli {

namespace fs = std::filesystem;

std::string data_dir(const PipelineOptions& options) {
    if (!options.data_dir.empty()) return options.data_dir;
    if (const char* env = std::getenv("COMPOSE_DATA_DIR"); env && *env) return env;
    return COMPOSE_DEFAULT_DATA_DIR;
}

// The layout files of the data folder, by name.
static std::vector<fs::path> layout_files(const std::string& dir) {
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(fs::path(dir) / "layouts")) {
        if (entry.path().extension() == ".xml") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    return files;
}

// --root must be a folder holding the source.
static bool check_root(const PipelineOptions& options, base::Diagnostics& diags) {
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

std::optional<display::Document> build_display(const PipelineOptions& options, base::Diagnostics& diags,
                                               const PageSink* sink) {
    try {
        if (!options.root.empty() && !check_root(options, diags)) return std::nullopt;
        auto doc = source::load_document(options.source, source::LoadOptions{options.draft, options.lang, options.fallback, options.limits, options.root}, diags);
        if (!doc) return std::nullopt;
        const std::string dir = data_dir(options);
        if (options.inputs) {
            *options.inputs = source::input_files(*doc);
            for (const auto& file : layout_files(dir)) options.inputs->push_back(file.string());
        }
        if (options.check_people) resolve::check_people(*doc, diags, options.review_people);

        std::string layout_name = !options.layout.empty() ? options.layout : (!doc->layout.empty() ? doc->layout : "a4");
        fs::path layout_path = fs::path(dir) / "layouts" / (layout_name + ".xml");
        // a name, never a path: the layouts folder is the only place a layout is read from
        bool plain_name = !layout_name.empty() && std::all_of(layout_name.begin(), layout_name.end(), [](unsigned char c) {
            return std::isalnum(c) || c == '-' || c == '_';
        });
        if (!plain_name || !fs::exists(layout_path)) {
            std::string list;
            for (const auto& file : layout_files(dir)) list += (list.empty() ? "" : ", ") + file.stem().string();
            diags.error(doc->meta.pos.known() ? base::SourcePos{doc->meta.pos.file, 1, 1} : base::SourcePos{},
                        "unknown layout '" + layout_name + "'", {"layouts available: " + list});
            return std::nullopt;
        }
        auto layout = style::load_layout(layout_path.string(), diags, options.limits);
        if (!layout) return std::nullopt;

        auto edition = resolve::resolve(*doc, resolve::Options{doc->lang, options.audience}, diags);
        auto styled = style::apply_style(std::move(edition), *layout, diags);

        text::FontSet fonts;
        fonts.scan((fs::path(dir) / "fonts").string(), diags);
        text::Measurer measurer(fonts, layout->fallback_families);
        measurer.set_max_marks(options.limits.marks);
        for (const auto& list : doc->hyphenation) {  // the source's <hyphenation> exceptions
            for (const auto& word : list.words) measurer.hyphenator().add_exception(list.lang, word);
        }
        const std::string lang = doc->lang;
        doc.reset();  // the edition has all it needs: a long table's data is not held while pages are made
        if (options.parallel) {
            // the same source read a second time, in the other language: the blocks align
            std::string other = !options.parallel_lang.empty() ? options.parallel_lang
                                : lang.rfind("es", 0) == 0 ? "en" : "es";
            auto second = source::load_document(options.source,
                                                source::LoadOptions{options.draft, other, options.fallback, options.limits, options.root}, diags);
            if (!second) return std::nullopt;
            auto second_edition = resolve::resolve(*second, resolve::Options{other, options.audience}, diags);
            auto second_styled = style::apply_style(std::move(second_edition), *layout, diags);
            auto display = page::build_parallel_pages(styled, second_styled, measurer, diags, options.stats, sink);
            if (diags.has_errors()) return std::nullopt;
            return display;
        }
        auto display = page::build_pages(styled, measurer, diags, options.stats, sink);
        if (diags.has_errors()) return std::nullopt;
        return display;
    } catch (const base::Fatal&) {
        return std::nullopt;
    }
}

// SOURCE_DATE_EPOCH, when set, is the PDF's date instead of the source's.
static display::Metadata with_date(display::Metadata metadata, const PipelineOptions& options) {
    if (options.date) metadata.date = options.date;
    return metadata;
}

std::optional<Pdf> build_pdf(const PipelineOptions& options, base::Diagnostics& diags) {
    PdfThread pdf;
    std::size_t pages = 0;
    PageSink sink = [&](display::Page&& page, const std::vector<display::FontFace>& fonts) {
        // --only annexes: the whole report is laid out, so numbering, folios and page labels
        // are the full report's, and only the annexes' pages are written
        if (options.only == "annexes" && page.master != "annex") return true;
        ++pages;
        return pdf.add_page(std::move(page), fonts);
    };
    auto display = build_display(options, diags, &sink);
    if (!display || diags.has_errors()) {
        pdf.stop(diags);
        return std::nullopt;
    }
    if (pages == 0) {
        diags.error({std::make_shared<const std::string>(options.source)},
                    options.only.empty() ? "the report has no pages" : "the report has no " + options.only);
        return std::nullopt;
    }
    // the writer's diagnostics (an unreadable image, say) come after the page builder's
    auto bytes = pdf.finish(display->outline, with_date(display->metadata, options), diags);
    if (!bytes || diags.has_errors()) return std::nullopt;
    return Pdf{std::move(*bytes), pages};
}

std::optional<std::size_t> render_to_file(const PipelineOptions& options, const std::string& output,
                                          base::Diagnostics& diags) {
    if (!may_replace(output, options.source, diags)) return std::nullopt;
    auto pdf = build_pdf(options, diags);
    if (!pdf || diags.has_errors() || !write_file_atomically(output, pdf->bytes, diags)) return std::nullopt;
    return pdf->pages;
}

std::string pages_written(const std::string& output, std::size_t pages) {
    return output + ": " + std::to_string(pages) + " page" + (pages == 1 ? "" : "s");
}

}  // namespace compose::cli
