// CellMemo: a table's repeated cell texts are measured once; texts met once never displace them.
#include <catch2/catch.hpp>

#include <string>

#include "compose/page/cell_memo.h"

namespace {

using Memo = compose::page::CellMemo<int, std::string>;

}  // namespace

TEST_CASE("a text's value is kept when the text comes a second time") {
    Memo memo;
    CHECK(memo.find(1, "Causa en Común") == nullptr);
    memo.offer(1, "Causa en Común", "first");
    CHECK(memo.find(1, "Causa en Común") == nullptr);  // met once: most texts of a long table
    memo.offer(1, "Causa en Común", "second");
    REQUIRE(memo.find(1, "Causa en Común") != nullptr);
    CHECK(*memo.find(1, "Causa en Común") == "second");
    CHECK(memo.find(2, "Causa en Común") == nullptr);  // another key (style, measure): another value
}

TEST_CASE("texts met once do not displace a kept one") {
    Memo memo;
    memo.offer(1, "***", "kept");
    memo.offer(1, "***", "kept");
    for (int i = 0; i < 100000; ++i) memo.offer(1, "participant" + std::to_string(i), "once");
    REQUIRE(memo.find(1, "***") != nullptr);
    CHECK(*memo.find(1, "***") == "kept");
}
