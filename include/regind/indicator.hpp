// SPDX-License-Identifier: MIT
// Indicators: a stable code, Chinese and English names, a unit, the direction in which the
// indicator improves and its price basis (可比价 comparable / 现价 current).
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <fmt/format.h>

#include "regind/error.hpp"
#include "regind/unit.hpp"
#include "regind/detail/csv.hpp"
#include "regind/detail/text.hpp"

namespace regind {

enum class direction { higher = 1, lower = -1, neutral = 0 };
enum class price_basis { comparable, current, not_applicable };

[[nodiscard]] inline std::string_view to_string(direction d) noexcept {
    return d == direction::higher ? "higher" : d == direction::lower ? "lower" : "neutral";
}
[[nodiscard]] inline std::string_view to_string(price_basis p) noexcept {
    return p == price_basis::comparable ? "comparable" : p == price_basis::current ? "current" : "na";
}
[[nodiscard]] inline direction parse_direction(std::string_view s) {
    const auto t = detail::ascii_lower(detail::trim(s));
    if (t == "higher" || t == "+1" || t == "1") return direction::higher;
    if (t == "lower" || t == "-1") return direction::lower;
    if (t == "neutral" || t == "0") return direction::neutral;
    throw invalid_input(fmt::format("[regind.invalid_input.direction] unknown direction '{}'; expected higher, lower or neutral", s));
}
[[nodiscard]] inline price_basis parse_price_basis(std::string_view s) {
    const auto t = detail::ascii_lower(detail::trim(s));
    if (t == "comparable" || t == "可比价") return price_basis::comparable;
    if (t == "current" || t == "现价") return price_basis::current;
    if (t == "na" || t == "not_applicable" || t.empty()) return price_basis::not_applicable;
    throw invalid_input(fmt::format("[regind.invalid_input.price_basis] unknown price basis '{}'; expected comparable, current or na", s));
}

struct indicator {
    std::string code;     ///< stable id, e.g. va_industry
    std::string name_zh;  ///< 规模以上工业增加值
    std::string name_en;
    regind::unit unit;
    regind::direction direction = direction::higher;
    regind::price_basis price_basis = price_basis::not_applicable;

    friend bool operator==(const indicator& a, const indicator& b) noexcept {
        return a.code == b.code && a.name_zh == b.name_zh && a.name_en == b.name_en && a.unit == b.unit &&
               a.direction == b.direction && a.price_basis == b.price_basis;
    }
};

/// A catalogue of indicators, looked up by code or by Chinese or English name.
class indicator_catalogue {
public:
    /// Adds an indicator; throws invalid_input when the code is empty, not snake_case or taken.
    void add(const indicator& ind);
    /// Adds every indicator of another catalogue (same rules as add).
    void merge(const indicator_catalogue& other) {
        for (const auto& i : other.items_) add(i);
    }

    static indicator_catalogue from_csv_string(std::string_view text, const std::string& source = "<string>");
    static indicator_catalogue read_csv(const std::string& path) {
        return from_csv_string(detail::read_file(path), path);
    }
    [[nodiscard]] std::string to_csv_string() const;

