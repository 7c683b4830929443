// SPDX-License-Identifier: MIT
#include <doctest/doctest.h>

#include <algorithm>

#include "regind/datasets.hpp"
#include "regind/format.hpp"
#include "regind/region.hpp"

using namespace regind;

TEST_CASE("the built-in Zhejiang registry") {
    const auto& z = regions::zhejiang();
    CHECK(z.size() == 102);  // 1 province + 11 cities + 90 county-level divisions
    CHECK(z.at_level(region_level::city).size() == 11);
    CHECK(z.at_level(region_level::county).size() == 90);
    const auto& jx = z.get("嘉兴");
    CHECK(jx.code == 330400);
    CHECK(jx.name_zh == "嘉兴市");
    CHECK(jx.name_en == "Jiaxing");
    CHECK(jx.level == region_level::city);
    CHECK(jx.parent_code == 330000);
    CHECK(z.get("嘉兴市").code == 330400);
    CHECK(z.get("jiaxing").code == 330400);
    CHECK(z.get("JIAXING").code == 330400);
    CHECK(z.get("330400").code == 330400);
    CHECK(z.get(330400).name_zh == "嘉兴市");
    CHECK(z.get("长兴").code == 330522);
    CHECK(z.get("Changxing County").code == 330522);
    CHECK(z.get("changxing").code == 330522);
}

TEST_CASE("tree walks") {
    const auto& z = regions::zhejiang();
    const auto& hz = z.get("湖州");
    const auto kids = z.children(hz);
    REQUIRE(kids.size() == 5);
    std::vector<std::int32_t> codes;
    for (const auto& k : kids) codes.push_back(k.code);
    CHECK(codes == std::vector<std::int32_t>{330502, 330503, 330521, 330522, 330523});
    CHECK(z.parent(hz)->code == 330000);
    CHECK_FALSE(z.parent(z.get(330000)).has_value());
    const auto anc = z.ancestors(z.get("长兴"));
    REQUIRE(anc.size() == 2);
    CHECK(anc[0].code == 330500);
    CHECK(anc[1].code == 330000);
    const auto peers = z.peers(hz);
    CHECK(peers.size() == 10);
    CHECK(std::none_of(peers.begin(), peers.end(), [](const region& r) { return r.code == 330500; }));
    CHECK(z.peers(z.get("长兴")).size() == 4);
    CHECK(z.descendants(z.get(330000)).size() == 101);
    CHECK(z.children(z.get("杭州")).size() == 13);
}

TEST_CASE("unknown keys suggest the closest names") {
    const auto& z = regions::zhejiang();
    try {
        (void)z.get("嘉兴县");
        FAIL("expected key_error");
    } catch (const key_error& e) {
        CHECK(std::string(e.what()).find("[regind.key_error.region] unknown region '嘉兴县'") == 0);
        REQUIRE_FALSE(e.suggestions().empty());
        CHECK(std::find(e.suggestions().begin(), e.suggestions().end(), "嘉兴市") != e.suggestions().end());
    }
    try {
        (void)z.get("Huzou");
        FAIL("expected key_error");
    } catch (const key_error& e) {
        CHECK(std::find(e.suggestions().begin(), e.suggestions().end(), "Huzhou") != e.suggestions().end());
    }
    CHECK_THROWS_AS(z.get(999999), key_error);
    CHECK_THROWS_AS(z.get("Atlantis"), key_error);
    // A very long key is rejected without an edit-distance table per name (the distance is at
    // least the difference in length), and a name inside it is still offered.
    std::string runaway(20000, 'x');
    try {
        (void)z.get(runaway + "Huzhou");
        FAIL("expected key_error");
    } catch (const key_error& e) {
        CHECK(std::find(e.suggestions().begin(), e.suggestions().end(), "Huzhou") != e.suggestions().end());
    }
}

TEST_CASE("user registries from code and CSV, with validation") {
    region_registry r;
    r.add({110000, "北京市", "北京", "Beijing", region_level::province, 0});
    r.add({110101, "东城区", "东城", "Dongcheng District", region_level::county, 110000});
    CHECK(r.get("Dongcheng").code == 110101);
    CHECK_THROWS_AS(r.add({110101, "东城区", "东城", "", region_level::county, 110000}), invalid_input);
    CHECK_THROWS_AS(r.add({110102, "西城区", "西城", "", region_level::county, 120000}), invalid_input);
    CHECK_THROWS_AS(r.add({1101, "x", "x", "", region_level::county, 110000}), invalid_input);
    CHECK_THROWS_AS(r.add({110105, "朝阳区", "朝阳", "", region_level::province, 110000}), invalid_input);

    // Ambiguous short names are refused with both candidates named.
    r.add({120000, "天津市", "天津", "Tianjin", region_level::province, 0});
    r.add({120101, "和平区", "和平", "Heping District", region_level::county, 120000});
    r.add({110199, "和平区", "和平", "Heping District", region_level::county, 110000});
    try {
        (void)r.get("和平");
        FAIL("expected key_error");
    } catch (const key_error& e) {
        CHECK(std::string(e.what()).find("ambiguous") != std::string::npos);
        CHECK(e.suggestions().size() == 2);
    }
    CHECK(r.get(120101).name_zh == "和平区");

    const auto copy = region_registry::from_csv_string(r.to_csv_string());
    CHECK(copy == r);
    CHECK(region_registry::from_csv_string(regions::zhejiang().to_csv_string()) == regions::zhejiang());

    CHECK_THROWS_AS(region_registry::from_csv_string("code,name_zh,level\n12,x,city\n"), parse_error);
    CHECK_THROWS_AS(region_registry::from_csv_string("code,name_zh,level\n330100,杭州市,town\n"), parse_error);
    CHECK_THROWS_AS(region_registry::from_csv_string("code,name_zh,level,parent_code\n330100,杭州市,city,330000\n"),
                    parse_error);
    CHECK_THROWS_AS(region_registry::from_csv_string("name_zh,level\n杭州市,city\n"), parse_error);
}

TEST_CASE("fmt formats regions") {
    CHECK(fmt::format("{}", regions::zhejiang().get(330400)) == "Region(330400, '嘉兴市', 'Jiaxing', city)");
    CHECK(fmt::format("{}", region_level::county) == "county");
}
