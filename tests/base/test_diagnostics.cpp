#include <catch2/catch.hpp>

#include "compose/base/diagnostics.h"

using namespace compose::base;

TEST_CASE("the sink keeps the first diagnostics and counts the rest") {
    Diagnostics diags;
    CHECK_FALSE(diags.has_errors());
    for (std::size_t i = 0; i < Diagnostics::kKept + 500; ++i) diags.error({}, "error " + std::to_string(i));
    diags.warning({}, "a warning after them");
    CHECK(diags.items().size() == Diagnostics::kKept);
    CHECK(diags.items().front().message == "error 0");
    CHECK(diags.items().back().message == "error " + std::to_string(Diagnostics::kKept - 1));
    CHECK(diags.count(Severity::Error) == Diagnostics::kKept + 500);
    CHECK(diags.count(Severity::Warning) == 1);
    CHECK(diags.total() == Diagnostics::kKept + 501);
    CHECK(diags.dropped() == 501);
    CHECK(diags.full());
    CHECK(diags.has_errors());
}

TEST_CASE("a sink below its limit keeps everything") {
    Diagnostics diags;
    diags.warning({}, "w");
    diags.add({Severity::Note, {}, "n", {}});
    CHECK_FALSE(diags.has_errors());
    CHECK(diags.count(Severity::Note) == 1);
    CHECK(diags.items().size() == 2);
    CHECK_FALSE(diags.full());
}
