#pragma once
// Stage "render": display list -> PDF bytes through libharu. The only stage that includes hpdf*.h.
#include <optional>
#include <string>

#include "compose/base/diagnostics.h"
#include "compose/display/display.h"

namespace compose::render {

// The whole PDF in memory; nullopt (with diagnostics) when it cannot be made. The caller writes it
// to disk, so a failure never leaves half a file.
std::optional<std::string> render_pdf(const display::Document& doc, base::Diagnostics& diags);

}  // namespace compose::render
