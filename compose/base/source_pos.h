#pragma once
// A position in a source file: every model node and every diagnostic carries one.
#include <memory>
#include <string>

namespace compose::base {

struct SourcePos {
    std::shared_ptr<const std::string> file;  // shared: thousands of nodes name the same file
    int line = 0;                             // 1-based; 0 means "no position"
    int col = 0;                              // 1-based, in code points

    bool known() const { return file && line > 0; }
    const std::string& file_name() const;
};

}  // namespace compose::base
