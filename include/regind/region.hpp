// SPDX-License-Identifier: MIT
// Regions (province › city › county) with GB/T 2260 codes, and a registry that finds them by
// code, Chinese full or short name, or English name, and walks the tree.
//
// Design notes: the registry owns its regions in a vector and indexes every key form in one
// hash map from normalised key to positions; a key shared by two regions is ambiguous and
// lookups by it fail with both candidates named. Unknown keys fail with the closest names.
#pragma once

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <fmt/format.h>

#include "regind/error.hpp"
#include "regind/detail/csv.hpp"
#include "regind/detail/text.hpp"

namespace regind {

enum class region_level { province = 1, city = 2, county = 3 };

[[nodiscard]] inline std::string_view to_string(region_level l) noexcept {
    switch (l) {
        case region_level::province: return "province";
        case region_level::city: return "city";
        case region_level::county: return "county";
    }
    return "?";
}

[[nodiscard]] inline region_level parse_region_level(std::string_view s) {
    const auto t = detail::ascii_lower(detail::trim(s));
    if (t == "province" || t == "省") return region_level::province;
    if (t == "city" || t == "prefecture" || t == "市") return region_level::city;
    if (t == "county" || t == "district" || t == "县" || t == "区") return region_level::county;
    throw invalid_input(fmt::format("[regind.invalid_input.region_level] unknown region level '{}'; expected "
                                    "province, city or county", s));
}

/// One administrative division.
struct region {
    std::int32_t code = 0;       ///< GB/T 2260 code, e.g. 330400
    std::string name_zh;         ///< full Chinese name, e.g. 嘉兴市
    std::string short_name;      ///< e.g. 嘉兴
    std::string name_en;         ///< e.g. Jiaxing
    region_level level = region_level::county;
    std::int32_t parent_code = 0;  ///< 0 for a root

    friend bool operator==(const region& a, const region& b) noexcept {
        return a.code == b.code && a.name_zh == b.name_zh && a.short_name == b.short_name &&
               a.name_en == b.name_en && a.level == b.level && a.parent_code == b.parent_code;
    }
    friend bool operator!=(const region& a, const region& b) noexcept { return !(a == b); }
};

/// A set of regions forming a tree. Regions are added parents first.
class region_registry {
public:
    region_registry() = default;

    /// Adds a region. Throws invalid_input when the code is not six digits, is already
    /// present, the parent is unknown, or the level is not below the parent's.
    void add(const region& r);

    /// Reads `code,name_zh,short_name,name_en,level,parent_code` CSV text (see
    /// docs/data-format.md); nothing is added when any row is bad.
    static region_registry from_csv_string(std::string_view text, const std::string& source = "<string>");
    static region_registry read_csv(const std::string& path) { return from_csv_string(detail::read_file(path), path); }
    [[nodiscard]] std::string to_csv_string() const;

    /// Looks a region up by code ("330400" or 330400), Chinese full or short name, or English
    /// name (case-insensitive, with or without " District"/" County"/" City").
    /// Throws key_error with the closest names when the key is unknown or ambiguous.
    [[nodiscard]] const region& get(std::string_view key) const;
    [[nodiscard]] const region& get(std::int64_t code) const;
    [[nodiscard]] const region* find(std::string_view key) const noexcept;
    [[nodiscard]] const region* find(std::int64_t code) const noexcept;
    [[nodiscard]] bool contains(std::string_view key) const noexcept { return find(key) != nullptr; }
    [[nodiscard]] bool contains(std::int64_t code) const noexcept { return find(code) != nullptr; }

    [[nodiscard]] std::optional<region> parent(const region& r) const;
    [[nodiscard]] std::vector<region> children(const region& r) const;
    /// Parent, grandparent, ... up to the root.
    [[nodiscard]] std::vector<region> ancestors(const region& r) const;
    /// Regions with the same parent and level, excluding `r`.
    [[nodiscard]] std::vector<region> peers(const region& r) const;
    /// Every region below `r` (children, grandchildren, ...), in registry order.
    [[nodiscard]] std::vector<region> descendants(const region& r) const;
    [[nodiscard]] std::vector<region> at_level(region_level level) const;

    [[nodiscard]] const std::vector<region>& all() const noexcept { return regions_; }
    [[nodiscard]] std::size_t size() const noexcept { return regions_.size(); }
    [[nodiscard]] bool empty() const noexcept { return regions_.empty(); }

