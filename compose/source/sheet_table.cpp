#include "compose/source/sheet_table.h"

#include <algorithm>
#include <set>

namespace compose::source {

std::string column_letters(std::uint32_t column) {
    std::string out;
    std::uint64_t n = std::uint64_t(column) + 1;
    while (n > 0) {
        out.insert(out.begin(), static_cast<char>('A' + (n - 1) % 26));
        n = (n - 1) / 26;
    }
    return out;
}

std::optional<std::pair<std::uint32_t, std::uint32_t>> parse_cell_ref(std::string_view ref) {
    std::size_t i = 0;
    std::uint64_t col = 0, row = 0;
    while (i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z' && i < 4) col = col * 26 + std::uint64_t(ref[i++] - 'A' + 1);
    if (i == 0 || col > kMaxSheetColumns) return std::nullopt;
    std::size_t digits = i;
    while (i < ref.size() && ref[i] >= '0' && ref[i] <= '9' && i - digits < 8) row = row * 10 + std::uint64_t(ref[i++] - '0');
    if (i == digits || i != ref.size() || row == 0 || row > kMaxSheetRows) return std::nullopt;
    return std::pair{static_cast<std::uint32_t>(row), static_cast<std::uint32_t>(col - 1)};
}

bool same_sheet_name(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

std::string quoted_sheet_name(const std::string& sheet) {
    bool plain = !sheet.empty() && std::all_of(sheet.begin(), sheet.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' || (c & 0x80);
    });
    if (plain) return sheet;
    std::string out = "'";
    for (char c : sheet) out += c == '\'' ? std::string("''") : std::string(1, c);
    return out + "'";
}

SheetTable::SheetTable(std::string file_name, std::string sheet, const base::Limits& limits, base::Diagnostics& diags)
    : file_name_(std::move(file_name)), sheet_(std::move(sheet)), limits_(limits), diags_(diags),
      errors_before_(diags.count(base::Severity::Error)),
      rows_file_(std::make_shared<const std::string>(file_name_ + ":" + quoted_sheet_name(sheet_))) {}

base::SourcePos SheetTable::at(std::uint32_t row, std::uint32_t column) const {
    return {std::make_shared<const std::string>(file_name_ + ":" + quoted_sheet_name(sheet_) + "!" +
                                                column_letters(column) + std::to_string(row))};
}

void SheetTable::merge(std::uint32_t row1, std::uint32_t col1, std::uint32_t row2, std::uint32_t col2) {
    if (row2 < row1) std::swap(row1, row2);
    if (col2 < col1) std::swap(col1, col2);
    if (row1 == row2 && col1 == col2) return;
    if (merge_at_.count({row1, col1})) return;
    merge_at_[{row1, col1}] = merges_.size();
    pending_.emplace(row1, merges_.size());
    merges_.push_back({row1, col1, row2, col2, {}});
}

bool SheetTable::add(std::uint32_t row, std::uint32_t column, std::string text) {
    if (row != row_) {
        if (row_ != 0 && !end_row()) return false;
        if (!fill_rows_before(row)) return false;
        row_ = row;
    }
    if (text.size() > limits_.cell_size) {
        diags_.error(at(row, column), "a cell holds " + std::to_string(text.size()) + " bytes, more than the limit of " +
                                          base::format_bytes(limits_.cell_size),
                     {base::raise_hint("cell-size")});
        return false;
    }
    auto merged = merge_at_.find({row, column});
    if (merged != merge_at_.end()) merges_[merged->second].value = text;
    if (!text.empty()) cells_.emplace_back(column, std::move(text));
    return true;
}

bool SheetTable::end_row() {
    std::vector<std::pair<std::uint32_t, std::string>> cells = std::move(cells_);
    cells_.clear();
    activate(row_);
    done_ = row_;
    return take_row(row_, cells);
}

// The merged areas over `row`: those starting at or above it and ending at or below it.
void SheetTable::activate(std::uint32_t row) {
    while (!pending_.empty() && pending_.begin()->first <= row) {
        active_.push_back(pending_.begin()->second);
        pending_.erase(pending_.begin());
    }
    active_.erase(std::remove_if(active_.begin(), active_.end(), [&](std::size_t m) { return merges_[m].row2 < row; }),
                  active_.end());
}

// Rows after the last one taken and before `row` of which no cell was given: only what merged
// areas over them show. Rows no merged area covers are skipped without a look.
bool SheetTable::fill_rows_before(std::uint32_t row) {
    std::uint32_t r = done_ + 1;
    while (r < row) {
        activate(r);
        if (active_.empty()) {
            if (pending_.empty() || pending_.begin()->first >= row) break;
            r = pending_.begin()->first;
            continue;
        }
        std::vector<std::pair<std::uint32_t, std::string>> none;
        if (!take_row(r, none)) return false;
        done_ = r++;
    }
    return true;
}

bool SheetTable::take_row(std::uint32_t row, std::vector<std::pair<std::uint32_t, std::string>>& cells) {
    // merged areas covering this row (below or right of their first cell) show its value
    for (std::size_t index : active_) {
        const Merge& m = merges_[index];
        if (m.value.empty() || row < m.row1 || row > m.row2) continue;
        // within the header's columns (the header itself: no wider than the columns limit allows)
        std::uint64_t from = have_header_ ? std::max(m.col1, first_col_) : m.col1;
        std::uint64_t to = have_header_ ? std::min(m.col2, last_col_) : std::min<std::uint64_t>(m.col2, m.col1 + limits_.columns);
        for (std::uint64_t c = from; c <= to; ++c) {
            if (row == m.row1 && c == m.col1) continue;
            bool given = std::any_of(cells.begin(), cells.end(), [&](const auto& cell) { return cell.first == c; });
            if (!given) cells.emplace_back(static_cast<std::uint32_t>(c), m.value);
        }
    }
    if (cells.empty()) return true;  // an empty row is no row, as a blank line in a CSV file
    std::sort(cells.begin(), cells.end(), [](const auto& a, const auto& b) { return a.first < b.first; });

    if (!have_header_) {
        have_header_ = true;
        header_row_ = row;
        first_col_ = cells.front().first;
        last_col_ = cells.back().first;
        if (last_col_ - first_col_ >= limits_.columns) {
            diags_.error(at(row, first_col_ + static_cast<std::uint32_t>(limits_.columns)),
                         "the header names more than " + std::to_string(limits_.columns) + " columns",
                         {base::raise_hint("columns")});
            return false;
        }
        table_.columns.assign(last_col_ - first_col_ + 1, "");
        for (auto& [c, text] : cells) table_.columns[c - first_col_] = std::move(text);
        std::map<std::string, std::uint32_t> seen;
        for (std::uint32_t c = first_col_; c <= last_col_; ++c) {
            const std::string& name = table_.columns[c - first_col_];
            if (name.empty()) {
                diags_.error(at(row, c), "column " + column_letters(c) + " has no name",
                             {"the first row of the sheet names the columns"});
            } else if (auto [first, inserted] = seen.emplace(name, c); !inserted) {
                diags_.error(at(row, c), "column '" + name + "' is named twice",
                             {"first in column " + column_letters(first->second)});
            }
        }
        return true;
    }
    if (table_.rows.size() >= limits_.rows) {
        diags_.error(at(row, cells.front().first), "the sheet has more than " + std::to_string(limits_.rows) + " rows",
                     {base::raise_hint("rows")});
        return false;
    }
    std::vector<std::string> values(table_.columns.size());
    bool outside = false;
    for (auto& [c, text] : cells) {
        if (c < first_col_ || c > last_col_) {
            if (!outside) {
                diags_.error(at(row, c), "a value in column " + column_letters(c) + ", which the header does not name",
                             {"row " + std::to_string(header_row_) + " names columns " + column_letters(first_col_) +
                              " to " + column_letters(last_col_)});
            }
            outside = true;
            continue;
        }
        values[c - first_col_] = std::move(text);
    }
    if (outside) return !diags_.full();
    for (const auto& v : values) memory_ += v.size() + base::kCellMemory;
    if (memory_ > limits_.data_size) {
        diags_.error(at(row, first_col_), base::data_size_message("the sheet", limits_.data_size),
                     {base::raise_hint("data-size")});
        return false;
    }
    table_.rows.push_back(std::move(values));
    table_.row_pos.push_back({rows_file_, static_cast<int>(row), static_cast<int>(first_col_ + 1)});
    return true;
}

std::optional<model::DataTable> SheetTable::finish() {
    if (row_ != 0 && !end_row()) return std::nullopt;
    // rows after the last cell given that merged areas still cover
    std::uint32_t last = row_;
    for (const auto& m : merges_) {
        if (!m.value.empty()) last = std::max(last, m.row2);
    }
    if (last > row_ && !fill_rows_before(last + 1)) return std::nullopt;
    if (!have_header_) {
        diags_.error({std::make_shared<const std::string>(file_name_ + ":" + quoted_sheet_name(sheet_))},
                     "the sheet is empty: its first row must name the columns");
        return std::nullopt;
    }
    if (diags_.count(base::Severity::Error) > errors_before_) return std::nullopt;
    return std::move(table_);
}

}  // namespace compose::source
