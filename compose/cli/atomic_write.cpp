#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "compose/cli/pipeline.h"

namespace compose::cli {

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
