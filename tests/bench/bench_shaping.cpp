// Shaping: the text stage measuring long paragraphs (HarfBuzz through the shape cache, ICU
// line breaking, boxes and glue). Reported in words per second.
#include <benchmark/benchmark.h>

#include "compose/text/text.h"
#include "corpus.h"

namespace {

using namespace compose;

text::FontSet& fonts() {
    static text::FontSet set;
    static bool scanned = [] {
        base::Diagnostics diags;
        set.scan(COMPOSE_SOURCE_DIR "/fonts", diags);
        return true;
    }();
    (void)scanned;
    return set;
}

// The Mexico prose repeated `copies` times, as one style::Paragraph of Noto Serif 10.5pt.
style::Paragraph long_paragraph(int copies, std::size_t& words) {
    std::string text;
    for (int i = 0; i < copies; ++i) {
        for (const auto& p : bench::mexico_paragraphs()) text += p + " ";
    }
    words = bench::count_words(text);
    style::Paragraph para;
    style::Run run;
    run.text = text;
    run.family = "Noto Serif";
    run.size = 10.5;
    run.lang = "en";
    para.runs.push_back(run);
    return para;
}

// A fresh shape cache every time: every distinct word goes through HarfBuzz once.
void BM_MeasureColdCache(benchmark::State& state) {
    std::size_t words = 0;
    auto para = long_paragraph(static_cast<int>(state.range(0)), words);
    for (auto _ : state) {
        text::Measurer measurer(fonts(), {"Noto Sans"});
        base::Diagnostics diags;
        auto mp = measurer.measure(para, diags);
        benchmark::DoNotOptimize(mp.items.data());
        state.counters["distinct_words"] = static_cast<double>(measurer.shaper().cache_size());
    }
    state.counters["words"] = benchmark::Counter(static_cast<double>(words), benchmark::Counter::kIsIterationInvariantRate);
    state.counters["words_total"] = static_cast<double>(words);
}
BENCHMARK(BM_MeasureColdCache)->Arg(1)->Arg(10)->Unit(benchmark::kMillisecond);

// The cache kept between paragraphs, as it is within one document.
void BM_MeasureWarmCache(benchmark::State& state) {
    std::size_t words = 0;
    auto para = long_paragraph(static_cast<int>(state.range(0)), words);
    text::Measurer measurer(fonts(), {"Noto Sans"});
    base::Diagnostics diags;
    measurer.measure(para, diags);
    for (auto _ : state) {
        auto mp = measurer.measure(para, diags);
        benchmark::DoNotOptimize(mp.items.data());
    }
    state.counters["words"] = benchmark::Counter(static_cast<double>(words), benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_MeasureWarmCache)->Arg(1)->Arg(10)->Unit(benchmark::kMillisecond);

// HarfBuzz for every word, no cache hits (a new, empty Shaper per word): what the cache saves.
void BM_ShapeEveryWord(benchmark::State& state) {
    std::vector<std::string> words;
    for (const auto& p : bench::mexico_paragraphs()) {
        std::size_t start = 0;
        while (start < p.size()) {
            std::size_t end = p.find(' ', start);
            if (end == std::string::npos) end = p.size();
            if (end > start) words.push_back(p.substr(start, end - start));
            start = end + 1;
        }
    }
    auto face = *fonts().find("Noto Serif", false, false);
    base::Diagnostics diags;
    for (auto _ : state) {
        std::size_t glyphs = 0;
        for (const auto& word : words) {
            text::Shaper shaper(fonts());
            glyphs += shaper.shape(face, "en", word, diags).size();
        }
        benchmark::DoNotOptimize(glyphs);
    }
    state.counters["words"] = benchmark::Counter(static_cast<double>(words.size()), benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_ShapeEveryWord)->Unit(benchmark::kMillisecond);

}  // namespace
