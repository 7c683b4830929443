// SPDX-License-Identifier: MIT
// The framework of a composite index: COINr's iMeta table (Level, iCode, Parent, Direction,
// Weight, Type) checked by the rules of REFERENCE-METHODS.md §E0 and turned into a tree of any
// depth, plus the matrix types every composite kernel shares.
//
// Design notes:
// - Nodes are stored level by level (indicators first), in iMeta order within a level. This
//   is also the column order of the aggregated data, so node i is column i of the scores.
// - Weights are relative within their parent: aggregation rescales the weights of a parent's
//   (non-missing) children to sum to 1, so only ratios between siblings matter.
// - Rows of Type Group, Denominator and Other carry no level; they describe iData columns
//   that are not indicators (unit groups, denominators, passed-through columns).
// - Errors are regind::invalid_input "[regind.invalid_input.framework] ..." naming the iMeta
//   row (1-based, as a spreadsheet shows it) and the code.
#pragma once

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <Eigen/Core>
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "regind/error.hpp"

namespace regind::composite {

/// Units × columns, NaN for a missing value.
using matrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
/// A column of a matrix (or a vector) without a copy: columns of a row-major matrix are strided.
using col_ref = Eigen::Ref<Eigen::VectorXd, 0, Eigen::InnerStride<>>;
using const_col_ref = Eigen::Ref<const Eigen::VectorXd, 0, Eigen::InnerStride<>>;
using Eigen::Index;

inline constexpr double nan = std::numeric_limits<double>::quiet_NaN();

/// The Type column of iMeta.
enum class element_type { indicator, aggregate, group, denominator, other };

[[nodiscard]] inline std::string_view to_string(element_type t) noexcept {
    switch (t) {
        case element_type::indicator: return "Indicator";
        case element_type::aggregate: return "Aggregate";
        case element_type::group: return "Group";
        case element_type::denominator: return "Denominator";
        case element_type::other: return "Other";
    }
    return "Other";
}

[[nodiscard]] inline element_type parse_element_type(std::string_view s) {
    for (auto t : {element_type::indicator, element_type::aggregate, element_type::group, element_type::denominator,
                   element_type::other})
        if (s == to_string(t)) return t;
    throw invalid_input(fmt::format("[regind.invalid_input.framework] unknown Type '{}': expected Indicator, "
                                    "Aggregate, Group, Denominator or Other",
                                    s));
}

/// One row of iMeta. Missing numbers are NaN, missing text is empty.
struct meta_row {
    double level = nan;
    std::string code;
    std::string name;
    std::string parent;
    double direction = nan;
    double weight = nan;
    element_type type = element_type::indicator;
    std::string denominator;  ///< iCode of the denominator (Type Denominator), for Denominate
    double target = nan;      ///< for n_dist2targ
};

/// An indicator (level 1) or an aggregate (level ≥ 2).
struct node {
    std::string code;
    std::string name;
    int level = 1;
    Index parent = -1;  ///< node index; -1 at the top level
    double weight = 1.0;
    int direction = 1;
    double target = nan;
    std::string denominator;
    std::vector<Index> children;  ///< node indices, iMeta order
};

class framework {
public:
    framework() = default;

    /// Checks iMeta rows (§E0) and builds the tree. Throws invalid_input naming the row.
    [[nodiscard]] static framework from_meta(const std::vector<meta_row>& rows);

