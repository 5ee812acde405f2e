#pragma once
// Running the PDF tools on a file from a test: a missing tool is a failure, never a skip.
#include <string>

namespace compose::test {

struct CommandResult {
    int status = -1;  // the exit status; 127 when the command could not be run
    std::string output;  // stdout and stderr together
};

// Runs `command` through the shell; `path` and the other arguments must be quoted by the caller.
CommandResult run_command(const std::string& command);

// Single-quotes a string for the shell.
std::string shell_quote(const std::string& s);

// A file in the temporary folder that is removed when this object goes away.
class TempFile {
public:
    explicit TempFile(const std::string& suffix);
    ~TempFile();
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;
    const std::string& path() const { return path_; }
    void write(const std::string& bytes) const;

private:
    std::string path_;
};

}  // namespace compose::test
