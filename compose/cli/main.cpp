// The `compose` command: the only code that prints.
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "compose/base/dates.h"
#include "compose/cli/new_report.h"
#include "compose/cli/pipeline.h"
#include "compose/cli/watch.h"
#include "compose/display/display.h"
#include "compose/render/render.h"
#include "compose/source/data_diff.h"
#include "compose/source/load_csv.h"
#include "compose/source/load_table.h"
#include "compose/source/source.h"

namespace {

using compose::base::Diagnostics;

const char* const kUsage =
    "usage:\n"
    "  compose render FILE.xml [-o OUT.pdf] [--layout NAME] [--lang CODE] [--fallback CODE] [--draft] [--stats]\n"
    "                 [--format pdf|svg]: svg writes one SVG file per page into the folder -o OUTDIR\n"
    "  compose check  FILE.xml [--lang CODE] [--draft] [--review-people]\n"
    "  compose dump   --stage lines|pages FILE.xml [--layout NAME] [--lang CODE] [--draft]\n"
    "  compose watch  FILE.xml [-o OUT.pdf] [render's options]: renders again on every change\n"
    "  compose new    FOLDER [--place NAME] [--from YYYY-MM-DD] [--to YYYY-MM-DD]\n"
    "  compose data diff OLD NEW [--key COLUMN] [--sheet NAME] [--delimiter D] [--encoding E] [--format text|json]\n"
    "                 rows added, removed and changed between two versions of a data file (exit 1 if any)\n"
    "  render, check, dump: [--root FOLDER] lets data and images come from anywhere inside FOLDER\n"
    "  every command: [--limit NAME=VALUE]... raises a limit (file-size, elements, depth, rows,\n"
    "                 columns, cell-size, paragraph-size, image-size, image-pixels, marks; README, \"Limits\")\n"
    "  compose --help | --version\n";

// Like a compiler, the first hundred: a table of 50,000 bad rows would bury the first, which is
// usually the cause of the rest.
constexpr std::size_t kMaxShown = 100;

int print_diagnostics(const Diagnostics& diags) {
    const auto& items = diags.items();
    for (std::size_t i = 0; i < items.size() && i < kMaxShown; ++i) std::cerr << compose::base::format(items[i]) << "\n";
    if (diags.total() > kMaxShown) {
        std::cerr << "compose: " << diags.total() - kMaxShown << " more diagnostics not shown"
                  << (diags.full() ? "; compose stopped early, after too many" : "") << "\n";
    }
    return diags.has_errors() ? 1 : 0;
}

struct Args {
    std::string command;
    std::vector<std::string> files;
    std::string output, stage;
    std::string format = "pdf";  // render --format: pdf, or svg (a folder of pages)
    bool stats = false;  // render --stats: line-breaking counts for the whole document
    compose::engine::Options pipeline;
    compose::cli::NewReport new_report;  // compose new: --place, --from, --to
};

bool parse_args(int argc, char** argv, Args& args, std::string& error) {
    std::vector<std::string> a(argv + 1, argv + argc);
    if (a.empty()) {
        error = "no command given";
        return false;
    }
    args.command = a[0];
    for (std::size_t i = 1; i < a.size(); ++i) {
        auto value = [&](const std::string& flag) -> std::string {
            if (i + 1 >= a.size()) {
                error = flag + " needs a value";
                return {};
            }
            return a[++i];
        };
        const std::string& s = a[i];
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
        else if (s == "--draft") args.pipeline.draft = true;
        else if (s == "--review-people") args.pipeline.review_people = true;
        else if (s == "--stats") args.stats = true;
        else if (s == "--limit") {
            std::string assignment = value(s);
            if (error.empty() && !compose::base::set_limit(args.pipeline.limits, assignment, error)) return false;
        }
        else if (s.size() > 1 && s[0] == '-') error = "unknown option " + s;
        else args.files.push_back(s);
        if (!error.empty()) return false;
    }
    if (args.files.size() != 1) {
        std::string what = args.command == "new" ? "folder" : "source file";
        error = args.files.empty() ? "no " + what + " given" : "give one " + what;
        return false;
    }
    bool new_options = !args.new_report.place.empty() || !args.new_report.from.empty() || !args.new_report.to.empty();
    if (new_options && args.command != "new") {
        error = "--place, --from and --to are options of compose new";
        return false;
    }
    if (args.format != "pdf" && args.command != "render") {
        error = "--format is an option of compose render";
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
    std::cerr << "compose: error: SOURCE_DATE_EPOCH='" << epoch
              << "' is not a number of seconds since 1970 (up to the year 9999)\n";
    return false;
}

// -o, or the source's name with .pdf (--format svg: the folder REPORT-svg beside it)
std::string output_of(const Args& args) {
    if (!args.output.empty()) return args.output;
    if (args.format == "svg") return std::filesystem::path(args.pipeline.source).replace_extension("").string() + "-svg";
    return std::filesystem::path(args.pipeline.source).replace_extension(".pdf").string();
}

int render(const Args& args) {
    Diagnostics diags;
    compose::para::LineStats stats;
    auto pipeline = args.pipeline;
    if (args.stats) pipeline.stats = &stats;
    std::string out = output_of(args);
    auto pages = args.format == "svg" ? compose::cli::render_svg_to_folder(pipeline, out, diags)
                                      : compose::cli::render_to_file(pipeline, out, diags);
    if (pages) {
        print_diagnostics(diags);
        std::cout << compose::cli::pages_written(out, *pages) << "\n";
        if (args.stats) std::cout << compose::para::format(stats);
        return 0;
    }
    print_diagnostics(diags);
    return 1;
}

int check(const Args& args) {
    Diagnostics diags;
    auto pipeline = args.pipeline;
    pipeline.check_people = true;
    compose::engine::DisplayBackend display;
    (void)compose::engine::typeset(pipeline, diags, display);
    int status = print_diagnostics(diags);
    if (status == 0) std::cout << args.pipeline.source << ": ok\n";
    return status;
}

int watch(const Args& args) {
    compose::cli::WatchOptions options{args.pipeline, output_of(args)};
    std::cout << "compose: watching " << args.pipeline.source << " and the files it names; Ctrl-C stops" << std::endl;
    compose::cli::watch(options, [](const Diagnostics& diags, const std::string& outcome) {
        print_diagnostics(diags);
        std::cout << outcome << std::endl;
    });
    return 0;
}

int new_report(const Args& args) {
    Diagnostics diags;
    auto written = compose::cli::new_report(args.new_report, diags);
    int status = print_diagnostics(diags);
    if (written.empty()) return 1;
    for (const auto& path : written) std::cout << "created " << path << "\n";
    const std::string& report = written.front();
    std::cout << "next: edit " << report << ", then\n"
              << "  compose check " << report << "\n"
              << "  compose render " << report << " -o out.pdf\n";
    return status;
}

int dump(const Args& args) {
    if (args.stage != "pages" && args.stage != "lines") {
        std::cerr << "compose: error: dump needs --stage lines or --stage pages\n";
        return 2;
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
    int status = print_diagnostics(diags);
    if (!pages) return 1;
    std::cout << (args.stage == "lines" ? compose::para::format(lines) : compose::display::dump(display.document()));
    return status;
}

// compose data diff OLD NEW: what changed between two versions of a table of data. Exit status as
// diff(1)'s: 0 when they hold the same rows, 1 when they differ, 2 when one cannot be read.
int data_command(const std::vector<std::string>& a) {
    auto usage_error = [](const std::string& error) {
        std::cerr << "compose: error: " << error << "\n" << kUsage;
        return 2;
    };
    if (a.empty() || a[0] != "diff") return usage_error("compose data takes diff: compose data diff OLD NEW");
    std::vector<std::string> files;
    std::string key, format = "text";
    compose::source::TableFormat table_format;
    compose::base::Limits limits;
    for (std::size_t i = 1; i < a.size(); ++i) {
        const std::string& s = a[i];
        if (s.size() > 1 && s[0] == '-' && s != "-" && i + 1 >= a.size()) return usage_error(s + " needs a value");
        if (s == "--key") key = a[++i];
        else if (s == "--sheet") table_format.sheet = a[++i];
        else if (s == "--format") format = a[++i];
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
    print_diagnostics(diags);
    if (!diff) return 2;
    std::cout << (format == "json" ? compose::source::format_diff_json(*diff, files[0], files[1])
                                   : compose::source::format_diff(*diff, files[0], files[1]));
    return diff->empty() ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc >= 2 && std::string(argv[1]) == "data") return data_command(std::vector<std::string>(argv + 2, argv + argc));
    if (argc >= 2 && (std::string(argv[1]) == "--help" || std::string(argv[1]) == "-h")) {
        std::cout << kUsage;
        return 0;
    }
    if (argc >= 2 && std::string(argv[1]) == "--version") {
        std::cout << "compose 0.1.0\n";
        return 0;
    }
    Args args;
    std::string error;
    if (!parse_args(argc, argv, args, error)) {
        std::cerr << "compose: error: " << error << "\n" << kUsage;
        return 2;
    }
    if (!read_source_date_epoch(args)) return 2;
    if (args.command == "render") return render(args);
    if (args.command == "check") return check(args);
    if (args.command == "dump") return dump(args);
    if (args.command == "new") return new_report(args);
    if (args.command == "watch") return watch(args);
    std::cerr << "compose: error: unknown command '" << args.command << "'\n" << kUsage;
    return 2;
}
