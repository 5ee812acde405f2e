#include "compose/source/number_format.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <vector>

namespace compose::source {

namespace {

struct Token {
    enum Kind { Literal, Date, AmPm, Digit, Point, Comma, Exponent, General, Text } kind;
    std::string text;  // Literal: the text; Date: "yyyy", "mm", "[h]", ".00"; Digit: "0", "#", "?"; AmPm: "AM/PM", "A/P"
};

char lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

bool starts_with_ci(std::string_view s, std::size_t i, std::string_view word) {
    if (s.size() - i < word.size()) return false;
    for (std::size_t k = 0; k < word.size(); ++k) {
        if (lower(s[i + k]) != lower(word[k])) return false;
    }
    return true;
}

// The sections of a format code: positive;negative;zero;text.
std::vector<std::string_view> sections_of(std::string_view code) {
    std::vector<std::string_view> out;
    std::size_t start = 0;
    bool quoted = false, bracket = false;
    for (std::size_t i = 0; i < code.size(); ++i) {
        char c = code[i];
        if (quoted) {
            if (c == '"') quoted = false;
        } else if (bracket) {
            if (c == ']') bracket = false;
        } else if (c == '"') quoted = true;
        else if (c == '[') bracket = true;
        else if (c == '\\' || c == '_' || c == '*') ++i;
        else if (c == ';') {
            out.push_back(code.substr(start, i - start));
            start = i + 1;
        }
    }
    out.push_back(code.substr(start));
    return out;
}

std::vector<Token> tokenize(std::string_view s) {
    std::vector<Token> tokens;
    auto literal = [&](std::string text) {
        if (!tokens.empty() && tokens.back().kind == Token::Literal) tokens.back().text += text;
        else tokens.push_back({Token::Literal, std::move(text)});
    };
    bool after_seconds = false;  // a point after seconds starts their fraction: "ss.00"
    for (std::size_t i = 0; i < s.size();) {
        char c = s[i];
        char l = lower(c);
        if (c == '"') {
            std::size_t end = s.find('"', i + 1);
            if (end == std::string_view::npos) end = s.size();
            literal(std::string(s.substr(i + 1, end - i - 1)));
            i = end + 1;
        } else if (c == '\\') {
            if (i + 1 < s.size()) literal(std::string(1, s[i + 1]));
            i += 2;
        } else if (c == '_') {  // the width of the next character: a space
            literal(" ");
            i += 2;
        } else if (c == '*') {  // repeat to fill the cell: nothing in text
            i += 2;
        } else if (c == '[') {
            std::size_t end = s.find(']', i);
            if (end == std::string_view::npos) end = s.size();
            std::string inside(s.substr(i + 1, end - i - 1));
            std::string li;
            for (char ch : inside) li += lower(ch);
            if (li == "h" || li == "hh" || li == "m" || li == "mm" || li == "s" || li == "ss") {
                tokens.push_back({Token::Date, "[" + li + "]"});
            } else if (!inside.empty() && inside[0] == '$') {  // [$€-407]: a currency symbol and a locale
                literal(inside.substr(1, inside.find('-') == std::string::npos ? std::string::npos : inside.find('-') - 1));
            }  // colours and conditions show nothing
            i = end + 1;
        } else if (starts_with_ci(s, i, "AM/PM")) {
            tokens.push_back({Token::AmPm, "AM/PM"});
            i += 5;
        } else if (starts_with_ci(s, i, "A/P")) {
            tokens.push_back({Token::AmPm, "A/P"});
            i += 3;
        } else if (starts_with_ci(s, i, "General")) {
            tokens.push_back({Token::General, ""});
            i += 7;
        } else if (l == 'y' || l == 'm' || l == 'd' || l == 'h' || l == 's') {
            std::size_t j = i;
            while (j < s.size() && lower(s[j]) == l) ++j;
            tokens.push_back({Token::Date, std::string(j - i, l)});
            after_seconds = l == 's';
            i = j;
            continue;
        } else if (c == '.' && after_seconds && i + 1 < s.size() && s[i + 1] == '0') {
            std::size_t j = i + 1;
            while (j < s.size() && s[j] == '0') ++j;
            tokens.push_back({Token::Date, std::string(s.substr(i, j - i))});
            i = j;
        } else if (c == '0' || c == '#' || c == '?') {
            tokens.push_back({Token::Digit, std::string(1, c)});
            ++i;
        } else if (c == '.') {
            tokens.push_back({Token::Point, "."});
            ++i;
        } else if (c == ',') {
            tokens.push_back({Token::Comma, ","});
            ++i;
        } else if ((c == 'E' || c == 'e') && i + 1 < s.size() && (s[i + 1] == '+' || s[i + 1] == '-')) {
            tokens.push_back({Token::Exponent, std::string(1, s[i + 1])});
            i += 2;
        } else if (c == '@') {
            tokens.push_back({Token::Text, ""});
            ++i;
        } else {
            literal(std::string(1, c));
            ++i;
        }
        after_seconds = false;
    }
    return tokens;
}

bool has_date(const std::vector<Token>& tokens) {
    for (const auto& t : tokens) {
        if (t.kind == Token::Date || t.kind == Token::AmPm) return true;
    }
    return false;
}

const char* const kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                               "July",    "August",   "September", "October", "November", "December"};
const char* const kDays[] = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};

