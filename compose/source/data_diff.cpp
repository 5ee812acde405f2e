#include "compose/source/data_diff.h"

#include "compose/base/utf8.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <memory>

#include <unicode/coll.h>
#include <unicode/locid.h>

namespace compose::source {

namespace {

using base::json_string;

std::ptrdiff_t column_of(const model::DataTable& table, const std::string& name) {
    auto it = std::find(table.columns.begin(), table.columns.end(), name);
    return it == table.columns.end() ? -1 : it - table.columns.begin();
}

// "participants.csv:12" (a sheet's rows: "participants.xlsx:Sheet1:12")
std::string where(const base::SourcePos& pos) {
    if (!pos.file) return "";
    return *pos.file + (pos.line > 0 ? ":" + std::to_string(pos.line) : "");
}

// Keys in ICU's root collation, then byte order, so the order never depends on the machine.
class KeyOrder {
public:
    KeyOrder() {
        UErrorCode status = U_ZERO_ERROR;
        collator_.reset(icu::Collator::createInstance(icu::Locale::getRoot(), status));
        if (U_FAILURE(status)) collator_.reset();
    }
    bool operator()(const std::string& a, const std::string& b) const {
        if (collator_) {
            UErrorCode status = U_ZERO_ERROR;
            auto r = collator_->compareUTF8(a, b, status);
            if (U_SUCCESS(status) && r != UCOL_EQUAL) return r == UCOL_LESS;
        }
        return a < b;
    }

private:
    std::unique_ptr<icu::Collator> collator_;
};

// key -> the rows holding it, in order; a key on a second row is warned about
std::map<std::string, std::vector<std::size_t>> rows_by_key(const model::DataTable& table, std::size_t key,
                                                            const std::string& key_name, base::Diagnostics& diags) {
    std::map<std::string, std::vector<std::size_t>> out;
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        auto& rows = out[table.rows[r][key]];
        if (!rows.empty()) {
            base::SourcePos pos = r < table.row_pos.size() ? table.row_pos[r] : base::SourcePos{};
            diags.warning(pos, "the key " + key_name + " '" + table.rows[r][key] + "' is on more than one row",
                          {"rows with the same key are matched in their order"});
        }
        rows.push_back(r);
    }
    return out;
}

std::string json_list(const std::vector<std::string>& items) {
    std::string out = "[";
    for (std::size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + json_string(items[i]);
    return out + "]";
}

// A value as the text listing shows it: quoted, its line breaks visible.
std::string shown(const std::string& value) {
    std::string out = "\"";
    for (char c : value) out += c == '\n' ? std::string("\\n") : std::string(1, c);
    return out + "\"";
}

}  // namespace

std::optional<DataDiff> diff_tables(const model::DataTable& before, const model::DataTable& after, std::string key,
                                    const std::string& before_name, const std::string& after_name,
                                    base::Diagnostics& diags) {
    if (key.empty()) key = column_of(before, "name") >= 0 && column_of(after, "name") >= 0 ? "name"
                           : before.columns.empty()                                       ? ""
                                                                                          : before.columns[0];
    std::ptrdiff_t key_before = column_of(before, key), key_after = column_of(after, key);
    for (auto [column, name] : {std::pair{key_before, &before_name}, std::pair{key_after, &after_name}}) {
        if (column < 0) {
            diags.error({std::make_shared<const std::string>(*name)}, "no column '" + key + "' to match rows by",
                        {"name the key column with --key COLUMN"});
        }
    }
    if (key_before < 0 || key_after < 0) return std::nullopt;

    DataDiff diff;
    diff.key = key;
    diff.rows_before = before.rows.size();
    diff.rows_after = after.rows.size();
    for (const auto& c : after.columns) {
        if (column_of(before, c) < 0) diff.columns_added.push_back(c);
    }
    for (const auto& c : before.columns) {
        if (column_of(after, c) < 0) diff.columns_removed.push_back(c);
    }
    auto old_rows = rows_by_key(before, static_cast<std::size_t>(key_before), key, diags);
    auto new_rows = rows_by_key(after, static_cast<std::size_t>(key_after), key, diags);
    auto pos_of = [](const model::DataTable& t, std::size_t r) { return r < t.row_pos.size() ? t.row_pos[r] : base::SourcePos{}; };
    auto row_of = [&](const model::DataTable& t, std::size_t r, const std::string& k) {
        DataDiff::Row row{k, pos_of(t, r), {}};
        for (std::size_t c = 0; c < t.columns.size(); ++c) row.fields.emplace_back(t.columns[c], t.rows[r][c]);
        return row;
    };
    for (const auto& [k, rows] : new_rows) {
        auto old = old_rows.find(k);
        std::size_t matched = old == old_rows.end() ? 0 : std::min(old->second.size(), rows.size());
        for (std::size_t i = matched; i < rows.size(); ++i) diff.added.push_back(row_of(after, rows[i], k));
        for (std::size_t i = 0; i < matched; ++i) {
            std::size_t a = old->second[i], b = rows[i];
            DataDiff::Change change{k, pos_of(before, a), pos_of(after, b), {}};
            for (std::size_t c = 0; c < after.columns.size(); ++c) {
                std::ptrdiff_t oc = column_of(before, after.columns[c]);
                if (oc < 0) continue;
                const std::string& was = before.rows[a][static_cast<std::size_t>(oc)];
                if (was != after.rows[b][c]) change.fields.push_back({after.columns[c], was, after.rows[b][c]});
            }
            if (change.fields.empty()) ++diff.unchanged;
            else diff.changed.push_back(std::move(change));
        }
    }
    for (const auto& [k, rows] : old_rows) {
        auto now = new_rows.find(k);
        std::size_t matched = now == new_rows.end() ? 0 : std::min(now->second.size(), rows.size());
        for (std::size_t i = matched; i < rows.size(); ++i) diff.removed.push_back(row_of(before, rows[i], k));
    }
    // by key as people read them; a key's repeated rows keep their order
    KeyOrder order;
    auto by_key = [&](const auto& a, const auto& b) { return order(a.key, b.key); };
    std::stable_sort(diff.added.begin(), diff.added.end(), by_key);
    std::stable_sort(diff.removed.begin(), diff.removed.end(), by_key);
    std::stable_sort(diff.changed.begin(), diff.changed.end(), by_key);
    return diff;
}

std::string format_diff(const DataDiff& diff, const std::string& before_name, const std::string& after_name) {
    std::string out = before_name + " -> " + after_name + ", rows matched by " + diff.key + ": " +
                      std::to_string(diff.rows_before) + " rows -> " + std::to_string(diff.rows_after) + "; " +
                      std::to_string(diff.added.size()) + " added, " + std::to_string(diff.removed.size()) + " removed, " +
                      std::to_string(diff.changed.size()) + " changed, " + std::to_string(diff.unchanged) + " unchanged\n";
    for (const auto& c : diff.columns_added) out += "+ column " + c + "\n";
    for (const auto& c : diff.columns_removed) out += "- column " + c + "\n";
    for (const auto& row : diff.added) {
        out += "+ " + row.key + "  (" + where(row.pos) + ")\n";
        for (const auto& [column, value] : row.fields) {
            if (column != diff.key && !value.empty()) out += "    " + column + ": " + shown(value) + "\n";
        }
    }
    for (const auto& row : diff.removed) {
        out += "- " + row.key + "  (" + where(row.pos) + ")\n";
        for (const auto& [column, value] : row.fields) {
            if (column != diff.key && !value.empty()) out += "    " + column + ": " + shown(value) + "\n";
        }
    }
    for (const auto& change : diff.changed) {
        out += "~ " + change.key + "  (" + where(change.before) + " -> " + where(change.after) + ")\n";
        for (const auto& f : change.fields) out += "    " + f.column + ": " + shown(f.before) + " -> " + shown(f.after) + "\n";
    }
    return out;
}

std::string format_diff_json(const DataDiff& diff, const std::string& before_name, const std::string& after_name) {
    auto fields = [](const DataDiff::Row& row) {
        std::string out = "{";
        for (std::size_t i = 0; i < row.fields.size(); ++i) {
            out += (i ? ", " : "") + json_string(row.fields[i].first) + ": " + json_string(row.fields[i].second);
        }
        return out + "}";
    };
    auto rows = [&](const std::vector<DataDiff::Row>& list) {
        std::string out = "[";
        for (std::size_t i = 0; i < list.size(); ++i) {
            out += std::string(i ? "," : "") + "\n    {\"key\": " + json_string(list[i].key) +
                   ", \"at\": " + json_string(where(list[i].pos)) + ", \"fields\": " + fields(list[i]) + "}";
        }
        return out + (list.empty() ? "]" : "\n  ]");
    };
    std::string changed = "[";
    for (std::size_t i = 0; i < diff.changed.size(); ++i) {
        const auto& c = diff.changed[i];
        changed += std::string(i ? "," : "") + "\n    {\"key\": " + json_string(c.key) + ", \"old_at\": " +
                   json_string(where(c.before)) + ", \"new_at\": " + json_string(where(c.after)) + ", \"fields\": {";
        for (std::size_t f = 0; f < c.fields.size(); ++f) {
            changed += (f ? ", " : "") + json_string(c.fields[f].column) + ": {\"old\": " + json_string(c.fields[f].before) +
                       ", \"new\": " + json_string(c.fields[f].after) + "}";
        }
        changed += "}}";
    }
    changed += diff.changed.empty() ? "]" : "\n  ]";
    return "{\n  \"old\": " + json_string(before_name) + ",\n  \"new\": " + json_string(after_name) +
           ",\n  \"key\": " + json_string(diff.key) + ",\n  \"rows\": {\"old\": " + std::to_string(diff.rows_before) +
           ", \"new\": " + std::to_string(diff.rows_after) + "},\n  \"columns\": {\"added\": " + json_list(diff.columns_added) +
           ", \"removed\": " + json_list(diff.columns_removed) + "},\n  \"added\": " + rows(diff.added) +
           ",\n  \"removed\": " + rows(diff.removed) + ",\n  \"changed\": " + changed +
           ",\n  \"unchanged\": " + std::to_string(diff.unchanged) + "\n}\n";
}

}  // namespace compose::source
