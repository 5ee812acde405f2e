// .xls (Excel 97–2003, BIFF in an OLE compound file) through FreeXL. FreeXL is not safe against
// hostile files (a few changed bytes of a LibreOffice .xls made FreeXL 1.0.6 crash), so it runs in
// a child process, its memory (1 GB more than compose holds) and processor time bounded: the child reads the workbook and sends
// the chosen sheet's cells down a pipe; the parent builds the table under the usual limits, and a
// child that crashes, runs out of memory or of time is a located error, never compose's crash.
//
// FreeXL reads a path only: the bytes (read once, within the file-size limit, like every data
// file) are handed to it as an anonymous in-memory file (memfd), never written to disk. Cells
// become text as the other readers make them: text as written, numbers in "General" (FreeXL gives
// no number formats), dates as YYYY-MM-DD, times as HH:MM:SS. FreeXL knows no merged areas: a
// merged area's value is in its first cell only. Errors name the file, or the cell
// ("participants.xls:Sheet1!C7").
#include "compose/source/load_spreadsheet.h"

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <memory>

#include <freexl.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "compose/source/number_format.h"
#include "compose/source/sheet_table.h"

namespace compose::source {

namespace {

// The child's bounds: FreeXL holds the whole file and its strings, far less than this for any
// .xls within the file-size limit. The memory is address space beyond what the child inherits
// from compose; under AddressSanitizer, which reserves terabytes of it for its shadow, it is not
// bounded.
constexpr rlim_t kChildMemory = 1ull << 30;
constexpr rlim_t kChildSeconds = 20;
#if defined(__SANITIZE_ADDRESS__)
constexpr bool kBoundMemory = false;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kBoundMemory = false;
#else
constexpr bool kBoundMemory = true;
#endif
#else
constexpr bool kBoundMemory = true;
#endif

// The address space the process holds now, in bytes (/proc/self/statm's first field, in pages).
rlim_t address_space() {
    FILE* statm = std::fopen("/proc/self/statm", "r");
    unsigned long pages = 0;
    if (statm) {
        if (std::fscanf(statm, "%lu", &pages) != 1) pages = 0;
        std::fclose(statm);
    }
    return static_cast<rlim_t>(pages) * static_cast<rlim_t>(sysconf(_SC_PAGESIZE));
}

// What went wrong, in words, for FreeXL's error codes
std::string freexl_problem(int code) {
    switch (code) {
    case FREEXL_INSUFFICIENT_MEMORY: return "reading it needs more than 1 GB of memory";
    case FREEXL_INVALID_CFBF_HEADER:
    case FREEXL_CFBF_INVALID_SIGNATURE: return "it is not an OLE compound file, as .xls files are";
    case FREEXL_CFBF_READ_ERROR:
    case FREEXL_CFBF_SEEK_ERROR: return "it ends too soon (truncated?)";
    case FREEXL_BIFF_WORKBOOK_NOT_FOUND: return "it holds no workbook stream";
    case FREEXL_INVALID_CHARACTER:
    case FREEXL_UNSUPPORTED_CHARSET: return "its text is in a character set FreeXL cannot convert";
    default: return "its structure is corrupt (FreeXL error " + std::to_string(code) + ")";
    }
}

// The pipe's records: a kind, two numbers and a text.
enum Record : char {
    kUnreadable = 'E',  // text: why
    kPassword = 'P',
    kSheetName = 'N',   // text: a sheet's name, in order (for the error when `sheet` is not one)
    kNoSuchSheet = 'M',
    kChosen = 'T',      // text: the chosen sheet's name
    kCell = 'C',        // a: row (1-based), b: column (0-based), text: the value
    kDone = 'D',
};

bool write_all(int fd, const char* data, std::size_t size) {
    while (size > 0) {
        ssize_t n = write(fd, data, size);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        data += n;
        size -= static_cast<std::size_t>(n);
    }
    return true;
}

bool send(int fd, Record kind, std::uint32_t a, std::uint32_t b, const std::string& text) {
    std::uint32_t header[3] = {a, b, static_cast<std::uint32_t>(text.size())};
    return write_all(fd, reinterpret_cast<const char*>(&kind), 1) &&
           write_all(fd, reinterpret_cast<const char*>(header), sizeof header) && write_all(fd, text.data(), text.size());
}

// The child: reads the workbook with FreeXL and sends what it finds; returns the exit status.
int read_in_child(const std::string& bytes, const std::string& sheet, int out) {
    rlimit seconds{kChildSeconds, kChildSeconds};
    setrlimit(RLIMIT_CPU, &seconds);
    if (kBoundMemory) {
        rlim_t bound = address_space() + kChildMemory;
        rlimit memory{bound, bound};
        setrlimit(RLIMIT_AS, &memory);
    }
    int fd = memfd_create("compose-xls", MFD_CLOEXEC);
    if (fd < 0 || !write_all(fd, bytes.data(), bytes.size())) {
        return send(out, kUnreadable, 0, 0, std::string("no memory file: ") + std::strerror(errno)) ? 0 : 1;
    }
    const std::string path = "/proc/self/fd/" + std::to_string(fd);
    const void* xls = nullptr;
    if (int code = freexl_open(path.c_str(), &xls); code != FREEXL_OK) return send(out, kUnreadable, 0, 0, freexl_problem(code)) ? 0 : 1;
    unsigned int info = 0;
    if (freexl_get_info(xls, FREEXL_BIFF_PASSWORD, &info) == FREEXL_OK && info == FREEXL_BIFF_OBFUSCATED) {
        return send(out, kPassword, 0, 0, "") ? 0 : 1;
    }
    if (freexl_get_info(xls, FREEXL_BIFF_SHEET_COUNT, &info) != FREEXL_OK || info == 0 || info > 0xFFFF) {
        return send(out, kUnreadable, 0, 0, "it holds no worksheet") ? 0 : 1;
    }
    int chosen = -1;
    std::string chosen_name;
    for (unsigned int i = 0; i < info; ++i) {
        const char* name = nullptr;
        std::string n = freexl_get_worksheet_name(xls, static_cast<unsigned short>(i), &name) == FREEXL_OK && name ? name : "";
        if (!send(out, kSheetName, 0, 0, n)) return 1;
        if (chosen < 0 && (sheet.empty() || same_sheet_name(n, sheet))) chosen = static_cast<int>(i), chosen_name = n;
    }
    if (chosen < 0) return send(out, kNoSuchSheet, 0, 0, "") ? 0 : 1;
    unsigned int rows = 0;
    unsigned short columns = 0;
    if (freexl_select_active_worksheet(xls, static_cast<unsigned short>(chosen)) != FREEXL_OK ||
        freexl_worksheet_dimensions(xls, &rows, &columns) != FREEXL_OK) {
        return send(out, kUnreadable, 0, 0, "its sheet '" + chosen_name + "' cannot be read") ? 0 : 1;
    }
    if (!send(out, kChosen, 0, 0, chosen_name)) return 1;
    for (unsigned int r = 0; r < rows; ++r) {
        for (unsigned short c = 0; c < columns; ++c) {
            FreeXL_CellValue cell{};
            if (freexl_get_cell_value(xls, r, c, &cell) != FREEXL_OK) continue;
            std::string text;
            switch (cell.type) {
            case FREEXL_CELL_INT: text = format_general(cell.value.int_value); break;
            case FREEXL_CELL_DOUBLE: text = format_general(cell.value.double_value); break;
            case FREEXL_CELL_TEXT:
            case FREEXL_CELL_SST_TEXT:
            case FREEXL_CELL_DATE:
            case FREEXL_CELL_DATETIME:
            case FREEXL_CELL_TIME:
                if (cell.value.text_value) text = cell.value.text_value;
                break;
            default: continue;  // empty
            }
            if (!text.empty() && !send(out, kCell, r + 1, c, text)) return 1;  // the parent stopped reading
        }
    }
    return send(out, kDone, 0, 0, "") ? 0 : 1;
}

// Reads the child's records; false at the end of the pipe or a record longer than `max_text`.
bool receive(int fd, Record& kind, std::uint32_t& a, std::uint32_t& b, std::string& text, std::size_t max_text) {
    auto read_all = [&](char* data, std::size_t size) {
        while (size > 0) {
            ssize_t n = read(fd, data, size);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) return false;
            data += n;
            size -= static_cast<std::size_t>(n);
        }
        return true;
    };
    std::uint32_t header[3];
    if (!read_all(reinterpret_cast<char*>(&kind), 1) || !read_all(reinterpret_cast<char*>(header), sizeof header)) return false;
    a = header[0], b = header[1];
    if (header[2] > max_text) return false;
    text.resize(header[2]);
    return read_all(text.data(), text.size());
}

}  // namespace