    /// By code, Chinese name or English name (case-insensitive). Throws key_error with the
    /// closest codes and names when unknown.
    [[nodiscard]] const indicator& get(std::string_view key) const;
    [[nodiscard]] const indicator* find(std::string_view key) const noexcept;
    [[nodiscard]] bool contains(std::string_view key) const noexcept { return find(key) != nullptr; }
    [[nodiscard]] const std::vector<indicator>& all() const noexcept { return items_; }
    [[nodiscard]] std::size_t size() const noexcept { return items_.size(); }

private:
    std::vector<indicator> items_;
    std::unordered_map<std::string, std::size_t> by_code_;
    std::unordered_map<std::string, std::size_t> by_name_;
};

inline void indicator_catalogue::add(const indicator& ind) {
    auto fail = [&](const std::string& what) {
        throw invalid_input(fmt::format("[regind.invalid_input.indicator] indicator '{}': {}", ind.code, what));
    };
    if (ind.code.empty()) fail("code is empty");
    for (char c : ind.code)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'))
            fail("code must be snake_case ASCII (a-z, 0-9, _)");
    if (by_code_.count(ind.code) != 0) fail("code is already in the catalogue");
    const auto pos = items_.size();
    items_.push_back(ind);
    by_code_.emplace(ind.code, pos);
    // Names are secondary keys: the first indicator to use a name keeps it.
    if (!ind.name_zh.empty()) by_name_.emplace(detail::ascii_lower(ind.name_zh), pos);
    if (!ind.name_en.empty()) by_name_.emplace(detail::ascii_lower(ind.name_en), pos);
}

inline const indicator* indicator_catalogue::find(std::string_view key) const noexcept {
    const auto k = std::string(detail::trim(key));
    if (auto it = by_code_.find(k); it != by_code_.end()) return &items_[it->second];
    if (auto it = by_name_.find(detail::ascii_lower(k)); it != by_name_.end()) return &items_[it->second];
    return nullptr;
}

inline const indicator& indicator_catalogue::get(std::string_view key) const {
    if (const auto* i = find(key)) return *i;
    std::vector<std::string> candidates;
    for (const auto& i : items_) {
        candidates.push_back(i.code);
        candidates.push_back(i.name_zh);
    }
    const auto near = detail::closest(key, candidates);
    throw key_error(fmt::format("[regind.key_error.indicator] unknown indicator '{}'{}", detail::trim(key),
                                near.empty() ? std::string("") : fmt::format("; did you mean {}?", detail::join_or(near))),
                    std::string(detail::trim(key)), near);
}

inline indicator_catalogue indicator_catalogue::from_csv_string(std::string_view text, const std::string& source) {
    const auto t = detail::parse_csv(text, source);
    detail::require_columns(t, {"code", "unit"}, {"name_zh", "name_en", "direction", "price_basis"});
    const auto c_code = t.column("code"), c_zh = t.column("name_zh"), c_en = t.column("name_en"),
               c_unit = t.column("unit"), c_dir = t.column("direction"), c_pb = t.column("price_basis");
    indicator_catalogue cat;
    for (const auto& row : t.rows) {
        indicator ind;
        ind.code = std::string(detail::trim(row.fields[c_code]));
        if (c_zh != std::string_view::npos) ind.name_zh = std::string(detail::trim(row.fields[c_zh]));
        if (c_en != std::string_view::npos) ind.name_en = std::string(detail::trim(row.fields[c_en]));
        try {
            ind.unit = unit::parse(row.fields[c_unit]);
        } catch (const unit_error& e) {
            detail::throw_cell_error(t, row, c_unit, "unknown unit");
        }
        try {
            if (c_dir != std::string_view::npos) ind.direction = parse_direction(row.fields[c_dir]);
        } catch (const invalid_input&) {
            detail::throw_cell_error(t, row, c_dir, "expected higher, lower or neutral");
        }
        try {
            if (c_pb != std::string_view::npos) ind.price_basis = parse_price_basis(row.fields[c_pb]);
        } catch (const invalid_input&) {
            detail::throw_cell_error(t, row, c_pb, "expected comparable, current or na");
        }
        try {
            cat.add(ind);
        } catch (const invalid_input& e) {
            throw parse_error(fmt::format("[regind.parse_error.csv] {}:{}: {}", t.source, row.line, e.what()),
                              t.source, row.line, c_code + 1, ind.code);
        }
    }
    return cat;
}

inline std::string indicator_catalogue::to_csv_string() const {
    std::string out = "code,name_zh,name_en,unit,direction,price_basis\n";
    for (const auto& i : items_) {
        detail::append_csv_field(out, i.code);
        for (std::string_view f : {std::string_view(i.name_zh), std::string_view(i.name_en),
                                   std::string_view(i.unit.symbol()), to_string(i.direction), to_string(i.price_basis)}) {
            out += ',';
            detail::append_csv_field(out, f);
        }
        out += '\n';
    }
    return out;
}

}  // namespace regind
