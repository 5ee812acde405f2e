// The `compose` command: the only code that prints.
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <new>
#include <string>
#include <vector>

#include "compose/base/dates.h"
#include "compose/base/utf8.h"
#include "compose/cli/new_report.h"
#include "compose/cli/pipeline.h"
#include "compose/cli/watch.h"
#include "compose/display/display.h"
#include "compose/render/render.h"
#include "compose/source/source.h"

namespace {

using compose::base::Diagnostics;

const char* const kUsage =
    "usage:\n"
    "  compose render FILE.xml [-o OUT.pdf] [--layout NAME] [--lang CODE] [--fallback CODE] [--draft] [--stats]\n"
    "  compose check  FILE.xml [--lang CODE] [--draft] [--review-people]\n"
    "  compose dump   --stage lines|pages FILE.xml [--layout NAME] [--lang CODE] [--draft]\n"
    "  compose watch  FILE.xml [-o OUT.pdf] [render's options]: renders again on every change\n"
    "  compose new    FOLDER [--place NAME] [--from YYYY-MM-DD] [--to YYYY-MM-DD]\n"
    "  render, check, dump: [--root FOLDER] lets data and images come from anywhere inside FOLDER\n"
    "  every command: [--limit NAME=VALUE]... raises a limit (file-size, elements, depth, rows,\n"
    "                 columns, cell-size, paragraph-size, image-size, image-pixels, marks; README, \"Limits\")\n"
    "  compose --help | --version\n";

// Like a compiler, the first hundred: a table of 50,000 bad rows would bury the first, which is
// usually the cause of the rest.
constexpr std::size_t kMaxShown = 100;

int print_diagnostics(const Diagnostics& diags) {
    const auto& items = diags.items();
    // a name quoted from a source may hold escape sequences or bidi overrides: shown, not obeyed
    for (std::size_t i = 0; i < items.size() && i < kMaxShown; ++i) {
        std::cerr << compose::base::escape_controls(compose::base::format(items[i])) << "\n";
    }
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
    bool stats = false;  // render --stats: line-breaking counts for the whole document
    compose::cli::PipelineOptions pipeline;
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

// -o, or the source's name with .pdf
std::string output_of(const Args& args) {
    if (!args.output.empty()) return args.output;
    return std::filesystem::path(args.pipeline.source).replace_extension(".pdf").string();
}

int render(const Args& args) {
    Diagnostics diags;
    compose::para::LineStats stats;
    auto pipeline = args.pipeline;
    if (args.stats) pipeline.stats = &stats;
    std::string out = output_of(args);
    if (auto pages = compose::cli::render_to_file(pipeline, out, diags)) {
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
    compose::cli::build_display(pipeline, diags);
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
    auto display = compose::cli::build_display(pipeline, diags);
    int status = print_diagnostics(diags);
    if (!display) return 1;
    std::cout << (args.stage == "lines" ? compose::para::format(lines) : compose::display::dump(*display));
    return status;
}

int run(int argc, char** argv) {
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
        std::cerr << "compose: error: " << compose::base::escape_controls(error) << "\n" << kUsage;
        return 2;
    }
    if (!read_source_date_epoch(args)) return 2;
    if (args.command != "new" && !check_data_dir()) return 2;
    if (args.command == "render") return render(args);
    if (args.command == "check") return check(args);
    if (args.command == "dump") return dump(args);
    if (args.command == "new") return new_report(args);
    if (args.command == "watch") return watch(args);
    std::cerr << "compose: error: unknown command '" << args.command << "'\n" << kUsage;
    return 2;
}

// The source the command was given, to locate an internal error at; "compose" without one.
std::string command_source(int argc, char** argv) {
    for (int i = 2; i < argc; ++i) {
        std::string a = argv[i];
        if (a.size() > 1 && a[0] == '-') {
            bool takes_value = a != "--draft" && a != "--review-people" && a != "--stats";
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
    return 3;
}
