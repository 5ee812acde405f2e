#include "compose/cli/new_report.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <string_view>
#include <vector>

#include "compose/base/dates.h"
#include "compose/base/utf8.h"
#include "compose/cli/pipeline.h"
#include "compose/cli/xlsx_template.h"

namespace compose::cli {

std::string_view scaffold_file(std::string_view name);  // scaffold_files.cpp, generated

namespace {

namespace fs = std::filesystem;

constexpr int kMaxDays = 31;  // an agenda longer than a month is a typing mistake in --to

std::string replace_all(std::string text, const std::string& key, const std::string& value) {
    for (std::size_t at = text.find(key); at != std::string::npos; at = text.find(key, at + value.size())) {
        text.replace(at, key.size(), value);
    }
    return text;
}

// "Cape Town 2015!" -> "csd-cape-town-2015": an id made of what XML ids allow.
std::string report_id(const std::string& folder) {
    std::string id = "csd-";
    for (unsigned char c : folder) {
        if (std::isalnum(c)) id += static_cast<char>(std::tolower(c));
        else if (id.back() != '-') id += '-';
    }
    while (id.back() == '-') id.pop_back();
    return id;
}

}  // namespace

std::string place_from_folder(const std::string& folder) {
    std::vector<std::string> words;
    std::string word;
    for (char c : folder + "-") {
        if (c == '-' || c == '_' || c == ' ') {
            if (!word.empty()) words.push_back(word);
            word.clear();
        } else {
            word += c;
        }
    }
    auto is_year = [](const std::string& w) {
        return w.size() == 4 && std::all_of(w.begin(), w.end(), [](unsigned char c) { return std::isdigit(c); });
    };
    if (words.size() > 1 && is_year(words.back())) words.pop_back();
    std::string place;
    for (auto w : words) {
        if (std::islower(static_cast<unsigned char>(w[0]))) w[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(w[0])));
        place += (place.empty() ? "" : " ") + w;
    }
    return place;
}

std::vector<std::string> new_report(const NewReport& options, base::Diagnostics& diags) {
    const fs::path dir = fs::path(options.dir).lexically_normal();
    const base::SourcePos where{std::make_shared<const std::string>(options.dir)};
    std::error_code ec;
    if (fs::exists(dir, ec) && !(fs::is_directory(dir, ec) && fs::is_empty(dir, ec))) {
        diags.error(where, "already exists and is not an empty folder; compose new never overwrites",
                    {"choose the name of a new folder"});
        return {};
    }
    std::string folder = dir.filename().string();
    std::string place = !options.place.empty() ? options.place : place_from_folder(folder);
    if (place.empty()) {
        diags.error(where, "no place can be read from the folder's name", {"give it with --place \"Cape Town\""});
        return {};
    }

    std::string from = !options.from.empty() ? options.from : base::iso_date_of(std::time(nullptr));
    std::string to = !options.to.empty() ? options.to : from;
    auto first = base::epoch_of_iso_date(from), last = base::epoch_of_iso_date(to);
    if (!first || !last) {
        diags.error(where, "'" + (!first ? from : to) + "' is not a date", {base::iso_date_problem(!first ? from : to)});
        return {};
    }
    if (*last < *first || (*last - *first) / 86400 >= kMaxDays) {
        diags.error(where, "the Dialogue's days run from " + from + " to " + to + ": " +
                               (*last < *first ? "the last is before the first" : "more than 31 days"));
        return {};
    }

    std::string days;
    for (std::int64_t day = *first; day <= *last; day += 86400) {
        days += replace_all(std::string(scaffold_file("agenda-day.xml")), "@DATE@", base::iso_date_of(day));
    }
    std::string report(scaffold_file("report.xml"));
    report = replace_all(report, "@ID@", report_id(folder));
    report = replace_all(report, "@PLACE@", base::xml_escaped(place));
    report = replace_all(report, "@FROM@", from);
    report = replace_all(report, "@TO@", to);
    // the participants template twice: as CSV and as a workbook of one sheet with the same header
    const std::string participants(scaffold_file("participants.csv"));
    std::vector<std::string> header;
    for (std::size_t from = 0, to = 0; from < participants.size(); from = to + 1) {
        to = participants.find_first_of(",\n", from);
        if (to == std::string::npos) to = participants.size();
        if (to > from) header.push_back(participants.substr(from, to - from));
        if (to < participants.size() && participants[to] == '\n') break;
    }
    auto workbook = xlsx_workbook("participants", {header});
    if (!workbook) {
        diags.error(where, "cannot write the participants workbook (libzip failed in memory)");
        return {};
    }
    const std::vector<std::pair<std::string, std::string>> files = {
        {"report.xml", report},
        {"participants.csv", participants},
        {"participants.xlsx", *workbook},
        {"agenda.xml", replace_all(std::string(scaffold_file("agenda.xml")), "@DAYS@", days)},
    };

    // written beside the target under a temporary name, then renamed into place whole
    fs::path parent = dir.has_parent_path() ? dir.parent_path() : fs::path(".");
    fs::create_directories(parent, ec);
    std::string tmpl = (parent / ("." + folder + ".XXXXXX")).string();
    if (!mkdtemp(tmpl.data())) {
        diags.error(where, "cannot create a folder next to it: " + std::string(std::strerror(errno)));
        return {};
    }
    fs::path work(tmpl);
    bool ok = fs::create_directory(work / "photos", ec);
    for (const auto& [name, text] : files) ok = ok && write_file_atomically((work / name).string(), text, diags);
    fs::permissions(work, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                              fs::perms::others_read | fs::perms::others_exec, ec);
    if (ok && fs::exists(dir)) fs::remove(dir, ec);  // an empty folder, checked above
    if (ok) fs::rename(work, dir, ec);
    if (!ok || ec) {
        if (ok) diags.error(where, "cannot create the folder: " + ec.message());
        fs::remove_all(work, ec);
        return {};
    }
    std::vector<std::string> written;
    for (const auto& [name, text] : files) written.push_back((dir / name).string());
    written.push_back((dir / "photos").string() + "/");
    return written;
}

}  // namespace compose::cli