    [[nodiscard]] const std::vector<node>& nodes() const noexcept { return nodes_; }
    [[nodiscard]] const node& at(Index i) const { return nodes_.at(static_cast<std::size_t>(i)); }
    [[nodiscard]] Index size() const noexcept { return static_cast<Index>(nodes_.size()); }
    [[nodiscard]] int n_levels() const noexcept { return n_levels_; }
    [[nodiscard]] Index n_indicators() const noexcept { return level_start_.size() > 1 ? level_start_[1] : 0; }
    /// Nodes of `level` are [level_begin(level), level_end(level)).
    [[nodiscard]] Index level_begin(int level) const { return level_start_.at(static_cast<std::size_t>(level - 1)); }
    [[nodiscard]] Index level_end(int level) const { return level_start_.at(static_cast<std::size_t>(level)); }
    /// Node index of a code, or -1.
    [[nodiscard]] Index find(std::string_view code) const {
        const auto it = index_.find(std::string(code));
        return it == index_.end() ? -1 : it->second;
    }
    /// Node index of a code; key_error naming the closest codes when unknown.
    [[nodiscard]] Index index_of(std::string_view code) const;
    [[nodiscard]] std::vector<std::string> codes() const {
        std::vector<std::string> out;
        out.reserve(nodes_.size());
        for (const auto& n : nodes_) out.push_back(n.code);
        return out;
    }
    [[nodiscard]] std::vector<std::string> indicator_codes() const {
        std::vector<std::string> out;
        for (Index i = 0; i < n_indicators(); ++i) out.push_back(nodes_[static_cast<std::size_t>(i)].code);
        return out;
    }
    /// iCodes of the rows of Type Group / Denominator / Other, in iMeta order.
    [[nodiscard]] const std::vector<std::string>& group_codes() const noexcept { return groups_; }
    [[nodiscard]] const std::vector<std::string>& denominator_codes() const noexcept { return denominators_; }
    [[nodiscard]] const std::vector<std::string>& other_codes() const noexcept { return others_; }
    /// Effective weight of each node: its weight share among its siblings times its parent's
    /// effective weight (§E6). The nodes of every level sum to 1.
    [[nodiscard]] Eigen::VectorXd effective_weights() const;
    /// Node weights as a vector in node order (the iMeta Weight column).
    [[nodiscard]] Eigen::VectorXd weights() const {
        Eigen::VectorXd w(size());
        for (Index i = 0; i < size(); ++i) w[i] = nodes_[static_cast<std::size_t>(i)].weight;
        return w;
    }

private:
    std::vector<node> nodes_;
    std::vector<Index> level_start_;  // n_levels + 1 entries
    int n_levels_ = 0;
    std::unordered_map<std::string, Index> index_;
    std::vector<std::string> groups_, denominators_, others_;
};

namespace detail {

/// Codes closest to `key` (same case-insensitive prefix first, then by edit distance), for
/// key_error messages.
inline std::vector<std::string> closest_codes(std::string_view key, const std::vector<std::string>& codes,
                                              std::size_t how_many = 3) {
    auto lower = [](std::string_view s) {
        std::string o(s);
        for (auto& c : o) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return o;
    };
    auto distance = [](const std::string& a, const std::string& b) {
        std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
        for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
        for (std::size_t i = 1; i <= a.size(); ++i) {
            cur[0] = i;
            for (std::size_t j = 1; j <= b.size(); ++j)
                cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0u : 1u)});
            std::swap(prev, cur);
        }
        return prev[b.size()];
    };
    const auto k = lower(key);
    std::vector<std::pair<std::size_t, std::string>> scored;
    for (const auto& c : codes) scored.emplace_back(distance(k, lower(c)), c);
    std::stable_sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<std::string> out;
    for (std::size_t i = 0; i < scored.size() && i < how_many; ++i) out.push_back(scored[i].second);
    return out;
}

[[noreturn]] inline void unknown_code(std::string_view what, std::string_view key, const std::vector<std::string>& known) {
    auto near = closest_codes(key, known);
    // Format first: the suggestions are moved into the exception.
    auto message = fmt::format("[regind.key_error.composite] unknown {} '{}'{}", what, key,
                               near.empty() ? std::string() : fmt::format("; closest: {}", fmt::join(near, ", ")));
    throw key_error(message, std::string(key), std::move(near));
}

}  // namespace detail

inline Index framework::index_of(std::string_view code) const {
    const auto i = find(code);
    if (i < 0) detail::unknown_code("iCode", code, codes());
    return i;
}

