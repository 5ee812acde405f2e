// The participants table at scale: 500, 5,000 and 50,000 rows of names, organizations and
// (long) email addresses, sorted by name, rendered to PDF bytes with pages streamed into the
// PDF as `compose render` does. Reported: rows and pages per second; the peak memory of these
// runs is best read from the whole command (/usr/bin/time -v compose render ...).
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <random>

#include "compose/cli/pipeline.h"

namespace {

using namespace compose;

// A participants CSV of `rows` rows and a report with one annex table over it, written once.
std::string table_source(int rows) {
    static std::map<int, std::string> written;
    if (auto it = written.find(rows); it != written.end()) return it->second;
    auto dir = std::filesystem::temp_directory_path() / ("compose-bench-table-" + std::to_string(rows));
    std::filesystem::create_directories(dir);
    std::mt19937 random(1);
    const char* first[] = {"Ana", "Álvaro", "José", "María", "Lorenzo", "Gail", "Heidy", "Isaac", "Zara", "Ángel"};
    const char* last[] = {"Gómez", "Ramírez", "Super", "O'Keefe", "Muggah", "Vilalta", "Monárrez", "Beltrán"};
    const char* orgs[] = {"\"Instituto para la Seguridad y la Democracia, INSYDE\"", "\"Fundación Ideas para la Paz, FIP\"",
                          "Causa en Común", "\"African Policing Civilian Oversight Forum, APCOF\""};
    {
        std::ofstream csv(dir / "participants.csv");
        csv << "name,organization,email\n";
        for (int i = 0; i < rows; ++i) {
            std::string f = first[random() % 10], l = last[random() % 8];
            csv << f << ' ' << l << ' ' << i << ',' << orgs[random() % 4] << ",";
            if (i % 7) csv << "participant" << i << "@a-long-institutional-domain-name.example.org";
            csv << "\n";
        }
    }
    std::ofstream xml(dir / "report.xml");
    xml << "<report xml:lang=\"en\" layout=\"a4\"><meta><title>Participants</title></meta>"
           "<data id=\"people\" src=\"participants.csv\" key=\"name\"/>"
           "<annex id=\"p\"><h>Participants</h><table data=\"people\" sort=\"name\">"
           "<column field=\"name\" title=\"Name\"/><column field=\"organization\" title=\"Organization\"/>"
           "<column field=\"email\" title=\"Mail\" empty=\"***\"/></table></annex></report>";
    return written[rows] = (dir / "report.xml").string();
}

void participants_table(benchmark::State& state) {
    const int rows = static_cast<int>(state.range(0));
    engine::Options options;
    options.source = table_source(rows);
    options.data_dir = COMPOSE_SOURCE_DIR;
    options.audience = "internal";
    std::size_t pages = 0;
    for (auto _ : state) {
        base::Diagnostics diags;
        auto pdf = cli::build_pdf(options, diags);
        if (!pdf) {
            state.SkipWithError("the table did not render");
            return;
        }
        pages = pdf->pages;
        benchmark::DoNotOptimize(pdf->bytes.data());
    }
    state.counters["pages"] = static_cast<double>(pages);
    state.counters["rows/s"] = benchmark::Counter(static_cast<double>(rows), benchmark::Counter::kIsIterationInvariantRate);
    state.counters["pages/s"] = benchmark::Counter(static_cast<double>(pages), benchmark::Counter::kIsIterationInvariantRate);
}

}  // namespace

// 50,000 rows take a couple of seconds an iteration: "Long" keeps them out of the CTest smoke run
BENCHMARK(participants_table)->Arg(500)->Arg(5000)->Unit(benchmark::kMillisecond);
BENCHMARK(participants_table)->Name("participants_table_Long")->Arg(50000)->Unit(benchmark::kMillisecond)->Iterations(2);