std::string two(long n) {
    char buf[24];
    std::snprintf(buf, sizeof buf, "%02ld", n);
    return buf;
}

std::string format_date(double value, const std::vector<Token>& tokens, bool date1904) {
    using namespace std::chrono;
    if (value < 0 || value > 2958465.0) return format_general(value);  // before 1900 or after 9999: Excel shows ####
    int fraction_digits = 0;
    for (const auto& t : tokens) {
        // spreadsheets show at most thousandths of a second
        if (t.kind == Token::Date && t.text[0] == '.') fraction_digits = std::min(3, static_cast<int>(t.text.size()) - 1);
    }
    // to the precision shown: whole seconds, or the fraction's digits
    double scale = std::pow(10.0, fraction_digits);
    double units = std::round(value * 86400.0 * scale);
    long long whole_seconds = static_cast<long long>(std::floor(units / scale));
    long long fraction = static_cast<long long>(units - static_cast<double>(whole_seconds) * scale);
    long long serial = whole_seconds / 86400;
    long long seconds = whole_seconds % 86400;

    year_month_day date{};
    bool fake_leap_day = false;  // 1900-02-29, which Excel counts as day 60 (Lotus 1-2-3's bug)
    if (date1904) date = year_month_day{sys_days{year{1904} / 1 / 1} + days{serial}};
    else if (serial == 60) fake_leap_day = true;
    else if (serial < 60) date = year_month_day{sys_days{year{1899} / 12 / 31} + days{serial}};
    else date = year_month_day{sys_days{year{1899} / 12 / 30} + days{serial}};
    int y = fake_leap_day ? 1900 : int(date.year());
    unsigned mo = fake_leap_day ? 2 : unsigned(date.month());
    unsigned d = fake_leap_day ? 29 : unsigned(date.day());
    unsigned wd = fake_leap_day ? 4 : weekday{sys_days{date}}.c_encoding();
    long h = static_cast<long>(seconds / 3600), mi = static_cast<long>(seconds / 60 % 60), s = static_cast<long>(seconds % 60);

    bool twelve = false;
    for (const auto& t : tokens) twelve = twelve || t.kind == Token::AmPm;
    // "m" is minutes after an hour or before a second, months otherwise
    std::vector<bool> minutes(tokens.size(), false);
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        if (tokens[i].kind != Token::Date || tokens[i].text[0] != 'm' || tokens[i].text.size() > 2) continue;
        for (std::size_t j = i; j-- > 0;) {
            if (tokens[j].kind != Token::Date) continue;
            minutes[i] = tokens[j].text[0] == 'h' || tokens[j].text == "[h]" || tokens[j].text == "[hh]";
            break;
        }
        for (std::size_t j = i + 1; j < tokens.size() && !minutes[i]; ++j) {
            if (tokens[j].kind != Token::Date) continue;
            minutes[i] = tokens[j].text[0] == 's' || tokens[j].text == "[s]" || tokens[j].text == "[ss]";
            break;
        }
    }
    std::string out;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const auto& t = tokens[i];
        const std::string& x = t.text;
        switch (t.kind) {
        case Token::Date:
            if (x[0] == 'y') out += x.size() <= 2 ? two(y % 100) : std::to_string(y);
            else if (x[0] == 'm' && minutes[i]) out += x.size() == 1 ? std::to_string(mi) : two(mi);
            else if (x[0] == 'm') {
                if (x.size() == 1) out += std::to_string(mo);
                else if (x.size() == 2) out += two(mo);
                else if (x.size() == 3) out += std::string(kMonths[mo - 1]).substr(0, 3);
                else if (x.size() == 5) out += kMonths[mo - 1][0];
                else out += kMonths[mo - 1];
            } else if (x[0] == 'd') {
                if (x.size() == 1) out += std::to_string(d);
                else if (x.size() == 2) out += two(d);
                else if (x.size() == 3) out += std::string(kDays[wd]).substr(0, 3);
                else out += kDays[wd];
            } else if (x[0] == 'h') {
                long hh = twelve ? (h % 12 == 0 ? 12 : h % 12) : h;
                out += x.size() == 1 ? std::to_string(hh) : two(hh);
            } else if (x[0] == 's') out += x.size() == 1 ? std::to_string(s) : two(s);
            else if (x[0] == '.') {
                std::string digits = std::to_string(fraction);
                out += "." + std::string(static_cast<std::size_t>(fraction_digits) - std::min(digits.size(), std::size_t(fraction_digits)), '0') + digits;
            } else if (x == "[h]" || x == "[hh]") out += (x == "[h]" ? std::to_string(serial * 24 + h) : two(serial * 24 + h));
            else if (x == "[m]" || x == "[mm]") out += std::to_string(whole_seconds / 60);
            else if (x == "[s]" || x == "[ss]") out += std::to_string(whole_seconds);
            break;
        case Token::AmPm: out += x == "A/P" ? (h < 12 ? "A" : "P") : (h < 12 ? "AM" : "PM"); break;
        case Token::General: out += format_general(value); break;
        case Token::Digit: out += x == "0" ? "0" : ""; break;
        case Token::Point: out += "."; break;
        case Token::Comma: out += ","; break;
        default: out += x; break;
        }
    }
    return out;
}

