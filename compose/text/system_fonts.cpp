// Fallback among the system's fonts through fontconfig, for characters no bundled font has
// (Chinese, Japanese, Korean, Indic, Thai, Ethiopic names in a participants list).
#include <mutex>

#include <fontconfig/fontconfig.h>
#include <unicode/uscript.h>

#include "compose/base/owner.h"
#include "compose/text/font_set.h"

namespace compose::text {
namespace {

// fontconfig's configuration, loaded once per process on the first character that needs it (it
// reads the font caches: a report the bundled fonts cover never pays for it)
FcConfig* fontconfig() {
    static std::once_flag once;
    static FcConfig* config = nullptr;
    std::call_once(once, [] { config = FcInitLoadConfigAndFonts(); });
    return config;
}

UScriptCode script_of(char32_t cp) {
    UErrorCode status = U_ZERO_ERROR;
    UScriptCode script = uscript_getScript(static_cast<UChar32>(cp), &status);
    return U_FAILURE(status) ? USCRIPT_UNKNOWN : script;
}

bool starts_with(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }

// The language fontconfig is asked for (its own codes): for Han, which forms the text's language
// wants; for other scripts, the language a font that covers them declares.
std::string fontconfig_lang(UScriptCode script, const std::string& lang) {
    switch (script) {
    case USCRIPT_HAN:
        if (starts_with(lang, "ja")) return "ja";
        if (starts_with(lang, "ko")) return "ko";
        if (starts_with(lang, "zh-Hant") || starts_with(lang, "zh-TW") || starts_with(lang, "zh-tw")) return "zh-tw";
        if (starts_with(lang, "zh-HK") || starts_with(lang, "zh-hk") || starts_with(lang, "zh-MO")) return "zh-hk";
        return "zh-cn";
    case USCRIPT_HIRAGANA: case USCRIPT_KATAKANA: return "ja";
    case USCRIPT_HANGUL: return "ko";
    case USCRIPT_DEVANAGARI: return "hi";
    case USCRIPT_BENGALI: return "bn";
    case USCRIPT_TAMIL: return "ta";
    case USCRIPT_TELUGU: return "te";
    case USCRIPT_GUJARATI: return "gu";
    case USCRIPT_GURMUKHI: return "pa";
    case USCRIPT_KANNADA: return "kn";
    case USCRIPT_MALAYALAM: return "ml";
    case USCRIPT_THAI: return "th";
    case USCRIPT_LAO: return "lo";
    case USCRIPT_KHMER: return "km";
    case USCRIPT_ETHIOPIC: return "am";
    case USCRIPT_GEORGIAN: return "ka";
    case USCRIPT_ARMENIAN: return "hy";
    default: return {};
    }
}

}  // namespace

std::string script_name(char32_t cp) {
    UScriptCode script = script_of(cp);
    const char* name = uscript_getName(script);
    return name ? name : "Unknown";
}

std::string font_package_for(char32_t cp) {
    switch (script_of(cp)) {
    case USCRIPT_HAN: case USCRIPT_HIRAGANA: case USCRIPT_KATAKANA: case USCRIPT_HANGUL:
    case USCRIPT_BOPOMOFO:
        return "fonts-noto-cjk";
    case USCRIPT_DEVANAGARI: return "fonts-lohit-deva";
    case USCRIPT_TAMIL: return "fonts-lohit-taml";
    case USCRIPT_BENGALI: return "fonts-lohit-beng-bengali";
    case USCRIPT_THAI: return "fonts-tlwg-garuda-ttf";
    case USCRIPT_ETHIOPIC: return "fonts-sil-abyssinica";
    case USCRIPT_UNKNOWN: return {};  // an unassigned code point: no font has it
    default: return "fonts-noto-core";
    }
}

std::optional<FaceId> FontSet::system_face(char32_t cp, bool bold, bool italic, const std::string& lang,
                                           base::Diagnostics& diags) {
    const UScriptCode script = script_of(cp);
    const std::string fc_lang = fontconfig_lang(script, lang);
    std::string key = std::to_string(static_cast<int>(script)) + "/" + fc_lang + "/" + (bold ? "b" : "") + (italic ? "i" : "");
    auto& taken = system_faces_[key];
    for (FaceId id : taken) {
        if (has_glyph(id, cp, diags)) return id;
    }
    FcConfig* config = fontconfig();
    if (!config) return std::nullopt;

    base::Owner<FcPattern, FcPatternDestroy> pattern_owner(FcPatternCreate());
    base::Owner<FcCharSet, FcCharSetDestroy> chars_owner(FcCharSetCreate());
    FcPattern* pattern = pattern_owner.get();
    FcCharSet* chars = chars_owner.get();
    FcCharSetAddChar(chars, static_cast<FcChar32>(cp));
    FcPatternAddCharSet(pattern, FC_CHARSET, chars);
    if (!fc_lang.empty()) FcPatternAddString(pattern, FC_LANG, reinterpret_cast<const FcChar8*>(fc_lang.c_str()));
    FcPatternAddInteger(pattern, FC_WEIGHT, bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
    FcPatternAddInteger(pattern, FC_SLANT, italic ? FC_SLANT_ITALIC : FC_SLANT_ROMAN);
    FcPatternAddBool(pattern, FC_SCALABLE, FcTrue);
    FcConfigSubstitute(config, pattern, FcMatchPattern);
    FcDefaultSubstitute(pattern);
    FcResult result = FcResultNoMatch;
    base::Owner<FcFontSet, FcFontSetDestroy> sorted_owner(FcFontSort(config, pattern, FcFalse, nullptr, &result));
    FcFontSet* sorted = sorted_owner.get();
    std::optional<FaceId> found;
    for (int i = 0; sorted && i < sorted->nfont && !found; ++i) {
        FcPattern* font = sorted->fonts[i];
        FcCharSet* has = nullptr;
        if (FcPatternGetCharSet(font, FC_CHARSET, 0, &has) != FcResultMatch || !FcCharSetHasChar(has, cp)) continue;
        FcChar8* format = nullptr;  // only what compose can embed: TrueType and CFF outlines
        if (FcPatternGetString(font, FC_FONTFORMAT, 0, &format) != FcResultMatch) continue;
        std::string fmt = reinterpret_cast<const char*>(format);
        if (fmt != "TrueType" && fmt != "CFF") continue;
        FcChar8* file = nullptr;
        int index = 0;
        if (FcPatternGetString(font, FC_FILE, 0, &file) != FcResultMatch) continue;
        FcPatternGetInteger(font, FC_INDEX, 0, &index);
        // a variable font's named instances share index's low 16 bits; compose uses the default
        auto id = add_face(reinterpret_cast<const char*>(file), static_cast<unsigned>(index & 0xFFFF), true);
        if (id && has_glyph(*id, cp, diags)) found = id;
    }
    if (found) taken.push_back(*found);
    return found;
}

}  // namespace compose::text
