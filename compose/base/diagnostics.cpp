#include "compose/base/diagnostics.h"

#include <string_view>

namespace compose::base {

const std::string& SourcePos::file_name() const {
    static const std::string none = "<input>";
    return file ? *file : none;
}

std::string format(const Diagnostic& d) {
    std::string out;
    if (d.pos.file) {
        out += *d.pos.file;
        if (d.pos.line > 0) {
            out += ':' + std::to_string(d.pos.line) + ':' + std::to_string(d.pos.col);
        }
        out += ": ";
    }
    switch (d.severity) {
    case Severity::Error: out += "error: "; break;
    case Severity::Warning: out += "warning: "; break;
    case Severity::Note: out += "note: "; break;
    }
    out += d.message;
    for (const auto& h : d.hints) out += "; " + h;
    return out;
}

// The stable codes. Stages say what is wrong in words; the code is found here from the words, so
// that one table names every code and the stages' call sites stay as they are. More specific
// patterns come before more general ones. tests/diagnostics checks that every diagnostic of the
// broken-input corpus has a code other than "unclassified", and that the README lists them all.
const std::vector<DiagnosticCode>& diagnostic_codes() {
    static const std::vector<DiagnosticCode> codes = {
        // reading files
        {"file-unreadable", "cannot read '", "a file named by the source cannot be opened or read"},
        {"file-too-large", "' is longer than the limit of ", "a source, data or layout file is over the file-size limit"},
        {"invalid-utf8", "invalid UTF-8: ", "a text file is not valid UTF-8"},
        {"malformed-xml", "malformed XML: ", "the XML is not well-formed"},
        {"doctype", "a DOCTYPE is not allowed", "a source or layout has a DOCTYPE (no DTD or entity is ever read)"},
        {"depth-limit", "elements are nested more than ", "elements nested beyond the depth limit"},
        {"elements-limit", "the file has more than * elements", "more elements than the elements limit"},
        // structure of the source
        {"unknown-element", "unknown element <", "an element compose does not know, or not where it stands"},
        {"element-not-allowed", "element <* is not allowed in <", "a known element in a place it may not stand"},
        {"unknown-attribute", "unknown attribute '", "an attribute the element does not take"},
        {"missing-attribute", "> needs the attribute '", "an element lacks a required attribute"},
        {"missing-attribute", "<style> needs the attribute 'name'", "an element lacks a required attribute"},
        {"missing-child", "> needs a", "an element lacks a required child (a heading, a lead, a speaker, ...)"},
        {"heading-position", "<h> must come first in its <", "a heading that is not first in its section"},
        {"stray-text", "text is not allowed directly in <", "text where only elements may stand"},
        {"mixed-variants", "> holds <t> variants and other content", "an element mixes <t> variants with other content"},
        {"plain-text-only", "> holds plain text only, not <", "markup inside an element that holds plain text only"},
        {"duplicate-variant", "a second <t> in '", "two <t> variants in the same language"},
        {"translation-fallback", "' text stands in, marked", "a missing translation replaced by --fallback's text (warning)"},
        {"missing-translation", "> has no '* text", "a text has no variant in the edition's language"},
        {"stale-translation", "' text was translated from an earlier '", "a translation whose source-language text changed since it was marked (warning)"},
        {"text-too-large", " bytes of text, more than the limit of ", "a paragraph or cell over its size limit"},
        {"duplicate-id", "duplicate id '", "two elements with the same id"},
        {"dangling-ref", "reference to '*', which no element has as its id", "a <ref> to an id no element has"},
        {"ref-not-empty", "<ref> is empty: its label is generated", "text inside a <ref>"},
        {"bad-date", "' is not a date", "a date that is not a valid YYYY-MM-DD"},
        {"bad-date-range", "the dates end (", "dates that end before they begin, or (compose new) run over 31 days"},
        {"bad-date-range", "the Dialogue's days run from ", "dates that end before they begin, or (compose new) run over 31 days"},
        {"bad-time", "' is not a time", "a time that is not HH:MM"},
        {"agenda-day-outside", "the agenda's day * is outside the meeting's dates", "an agenda day outside the meeting's <dates> (warning)"},
        {"bad-value", "' is not one of ", "an attribute value outside its list (placement, slot kind)"},
        {"bad-value", "' is not contain or cover", "an attribute value outside its list (placement, slot kind)"},
        {"bad-value", "' is not a percentage from 1% to 100%", "an attribute value outside its list (placement, slot kind)"},
        {"bad-hyphenation-word", "<word> is one word with hyphens", "a <hyphenation> word that is not one hyphenated word"},
        {"bad-alias", "<alias> gives either ", "an <alias> with the wrong attributes"},
        {"link-too-long", "the link's address is ", "a link address longer than a PDF holds"},
        {"link-scheme", "link address '", "a link that is not http:, https: or mailto:"},
        // data files and tables
        {"data-outside", "data file '*' is outside ", "a data file outside the source's folder (or --root)"},
        {"data-not-found", "data file '*' not found", "a data file that does not exist"},
        {"data-not-regular", "data file '*' is not a regular file", "a data file that is a folder, FIFO or device"},
        {"data-named-twice", "data file '*' is named twice", "two <data> naming the same file"},
        {"data-kind", "' is neither a table (", "a data file that is neither a table nor an agenda"},
        {"xls-unreadable", "cannot read the file as an Excel 97-2003 workbook: ", "an .xls file FreeXL cannot read (truncated, corrupt)"},
        {"xls-unreadable", "the workbook is saved with a password", "an .xls file FreeXL cannot read (truncated, corrupt)"},
        {"data-is-agenda", "' is an agenda, not a table of data", "a table naming an agenda as its data"},
        {"unknown-column", "' has no column '", "a table or correction naming a column the data lacks"},
        {"unknown-key", "no row of '", "a correction naming a key no row has"},
        {"table-columns", "<column> describes a column of data", "<column> in a table without data="},
        {"table-columns", "a table of data needs at least one <column>", "<column> in a table without data="},
        {"bad-filter", "filter condition '", "a table filter that is not field=value, field!=value or field~text"},
        {"rows-limit", " has more than * rows", "more rows than the rows limit"},
        {"columns-limit", "a table row has more than ", "more cells or fields than the columns limit"},
        {"columns-limit", "a row has more than ", "more cells or fields than the columns limit"},
        {"cell-size-limit", "a field holds ", "a table cell or CSV field over the cell-size limit"},
        {"data-size-limit", " of memory as a table (its cells' text, and ", "a data file's table over the data-size limit"},
        {"cell-size-limit", "a table cell holds ", "a table cell or CSV field over the cell-size limit"},
        {"csv-quote", "quoted field is never closed", "a CSV quote that is not closed or not where it may be"},
        {"csv-quote", "unexpected character after a closing quote", "a CSV quote that is not closed or not where it may be"},
        {"csv-quote", "quoted field is not closed on its line", "a CSV quote that is not closed or not where it may be"},
        {"csv-quote", "quote inside an unquoted field", "a CSV quote that is not closed or not where it may be"},
        {"csv-empty", "data file is empty", "a CSV file with no header row"},
        {"csv-header", "a column has no name", "a CSV header with an empty or repeated name"},
        {"csv-header", "column '*' is named twice", "a CSV header with an empty or repeated name"},
        {"csv-ragged-row", "row has * field", "a CSV row with more or fewer fields than the header"},
        // images
        {"image-outside", "image '*' is outside ", "an image outside the source's folder (or --root)"},
        {"image-not-found", "image '*' not found", "an image that does not exist (a warning with --draft)"},
        {"image-not-regular", "image '*' is not a regular file", "an image that is a folder, FIFO or device"},
        {"image-type", "' is not a PNG or JPEG file", "an image that is not PNG or JPEG, or not what its name says"},
        {"image-type", "image '*' is a * file named .", "an image that is not PNG or JPEG, or not what its name says"},
        {"image-type", "image '*' is not a * file", "an image that is not PNG or JPEG, or not what its name says"},
        {"image-corrupt", "image '*' is truncated", "a truncated or corrupt image"},
        {"image-corrupt", "image '*' is corrupt: ", "a truncated or corrupt image"},
        {"image-corrupt", "image '*' has no pixels", "a truncated or corrupt image"},
        {"image-corrupt", "image could not be read", "a truncated or corrupt image"},
        {"image-corrupt", "cannot read image '", "a truncated or corrupt image"},
        {"image-limit", "image '*' has *pixels, more than the limit", "an image over the image-pixels or image-size limit"},
        {"image-limit", "image '*' is larger than the limit of ", "an image over the image-pixels or image-size limit"},
        // people
        {"people-duplicate", "participant '*' is listed twice", "a participant listed twice in the data"},
        {"people-email", "' is not an email address", "a malformed email in the participants data"},
        {"people-accents", " only in accents or case", "a name that differs from a participant's only in accents"},
        {"people-ambiguous", " could be any of ", "a short name that could be several participants"},
        {"people-near-miss", " is close to participant '", "a name close to, but not, a participant's"},
        {"people-unknown", " is not among the participants", "a person named who is not a participant"},
        {"people-organization", ": organization '", "an organization that differs from the participants data's"},
        {"people-correction", "' of the data as received: ", "a correction applied (check --review-people)"},
        // layouts
        {"unknown-layout", "unknown layout '", "a layout name with no file in layouts/"},
        {"layout-missing-style", "layout has no style '", "a layout lacking a required style"},
        {"layout-style-twice", "style '*' is defined twice", "a style defined twice"},
        {"layout-base-style", "base style '", "a style based on one not defined before it"},
        {"layout-extends", "layouts extend each other", "a layout's extends= that cannot be followed"},
        {"layout-extends", "extends names a layout", "a layout's extends= that cannot be followed"},
        {"layout-length", "' is not a valid length for '", "a length that is not one (a number with pt, mm, cm or in) or is beyond 14,400pt"},
        {"layout-length", "' is too long for '", "a length that is not one (a number with pt, mm, cm or in) or is beyond 14,400pt"},
        {"layout-page-size", "unknown page size '", "a page size other than A4 or letter"},
        {"layout-value", " is a number from 1 to 4, not '", "a layout attribute value outside its list"},
        {"layout-value", " is a percentage from 0% to 100%, not '", "a layout attribute value outside its list"},
        {"layout-value", " is * or *, not '", "a layout attribute value outside its list"},
        {"layout-value", "color '*' is not #RRGGBB", "a layout attribute value outside its list"},
        {"layout-fit", "style '*' is taller than the page's text area", "a style or page setting that does not fit the page"},
        {"layout-fit", "style '*' leaves less than 36pt for text", "a style or page setting that does not fit the page"},
        {"layout-fit", " puts the page number below the page's edge", "a style or page setting that does not fit the page"},
        {"layout-fit", " puts the running head above the page's edge", "a style or page setting that does not fit the page"},
        {"layout-fit", " leave less than ", "a style or page setting that does not fit the page"},
        // fonts and text
        {"font-unusable", "not a usable font file", "a file in fonts/ that is not a usable font"},
        {"font-unusable", "not a usable TrueType font", "a file in fonts/ that is not a usable font"},
        {"font-unusable", "cannot open font", "a file in fonts/ that is not a usable font"},
        {"font-unusable", "cannot read font", "a file in fonts/ that is not a usable font"},
        {"font-unusable", "cannot read the fonts folder", "a file in fonts/ that is not a usable font"},
        {"font-embedding", "could not subset the font", "a font that could not be embedded in the PDF"},
        {"font-embedding", "libharu could not create the font objects", "a font that could not be embedded in the PDF"},
        {"no-fonts", "no fonts are available", "no font at all in fonts/"},
        {"font-family", "font family '*' is not among the bundled fonts", "a layout's family that no bundled font has"},
        {"missing-glyph", "no bundled font has the character ", "a character no bundled font can show"},
        {"marks-limit", " combining marks in a row on one letter", "more combining marks on one letter than the marks limit"},
        {"no-hyphenation", "no hyphenation patterns for language '", "a language without hyphenation patterns (warning)"},
        // lines and pages
        {"overfull-word", "is wider than its column and has no break opportunity", "a word wider than its column"},
        {"underfull-line", "underfull line (badness ", "a line whose spaces stretch far (note)"},
        {"cell-word-broken", "' is wider than its column: broken between two characters", "a word too wide for its table cell, broken between two characters (warning)"},
        {"layout-empty-column", "% empty before the text's end", "layout report: a column left emptier than 25% before a real end (warning)"},
        {"layout-stranded-heading", "a heading is left at the foot of column ", "layout report: a heading or a lead at a column's foot, its text on the next (warning)"},
        {"layout-stranded-heading", "a lead is left at the foot of column ", "layout report: a heading or a lead at a column's foot, its text on the next (warning)"},
        {"layout-stranded-row", "a group row is left at the foot of column ", "layout report: an agenda's day or slot row, or a table's group row, at a column's foot (warning)"},
        {"layout-orphan", "orphan: a paragraph's first line", "layout report: a paragraph's first line alone at a column's foot (warning)"},
        {"layout-widow", "widow: a paragraph's last line", "layout report: a paragraph's last line alone at a column's top (warning)"},
        {"layout-far-figure", " pages after the page that names it", "layout report: a figure set two or more pages after the page that names it (warning)"},
        {"layout-hyphenated-name", "a person's name is hyphenated", "layout report: a person's name broken by a hyphen (warning)"},
        {"parallel-mismatch", "the two editions of a parallel edition", "the editions of --edition parallel differ in their blocks"},
        {"no-pages", "the report has no ", "nothing to write (--only annexes without annexes)"},
        // the command's own files
        {"output", "is the source itself: the PDF would replace it", "an output that cannot or may not be written"},
        {"output", "exists and is not a PDF", "an output that cannot or may not be written"},
        {"output", "is a folder", "an output that cannot or may not be written"},
        {"output", "cannot create a temporary file next to the output", "an output that cannot or may not be written"},
        {"output", "cannot write the output", "an output that cannot or may not be written"},
        {"root", "--root names no folder", "--root that is not a folder holding the source"},
        {"root", "is outside the --root folder '", "--root that is not a folder holding the source"},
        {"new-folder", "already exists and is not an empty folder", "compose new: a folder that cannot be made or filled"},
        {"new-folder", "cannot create a folder next to it", "compose new: a folder that cannot be made or filled"},
        {"new-folder", "cannot create the folder", "compose new: a folder that cannot be made or filled"},
        {"new-place", "no place can be read from the folder's name", "compose new: no place name found"},
        {"icc-profile", "--pdfa needs an sRGB ICC profile", "--pdfa without an sRGB ICC profile to embed (colord-data)"},
        {"pdf-writer", "libharu", "an error of the PDF writer"},
        {"pdf-writer", "could not embed a font", "an error of the PDF writer"},
        {"pdf-writer", "could not read the finished document", "an error of the PDF writer"},
        {"pdf-writer", "could not read back a page's content", "an error of the PDF writer"},
        {"placeholder", "placeholder text left in: ", "a bracketed text compose new wrote, left in (check, warning)"},
        {"agenda-time-order", "the slot ends at *, not after it starts", "an agenda slot whose end is not after its start"},
        {"figure-no-image", "src=\"\" names no image", "a figure whose src is empty"},
        {"layout-name-too-long", "the layout's name is * bytes long", "a layout name over the length a layout's name may have"},
        {"redacted-field", "is withheld from the public edition (redact=", "a field withheld from the public edition used where its values would show: grouping, sorting, filtering, another column"},
        {"redact-value", ": a column can only be withheld from the public edition", "a redact= value other than public"},
        {"internal-error", "internal error", "compose itself failed (an exception the engine caught): a bug to report; exit status 3"},
    };
    return codes;
}

// Whether `text` contains the '*'-separated pieces of `pattern`, in order.
static bool matches(std::string_view text, std::string_view pattern) {
    std::size_t at = 0;
    while (true) {
        std::size_t star = pattern.find('*');
        std::string_view piece = pattern.substr(0, star);
        if (!piece.empty()) {
            std::size_t found = text.find(piece, at);
            if (found == std::string_view::npos) return false;
            at = found + piece.size();
        }
        if (star == std::string_view::npos) return true;
        pattern.remove_prefix(star + 1);
    }
}

std::string code_of(const Diagnostic& d) {
    if (!d.code.empty()) return d.code;
    for (const auto& c : diagnostic_codes()) {
        if (matches(d.message, c.pattern)) return c.code;
    }
    return "unclassified";
}

void Diagnostics::error(SourcePos pos, std::string message, std::vector<std::string> hints) {
    add({Severity::Error, std::move(pos), std::move(message), std::move(hints)});
}

void Diagnostics::warning(SourcePos pos, std::string message, std::vector<std::string> hints) {
    add({Severity::Warning, std::move(pos), std::move(message), std::move(hints)});
}

void Diagnostics::add(Diagnostic d) {
    ++counts_[static_cast<std::size_t>(d.severity)];
    if (items_.size() < kKept) items_.push_back(std::move(d));
    else ++dropped_;
}

}  // namespace compose::base