std::string format_digits(double value, const std::vector<Token>& tokens) {
    // what the pattern asks for: placeholders before and after the point, grouping, scaling
    std::vector<std::size_t> int_slots, dec_slots, exp_slots;
    bool point = false, exponent = false, grouping = false;
    int percent = 0, scale_thousands = 0;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const auto& t = tokens[i];
        if (t.kind == Token::Digit) (exponent ? exp_slots : point ? dec_slots : int_slots).push_back(i);
        else if (t.kind == Token::Point && !exponent) point = true;
        else if (t.kind == Token::Exponent) exponent = true;
        else if (t.kind == Token::Literal) {
            for (char c : t.text) percent += c == '%';
        } else if (t.kind == Token::Comma && !point && !exponent) {
            bool digit_before = !int_slots.empty();
            bool digit_after = i + 1 < tokens.size() && tokens[i + 1].kind == Token::Digit;
            if (digit_before && digit_after) grouping = true;
            else if (digit_before) ++scale_thousands;
        }
    }
    if (int_slots.empty() && dec_slots.empty()) {
        // no digits: the section's text ("none"), or General within it
        std::string out;
        for (const auto& t : tokens) {
            if (t.kind == Token::Literal) out += t.text;
            else if (t.kind == Token::General || t.kind == Token::Text) out += format_general(std::fabs(value));
        }
        return out;
    }
    double v = std::fabs(value) * std::pow(100.0, percent) / std::pow(1000.0, scale_thousands);

    int exp10 = 0;
    if (exponent) {
        int step = std::max<int>(1, static_cast<int>(int_slots.size()));
        if (v != 0) {
            exp10 = static_cast<int>(std::floor(std::log10(v)));
            if (step > 1 && int_slots.size() > 1 && tokens[int_slots.front()].text == "#") {
                exp10 = static_cast<int>(std::floor(double(exp10) / step)) * step;  // engineering: ##0.0E+0
            } else exp10 -= static_cast<int>(int_slots.size()) - 1;
            v /= std::pow(10.0, exp10);
        }
    }
    char buf[400];
    const int decimals = static_cast<int>(std::min<std::size_t>(dec_slots.size(), 30));  // more is noise in a double
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    std::string fixed = buf;
    if (exponent && fixed.find('.') != std::string::npos && fixed.substr(0, fixed.find('.')).size() > std::max<std::size_t>(1, int_slots.size())) {
        // rounding carried into another digit (9.99 -> 10.0)
        v /= 10;
        ++exp10;
        std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
        fixed = buf;
    }
    std::size_t dot = fixed.find('.');
    std::string int_digits = fixed.substr(0, dot);
    std::string dec_digits = dot == std::string::npos ? "" : fixed.substr(dot + 1);
    if (int_digits == "0") int_digits.clear();
    if (grouping) {
        for (int k = static_cast<int>(int_digits.size()) - 3; k > 0; k -= 3) int_digits.insert(static_cast<std::size_t>(k), ",");
    }
    // integer digits fill the slots from the right; the leftmost slot takes all that are left
    std::vector<std::string> fill(tokens.size());
    {
        std::size_t have = int_digits.size();
        for (std::size_t k = int_slots.size(); k-- > 0;) {
            std::size_t slot = int_slots[k];
            if (k == 0) fill[slot] = int_digits.substr(0, have);
            else if (have > 0) {
                // a grouping comma goes with the digit on its left
                std::size_t take = (have >= 2 && int_digits[have - 1] == ',') ? 2 : 1;
                fill[slot] = int_digits.substr(have - take, take);
                have -= take;
                continue;
            }
            if (fill[slot].empty()) fill[slot] = tokens[slot].text == "0" ? "0" : tokens[slot].text == "?" ? " " : "";
            if (k == 0) break;
        }
    }
    // decimals from the left; optional ones (#) drop trailing zeros
    std::size_t last_shown = dec_digits.size();
    while (last_shown > 0 && tokens[dec_slots[last_shown - 1]].text != "0" && dec_digits[last_shown - 1] == '0') --last_shown;
    for (std::size_t k = 0; k < dec_slots.size(); ++k) {
        const std::string& p = tokens[dec_slots[k]].text;
        fill[dec_slots[k]] = k < last_shown ? std::string(1, dec_digits[k]) : p == "?" ? " " : "";
    }
    if (exponent) {
        std::string e = std::to_string(std::abs(exp10));
        while (e.size() < exp_slots.size()) e.insert(e.begin(), '0');
        for (std::size_t k = 0; k < exp_slots.size(); ++k) fill[exp_slots[k]] = k == 0 ? e : "";
    }
    std::string out;
    bool point_done = false;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const auto& t = tokens[i];
        switch (t.kind) {
        case Token::Digit: out += fill[i]; break;
        case Token::Point:
            if (!point_done) out += ".";
            point_done = true;
            break;
        case Token::Comma: break;
        case Token::Exponent: out += std::string("E") + (exp10 < 0 ? "-" : t.text == "+" ? "+" : ""); break;
        case Token::General: out += format_general(v); break;
        case Token::Text: out += format_general(v); break;
        case Token::Date:
        case Token::AmPm: break;
        case Token::Literal: out += t.text; break;
        }
    }
    return out;
}

}  // namespace