inline framework framework::from_meta(const std::vector<meta_row>& rows) {
    auto fail = [](std::size_t row, const std::string& code, const std::string& what) {
        throw invalid_input(fmt::format("[regind.invalid_input.framework] iMeta row {} (iCode '{}'): {}", row + 1, code,
                                        what));
    };
    std::unordered_map<std::string, std::size_t> row_of;
    int max_level = 0;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const auto& m = rows[r];
        if (m.code.empty()) fail(r, m.code, "iCode must not be empty");
        if (std::isdigit(static_cast<unsigned char>(m.code.front())))
            fail(r, m.code, "iCode must not start with a digit");
        for (char c : m.code)
            if (std::isspace(static_cast<unsigned char>(c))) fail(r, m.code, "iCode must not contain spaces");
        if (m.code == "uCode" || m.code == "uName" || m.code == "Time")
            fail(r, m.code, "uCode, uName and Time are reserved iData columns, not iMeta codes");
        if (!row_of.emplace(m.code, r).second)
            fail(r, m.code, fmt::format("duplicate iCode (also on row {})", row_of[m.code] + 1));
        const bool in_index = m.type == element_type::indicator || m.type == element_type::aggregate;
        if (in_index) {
            if (std::isnan(m.level)) fail(r, m.code, fmt::format("an {} needs a Level", to_string(m.type)));
            if (m.level != std::floor(m.level) || m.level < 1 || m.level > 1000)
                fail(r, m.code, fmt::format("Level must be a positive integer, not {}", m.level));
            if (m.type == element_type::indicator && m.level != 1)
                fail(r, m.code, fmt::format("an Indicator must be at Level 1, not {}", m.level));
            if (m.type == element_type::aggregate && m.level < 2)
                fail(r, m.code, "an Aggregate must be at Level 2 or above");
            if (m.direction != 1.0 && m.direction != -1.0)
                fail(r, m.code, fmt::format("Direction must be 1 or -1, not {}", m.direction));
            if (!std::isfinite(m.weight)) fail(r, m.code, "Weight must be a finite number (NA is not allowed)");
            if (m.weight < 0) fail(r, m.code, fmt::format("Weight must not be negative, not {}", m.weight));
            max_level = std::max(max_level, static_cast<int>(m.level));
        } else {
            if (!std::isnan(m.level))
                fail(r, m.code, fmt::format("a {} row is not part of the index: its Level must be NA", to_string(m.type)));
            if (!m.parent.empty())
                fail(r, m.code, fmt::format("a {} row is not part of the index: its Parent must be NA", to_string(m.type)));
        }
    }
    if (max_level == 0)
        throw invalid_input("[regind.invalid_input.framework] iMeta has no Indicator rows");

    framework fw;
    fw.n_levels_ = max_level;
    std::vector<std::size_t> level_count(static_cast<std::size_t>(max_level) + 1, 0);
    for (const auto& m : rows)
        if (m.type == element_type::indicator || m.type == element_type::aggregate)
            ++level_count[static_cast<std::size_t>(m.level)];
    for (int l = 1; l <= max_level; ++l)
        if (level_count[static_cast<std::size_t>(l)] == 0)
            throw invalid_input(fmt::format("[regind.invalid_input.framework] levels must be consecutive: no row at "
                                            "Level {} (the highest level is {})",
                                            l, max_level));

    // Parents: exactly one level above; only the top level has none.
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const auto& m = rows[r];
        if (m.type != element_type::indicator && m.type != element_type::aggregate) continue;
        const int lev = static_cast<int>(m.level);
        if (lev == max_level) {
            if (!m.parent.empty())
                fail(r, m.code, fmt::format("the top level ({}) has no parent, but Parent is '{}'", max_level, m.parent));
            continue;
        }
        if (m.parent.empty()) fail(r, m.code, fmt::format("Level {} below the top ({}) needs a Parent", lev, max_level));
        const auto it = row_of.find(m.parent);
        if (it == row_of.end()) fail(r, m.code, fmt::format("Parent '{}' is not an iCode", m.parent));
        const auto& p = rows[it->second];
        if (p.type != element_type::aggregate)
            fail(r, m.code, fmt::format("Parent '{}' is of Type {}, not Aggregate", m.parent, to_string(p.type)));
        if (static_cast<int>(p.level) != lev + 1)
            fail(r, m.code, fmt::format("Parent '{}' is at Level {}; it must be one level above ({})", m.parent,
                                        static_cast<int>(p.level), lev + 1));
    }

    // Nodes level by level, iMeta order within a level.
    fw.level_start_.push_back(0);
    for (int l = 1; l <= max_level; ++l) {
        for (const auto& m : rows) {
            if ((m.type != element_type::indicator && m.type != element_type::aggregate) ||
                static_cast<int>(m.level) != l)
                continue;
            node n;
            n.code = m.code;
            n.name = m.name.empty() ? m.code : m.name;
            n.level = l;
            n.weight = m.weight;
            n.direction = static_cast<int>(m.direction);
            n.target = m.target;
            n.denominator = m.denominator;
            fw.index_.emplace(n.code, static_cast<Index>(fw.nodes_.size()));
            fw.nodes_.push_back(std::move(n));
        }
        fw.level_start_.push_back(static_cast<Index>(fw.nodes_.size()));
    }
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const auto& m = rows[r];
        if (m.type == element_type::group) fw.groups_.push_back(m.code);
        if (m.type == element_type::denominator) fw.denominators_.push_back(m.code);
        if (m.type == element_type::other) fw.others_.push_back(m.code);
    }
    for (Index i = 0; i < fw.size(); ++i) {
        auto& n = fw.nodes_[static_cast<std::size_t>(i)];
        const auto& m = rows[row_of[n.code]];
        if (!m.parent.empty()) {
            n.parent = fw.index_.at(m.parent);
            fw.nodes_[static_cast<std::size_t>(n.parent)].children.push_back(i);
        }
    }
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const auto& m = rows[r];
        if (m.type == element_type::aggregate && fw.nodes_[static_cast<std::size_t>(fw.index_.at(m.code))].children.empty())
            fail(r, m.code, "an Aggregate needs at least one child (no row names it as Parent)");
        if (m.type == element_type::indicator && !m.denominator.empty()) {
            const auto it = row_of.find(m.denominator);
            if (it == row_of.end() || rows[it->second].type != element_type::denominator)
                fail(r, m.code, fmt::format("Denominator '{}' is not an iCode of Type Denominator", m.denominator));
        }
    }
    return fw;
}

inline Eigen::VectorXd framework::effective_weights() const {
    Eigen::VectorXd eff(size());
    // Top down: the top level shares 1 among its nodes, every parent shares its own weight.
    for (int l = n_levels_; l >= 1; --l) {
        for (Index i = level_begin(l); i < level_end(l); ++i) {
            const auto& n = nodes_[static_cast<std::size_t>(i)];
            double siblings = 0;
            double parent_weight = 1;
            if (n.parent < 0) {
                for (Index j = level_begin(l); j < level_end(l); ++j) siblings += nodes_[static_cast<std::size_t>(j)].weight;
            } else {
                const auto& p = nodes_[static_cast<std::size_t>(n.parent)];
                for (Index c : p.children) siblings += nodes_[static_cast<std::size_t>(c)].weight;
                parent_weight = eff[n.parent];
            }
            eff[i] = siblings > 0 ? n.weight / siblings * parent_weight : nan;
        }
    }
    return eff;
}

}  // namespace regind::composite
