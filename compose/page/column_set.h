#pragma once
// Items stacked into a set of columns of one height, with the rules every column obeys: a kept
// item (heading, first line, table header) moves along with what follows it, a table continued
// at a column's top gets its header again, and the first item of a column is always placed.
// Two ways to fill the columns: one after the other (a page's text columns, where an item that
// does not fit goes to the next column), or as lanes (a parallel edition's languages: lane k
// has column k to itself, and an item that does not fit waits for the next page).
#include <algorithm>
#include <vector>

#include "compose/page/flow.h"

namespace compose::page {

constexpr double kEpsilon = 1e-6;

struct Entry {
    ItemRef ref;
    bool header_copy;  // a table's header repeated at the top of a column
};

class ColumnSet {
public:
    enum class Fill { Snake, Lanes };

    // `flows`: per lane. Snake: up to `count` columns filled one after another. Lanes: one column
    // per lane.
    ColumnSet(const std::vector<const Flow*>& flows, int count, double capacity, Fill fill = Fill::Snake)
        : flows_(flows), columns_(static_cast<std::size_t>(count)), used_(columns_.size(), 0),
          real_used_(columns_.size(), 0), capacity_(capacity), fill_(fill) {}

    // Places an item, moving a kept tail (heading, orphan line, table header) along to the next
    // column when it does not fit. When no column is left for it, returns false with the items
    // that must go on (the tail and the item) in `carry`.
    bool add(ItemRef r, std::vector<ItemRef>& carry) {
        std::size_t col = fill_ == Fill::Lanes ? r.lane : col_;
        const FlowItem& item = item_of(r);
        const Flow& flow = *flows_[r.lane];
        auto& column = columns_[col];
        if (real_used_[col] == 0 && item.kind == FlowItem::Kind::Row && !flow.rows[item.row].header &&
            flow.table_header[item.table] != kNone && !has_header_copy(col)) {
            push(col, {{r.lane, flow.table_header[item.table]}, true});
        }
        double h = (used_[col] > 0 ? item.space_before : 0) + item.height;
        if (real_used_[col] == 0 || used_[col] + h <= capacity_ + kEpsilon) {
            push(col, {r, false});
            return true;
        }
        std::size_t k = column.size();
        while (k > 0 && item_of(column[k - 1].ref).keep_with_next) --k;
        std::vector<ItemRef> tail;
        if (k > 0 && !column[k - 1].header_copy) {
            for (std::size_t t = k; t < column.size(); ++t) tail.push_back(column[t].ref);
            column.resize(k);
            recount(col);
        }
        tail.push_back(r);
        if (fill_ == Fill::Lanes || col_ + 1 >= columns_.size()) {
            carry = std::move(tail);
            return false;
        }
        ++col_;
        for (std::size_t t = 0; t < tail.size(); ++t) {
            if (!add(tail[t], carry)) {
                // the rest of the tail goes along with what could not be placed
                carry.insert(carry.end(), tail.begin() + static_cast<std::ptrdiff_t>(t) + 1, tail.end());
                return false;
            }
        }
        return true;
    }

    // Where the run of kept items that ends a column begins (its size: none).
    std::size_t kept_tail_start(std::size_t col) const {
        const auto& column = columns_[col];
        std::size_t k = column.size();
        while (k > 0 && !column[k - 1].header_copy && item_of(column[k - 1].ref).keep_with_next) --k;
        return k;
    }

    // Takes a column's entries from `k` on out of the set (repeated headers are dropped).
    std::vector<ItemRef> cut(std::size_t col, std::size_t k) {
        std::vector<ItemRef> out;
        for (std::size_t t = k; t < columns_[col].size(); ++t) {
            if (!columns_[col][t].header_copy) out.push_back(columns_[col][t].ref);
        }
        columns_[col].resize(std::min(k, columns_[col].size()));
        recount(col);
        return out;
    }

    bool empty() const {
        for (const auto& c : columns_) {
            if (!c.empty()) return false;
        }
        return true;
    }
    bool lanes() const { return fill_ == Fill::Lanes; }
    int column() const { return static_cast<int>(col_); }
    double used() const { return used_[col_]; }
    double capacity() const { return capacity_; }
    void set_capacity(double c) { capacity_ = c; }
    const std::vector<std::vector<Entry>>& columns() const { return columns_; }

    // The items in flow order, without repeated headers.
    std::vector<ItemRef> items() const {
        std::vector<ItemRef> out;
        for (const auto& c : columns_) {
            for (const auto& e : c) {
                if (!e.header_copy) out.push_back(e.ref);
            }
        }
        return out;
    }

    // Height of the tallest column as stacked.
    double height() const {
        double h = 0;
        for (const auto& c : columns_) h = std::max(h, column_height(c));
        return h;
    }

private:
    std::vector<const Flow*> flows_;
    std::vector<std::vector<Entry>> columns_;
    std::vector<double> used_;       // height used in each column
    std::vector<double> real_used_;  // the same, without repeated headers and zero-height markers
    std::size_t col_ = 0;            // Snake: the column being filled
    double capacity_;
    Fill fill_;

    const FlowItem& item_of(ItemRef r) const { return flows_[r.lane]->items[r.item]; }

    bool has_header_copy(std::size_t col) const {
        for (const auto& e : columns_[col]) {
            if (e.header_copy) return true;
        }
        return false;
    }

    void push(std::size_t col, Entry e) {
        const FlowItem& item = item_of(e.ref);
        double h = (used_[col] > 0 ? item.space_before : 0) + item.height;
        used_[col] += h;
        if (!e.header_copy) real_used_[col] += h;
        columns_[col].push_back(e);
    }

    // A column cut back: what it holds counted again.
    void recount(std::size_t col) {
        auto entries = std::move(columns_[col]);
        columns_[col].clear();
        used_[col] = real_used_[col] = 0;
        for (const auto& e : entries) push(col, e);
    }

    double column_height(const std::vector<Entry>& column) const {
        double h = 0;
        for (const auto& e : column) {
            const FlowItem& item = item_of(e.ref);
            h += (h > 0 ? item.space_before : 0) + item.height;
        }
        return h;
    }
};

}  // namespace compose::page
