// The `compose` command: the only code that prints.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <optional>
#include <new>
#include <string>
#include <vector>

#include "compose/base/dates.h"
#include "compose/cli/depfile.h"
#include "compose/base/utf8.h"
#include "compose/cli/new_report.h"
#include "compose/cli/pipeline.h"
#include "compose/cli/placeholders.h"
#include "compose/cli/print_diagnostics.h"
#include "compose/cli/watch.h"
#include "compose/display/display.h"
#include "compose/render/render.h"
#include "compose/resolve/check_people.h"
#include "compose/source/data_diff.h"
#include "compose/source/load_csv.h"
#include "compose/source/load_table.h"
#include "compose/source/translations.h"
#include "compose/source/source.h"

namespace {

using compose::base::Diagnostics;
using compose::cli::DiagnosticsFormat;

// Exit statuses (README, "Exit status"; compose.1, EXIT STATUS).
constexpr int kOk = 0;
constexpr int kDocumentErrors = 1;  // the document, its files or the output: the diagnostics say what
constexpr int kUsage = 2;           // the command line (or SOURCE_DATE_EPOCH) is wrong
constexpr int kInternal = 3;        // compose itself failed: a bug to report

const char* const kHelp =
    "usage:\n"
    "  compose render FILE.xml [-o OUT.pdf] [--layout NAME] [--lang CODE] [--fallback CODE] [--draft]\n"
    "                 [--edition single|parallel] [--with CODE] [--audience public|internal]\n"
    "                 [--only annexes] [--stats] [--depfile FILE] [--format pdf|svg] [--pdfa] [--no-tags]\n"
    "  compose check  FILE.xml [--lang CODE] [--fallback CODE] [--draft] [--review-people] [--layout-report]\n"
    "                 [--edition single|parallel] [--with CODE] [--audience public|internal]\n"
    "  compose dump   --stage lines|pages FILE.xml [--layout NAME] [--lang CODE] [--fallback CODE] [--draft]\n"
    "                 [--edition single|parallel] [--with CODE] [--audience public|internal]\n"
    "  compose watch  FILE.xml [-o OUT.pdf] [render's options but --stats and --depfile]: renders again\n"
    "                 on every change\n"
    "  compose new    FOLDER [--place NAME] [--from YYYY-MM-DD] [--to YYYY-MM-DD]\n"
    "  compose translations --mark-current FILE.xml\n"
    "  compose data diff OLD NEW [--key COLUMN] [--report REPORT.xml] [--sheet NAME] [--delimiter D] [--encoding E]\n"
    "                   [--format text|json]\n"
    "                 rows added, removed and changed between two versions of a data file (exit 1 if any)\n"
    "  compose --help | --version\n"
    "\n"
    "render:\n"
    "  -o, --output OUT.pdf   the PDF (default: the source's name with .pdf)\n"
    "  --layout NAME          a layout of the layouts folder instead of the source's own\n"
    "  --lang CODE            the edition's language (default: the source's xml:lang)\n"
    "  --fallback CODE        the language standing in, marked, for missing translations\n"
    "  --draft                a missing photo is a placeholder box, not an error\n"
    "  --allow-missing-glyphs a character no font has is drawn as a box, with a warning, not an error\n"
    "  --edition single|parallel, --with CODE\n"
    "                         parallel: two languages side by side (--with: the second one)\n"
    "  --audience public|internal\n"
    "                         public (default) leaves out columns marked redact=\"public\"\n"
    "  --only annexes         only the annexes' pages, numbered as in the whole report\n"
    "  --stats                line-breaking figures and the layout report on standard output\n"
    "  --depfile FILE         also write FILE: the PDF's dependencies in Make syntax\n"
    "  --format pdf|svg       svg: one SVG file per page, into the folder -o OUTDIR (default: REPORT-svg)\n"
    "  --pdfa                 PDF/A-2u as well as tagged PDF/UA-1 (needs an sRGB ICC profile: colord-data)\n"
    "  --no-tags              an untagged PDF (no structure tree, no XMP)\n"
    "check:\n"
    "  --review-people        list the people cases the source's <people> decisions settle, as notes\n"
    "  --layout-report        warn of what a typographer would mark on the pages (columns left\n"
    "                         emptier than 25% before the text's end, stranded headings, leads and\n"
    "                         group rows, orphans, widows, figures far from their place, hyphenated\n"
    "                         names), then print a summary line\n"
    "dump:\n"
    "  --stage lines|pages    every line placed, or the display list\n"
    "new:\n"
    "  --place NAME           the place (default: read from the folder's name)\n"
    "  --from, --to YYYY-MM-DD  the Dialogue's days (default: today)\n"
    "data diff:\n"
    "  --key COLUMN           the column rows are matched by (default: name, else the first)\n"
    "  --report REPORT.xml    the people checks on NEW also match the report's people against it\n"
    "translations:\n"
    "  --mark-current         record in each translation (<t from=\"…\">) the text it was made from;\n"
    "                         check then warns about translations whose source text changed since\n"
    "render, check, dump, watch, translations:\n"
    "  --root FOLDER          data and images may come from anywhere inside FOLDER\n"
    "every command:\n"
    "  --limit NAME=VALUE     raises a limit (file-size, elements, depth, rows, columns, cell-size,\n"
    "                         paragraph-size, image-size, image-pixels, marks, data-size); may be repeated\n"
    "  --diagnostics-format text|json|sarif\n"
    "                         how problems are printed on standard error (default: text)\n"
    "  --color auto|always|never\n"
    "                         colour in text diagnostics (auto: on a terminal, NO_COLOR unset)\n"
    "  --werror               warnings are errors\n"
    "options take their value as the next argument or after '=' (--lang=es)\n"
    "exit status: 0 done, 1 errors in the document or its files, 2 usage error, 3 internal error\n";

const char* const kShortUsage = "run 'compose --help' for every command and option\n";

struct Args {
    std::string command;
    std::vector<std::string> files;
    std::string output, stage, depfile;
    std::string format = "pdf";  // render --format: pdf, or svg (a folder of pages)
    bool stats = false;  // render --stats: line-breaking counts for the whole document
    bool layout_report = false;  // check --layout-report
    bool mark_current = false;  // translations --mark-current
    compose::engine::Options pipeline;
    compose::cli::NewReport new_report;  // compose new: --place, --from, --to
    compose::cli::PrintOptions print;
    std::string color = "auto";
};

// Options that are not every command's: the commands that take each.
bool option_fits(const std::string& option, const std::string& command) {
    static const std::vector<std::pair<std::string, std::vector<std::string>>> only = {
        {"-o", {"render", "watch"}}, {"--output", {"render", "watch"}},
        {"--layout", {"render", "watch", "dump", "check"}}, {"--layout-report", {"check"}}, {"--lang", {"render", "watch", "dump", "check"}},
        {"--fallback", {"render", "watch", "dump", "check"}}, {"--draft", {"render", "watch", "dump", "check"}},
        {"--allow-missing-glyphs", {"render", "watch", "dump", "check"}},
        {"--edition", {"render", "watch", "dump", "check"}}, {"--with", {"render", "watch", "dump", "check"}},
        {"--audience", {"render", "watch", "dump", "check"}}, {"--only", {"render", "watch"}},
        {"--stats", {"render"}}, {"--depfile", {"render"}}, {"--review-people", {"check"}},
        {"--stage", {"dump"}}, {"--root", {"render", "watch", "dump", "check", "translations"}},
        {"--place", {"new"}}, {"--from", {"new"}}, {"--to", {"new"}}, {"--mark-current", {"translations"}},
        {"--format", {"render"}}, {"--pdfa", {"render", "watch"}}, {"--no-tags", {"render", "watch"}},
    };
    for (const auto& [name, commands] : only) {
        if (name == option) return std::find(commands.begin(), commands.end(), command) != commands.end();
    }
    return true;
}

bool parse_args(int argc, char** argv, Args& args, std::string& error) {
    std::vector<std::string> a(argv + 1, argv + argc);
    if (a.empty()) {
        error = "no command given";
        return false;
    }
    args.command = a[0];
    static const std::vector<std::string> commands = {"render", "check", "dump", "watch", "new", "translations"};
    if (std::find(commands.begin(), commands.end(), args.command) == commands.end()) {
        error = "unknown command '" + args.command + "'";
        return false;
    }
    for (std::size_t i = 1; i < a.size(); ++i) {
        std::string s = a[i];
        std::optional<std::string> inline_value;  // --lang=es
        if (s.starts_with("--") && s.find('=') != std::string::npos) {
            inline_value = s.substr(s.find('=') + 1);
            s = s.substr(0, s.find('='));
        }
        auto value = [&](const std::string& flag) -> std::string {
            if (inline_value) return *inline_value;
            if (i + 1 >= a.size()) {
                error = flag + " needs a value";
                return {};
            }
            return a[++i];
        };
        if (s.size() > 1 && s[0] == '-' && !option_fits(s, args.command)) {
            error = s + " is not an option of compose " + args.command;
            return false;
        }
        bool takes_value = true;
        if (s == "-o" || s == "--output") args.output = value(s);
        else if (s == "--layout") args.pipeline.layout = value(s);
        else if (s == "--lang") args.pipeline.lang = value(s);
        else if (s == "--fallback") args.pipeline.fallback = value(s);
        else if (s == "--edition") {
            std::string edition = value(s);
            if (edition == "parallel") args.pipeline.parallel = true;
            else if (edition != "single" && error.empty()) error = "--edition is single or parallel, not '" + edition + "'";
        } else if (s == "--with") args.pipeline.parallel_lang = value(s);
        else if (s == "--audience") {
            args.pipeline.audience = value(s);
            if (args.pipeline.audience != "public" && args.pipeline.audience != "internal" && error.empty()) {
                error = "--audience is public or internal, not '" + args.pipeline.audience + "'";
            }
        } else if (s == "--only") {
            args.pipeline.only = value(s);
            if (args.pipeline.only != "annexes" && error.empty()) error = "--only takes annexes, not '" + args.pipeline.only + "'";
        }
        else if (s == "--stage") args.stage = value(s);
        else if (s == "--format") {
            args.format = value(s);
            if (args.format != "pdf" && args.format != "svg" && error.empty()) error = "--format is pdf or svg, not '" + args.format + "'";
        }
        else if (s == "--root") args.pipeline.root = value(s);
        else if (s == "--place") args.new_report.place = value(s);
        else if (s == "--from") args.new_report.from = value(s);
        else if (s == "--to") args.new_report.to = value(s);
        else if (s == "--depfile") args.depfile = value(s);
        else if (s == "--diagnostics-format") {
            std::string format = value(s);
            if (format == "json") args.print.format = DiagnosticsFormat::Json;
            else if (format == "sarif") args.print.format = DiagnosticsFormat::Sarif;
            else if (format != "text" && error.empty()) error = "--diagnostics-format is text, json or sarif, not '" + format + "'";
        } else if (s == "--color" || s == "--colour") {
            args.color = value(s);
            if (args.color != "auto" && args.color != "always" && args.color != "never" && error.empty()) {
                error = s + " is auto, always or never, not '" + args.color + "'";
            }
        }
        else if (s == "--limit") {
            std::string assignment = value(s);
            if (error.empty() && !compose::base::set_limit(args.pipeline.limits, assignment, error)) return false;
        } else {
            takes_value = false;
            if (s == "--draft") args.pipeline.draft = true;
            else if (s == "--allow-missing-glyphs") args.pipeline.allow_missing_glyphs = true;
            else if (s == "--review-people") args.pipeline.review_people = true;
            else if (s == "--stats") args.stats = true;
            else if (s == "--layout-report") args.layout_report = true;
            else if (s == "--pdfa") args.pipeline.pdfa = true;
            else if (s == "--no-tags") args.pipeline.tagged = false;
            else if (s == "--werror") args.print.werror = true;
            else if (s == "--mark-current") args.mark_current = true;
            else if (s.size() > 1 && s[0] == '-') error = "unknown option " + s;
            else args.files.push_back(s);
        }
        if (!takes_value && inline_value && error.empty()) error = s + " takes no value";
        if (!error.empty()) return false;
    }
    if (args.files.size() != 1) {
        std::string what = args.command == "new" ? "folder" : "source file";
        error = args.files.empty() ? "no " + what + " given" : "give one " + what;
        return false;
    }
    if (args.format != "pdf" && args.command != "render") {
        error = "--format is an option of compose render";
        return false;
    }
    args.print.color = args.color == "always" || (args.color == "auto" && compose::cli::color_wanted(2));
    if (args.pipeline.layout.size() > compose::source::kMaxLayoutName) {
        error = "--layout names a layout of " + std::to_string(args.pipeline.layout.size()) +
                " bytes; a layout's name has at most " + std::to_string(compose::source::kMaxLayoutName);
        return false;
    }
    args.new_report.dir = args.files[0];
    args.pipeline.source = args.files[0];
    return true;
}

// Reproducible builds: a set SOURCE_DATE_EPOCH is the PDF's date, and a malformed one is refused.
bool read_source_date_epoch(Args& args) {
    const char* epoch = std::getenv("SOURCE_DATE_EPOCH");
    if (!epoch || !*epoch) return true;
    args.pipeline.date = compose::base::parse_epoch_seconds(epoch);
    if (args.pipeline.date) return true;
    std::cerr << "compose: error: SOURCE_DATE_EPOCH='" << compose::base::escape_controls(epoch)
              << "' is not a number of seconds since 1970 (up to the year 9999)\n";
    return false;
}

// A COMPOSE_DATA_DIR that is set must name a folder holding layouts/ (and fonts/).
bool check_data_dir() {
    const char* dir = std::getenv("COMPOSE_DATA_DIR");
    if (!dir || !*dir) return true;
    std::error_code ec;
    if (std::filesystem::is_directory(std::filesystem::path(dir) / "layouts", ec)) return true;
    std::cerr << "compose: error: COMPOSE_DATA_DIR='" << compose::base::escape_controls(dir) << "' names no folder holding layouts/"
              << (ec ? " (" + ec.message() + ")" : std::string()) << "\n";
    return false;
}

// -o, or the source's name with .pdf (--format svg: the folder REPORT-svg beside it)
std::string output_of(const Args& args) {
    if (!args.output.empty()) return args.output;
    if (args.format == "svg") return std::filesystem::path(args.pipeline.source).replace_extension("").string() + "-svg";
    return std::filesystem::path(args.pipeline.source).replace_extension(".pdf").string();
}

int print_diagnostics(const Args& args, const Diagnostics& diags) {
    bool errors = compose::cli::print_diagnostics(std::cerr, diags, args.print);
    // an exception the engine caught is compose's own failure, not the document's
    for (const auto& d : diags.items()) {
        if (compose::base::code_of(d) == "internal-error") return kInternal;
    }
    return errors ? kDocumentErrors : kOk;
}

// render --depfile: the PDF's inputs, for make and Ninja: the source, its data files (the agenda
// among them) and photos, the layouts and the fonts of the data folder (all of them are read: a
// layout may extend another, and every font is scanned for its family).
bool write_depfile(const Args& args, const std::string& output, std::vector<std::string> inputs, Diagnostics& diags) {
    namespace fs = std::filesystem;
    auto fonts = compose::cli::font_files((fs::path(compose::engine::data_dir(args.pipeline)) / "fonts").string());
    inputs.insert(inputs.end(), fonts.begin(), fonts.end());
    return compose::cli::write_file_atomically(args.depfile, compose::cli::make_depfile(output, inputs), diags);
}

int render(const Args& args) {
    Diagnostics diags;
    compose::para::LineStats stats;
    std::vector<std::string> inputs;
    auto pipeline = args.pipeline;
    std::vector<compose::display::FontFace> fonts;
    compose::page::LayoutReport layout;
    if (args.stats) {
        pipeline.stats = &stats;
        pipeline.fonts_used = &fonts;
        pipeline.layout_report = &layout;
    }
    if (!args.depfile.empty()) pipeline.inputs = &inputs;
    std::string out = output_of(args);
    bool done = false;
    std::size_t pages = 0;
    if (args.format == "svg") {
        if (auto written = compose::cli::render_svg_to_folder(pipeline, out, diags)) {
            done = true;
            pages = *written;
        }
    } else if (compose::cli::may_replace(out, pipeline.source, diags)) {
        auto pdf = compose::cli::build_pdf(pipeline, diags);
        // --werror: a warning stops the render before the PDF is written, as an error does
        bool failed = !pdf || diags.has_errors() || (args.print.werror && diags.count(compose::base::Severity::Warning) > 0);
        if (!failed && compose::cli::write_file_atomically(out, pdf->bytes, diags)) {
            done = true;
            pages = pdf->pages;
        }
    }
    if (done && !args.depfile.empty()) done = write_depfile(args, out, std::move(inputs), diags);
    int status = print_diagnostics(args, diags);
    if (!done) return status == kInternal ? kInternal : kDocumentErrors;
    std::cout << compose::cli::pages_written(out, pages) << "\n";
    if (args.stats) {
        std::cout << compose::para::format(stats);
        std::cout << compose::page::summary(layout);
        // the fonts set, the system's (found through fontconfig for characters the bundled ones lack) marked
        const std::string bundled = (std::filesystem::path(compose::engine::data_dir(args.pipeline)) / "fonts").string() + "/";
        std::cout << "fonts: " << fonts.size() << "\n";
        for (const auto& f : fonts) {
            bool system = f.path.rfind(bundled, 0) != 0;
            std::cout << "  " << f.postscript_name << "  "
                      << (system ? f.path + "  (system)" : "fonts/" + f.path.substr(bundled.size())) << "\n";
        }
    }
    return status;
}

int check(const Args& args) {
    Diagnostics diags;
    auto pipeline = args.pipeline;
    pipeline.check_people = true;
    std::vector<std::string> inputs;
    pipeline.inputs = &inputs;
    compose::page::LayoutReport layout;
    if (args.layout_report) pipeline.layout_report = &layout;
    compose::engine::DisplayBackend display;
    (void)compose::engine::typeset(pipeline, diags, display);
    // the bracketed texts compose new wrote, in the source and its agenda (not in the layouts)
    const std::string layouts = (std::filesystem::path(compose::engine::data_dir(args.pipeline)) / "layouts").string();
    for (const auto& file : inputs) {
        if (file.ends_with(".xml") && !file.starts_with(layouts)) compose::cli::check_placeholders(file, diags);
    }
    int status = print_diagnostics(args, diags);
    // "ok" only when there is nothing to say: warnings are counted on standard error instead
    if (status == kOk && diags.count(compose::base::Severity::Warning) == 0) std::cout << args.pipeline.source << ": ok\n";
    if (args.layout_report && status != kInternal) std::cout << compose::page::summary(layout);
    return status;
}

int watch(const Args& args) {
    compose::cli::WatchOptions options{args.pipeline, output_of(args)};
    std::cout << "compose: watching " << args.pipeline.source << " and the files it names; Ctrl-C stops" << std::endl;
    compose::cli::watch(options, [&](const Diagnostics& diags, const std::string& outcome) {
        print_diagnostics(args, diags);
        std::cout << outcome << std::endl;
    });
    return kOk;
}

int new_report(const Args& args) {
    Diagnostics diags;
    auto written = compose::cli::new_report(args.new_report, diags);
    int status = print_diagnostics(args, diags);
    if (written.empty()) return kDocumentErrors;
    for (const auto& path : written) std::cout << "created " << path << "\n";
    const std::string& report = written.front();
    std::cout << "next: edit " << report << ", then\n"
              << "  compose check " << report << "\n"
              << "  compose render " << report << " -o out.pdf\n";
    return status;
}

// compose translations --mark-current: every translation in the source and its agenda records
// the source-language text it is a translation of, as it is now.
int translations(const Args& args) {
    if (!args.mark_current) {
        std::cerr << "compose: error: compose translations needs --mark-current\n" << kShortUsage;
        return kUsage;
    }
    Diagnostics diags;
    // read as a draft: a photo not there yet does not stop the marking
    compose::source::LoadOptions load{true, "", "", args.pipeline.limits, args.pipeline.root};
    auto doc = compose::source::load_document(args.pipeline.source, load, diags);
    std::vector<std::string> done;
    if (doc) {
        for (const auto& file : compose::source::input_files(*doc)) {
            if (!file.ends_with(".xml")) continue;
            std::ifstream in(file, std::ios::binary);
            const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
            auto marked = compose::source::mark_translations(file, text, doc->lang, diags);
            if (!marked || (marked->changed > 0 && !compose::cli::write_file_atomically(file, marked->text, diags))) continue;
            if (marked->translations > 0) {
                done.push_back(file + ": " + std::to_string(marked->translations) + " translation" +
                               (marked->translations == 1 ? "" : "s") + ", " + std::to_string(marked->changed) + " marked now");
            }
        }
    }
    int status = print_diagnostics(args, diags);
    if (!doc) return kDocumentErrors;
    for (const auto& line : done) std::cout << line << "\n";
    return status;
}

int dump(const Args& args) {
    if (args.stage != "pages" && args.stage != "lines") {
        std::cerr << "compose: error: dump needs --stage lines or --stage pages\n" << kShortUsage;
        return kUsage;
    }
    Diagnostics diags;
    auto pipeline = args.pipeline;
    compose::para::LineStats stats;  // --stage lines: every line as it was placed
    std::vector<compose::para::LineRecord> lines;
    if (args.stage == "lines") {
        stats.records = &lines;
        pipeline.stats = &stats;
    }
    compose::engine::DisplayBackend display;
    auto pages = compose::engine::typeset(pipeline, diags, display);
    int status = print_diagnostics(args, diags);
    if (!pages) return status == kInternal ? kInternal : kDocumentErrors;
    std::cout << (args.stage == "lines" ? compose::para::format(lines) : compose::display::dump(display.document()));
    return status;
}

// compose data diff OLD NEW: what changed between two versions of a table of data. Exit status as
// diff(1)'s: 0 when they hold the same rows, 1 when they differ, 2 when one cannot be read.
int data_command(const std::vector<std::string>& a) {
    auto usage_error = [](const std::string& error) {
        std::cerr << "compose: error: " << error << "\n" << kShortUsage;
        return kUsage;
    };
    if (a.empty() || a[0] != "diff") return usage_error("compose data takes diff: compose data diff OLD NEW");
    std::vector<std::string> files;
    std::string key, format = "text", report;
    compose::source::TableFormat table_format;
    compose::base::Limits limits;
    for (std::size_t i = 1; i < a.size(); ++i) {
        const std::string& s = a[i];
        if (s.size() > 1 && s[0] == '-' && s != "-" && i + 1 >= a.size()) return usage_error(s + " needs a value");
        if (s == "--key") key = a[++i];
        else if (s == "--sheet") table_format.sheet = a[++i];
        else if (s == "--format") format = a[++i];
        else if (s == "--report") report = a[++i];
        else if (s == "--delimiter") {
            table_format.delimiter = compose::source::delimiter_named(a[++i]);
            if (!table_format.delimiter) return usage_error("--delimiter is comma, semicolon or tab, not '" + a[i] + "'");
        } else if (s == "--encoding") {
            table_format.encoding = compose::source::encoding_named(a[++i]);
            if (!table_format.encoding) return usage_error("--encoding is " + compose::source::encoding_names() + ", not '" + a[i] + "'");
        } else if (s == "--limit") {
            std::string error;
            if (!compose::base::set_limit(limits, a[++i], error)) return usage_error(error);
        } else if (s.size() > 1 && s[0] == '-') return usage_error("unknown option " + s);
        else files.push_back(s);
    }
    if (files.size() != 2) return usage_error("compose data diff takes two files, OLD and NEW");
    if (format != "text" && format != "json") return usage_error("--format is text or json, not '" + format + "'");
    Diagnostics diags;
    // each file's own options: a sheet name or dialect suits only files of its kind
    auto format_for = [&](const std::string& path) {
        auto f = table_format;
        bool workbook = compose::source::table_kind(path) != compose::source::TableKind::Delimited;
        if (workbook) f.delimiter.reset(), f.encoding.reset();
        else f.sheet.clear();
        return f;
    };
    auto before = compose::source::load_table_file(files[0], format_for(files[0]), diags, limits);
    auto after = compose::source::load_table_file(files[1], format_for(files[1]), diags, limits);
    std::optional<compose::source::DataDiff> diff;
    if (before && after) diff = compose::source::diff_tables(*before, *after, key, files[0], files[1], diags);
    // the people checks on the new version: its own (twice listed, emails) and, with --report,
    // the report's people matched against it in place of the report's data
    if (diff) {
        std::optional<compose::model::Document> doc;
        if (!report.empty()) {
            compose::source::LoadOptions load{true, "", "", limits, ""};
            doc = compose::source::load_document(report, load, diags);
            if (!doc) diff.reset();
        }
        if (diff) compose::resolve::check_people_in(*after, diff->key, doc ? &*doc : nullptr, diags);
    }
    print_diagnostics(Args{}, diags);
    if (!diff) return 2;
    std::cout << (format == "json" ? compose::source::format_diff_json(*diff, files[0], files[1])
                                   : compose::source::format_diff(*diff, files[0], files[1]));
    return diff->empty() ? 0 : 1;
}

// An installed compose reads the layouts and fonts installed with it (PREFIX/bin/compose reads
// PREFIX/share/compose), wherever the prefix was moved; COMPOSE_DATA_DIR still comes first, and a
// compose run from its build folder reads the project's.
std::string installed_data_dir() {
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (ec) return {};
    fs::path dir = (exe.parent_path() / COMPOSE_INSTALLED_DATA_DIR).lexically_normal();
    if (fs::is_directory(dir / "layouts", ec) && fs::is_directory(dir / "fonts", ec)) return dir.string();
    return {};
}

int run(int argc, char** argv) {
    if (argc >= 2 && std::string(argv[1]) == "data") return data_command(std::vector<std::string>(argv + 2, argv + argc));
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        if (arg == "--help" || arg == "-h") {
            std::cout << kHelp;
            return kOk;
        }
    }
    if (argc >= 2 && std::string(argv[1]) == "--version") {
        std::cout << "compose " COMPOSE_VERSION "\n";
        return kOk;
    }
    Args args;
    std::string error;
    if (!parse_args(argc, argv, args, error)) {
        std::cerr << "compose: error: " << compose::base::escape_controls(error) << "\n" << kShortUsage;
        return kUsage;
    }
    if (!read_source_date_epoch(args)) return kUsage;
    if (args.command != "new" && !check_data_dir()) return kUsage;
    if (const char* env = std::getenv("COMPOSE_DATA_DIR"); !env || !*env) args.pipeline.data_dir = installed_data_dir();
    if (args.command == "render") return render(args);
    if (args.command == "check") return check(args);
    if (args.command == "dump") return dump(args);
    if (args.command == "new") return new_report(args);
    if (args.command == "translations") return translations(args);
    return watch(args);
}

