#include "compose/source/text_encoding.h"

#include <algorithm>
#include <cstdio>
#include <memory>
#include <vector>

#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include "compose/base/line_map.h"
#include "compose/base/utf8.h"

namespace compose::source {

namespace {

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

const std::string_view kUtf8Bom = "\xEF\xBB\xBF";
const std::string_view kUtf16LeBom = "\xFF\xFE";
const std::string_view kUtf16BeBom = "\xFE\xFF";

std::string lower(std::string_view s) {
    std::string out(s);
    for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::string hex_byte(unsigned char b) {
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%02X", b);
    return hex;
}

std::string attribute(Encoding e) { return std::string("encoding=\"") + encoding_name(e) + "\""; }

struct ConverterCloser {
    void operator()(UConverter* c) const { ucnv_close(c); }
};

// Whether every byte is a character of Windows-1252 (five bytes of 0x80–0x9F are not).
bool is_windows_1252(std::string_view bytes) {
    return std::none_of(bytes.begin(), bytes.end(), [](char c) {
        auto b = static_cast<unsigned char>(c);
        return b == 0x81 || b == 0x8D || b == 0x8F || b == 0x90 || b == 0x9D;
    });
}

std::optional<std::string> check_utf8_text(const std::string& file_name, std::string bytes, base::Diagnostics& diags) {
    auto bad = base::find_invalid_utf8(bytes);
    if (!bad) {
        if (starts_with(bytes, kUtf8Bom)) bytes.erase(0, kUtf8Bom.size());
        return bytes;
    }
    base::LineMap map(file_name, bytes);
    std::vector<std::string> hints = {"save the file as UTF-8"};
    if (is_windows_1252(bytes)) {
        hints.push_back("or, if a spreadsheet saved it in its legacy encoding (\"ANSI\", Western European), add " +
                        attribute(Encoding::Windows1252) + " to its <data>");
    }
    diags.error(map.at(*bad), "invalid UTF-8: byte " + hex_byte(static_cast<unsigned char>(bytes[*bad])) +
                                  " does not start a valid sequence",
                std::move(hints));
    return std::nullopt;
}

// Converts `bytes` (after `skip` bytes of byte order mark) from ICU's converter `icu_name`; a byte
// sequence that is no character stops the conversion with an error at its line:col.
std::optional<std::string> convert(const std::string& file_name, std::string_view bytes, std::size_t skip,
                                   const char* icu_name, const char* what, base::Diagnostics& diags) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UConverter, ConverterCloser> conv(ucnv_open(icu_name, &status));
    if (U_FAILURE(status)) {
        diags.error({std::make_shared<const std::string>(file_name)},
                    std::string("cannot convert from ") + what + ": ICU has no converter for it (" + u_errorName(status) + ")");
        return std::nullopt;
    }
    // stop at the first byte sequence that is not a character instead of substituting U+FFFD
    ucnv_setToUCallBack(conv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
    std::vector<UChar> units(bytes.size() + 1);  // never more UTF-16 units than bytes in these encodings
    UChar* target = units.data();
    const char* source = bytes.data() + skip;
    const char* const source_end = bytes.data() + bytes.size();
    ucnv_toUnicode(conv.get(), &target, units.data() + units.size(), &source, source_end, nullptr, true, &status);
    std::string utf8;
    icu::UnicodeString(units.data(), static_cast<int32_t>(target - units.data())).toUTF8String(utf8);
    if (U_SUCCESS(status)) return utf8;

    // where: the position after the text converted so far; the bad bytes are the ones ICU kept
    char invalid[32];
    int8_t invalid_length = sizeof invalid;
    UErrorCode ignored = U_ZERO_ERROR;
    ucnv_getInvalidChars(conv.get(), invalid, &invalid_length, &ignored);
    if (U_FAILURE(ignored)) invalid_length = 0;
    base::LineMap map(file_name, utf8);
    base::SourcePos at = map.at(utf8.size());
    std::string shown;
    for (int8_t i = 0; i < invalid_length; ++i) shown += (i ? " " : "") + hex_byte(static_cast<unsigned char>(invalid[i]));
    if (status == U_TRUNCATED_CHAR_FOUND) {
        diags.error(at, std::string("the file ends inside a character (") + what + ")", {"is the file truncated?"});
    } else {
        diags.error(at, (invalid_length == 1 ? "byte " : "bytes ") + shown + " " + (invalid_length == 1 ? "is" : "are") +
                            " not a character in " + what,
                    {"check the <data>'s encoding= against the encoding the file was saved in"});
    }
    return std::nullopt;
}

}  // namespace

std::optional<Encoding> encoding_named(std::string_view name) {
    std::string n = lower(name);
    if (n == "utf-8" || n == "utf8") return Encoding::Utf8;
    if (n == "utf-16" || n == "utf16") return Encoding::Utf16;
    if (n == "windows-1252" || n == "cp1252") return Encoding::Windows1252;
    if (n == "iso-8859-1" || n == "latin1" || n == "latin-1") return Encoding::Latin1;
    return std::nullopt;
}

const char* encoding_name(Encoding e) {
    switch (e) {
    case Encoding::Utf8: return "UTF-8";
    case Encoding::Utf16: return "UTF-16";
    case Encoding::Windows1252: return "windows-1252";
    case Encoding::Latin1: return "ISO-8859-1";
    }
    return "UTF-8";
}

std::string encoding_names() { return "UTF-8, UTF-16, windows-1252 or ISO-8859-1"; }

std::optional<std::string> decode_text(const std::string& file_name, std::string bytes,
                                       std::optional<Encoding> given, base::Diagnostics& diags) {
    const bool utf8_bom = starts_with(bytes, kUtf8Bom);
    const bool utf16_bom = starts_with(bytes, kUtf16LeBom) || starts_with(bytes, kUtf16BeBom);
    auto start = [&] { return base::SourcePos{std::make_shared<const std::string>(file_name), 1, 1}; };
    // A byte order mark says what the file is; one that contradicts encoding= is an error, not a guess.
    if (!given && utf16_bom) given = Encoding::Utf16;
    Encoding encoding = given.value_or(Encoding::Utf8);
    if (utf16_bom && encoding != Encoding::Utf16) {
        diags.error(start(), "the file starts with UTF-16's byte order mark, but its <data> says " + attribute(encoding),
                    {"write " + attribute(Encoding::Utf16) + ", or leave encoding= out"});
        return std::nullopt;
    }
    if (utf8_bom && encoding != Encoding::Utf8) {
        diags.error(start(), "the file starts with UTF-8's byte order mark, but its <data> says " + attribute(encoding),
                    {"leave encoding= out: the file is UTF-8"});
        return std::nullopt;
    }
    switch (encoding) {
    case Encoding::Utf8: return check_utf8_text(file_name, std::move(bytes), diags);
    case Encoding::Utf16:
        if (!utf16_bom) {
            diags.error(start(), "a UTF-16 file must start with a byte order mark, and this one does not",
                        {"save it as \"Unicode text\" (UTF-16 with a byte order mark), or as UTF-8 and leave encoding= out"});
            return std::nullopt;
        }
        return convert(file_name, bytes, 2, starts_with(bytes, kUtf16LeBom) ? "UTF-16LE" : "UTF-16BE", "UTF-16", diags);
    case Encoding::Windows1252: return convert(file_name, bytes, 0, "windows-1252", "Windows-1252", diags);
    case Encoding::Latin1: return convert(file_name, bytes, 0, "ISO-8859-1", "ISO-8859-1", diags);
    }
    return std::nullopt;
}

}  // namespace compose::source
