// Generated text per language. Each language's words are kept together so a new edition
// language is one more table.
#include <map>

#include "compose/resolve/resolve.h"

#include "compose/base/dates.h"

namespace compose::resolve {
namespace {

const std::map<std::string, std::map<std::string, std::string>>& catalogues() {
    static const std::map<std::string, std::map<std::string, std::string>> c = {
        {"en", {{"annex", "Annex"}, {"figure", "Photo"}, {"page", "Page"}, {"section", "Section"},
                {"time", "Time"}, {"speaker", "Speaker"}, {"talk", "Title"}, {"affiliation", "Affiliation"},
                {"moderator", "Moderator"}, {"day", "Day"}}},
        {"es", {{"annex", "Anexo"}, {"figure", "Foto"}, {"page", "Página"}, {"section", "Sección"},
                {"time", "Hora"}, {"speaker", "Ponente"}, {"talk", "Título"}, {"affiliation", "Institución"},
                {"moderator", "Moderador"}, {"day", "Día"}}},
    };
    return c;
}

const char* const months_en[] = {"January", "February", "March", "April", "May", "June", "July",
                                 "August", "September", "October", "November", "December"};
const char* const months_es[] = {"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio",
                                 "agosto", "septiembre", "octubre", "noviembre", "diciembre"};

using Date = base::CivilDate;

// The date an ISO string names; a zero date (month 0) if it names none.
Date parse(const std::string& iso) { return base::parse_iso_date(iso).value_or(Date{}); }

const char* const weekdays_en[] = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
const char* const weekdays_es[] = {"domingo", "lunes", "martes", "miércoles", "jueves", "viernes", "sábado"};


}  // namespace

std::string long_date(const std::string& lang, const std::string& iso) {
    Date d = parse(iso);
    if (d.month < 1 || d.month > 12) return iso;
    int w = base::weekday_of(d);
    if (lang.rfind("es", 0) == 0) {
        return std::string(weekdays_es[w]) + " " + std::to_string(d.day) + " de " + months_es[d.month - 1] + " de " +
               std::to_string(d.year);
    }
    return std::string(weekdays_en[w]) + ", " + months_en[d.month - 1] + " " + std::to_string(d.day) + ", " +
           std::to_string(d.year);
}

std::string localized(const std::string& lang, const std::string& key) {
    const auto& c = catalogues();
    auto it = c.find(lang.substr(0, 2));
    if (it == c.end()) it = c.find("en");
    auto word = it->second.find(key);
    return word == it->second.end() ? key : word->second;
}

std::pair<std::string, std::string> quotation_marks(const std::string& lang, int depth) {
    // Spanish opens with angle quotes and nests English-style ones (RAE); English and Portuguese
    // use double then single curly quotes
    bool spanish = lang.rfind("es", 0) == 0;
    bool outer = depth % 2 == 0;
    if (spanish) return outer ? std::pair{"\u00AB", "\u00BB"} : std::pair{"\u201C", "\u201D"};
    return outer ? std::pair{"\u201C", "\u201D"} : std::pair{"\u2018", "\u2019"};
}

std::string roman(int n) {
    static const std::pair<int, const char*> table[] = {{1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"},
                                                        {100, "C"},  {90, "XC"},  {50, "L"},  {40, "XL"},
                                                        {10, "X"},   {9, "IX"},   {5, "V"},   {4, "IV"}, {1, "I"}};
    std::string out;
    for (auto [value, digits] : table) {
        while (n >= value) {
            out += digits;
            n -= value;
        }
    }
    return out;
}

std::string date_range(const std::string& lang, const std::string& from_iso, const std::string& to_iso) {
    Date from = parse(from_iso);
    if (from.month < 1 || from.month > 12) return from_iso;
    Date to = to_iso.empty() ? from : parse(to_iso);
    if (to.month < 1 || to.month > 12) to = from;
    bool spanish = lang.rfind("es", 0) == 0;
    auto month = [&](int m) { return std::string(spanish ? months_es[m - 1] : months_en[m - 1]); };
    auto day = [](int d) { return std::to_string(d); };
    const std::string from_year = std::to_string(from.year), to_year = std::to_string(to.year);
    if (spanish) {
        // "6 y 7 de noviembre" for two days, "del 10 al 12 de marzo" for more
        if (from.year == to.year && from.month == to.month) {
            if (from.day == to.day) return day(from.day) + " de " + month(from.month) + " de " + from_year;
            if (to.day == from.day + 1) return day(from.day) + " y " + day(to.day) + " de " + month(from.month) + " de " + from_year;
            return "del " + day(from.day) + " al " + day(to.day) + " de " + month(from.month) + " de " + from_year;
        }
        return "del " + day(from.day) + " de " + month(from.month) + (from.year != to.year ? " de " + from_year : "") +
               " al " + day(to.day) + " de " + month(to.month) + " de " + to_year;
    }
    if (from.year == to.year && from.month == to.month) {
        if (from.day == to.day) return month(from.month) + " " + day(from.day) + ", " + from_year;
        return month(from.month) + " " + day(from.day) + "\u2013" + day(to.day) + ", " + from_year;
    }
    return month(from.month) + " " + day(from.day) + (from.year != to.year ? ", " + from_year : "") + " \u2013 " +
           month(to.month) + " " + day(to.day) + ", " + to_year;
}

}  // namespace compose::resolve