    friend bool operator==(const region_registry& a, const region_registry& b) noexcept {
        return a.regions_ == b.regions_;
    }

private:
    static std::string english_short(std::string_view en);
    static std::string normalise(std::string_view key) { return detail::ascii_lower(detail::trim(key)); }
    void index_key(const std::string& key, std::size_t pos);
    [[noreturn]] void throw_unknown(std::string_view key) const;

    std::vector<region> regions_;
    std::unordered_map<std::int32_t, std::size_t> by_code_;
    std::unordered_map<std::string, std::vector<std::size_t>> by_name_;
};

inline std::string region_registry::english_short(std::string_view en) {
    std::string s = detail::ascii_lower(detail::trim(en));
    for (std::string_view suffix : {" district", " county", " city", " province", " autonomous county"}) {
        if (s.size() > suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0) {
            s.erase(s.size() - suffix.size());
            break;
        }
    }
    return s;
}

inline void region_registry::index_key(const std::string& key, std::size_t pos) {
    if (key.empty()) return;
    auto& v = by_name_[key];
    if (std::find(v.begin(), v.end(), pos) == v.end()) v.push_back(pos);
}

inline void region_registry::add(const region& r) {
    auto fail = [&](const std::string& what) {
        throw invalid_input(fmt::format("[regind.invalid_input.region] region {} ({}): {}", r.code, r.name_zh, what));
    };
    if (r.code < 100000 || r.code > 999999) fail("code must have six digits (GB/T 2260)");
    if (by_code_.count(r.code) != 0) fail("code is already in the registry");
    if (detail::trim(r.name_zh).empty()) fail("Chinese name is empty");
    if (r.parent_code != 0) {
        const auto it = by_code_.find(r.parent_code);
        if (it == by_code_.end()) fail(fmt::format("parent {} is not in the registry (add parents first)", r.parent_code));
        if (static_cast<int>(regions_[it->second].level) >= static_cast<int>(r.level))
            fail(fmt::format("level {} is not below its parent's level {}", to_string(r.level),
                             to_string(regions_[it->second].level)));
    }
    const std::size_t pos = regions_.size();
    regions_.push_back(r);
    by_code_.emplace(r.code, pos);
    index_key(normalise(r.name_zh), pos);
    index_key(normalise(r.short_name), pos);
    index_key(normalise(r.name_en), pos);
    index_key(english_short(r.name_en), pos);
}

inline const region* region_registry::find(std::int64_t code) const noexcept {
    if (code < 0 || code > 999999) return nullptr;
    const auto it = by_code_.find(static_cast<std::int32_t>(code));
    return it == by_code_.end() ? nullptr : &regions_[it->second];
}

inline const region* region_registry::find(std::string_view key) const noexcept {
    const auto k = detail::trim(key);
    if (detail::all_digits(k) && k.size() <= 6) return find(*detail::parse_int(k));
    auto it = by_name_.find(normalise(k));
    if (it == by_name_.end()) it = by_name_.find(english_short(k));
    if (it == by_name_.end() || it->second.size() != 1) return nullptr;
    return &regions_[it->second.front()];
}

inline void region_registry::throw_unknown(std::string_view key) const {
    const auto k = detail::trim(key);
    auto it = by_name_.find(normalise(k));
    if (it == by_name_.end()) it = by_name_.find(english_short(k));
    if (it != by_name_.end() && it->second.size() > 1) {
        std::vector<std::string> names;
        for (auto p : it->second) names.push_back(fmt::format("{} {}", regions_[p].code, regions_[p].name_zh));
        throw key_error(fmt::format("[regind.key_error.region] region key '{}' is ambiguous: it names {}; use a code",
                                    k, detail::join_or(names)),
                        std::string(k), names);
    }
    std::vector<std::string> candidates;
    for (const auto& r : regions_) {
        candidates.push_back(r.name_zh);
        candidates.push_back(r.short_name);
        if (!r.name_en.empty()) candidates.push_back(r.name_en);
    }
    if (detail::all_digits(k))
        for (const auto& r : regions_) candidates.push_back(std::to_string(r.code));
    auto near = detail::closest(k, candidates);
    throw key_error(fmt::format("[regind.key_error.region] unknown region '{}'{}", k,
                                near.empty() ? std::string("")
                                             : fmt::format("; did you mean {}?", detail::join_or(near))),
                    std::string(k), near);
}

inline const region& region_registry::get(std::string_view key) const {
    if (const auto* r = find(key)) return *r;
    throw_unknown(key);
}

inline const region& region_registry::get(std::int64_t code) const {
    if (const auto* r = find(code)) return *r;
    throw_unknown(std::to_string(code));
}

inline std::optional<region> region_registry::parent(const region& r) const {
    if (r.parent_code == 0) return std::nullopt;
    return get(static_cast<std::int64_t>(r.parent_code));
}

inline std::vector<region> region_registry::children(const region& r) const {
    std::vector<region> out;
    for (const auto& c : regions_)
        if (c.parent_code == r.code) out.push_back(c);
    return out;
}

inline std::vector<region> region_registry::ancestors(const region& r) const {
    std::vector<region> out;
    for (auto p = parent(r); p; p = parent(*p)) out.push_back(*p);
    return out;
}

inline std::vector<region> region_registry::peers(const region& r) const {
    std::vector<region> out;
    for (const auto& c : regions_)
        if (c.parent_code == r.parent_code && c.level == r.level && c.code != r.code) out.push_back(c);
    return out;
}

inline std::vector<region> region_registry::descendants(const region& r) const {
    std::vector<region> out;
    std::vector<std::int32_t> frontier{r.code};
    for (const auto& c : regions_) {
        // Parents precede children in the registry, so one pass suffices.
        if (std::find(frontier.begin(), frontier.end(), c.parent_code) != frontier.end()) {
            out.push_back(c);
            frontier.push_back(c.code);
        }
    }
    return out;
}

inline std::vector<region> region_registry::at_level(region_level level) const {
    std::vector<region> out;
    for (const auto& c : regions_)
        if (c.level == level) out.push_back(c);
    return out;
}

inline region_registry region_registry::from_csv_string(std::string_view text, const std::string& source) {
    const auto t = detail::parse_csv(text, source);
    detail::require_columns(t, {"code", "name_zh", "level"}, {"short_name", "name_en", "parent_code"});
    const auto c_code = t.column("code"), c_zh = t.column("name_zh"), c_short = t.column("short_name"),
               c_en = t.column("name_en"), c_level = t.column("level"), c_parent = t.column("parent_code");
    region_registry reg;
    for (const auto& row : t.rows) {
        region r;
        const auto code = detail::parse_int(row.fields[c_code]);
        if (!code || *code < 100000 || *code > 999999)
            detail::throw_cell_error(t, row, c_code, "expected a six-digit GB/T 2260 code");
        r.code = static_cast<std::int32_t>(*code);
        r.name_zh = std::string(detail::trim(row.fields[c_zh]));
        r.short_name = c_short == std::string_view::npos ? r.name_zh : std::string(detail::trim(row.fields[c_short]));
        if (r.short_name.empty()) r.short_name = r.name_zh;
        r.name_en = c_en == std::string_view::npos ? "" : std::string(detail::trim(row.fields[c_en]));
        try {
            r.level = parse_region_level(row.fields[c_level]);
        } catch (const invalid_input& e) {
            detail::throw_cell_error(t, row, c_level, "expected province, city or county");
        }
        if (c_parent != std::string_view::npos && !detail::trim(row.fields[c_parent]).empty()) {
            const auto p = detail::parse_int(row.fields[c_parent]);
            if (!p) detail::throw_cell_error(t, row, c_parent, "expected a six-digit parent code or nothing");
            r.parent_code = static_cast<std::int32_t>(*p);
        }
        try {
            reg.add(r);
        } catch (const invalid_input& e) {
            throw parse_error(fmt::format("[regind.parse_error.csv] {}:{}: {}", t.source, row.line, e.what()),
                              t.source, row.line, 1, row.fields[c_code]);
        }
    }
    return reg;
}

inline std::string region_registry::to_csv_string() const {
    std::string out = "code,name_zh,short_name,name_en,level,parent_code\n";
    for (const auto& r : regions_) {
        out += std::to_string(r.code);
        for (std::string_view f : {std::string_view(r.name_zh), std::string_view(r.short_name),
                                   std::string_view(r.name_en), to_string(r.level)}) {
            out += ',';
            detail::append_csv_field(out, f);
        }
        out += ',';
        if (r.parent_code != 0) out += std::to_string(r.parent_code);
        out += '\n';
    }
    return out;
}

}  // namespace regind