std::string builtin_number_format(int id) {
    switch (id) {
    case 1: return "0";
    case 2: return "0.00";
    case 3: return "#,##0";
    case 4: return "#,##0.00";
    case 5: return "\"$\"#,##0_);(\"$\"#,##0)";
    case 6: return "\"$\"#,##0_);[Red](\"$\"#,##0)";
    case 7: return "\"$\"#,##0.00_);(\"$\"#,##0.00)";
    case 8: return "\"$\"#,##0.00_);[Red](\"$\"#,##0.00)";
    case 9: return "0%";
    case 10: return "0.00%";
    case 11: return "0.00E+00";
    case 14: return "m/d/yyyy";
    case 15: return "d-mmm-yy";
    case 16: return "d-mmm";
    case 17: return "mmm-yy";
    case 18: return "h:mm AM/PM";
    case 19: return "h:mm:ss AM/PM";
    case 20: return "h:mm";
    case 21: return "h:mm:ss";
    case 22: return "m/d/yyyy h:mm";
    case 37: return "#,##0_);(#,##0)";
    case 38: return "#,##0_);[Red](#,##0)";
    case 39: return "#,##0.00_);(#,##0.00)";
    case 40: return "#,##0.00_);[Red](#,##0.00)";
    case 45: return "mm:ss";
    case 46: return "[h]:mm:ss";
    case 47: return "mm:ss.0";
    case 48: return "##0.0E+0";
    case 49: return "@";
    default: return "General";
    }
}