std::optional<model::DataTable> parse_xls(const std::string& file_name, std::string bytes, const std::string& sheet,
                                          base::Diagnostics& diags, const base::Limits& limits) {
    const base::SourcePos file{std::make_shared<const std::string>(file_name)};
    const std::size_t errors_before = diags.count(base::Severity::Error);
    auto unreadable = [&](const std::string& why) {
        diags.error(file, "cannot read the file as an Excel 97-2003 workbook: " + why,
                    {"open it in a spreadsheet and save it again, or as .xlsx or .ods"});
        return std::nullopt;
    };
    if (bytes.compare(0, 4, "\xD0\xCF\x11\xE0") != 0) {
        return unreadable(bytes.compare(0, 2, "PK") == 0 ? "it is a zip, as .xlsx and .ods files are: rename it"
                                                         : "it is not an OLE compound file, as .xls files are");
    }
    int pipe_fds[2];
    if (pipe2(pipe_fds, O_CLOEXEC) != 0) return unreadable(std::string("no pipe: ") + std::strerror(errno));
    pid_t child = fork();
    if (child < 0) {
        close(pipe_fds[0]), close(pipe_fds[1]);
        return unreadable(std::string("no child process: ") + std::strerror(errno));
    }
    if (child == 0) {
        close(pipe_fds[0]);
        // a crash kills the child by its signal, whatever handlers compose's host (a test
        // framework, a sanitizer) installed, so that the parent can say so
        for (int s : {SIGPIPE, SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT}) std::signal(s, SIG_DFL);
        _exit(read_in_child(bytes, sheet, pipe_fds[1]));
    }
    close(pipe_fds[1]);
    bytes.clear();

    std::vector<std::string> names;
    std::unique_ptr<SheetTable> table;
    std::optional<model::DataTable> result;
    bool done = false, reported = false;
    Record kind;
    std::uint32_t a = 0, b = 0;
    std::string text;
    // a cell no longer than the cell-size limit (SheetTable reports a longer one at the cell)
    const std::size_t max_text = static_cast<std::size_t>(std::min<std::uint64_t>(limits.cell_size + 1, 1u << 30));
    while (!done && !reported && receive(pipe_fds[0], kind, a, b, text, std::max<std::size_t>(max_text, 1 << 16))) {
        switch (kind) {
        case kUnreadable: unreadable(text), reported = true; break;
        case kPassword:
            diags.error(file, "the workbook is saved with a password", {"save it again without a password"});
            reported = true;
            break;
        case kSheetName: names.push_back(text); break;
        case kNoSuchSheet: no_such_sheet(file_name, sheet, names, diags), reported = true; break;
        case kChosen: table = std::make_unique<SheetTable>(file_name, text, limits, diags); break;
        case kCell:
            if (!table || !table->add(a, b, std::move(text))) reported = true;
            text.clear();
            break;
        case kDone:
            done = true;
            break;
        default: reported = true; break;
        }
    }
    close(pipe_fds[0]);
    if (!done) kill(child, SIGKILL);  // stopped early: an error, or a limit reached
    int status = 0;
    while (waitpid(child, &status, 0) < 0 && errno == EINTR) {}
    if (reported) {
        if (diags.count(base::Severity::Error) == errors_before) unreadable("its structure is corrupt");
        return std::nullopt;
    }
    if (!done || !table) {
        std::string why = WIFSIGNALED(status) && WTERMSIG(status) == SIGXCPU
                              ? "reading it took more than " + std::to_string(kChildSeconds) + " s"
                              : WIFSIGNALED(status) ? "FreeXL failed on it (" + std::string(strsignal(WTERMSIG(status))) +
                                                          "): its structure is corrupt"
                                                    : "its structure is corrupt";
        return unreadable(why);
    }
    return table->finish();
}

}  // namespace compose::source
