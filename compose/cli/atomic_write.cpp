#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include <dirent.h>
#include <fcntl.h>
#include <sys/file.h>
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

namespace {

// The temporary file's name: hidden, next to the output, so the rename stays in one file system.
std::string temp_prefix(const std::string& file_name) { return "." + file_name + "."; }

// A run killed while writing leaves its temporary file. The writer holds a lock on its file from
// the moment it is created until it is renamed, so a temporary file whose lock can be taken has
// no writer left and is removed. A file still empty may be one just created whose writer has not
// locked it yet: it is left alone.
void remove_stale_temporaries(const std::filesystem::path& dir, const std::string& file_name) {
    const std::string prefix = temp_prefix(file_name);
    DIR* d = ::opendir(dir.c_str());
    if (!d) return;
    while (dirent* entry = ::readdir(d)) {
        std::string name = entry->d_name;
        if (name.size() != prefix.size() + 6 || name.compare(0, prefix.size(), prefix) != 0) continue;
        std::string path = (dir / name).string();
        int fd = ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
        if (fd < 0) continue;
        struct stat opened {}, named {};
        if (::fstat(fd, &opened) == 0 && S_ISREG(opened.st_mode) && opened.st_size > 0 &&
            ::flock(fd, LOCK_EX | LOCK_NB) == 0 && ::lstat(path.c_str(), &named) == 0 &&
            named.st_ino == opened.st_ino && named.st_dev == opened.st_dev) {
            ::unlink(path.c_str());
        }
        ::close(fd);
    }
    ::closedir(d);
}

// What a file created here would get: 0666 less the umask (read without changing it for good).
mode_t new_file_mode() {
    mode_t mask = ::umask(022);
    ::umask(mask);
    return 0666 & ~mask;
}

}  // namespace

// The output goes to a temporary file beside it, locked, with the mode the file will have (an
// existing file's mode and, where permitted, its owner; else 0666 less the umask), synced, then
// renamed over the output, and the folder synced so that the rename itself survives a crash.
bool write_file_atomically(const std::string& path, const std::string& bytes, base::Diagnostics& diags) {
    namespace fs = std::filesystem;
    auto where = base::SourcePos{std::make_shared<const std::string>(path)};
    fs::path target(path);
    fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
    std::error_code ec;
    fs::create_directories(dir, ec);
    remove_stale_temporaries(dir, target.filename().string());
    std::string tmpl = (dir / (temp_prefix(target.filename().string()) + "XXXXXX")).string();
    int fd = mkostemp(tmpl.data(), O_CLOEXEC);
    if (fd < 0) {
        diags.error(where, std::string("cannot create a temporary file next to the output: ") + std::strerror(errno));
        return false;
    }
    ::flock(fd, LOCK_EX);  // before the first byte: see remove_stale_temporaries
    struct stat existing {};
    if (::stat(path.c_str(), &existing) == 0 && S_ISREG(existing.st_mode)) {
        if (::fchown(fd, existing.st_uid, existing.st_gid) != 0) {
            // not the owner's to give away: the file becomes the writer's, as any new file would
        }
        ::fchmod(fd, existing.st_mode & 07777);
    } else {
        ::fchmod(fd, new_file_mode());
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
    if (!ok || std::rename(tmpl.c_str(), path.c_str()) != 0) {
        if (ok) saved = errno;
        std::remove(tmpl.c_str());
        ::close(fd);
        diags.error(where, std::string("cannot write the output: ") + std::strerror(saved));
        return false;
    }
    ::close(fd);  // releases the lock, after the rename
    int dir_fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if ((dir_fd < 0 || ::fsync(dir_fd) != 0) && errno != EINVAL) {  // EINVAL: a file system without it
        diags.warning(where, std::string("written, but its folder could not be synced to disk: ") + std::strerror(errno));
    }
    if (dir_fd >= 0) ::close(dir_fd);
    return true;
}

}  // namespace compose::cli
