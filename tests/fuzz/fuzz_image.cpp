// libFuzzer target: an image file, named .png and then .jpg, through the image check the source
// loader makes (type, structure, checksums, size limits); an image the check accepts then goes
// to libharu, as compose render would give it, which must not crash on it.
#include <cstddef>
#include <cstdint>
#include <string>

#include <hpdf.h>

#include "compose/source/image_info.h"
#include "tests/fuzz/fuzz_common.h"

namespace {
void ignore_error(HPDF_STATUS, HPDF_STATUS, void*) {}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace compose;
    if (size > 1024 * 1024) return 0;
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    for (const char* name : {"photo.png", "photo.jpg"}) {
        base::Diagnostics diags;
        auto pos = base::SourcePos{std::make_shared<const std::string>("report.xml"), 1, 1};
        base::Limits limits;
        limits.image_pixels = 4'000'000;  // libharu decodes a PNG whole: keep each input quick
        auto info = source::check_image(name, bytes, pos, diags, limits);
        fuzz::check_diagnostics(diags, !info);
        if (!info) continue;
        HPDF_Doc pdf = HPDF_New(ignore_error, nullptr);
        if (!pdf) return 0;
        bool png = std::string(name).ends_with(".png");
        HPDF_Image image = png ? HPDF_LoadPngImageFromMem(pdf, data, static_cast<HPDF_UINT>(size))
                               : HPDF_LoadJpegImageFromMem(pdf, data, static_cast<HPDF_UINT>(size));
        if (image && (HPDF_Image_GetWidth(image) != static_cast<HPDF_UINT>(info->width) ||
                      HPDF_Image_GetHeight(image) != static_cast<HPDF_UINT>(info->height))) {
            HPDF_Free(pdf);
            fuzz::fail("libharu reads another size than the image check");
        }
        HPDF_Free(pdf);
    }
    return 0;
}
