// Line breaking: Knuth–Plass and first-fit on long measured paragraphs (the Mexico prose, shaped
// and hyphenated once, outside the timing). Reported in words per second; the breaker never
// calls HarfBuzz, so this is the cost of trying one more width.
#include <benchmark/benchmark.h>

#include <map>

#include "compose/para/para.h"
#include "compose/text/text.h"
#include "corpus.h"

namespace {

using namespace compose;

struct Measured {
    text::MeasuredParagraph mp;
    std::size_t words = 0;
};

// The Mexico prose repeated `copies` times as one hyphenated paragraph of Noto Serif 10.5pt.
const Measured& measured(int copies) {
    static std::map<int, Measured> cache;
    auto it = cache.find(copies);
    if (it != cache.end()) return it->second;
    static text::FontSet fonts;
    static bool scanned = [] {
        base::Diagnostics diags;
        fonts.scan(COMPOSE_SOURCE_DIR "/fonts", diags);
        return true;
    }();
    (void)scanned;
    std::string body;
    for (int i = 0; i < copies; ++i) {
        for (const auto& p : bench::mexico_paragraphs()) body += p + " ";
    }
    style::Paragraph para;
    para.style.hyphenate = true;
    style::Run run;
    run.text = body;
    run.family = "Noto Serif";
    run.size = 10.5;
    run.lang = "en";
    para.runs.push_back(run);
    text::Measurer measurer(fonts, {"Noto Sans"});
    base::Diagnostics diags;
    Measured m{measurer.measure(para, diags), bench::count_words(body)};
    return cache.emplace(copies, std::move(m)).first->second;
}

// Measuring with hyphenation (libhyphen through the per-word cache) on top of shaping, warm
// caches as within one document: the text stage's cost of switching hyphenation on.
void BM_MeasureHyphenated(benchmark::State& state) {
    static text::FontSet fonts;
    static bool scanned = [] {
        base::Diagnostics diags;
        fonts.scan(COMPOSE_SOURCE_DIR "/fonts", diags);
        return true;
    }();
    (void)scanned;
    std::string body;
    for (const auto& p : bench::mexico_paragraphs()) body += p + " ";
    style::Paragraph para;
    para.style.hyphenate = state.range(0) != 0;
    style::Run run;
    run.text = body;
    run.family = "Noto Serif";
    run.size = 10.5;
    run.lang = "en";
    para.runs.push_back(run);
    text::Measurer measurer(fonts, {"Noto Sans"});
    base::Diagnostics diags;
    measurer.measure(para, diags);  // warm the caches
    for (auto _ : state) {
        auto mp = measurer.measure(para, diags);
        benchmark::DoNotOptimize(mp.items.data());
    }
    state.counters["words"] = benchmark::Counter(static_cast<double>(bench::count_words(body)),
                                                 benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_MeasureHyphenated)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

void run_breaker(benchmark::State& state, para::Strategy strategy, double width, style::Align align) {
    const Measured& m = measured(static_cast<int>(state.range(0)));
    para::BreakParams params;
    params.width = width;
    params.em = 10.5;
    params.align = align;
    params.strategy = strategy;
    std::size_t lines = 0;
    for (auto _ : state) {
        auto result = para::break_paragraph(m.mp, params);
        lines = result.size();
        benchmark::DoNotOptimize(result.data());
    }
    state.counters["words"] = benchmark::Counter(static_cast<double>(m.words), benchmark::Counter::kIsIterationInvariantRate);
    state.counters["words_total"] = static_cast<double>(m.words);
    state.counters["lines"] = static_cast<double>(lines);
}

// The dialogues layout's column (241pt, about 45 characters) and the A4 single column (441pt).
void BM_KnuthPlassColumn(benchmark::State& state) { run_breaker(state, para::Strategy::TotalFit, 241.2, style::Align::Justify); }
void BM_KnuthPlassWide(benchmark::State& state) { run_breaker(state, para::Strategy::TotalFit, 441.0, style::Align::Justify); }
void BM_KnuthPlassRagged(benchmark::State& state) { run_breaker(state, para::Strategy::TotalFit, 241.2, style::Align::Left); }
void BM_FirstFitColumn(benchmark::State& state) { run_breaker(state, para::Strategy::FirstFit, 241.2, style::Align::Justify); }
BENCHMARK(BM_KnuthPlassColumn)->Arg(1)->Arg(10)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_KnuthPlassWide)->Arg(1)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_KnuthPlassRagged)->Arg(1)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_FirstFitColumn)->Arg(1)->Arg(10)->Unit(benchmark::kMillisecond);

// Column balancing and table cells try many widths on one measured paragraph.
void BM_KnuthPlassTwentyWidths(benchmark::State& state) {
    const Measured& m = measured(1);
    para::BreakParams params;
    params.em = 10.5;
    for (auto _ : state) {
        for (int w = 0; w < 20; ++w) {
            params.width = 200 + 5 * w;
            auto result = para::break_paragraph(m.mp, params);
            benchmark::DoNotOptimize(result.data());
        }
    }
    state.counters["words"] = benchmark::Counter(20.0 * static_cast<double>(m.words), benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_KnuthPlassTwentyWidths)->Unit(benchmark::kMillisecond);

}  // namespace
