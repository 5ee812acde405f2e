#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "compose/cli/pipeline.h"

namespace compose::cli {

bool may_replace(const std::string& path, const std::string& source, base::Diagnostics& diags) {
    namespace fs = std::filesystem;
    auto where = base::SourcePos{std::make_shared<const std::string>(path)};
    std::error_code ec;
    if (!fs::exists(path, ec)) return true;
    if (fs::equivalent(path, source, ec)) {
        diags.error(where, "is the source itself: the PDF would replace it", {"give the PDF another name with -o"});
        return false;
    }
    if (fs::is_directory(path, ec)) {
        diags.error(where, "is a folder", {"give the PDF's file name with -o"});
        return false;
    }
    if (fs::file_size(path, ec) == 0 && !ec) return true;  // an empty file holds nothing to lose
    char head[5] = {};
    if (FILE* f = std::fopen(path.c_str(), "rb")) {
        std::size_t n = std::fread(head, 1, sizeof head, f);
        std::fclose(f);
        if (n == sizeof head && std::memcmp(head, "%PDF-", sizeof head) == 0) return true;
    } else {
        return true;  // unreadable: the write will say why if it cannot replace it
    }
    diags.error(where, "exists and is not a PDF; compose replaces only PDFs", {"remove it first, or give the PDF another name with -o"});
    return false;
}

bool write_file_atomically(const std::string& path, const std::string& bytes, base::Diagnostics& diags) {
    namespace fs = std::filesystem;
    auto where = base::SourcePos{std::make_shared<const std::string>(path)};
    fs::path target(path);
    fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
    std::error_code ec;
    fs::create_directories(dir, ec);
    std::string tmpl = (dir / ("." + target.filename().string() + ".XXXXXX")).string();
    int fd = mkstemp(tmpl.data());
    if (fd < 0) {
        diags.error(where, std::string("cannot create a temporary file next to the output: ") + std::strerror(errno));
        return false;
    }
    std::size_t written = 0;
    while (written < bytes.size()) {
        ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
        if (n < 0) {
            if (errno == EINTR) continue;
            break;
        }
        written += static_cast<std::size_t>(n);
    }
    bool ok = written == bytes.size() && ::fsync(fd) == 0;
    int saved = errno;
    ::close(fd);
    if (ok) ::chmod(tmpl.c_str(), 0644);
    if (!ok || std::rename(tmpl.c_str(), path.c_str()) != 0) {
        if (ok) saved = errno;
        std::remove(tmpl.c_str());
        diags.error(where, std::string("cannot write the output: ") + std::strerror(saved));
        return false;
    }
    return true;
}

}  // namespace compose::cli