// The source the command was given, to locate an internal error at; "compose" without one.
std::string command_source(int argc, char** argv) {
    for (int i = 2; i < argc; ++i) {
        std::string a = argv[i];
        if (a.size() > 1 && a[0] == '-') {
            bool takes_value = a != "--draft" && a != "--review-people" && a != "--stats" && a != "--allow-missing-glyphs" &&
                               a != "--layout-report" && a != "--werror" && a != "--mark-current" && a != "--pdfa" &&
                               a != "--no-tags";
            if (takes_value) ++i;
            continue;
        }
        return a;
    }
    return "compose";
}

}  // namespace

// The exception barrier: whatever escapes a command (a bug of ours, a library's exception, memory
// running out) ends it with a diagnostic and status 3, never with std::terminate's abort. The
// output stays as it was: render writes through a temporary file and a rename.
int main(int argc, char** argv) {
    std::string message;
    try {
        return run(argc, argv);
    } catch (const std::bad_alloc&) {
        message = "out of memory; raise no limit further, or give compose more memory";
    } catch (const std::exception& e) {
        message = std::string("internal error: ") + e.what() + "; this is a bug in compose, please report it";
    } catch (...) {
        message = "internal error: an unknown exception; this is a bug in compose, please report it";
    }
    try {
        std::cerr << compose::base::escape_controls(command_source(argc, argv) + ": error: " + message) << "\n";
    } catch (...) {
    }
    return kInternal;
}
