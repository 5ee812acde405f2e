#pragma once
// Owners for the handles of C libraries (HarfBuzz, FreeType, ICU, libharu): a unique_ptr whose
// deleter is the library's own destroy function, so no handle is destroyed by hand on each of a
// function's ways out. As minikin's HbFontUniquePtr.
#include <memory>
#include <type_traits>

namespace compose::base {

template <auto Destroy>
struct Destroyer {
    template <class T>
    void operator()(T* handle) const {
        if (handle) Destroy(handle);
    }
};

// Owner<hb_font_t, hb_font_destroy>; for a library whose handle type is a pointer typedef
// (FT_Face), the struct it points to (Owner<FT_FaceRec_, FT_Done_Face>).
template <class T, auto Destroy>
using Owner = std::unique_ptr<T, Destroyer<Destroy>>;

}  // namespace compose::base
