#include "compose/cli/pipeline.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "compose/engine/pdf_backend.h"
#include "compose/engine/svg_backend.h"
#include "compose/cli/progress.h"

namespace compose::cli {

std::optional<Pdf> build_pdf(const engine::Options& options, base::Diagnostics& diags) {
    engine::PdfBackend pdf(render::PdfOptions{options.tagged, options.pdfa, {}});
    ProgressBackend progress(pdf);
    auto pages = engine::typeset(options, diags, progress);
    if (!pages) return std::nullopt;
    return Pdf{std::move(pdf.bytes()), *pages};
}

std::optional<std::size_t> render_to_file(const engine::Options& options, const std::string& output,
                                          base::Diagnostics& diags) {
    if (!may_replace(output, options.source, diags)) return std::nullopt;
    auto pdf = build_pdf(options, diags);
    if (!pdf || diags.has_errors() || !write_file_atomically(output, pdf->bytes, diags)) return std::nullopt;
    return pdf->pages;
}

namespace {

namespace fs = std::filesystem;

base::SourcePos at_path(const std::string& path) { return base::SourcePos{std::make_shared<const std::string>(path)}; }

// Puts the finished folder `staged` where `output` is: a new name is one rename; an existing folder
// is swapped with it in one step (renameat2's RENAME_EXCHANGE), else moved aside first.
bool put_in_place(const fs::path& staged, const fs::path& output, base::Diagnostics& diags) {
    std::error_code ec;
    if (!fs::exists(output, ec)) {
        if (std::rename(staged.c_str(), output.c_str()) == 0) return true;
    } else if (::renameat2(AT_FDCWD, staged.c_str(), AT_FDCWD, output.c_str(), RENAME_EXCHANGE) == 0) {
        fs::remove_all(staged, ec);  // now the old pages
        return true;
    } else {
        fs::path aside = staged.string() + ".old";
        if (std::rename(output.c_str(), aside.c_str()) == 0) {
            if (std::rename(staged.c_str(), output.c_str()) == 0) {
                fs::remove_all(aside, ec);
                return true;
            }
            int saved = errno;
            std::rename(aside.c_str(), output.c_str());
            errno = saved;
        }
    }
    diags.error(at_path(output.string()), std::string("cannot put the pages in place: ") + std::strerror(errno));
    return false;
}

}  // namespace

bool may_replace_folder(const std::string& path, base::Diagnostics& diags) {
    std::error_code ec;
    if (!fs::exists(path, ec)) return true;
    if (!fs::is_directory(path, ec)) {
        diags.error(at_path(path), "exists and is not a folder; --format svg writes a folder of pages",
                    {"give the folder another name with -o"});
        return false;
    }
    // page-NNN.svg, three digits or more
    auto page_file = [](const std::string& name) {
        const std::string head = "page-", tail = ".svg";
        if (name.size() < head.size() + 3 + tail.size()) return false;
        if (name.compare(0, head.size(), head) != 0 || name.compare(name.size() - tail.size(), tail.size(), tail) != 0) return false;
        for (std::size_t i = head.size(); i < name.size() - tail.size(); ++i) {
            if (name[i] < '0' || name[i] > '9') return false;
        }
        return true;
    };
    for (const auto& entry : fs::directory_iterator(path, ec)) {
        std::string name = entry.path().filename().string();
        if (!entry.is_regular_file(ec) || !page_file(name)) {
            diags.error(at_path(path), "holds " + name + ", which compose did not write; compose replaces only its own pages",
                        {"remove it first, or give the folder another name with -o"});
            return false;
        }
    }
    if (ec) {
        diags.error(at_path(path), "cannot read the folder: " + ec.message());
        return false;
    }
    return true;
}

std::optional<std::size_t> render_svg_to_folder(const engine::Options& options, const std::string& output,
                                                base::Diagnostics& diags) {
    if (!may_replace_folder(output, diags)) return std::nullopt;
    fs::path target = fs::path(output).lexically_normal();
    if (target.filename().empty()) target = target.parent_path();  // "out/"
    fs::path parent = target.has_parent_path() ? target.parent_path() : fs::path(".");
    std::error_code ec;
    fs::create_directories(parent, ec);
    std::string tmpl = (parent / ("." + target.filename().string() + ".XXXXXX")).string();
    if (!::mkdtemp(tmpl.data())) {
        diags.error(at_path(output), std::string("cannot create a temporary folder next to the output: ") + std::strerror(errno));
        return std::nullopt;
    }
    fs::path staged = tmpl;
    ::chmod(staged.c_str(), 0755);
    std::optional<std::size_t> pages;
    {
        engine::SvgBackend svg(staged.string());
        ProgressBackend progress(svg);
        pages = engine::typeset(options, diags, progress);
    }
    if (!pages || diags.has_errors() || !put_in_place(staged, target, diags)) {
        fs::remove_all(staged, ec);
        return std::nullopt;
    }
    return pages;
}

std::string pages_written(const std::string& output, std::size_t pages) {
    return output + ": " + std::to_string(pages) + " page" + (pages == 1 ? "" : "s");
}

}  // namespace compose::cli
