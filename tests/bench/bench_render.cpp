// The whole pipeline, source file to PDF bytes, as `compose render` runs it (minus the file
// write): the Mexico report, and long generated reports. Reported in pages per second.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>

#include "compose/engine/typeset.h"
#include "compose/render/render.h"
#include "corpus.h"

namespace {

using namespace compose;

// A generated report of `sections` sections, each a heading, three paragraphs and a finding,
// written to the temporary folder once per run.
std::string long_source(int sections) {
    static std::set<int> written;
    auto path = std::filesystem::temp_directory_path() / ("compose-bench-" + std::to_string(sections) + ".xml");
    if (!written.insert(sections).second) return path.string();
    auto paragraphs = bench::mexico_paragraphs();
    auto escape = [](const std::string& s) {
        std::string out;
        for (char c : s) {
            if (c == '&') out += "&amp;";
            else if (c == '<') out += "&lt;";
            else out += c;
        }
        return out;
    };
    std::ofstream out(path.string() + ".tmp");
    out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<report xml:lang=\"en\" layout=\"a4\">\n"
        << "<meta><series>Benchmark</series><title>A long generated report</title></meta>\n";
    std::size_t k = 0;
    for (int s = 0; s < sections; ++s) {
        out << "<section id=\"s" << s << "\"><h>Section " << s + 1 << "</h>\n";
        for (int p = 0; p < 3; ++p) out << "<p>" << escape(paragraphs[k++ % paragraphs.size()]) << "</p>\n";
        std::string lead = paragraphs[k++ % paragraphs.size()].substr(0, 120);
        std::string body = paragraphs[k++ % paragraphs.size()];
        out << "<finding><lead>" << escape(lead) << "</lead><p>" << escape(body) << "</p></finding>\n";
        out << "</section>\n";
    }
    out << "</report>\n";
    out.close();
    std::filesystem::rename(path.string() + ".tmp", path);
    return path.string();
}

void render(benchmark::State& state, const std::string& source) {
    engine::Options options;
    options.source = source;
    options.data_dir = COMPOSE_SOURCE_DIR;
    std::size_t pages = 0, bytes = 0;
    for (auto _ : state) {
        base::Diagnostics diags;
        engine::DisplayBackend backend;
        if (!engine::typeset(options, diags, backend)) {
            state.SkipWithError("the pipeline failed");
            return;
        }
        const auto* display = &backend.document();
        auto pdf = render::render_pdf(*display, diags);
        if (!pdf) {
            state.SkipWithError("render_pdf failed");
            return;
        }
        pages = display->pages.size();
        bytes = pdf->size();
        benchmark::DoNotOptimize(pdf->data());
    }
    state.counters["pages"] = benchmark::Counter(static_cast<double>(pages), benchmark::Counter::kIsIterationInvariantRate);
    state.counters["pages_total"] = static_cast<double>(pages);
    state.counters["pdf_kB"] = static_cast<double>(bytes) / 1024.0;
}

void BM_RenderMexico(benchmark::State& state) {
    render(state, COMPOSE_SOURCE_DIR "/sources/mexico-2014/report.xml");
}
BENCHMARK(BM_RenderMexico)->Unit(benchmark::kMillisecond);

void BM_RenderGenerated(benchmark::State& state) {
    render(state, long_source(static_cast<int>(state.range(0))));
}
BENCHMARK(BM_RenderGenerated)->Arg(10)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_RenderGenerated)->Name("BM_RenderGeneratedLong")->Arg(200)->Unit(benchmark::kMillisecond);

// The render stage alone: a display list already made, to PDF bytes (fonts subset and embedded).
void BM_RenderStageOnly(benchmark::State& state) {
    engine::Options options;
    options.source = long_source(static_cast<int>(state.range(0)));
    options.data_dir = COMPOSE_SOURCE_DIR;
    base::Diagnostics diags;
    engine::DisplayBackend backend;
    if (!engine::typeset(options, diags, backend)) {
        state.SkipWithError("the pipeline failed");
        return;
    }
    const auto* display = &backend.document();
    for (auto _ : state) {
        auto pdf = render::render_pdf(*display, diags);
        if (!pdf) {
            state.SkipWithError("render_pdf failed");
            return;
        }
        benchmark::DoNotOptimize(pdf->data());
    }
    state.counters["pages"] =
        benchmark::Counter(static_cast<double>(display->pages.size()), benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_RenderStageOnly)->Arg(10)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_RenderStageOnly)->Name("BM_RenderStageOnlyLong")->Arg(200)->Unit(benchmark::kMillisecond);

}  // namespace
