#include "compose/cli/pipeline.h"

#include "compose/engine/pdf_backend.h"

namespace compose::cli {

std::optional<Pdf> build_pdf(const engine::Options& options, base::Diagnostics& diags) {
    engine::PdfBackend pdf;
    auto pages = engine::typeset(options, diags, pdf);
    if (!pages) return std::nullopt;
    return Pdf{std::move(pdf.bytes()), *pages};
}

std::optional<std::size_t> render_to_file(const engine::Options& options, const std::string& output,
                                          base::Diagnostics& diags) {
    if (!may_replace(output, options.source, diags)) return std::nullopt;
    auto pdf = build_pdf(options, diags);
    if (!pdf || diags.has_errors() || !write_file_atomically(output, pdf->bytes, diags)) return std::nullopt;
    return pdf->pages;
}

std::string pages_written(const std::string& output, std::size_t pages) {
    return output + ": " + std::to_string(pages) + " page" + (pages == 1 ? "" : "s");
}

}  // namespace compose::cli
