#pragma once
// Items stacked into a set of columns of one height, with the rules every column obeys: a kept
// item (heading, first line, table header) moves along with what follows it, a table continued
// at a column's top gets its header again, and the first item of a column is always placed.
#include <algorithm>
#include <vector>

#include "compose/page/flow.h"

namespace compose::page {

constexpr double kEpsilon = 1e-6;

struct Entry {
    std::size_t item;
    bool header_copy;  // a table's header repeated at the top of a column
};

// Items stacked into up to `count` columns of height `capacity`.
class ColumnSet {
public:
    ColumnSet(const Flow& flow, int count, double capacity)
        : flow_(flow), columns_(static_cast<std::size_t>(count)), capacity_(capacity) {}

    // Places item i, moving a kept tail (heading, orphan line, table header) along to the next
    // column when it does not fit. When no column is left, returns false with the items that
    // must go on (the tail and i) in `carry`.
    bool add(std::size_t i, std::vector<std::size_t>& carry) {
        const FlowItem& item = flow_.items[i];
        auto& column = columns_[col_];
        if (real_used_ == 0 && item.kind == FlowItem::Kind::Row && !flow_.rows[item.row].header &&
            flow_.table_header[item.table] != kNone && !has_header_copy()) {
            push({flow_.table_header[item.table], true});
        }
        double h = (used_ > 0 ? item.space_before : 0) + item.height;
        if (real_used_ == 0 || used_ + h <= capacity_ + kEpsilon) {
            push({i, false});
            return true;
        }
        std::size_t k = column.size();
        while (k > 0 && flow_.items[column[k - 1].item].keep_with_next) --k;
        std::vector<std::size_t> tail;
        if (k > 0 && !column[k - 1].header_copy) {
            for (std::size_t t = k; t < column.size(); ++t) tail.push_back(column[t].item);
            column.resize(k);
        }
        tail.push_back(i);
        if (col_ + 1 >= columns_.size()) {
            carry = std::move(tail);
            return false;
        }
        ++col_;
        used_ = real_used_ = 0;
        for (std::size_t t : tail) {
            if (!add(t, carry)) {
                // the rest of the tail goes along with what could not be placed
                auto at = std::find(tail.begin(), tail.end(), t);
                carry.insert(carry.end(), at + 1, tail.end());
                return false;
            }
        }
        return true;
    }

    bool empty() const {
        for (const auto& c : columns_) {
            if (!c.empty()) return false;
        }
        return true;
    }
    int column() const { return static_cast<int>(col_); }
    double used() const { return used_; }
    double capacity() const { return capacity_; }
    void set_capacity(double c) { capacity_ = c; }
    const std::vector<std::vector<Entry>>& columns() const { return columns_; }

    // The items in flow order, without repeated headers.
    std::vector<std::size_t> items() const {
        std::vector<std::size_t> out;
        for (const auto& c : columns_) {
            for (const auto& e : c) {
                if (!e.header_copy) out.push_back(e.item);
            }
        }
        return out;
    }

    // Height of each column as stacked.
    double height() const {
        double h = 0;
        for (const auto& c : columns_) h = std::max(h, column_height(c));
        return h;
    }

private:
    const Flow& flow_;
    std::vector<std::vector<Entry>> columns_;
    std::size_t col_ = 0;
    double capacity_;
    double used_ = 0;       // height used in the current column
    double real_used_ = 0;  // the same, without repeated headers and zero-height markers

    bool has_header_copy() const {
        for (const auto& e : columns_[col_]) {
            if (e.header_copy) return true;
        }
        return false;
    }

    void push(Entry e) {
        const FlowItem& item = flow_.items[e.item];
        double h = (used_ > 0 ? item.space_before : 0) + item.height;
        used_ += h;
        if (!e.header_copy) real_used_ += h;
        columns_[col_].push_back(e);
    }

    double column_height(const std::vector<Entry>& column) const {
        double h = 0;
        for (std::size_t k = 0; k < column.size(); ++k) {
            const FlowItem& item = flow_.items[column[k].item];
            h += (h > 0 ? item.space_before : 0) + item.height;
        }
        return h;
    }
};

}  // namespace compose::page