bool is_date_format(std::string_view code) {
    for (auto section : sections_of(code)) {
        if (has_date(tokenize(section))) return true;
    }
    return false;
}

std::string format_general(double value) {
    if (std::isnan(value) || std::isinf(value)) return "#NUM!";
    if (value == 0) return "0";
    double a = std::fabs(value);
    char buf[64];
    if (a >= 1e11 || a < 1e-9) {
        std::snprintf(buf, sizeof buf, "%.5E", value);
        std::string s = buf;  // 1.23457E+11; trailing zeros of the mantissa go
        std::size_t e = s.find('E');
        std::string mantissa = s.substr(0, e), exp = s.substr(e);
        while (mantissa.back() == '0') mantissa.pop_back();
        if (mantissa.back() == '.') mantissa.pop_back();
        // E+011 -> E+11 (at least two digits, as Excel shows)
        std::string digits = exp.substr(2);
        while (digits.size() > 2 && digits[0] == '0') digits.erase(0, 1);
        return mantissa + exp.substr(0, 2) + digits;
    }
    // up to 10 significant digits, never in scientific notation here
    int magnitude = static_cast<int>(std::floor(std::log10(a)));
    int decimals = std::max(0, 9 - magnitude);
    std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
    std::string s = buf;
    if (s.find('.') != std::string::npos) {
        while (s.back() == '0') s.pop_back();
        if (s.back() == '.') s.pop_back();
    }
    if (s == "-0") s = "0";
    return s;
}

std::string format_number(double value, std::string_view code, bool date1904) {
    if (std::isnan(value) || std::isinf(value)) return "#NUM!";
    auto sections = sections_of(code);
    std::string_view section = sections[0];
    bool sign_in_section = false;  // the negative section shows its own sign (or parentheses)
    if (sections.size() >= 3 && value == 0) section = sections[2];
    else if (sections.size() >= 2 && value < 0) {
        section = sections[1];
        sign_in_section = true;
    }
    auto tokens = tokenize(section);
    if (tokens.empty()) return sections.size() > 1 ? "" : format_general(value);  // "0;-0;" hides zeros
    if (tokens.size() == 1 && tokens[0].kind == Token::General) return format_general(value);
    if (has_date(tokens)) return format_date(value, tokens, date1904);
    std::string out = format_digits(value, tokens);
    if (value < 0 && !sign_in_section) {
        // no minus for a value that rounds to zero as shown
        bool nonzero = out.find_first_of("123456789") != std::string::npos;
        if (nonzero) out = "-" + out;
    }
    return out;
}

}  // namespace compose::source
