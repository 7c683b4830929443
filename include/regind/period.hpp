// SPDX-License-Identifier: MIT
// Reporting periods of Chinese statistics: year, half-year, quarter, month, cumulative
// year-to-date (1–m月, including the 1–2月 block), multi-year spans and five-year plans.
//
// Design notes: a period is a value type (kind, year, a, b). Every period covers a contiguous
// run of calendar months, so ordering and "elapsed fraction" are computed on absolute month
// indices (year·12 + month − 1). Text forms: "2022", "2022-H1", "2022-Q3", "2022-06",
// "2022-01..06", "2016..2020", and the Chinese forms "2022年", "2022年上半年", "2022年三季度",
// "2022年前三季度", "2022年1-6月", "2022年6月", "2016-2020年", "十四五".
#pragma once

#include <algorithm>
#include <string>
#include <string_view>
#include <tuple>

#include <fmt/format.h>

#include "regind/error.hpp"
#include "regind/detail/text.hpp"

namespace regind {

enum class period_kind { year, half, quarter, month, ytd, span };

[[nodiscard]] inline std::string_view to_string(period_kind k) noexcept {
    switch (k) {
        case period_kind::year: return "year";
        case period_kind::half: return "half";
        case period_kind::quarter: return "quarter";
        case period_kind::month: return "month";
        case period_kind::ytd: return "ytd";
        case period_kind::span: return "span";
    }
    return "?";
}

namespace detail {
/// Small Chinese numerals 一..九十九 (and 两, 〇); -1 when not one.
inline int parse_chinese_small_int(std::string_view s) {
    static constexpr std::string_view digits[] = {"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
    auto digit = [&](std::string_view d) -> int {
        if (d == "两") return 2;
        for (int i = 0; i < 10; ++i)
            if (digits[i] == d) return i;
        return -1;
    };
    const std::string_view ten = "十";
    if (s.empty()) return -1;
    const auto pos = s.find(ten);
    if (pos == std::string_view::npos) return s.size() == 3 ? digit(s) : -1;
    const auto hi = s.substr(0, pos), lo = s.substr(pos + ten.size());
    const int h = hi.empty() ? 1 : (hi.size() == 3 ? digit(hi) : -1);
    const int l = lo.empty() ? 0 : (lo.size() == 3 ? digit(lo) : -1);
    if (h <= 0 || l < 0) return -1;
    return h * 10 + l;
}
}  // namespace detail

class period {
public:
    /// The year 2000 (a default is needed for containers; prefer the factories).
    period() = default;

    static period year(int y) { return make(period_kind::year, y, 0, 0); }
    static period half(int y, int h) { return make(period_kind::half, y, h, 0); }
    static period quarter(int y, int q) { return make(period_kind::quarter, y, q, 0); }
    static period month(int y, int m) { return make(period_kind::month, y, m, 0); }
    /// Cumulative January..last_month (1–m月). ytd(y, 2) is the 1–2月 block.
    static period ytd(int y, int last_month) { return make(period_kind::ytd, y, 1, last_month); }
    /// The years first..last inclusive (a plan period such as 2021..2025).
    static period span(int first, int last) { return make(period_kind::span, first, last, 0); }
    /// The n-th five-year plan (n ≥ 1): 13 → 2016..2020, 14 → 2021..2025.
    static period five_year_plan(int n);

    /// Parses any of the text forms in the header note; throws parse_error naming the text.
    static period parse(std::string_view text);

    [[nodiscard]] period_kind kind() const noexcept { return kind_; }
    [[nodiscard]] int year() const noexcept { return year_; }
    [[nodiscard]] int first_year() const noexcept { return year_; }
    [[nodiscard]] int last_year() const noexcept { return kind_ == period_kind::span ? a_ : year_; }
    /// First and last calendar month covered (1..12), within first_year() / last_year().
    [[nodiscard]] int first_month() const noexcept;
    [[nodiscard]] int last_month() const noexcept;
    /// Absolute month index (year·12 + month − 1) of the first and last month covered.
    [[nodiscard]] int start_index() const noexcept { return first_year() * 12 + first_month() - 1; }
    [[nodiscard]] int end_index() const noexcept { return last_year() * 12 + last_month() - 1; }
    [[nodiscard]] int months() const noexcept { return end_index() - start_index() + 1; }

    /// The period of the same kind just before (2022 → 2021, 2022-Q1 → 2021-Q4,
    /// 2022-01..06 → 2021-01..06, 2021..2025 → 2016..2020).
    [[nodiscard]] period previous() const;
    /// The same period one year earlier (同期): 2022-06 → 2021-06; a span shifts by one year.
    [[nodiscard]] period same_period_last_year() const;
    /// Time progress (时序进度) at the end of this period within its calendar year: last
    /// month / 12 for periods inside a year (2022-01..06 → 0.5), 1 for a year or a span.
    [[nodiscard]] double elapsed_fraction() const noexcept;
    /// Share of this period's months that have elapsed by the end of `as_of`, in [0, 1].
    [[nodiscard]] double elapsed_fraction(const period& as_of) const noexcept;
    /// True when every month of `other` lies within this period.
    [[nodiscard]] bool contains(const period& other) const noexcept {
        return other.start_index() >= start_index() && other.end_index() <= end_index();
    }

    /// Canonical text: "2022", "2022-H1", "2022-Q3", "2022-06", "2022-01..06", "2016..2020".
    [[nodiscard]] std::string to_string() const;
    /// Chinese text: "2022年", "2022年上半年", "2022年三季度", "2022年6月", "2022年1-6月",
    /// "2016-2020年" (or "十三五" for a five-year plan when `plan_names` is true).
    [[nodiscard]] std::string to_chinese(bool plan_names = true) const;

    friend bool operator==(const period& a, const period& b) noexcept {
        return a.kind_ == b.kind_ && a.year_ == b.year_ && a.a_ == b.a_ && a.b_ == b.b_;
    }
    friend bool operator!=(const period& a, const period& b) noexcept { return !(a == b); }
    /// Ordered by start month, then end month, then kind.
    friend bool operator<(const period& a, const period& b) noexcept {
        return std::make_tuple(a.start_index(), a.end_index(), static_cast<int>(a.kind_)) <
               std::make_tuple(b.start_index(), b.end_index(), static_cast<int>(b.kind_));
    }
    friend bool operator>(const period& a, const period& b) noexcept { return b < a; }
    friend bool operator<=(const period& a, const period& b) noexcept { return !(b < a); }
    friend bool operator>=(const period& a, const period& b) noexcept { return !(a < b); }

private:
    static period make(period_kind k, int y, int a, int b);
    period_kind kind_ = period_kind::year;
    int year_ = 2000;
    int a_ = 0;
    int b_ = 0;
};

inline period period::make(period_kind k, int y, int a, int b) {
    auto fail = [&](const std::string& what) {
        throw invalid_input(fmt::format("[regind.invalid_input.period] {}", what));
    };
    if (y < 1 || y > 9999) fail(fmt::format("year {} is out of range 1..9999", y));
    switch (k) {
        case period_kind::year: break;
        case period_kind::half:
            if (a < 1 || a > 2) fail(fmt::format("half {} must be 1 or 2", a));
            break;
        case period_kind::quarter:
            if (a < 1 || a > 4) fail(fmt::format("quarter {} must be 1..4", a));
            break;
        case period_kind::month:
            if (a < 1 || a > 12) fail(fmt::format("month {} must be 1..12", a));
            break;
        case period_kind::ytd:
            if (b < 1 || b > 12) fail(fmt::format("last month {} of a year-to-date period must be 1..12", b));
            break;
        case period_kind::span:
            if (a < y) fail(fmt::format("span {}..{} ends before it starts", y, a));
            if (a > 9999) fail(fmt::format("year {} is out of range 1..9999", a));
            break;
    }
    period p;
    p.kind_ = k;
    p.year_ = y;
    p.a_ = a;
    p.b_ = b;
    return p;
}

inline period period::five_year_plan(int n) {
    if (n < 1 || n > 100) throw invalid_input(fmt::format("[regind.invalid_input.period] five-year plan {} is out of range", n));
    // The 1st plan is 1953–1957, the 2nd 1958–1962; after the 1963–1965 adjustment years the
    // 3rd starts in 1966 and every later plan follows on.
    const int first = n == 1 ? 1953 : n == 2 ? 1958 : 1966 + 5 * (n - 3);
    return span(first, first + 4);
}

inline int period::first_month() const noexcept {
    switch (kind_) {
        case period_kind::half: return a_ == 1 ? 1 : 7;
        case period_kind::quarter: return 3 * (a_ - 1) + 1;
        case period_kind::month: return a_;
        case period_kind::ytd: return 1;
        default: return 1;
    }
}

inline int period::last_month() const noexcept {
    switch (kind_) {
        case period_kind::half: return a_ == 1 ? 6 : 12;
        case period_kind::quarter: return 3 * a_;
        case period_kind::month: return a_;
        case period_kind::ytd: return b_;
        default: return 12;
    }
}

inline period period::previous() const {
    switch (kind_) {
        case period_kind::year: return year(year_ - 1);
        case period_kind::half: return a_ == 2 ? half(year_, 1) : half(year_ - 1, 2);
        case period_kind::quarter: return a_ > 1 ? quarter(year_, a_ - 1) : quarter(year_ - 1, 4);
        case period_kind::month: return a_ > 1 ? month(year_, a_ - 1) : month(year_ - 1, 12);
        case period_kind::ytd: return ytd(year_ - 1, b_);
        case period_kind::span: {
            const int len = a_ - year_ + 1;
            return span(year_ - len, year_ - 1);
        }
    }
    return *this;
}

inline period period::same_period_last_year() const {
    if (kind_ == period_kind::span) return span(year_ - 1, a_ - 1);
    period p = *this;
    p = make(kind_, year_ - 1, a_, b_);
    return p;
}

inline double period::elapsed_fraction() const noexcept {
    if (kind_ == period_kind::year || kind_ == period_kind::span) return 1.0;
    return static_cast<double>(last_month()) / 12.0;
}

inline double period::elapsed_fraction(const period& as_of) const noexcept {
    const int done = as_of.end_index() - start_index() + 1;
    return std::clamp(static_cast<double>(done) / static_cast<double>(months()), 0.0, 1.0);
}

inline std::string period::to_string() const {
    switch (kind_) {
        case period_kind::year: return fmt::format("{:04d}", year_);
        case period_kind::half: return fmt::format("{:04d}-H{}", year_, a_);
        case period_kind::quarter: return fmt::format("{:04d}-Q{}", year_, a_);
        case period_kind::month: return fmt::format("{:04d}-{:02d}", year_, a_);
        case period_kind::ytd: return fmt::format("{:04d}-01..{:02d}", year_, b_);
        case period_kind::span: return fmt::format("{:04d}..{:04d}", year_, a_);
    }
    return {};
}

inline std::string period::to_chinese(bool plan_names) const {
    static constexpr std::string_view q[] = {"", "一", "二", "三", "四"};
    // Years are written with four digits (0001年), as parse() reads them back.
    switch (kind_) {
        case period_kind::year: return fmt::format("{:04d}年", year_);
        case period_kind::half: return fmt::format("{:04d}年{}半年", year_, a_ == 1 ? "上" : "下");
        case period_kind::quarter: return fmt::format("{:04d}年{}季度", year_, q[a_]);
        case period_kind::month: return fmt::format("{:04d}年{}月", year_, a_);
        case period_kind::ytd: return b_ == 1 ? fmt::format("{:04d}年1月", year_) : fmt::format("{:04d}年1-{}月", year_, b_);
        case period_kind::span: {
            // Plan names up to the 99th plan (two Chinese digits); later spans are written as years.
            const int n = (year_ - 1966) / 5 + 3;
            if (plan_names && a_ - year_ == 4 && year_ >= 1966 && (year_ - 1966) % 5 == 0 && n <= 99) {
                static constexpr std::string_view d[] = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
                std::string name = n >= 10 ? (n / 10 == 1 ? std::string("十") : std::string(d[n / 10]) + "十") : "";
                name += d[n % 10];
                return name + "五";
            }
            return fmt::format("{:04d}-{:04d}年", year_, a_);
        }
    }
    return {};
}

inline period period::parse(std::string_view text) {
    const std::string_view s = detail::trim(text);
    auto fail = [&](const std::string& why) -> period {
        throw parse_error(fmt::format("[regind.parse_error.period] cannot read period '{}': {}; expected forms like "
                                      "2022, 2022-H1, 2022-Q3, 2022-06, 2022-01..06, 2016..2020, 2022年1-6月, 十四五",
                                      s, why),
                          "<period>", 0, 0, std::string(s));
    };
    auto num = [](std::string_view v) -> int {
        if (!detail::all_digits(v) || v.size() > 4) return -1;
        return static_cast<int>(*detail::parse_int(v));
    };
    auto guarded = [&](auto&& f) -> period {
        try {
            return f();
        } catch (const parse_error&) {
            throw;
        } catch (const invalid_input& e) {
            return fail(e.what());
        }
    };
    if (s.empty()) return fail("empty text");
    // ASCII forms.
    if (s.size() == 4 && detail::all_digits(s)) return guarded([&] { return year(num(s)); });
    if (const auto dd = s.find(".."); dd != std::string_view::npos) {
        const auto left = s.substr(0, dd), right = s.substr(dd + 2);
        if (left.size() == 4 && detail::all_digits(left) && right.size() == 4 && detail::all_digits(right))
            return guarded([&] { return span(num(left), num(right)); });
        if (left.size() == 7 && left[4] == '-' && right.size() == 2 && detail::all_digits(right)) {
            const int y = num(left.substr(0, 4)), m1 = num(left.substr(5, 2)), m2 = num(right);
            if (y < 0 || m1 < 0) return fail("not a year-month");
            if (m1 != 1) return fail("a cumulative period starts in January (01)");
            if (m2 < 1) return fail("last month must be 01..12");
            return guarded([&] { return ytd(y, m2); });
        }
        return fail("unrecognised range");
    }
    if (s.size() >= 6 && s[4] == '-' && detail::all_digits(s.substr(0, 4)) && s.find("年") == std::string_view::npos) {
        const int y = num(s.substr(0, 4));
        const auto rest = s.substr(5);
        if (rest.size() == 2 && (rest[0] == 'H' || rest[0] == 'h') && detail::all_digits(rest.substr(1)))
            return guarded([&] { return half(y, rest[1] - '0'); });
        if (rest.size() == 2 && (rest[0] == 'Q' || rest[0] == 'q') && detail::all_digits(rest.substr(1)))
            return guarded([&] { return quarter(y, rest[1] - '0'); });
        if (rest.size() == 2 && detail::all_digits(rest)) return guarded([&] { return month(y, num(rest)); });
        if (rest.size() == 4 && detail::all_digits(rest)) return guarded([&] { return span(y, num(rest)); });
        return fail("unrecognised suffix after the year");
    }
    // Five-year plans: 十四五, “十四五”, 十四五时期 ...
    {
        std::string t(s);
        for (std::string_view strip : {"“", "”", "\"", "规划", "时期", "期间"}) {
            for (auto p = t.find(strip); p != std::string::npos; p = t.find(strip)) t.erase(p, strip.size());
        }
        const std::string_view wu = "五";
        if (t.size() > wu.size() && std::string_view(t).substr(t.size() - wu.size()) == wu) {
            const int n = detail::parse_chinese_small_int(std::string_view(t).substr(0, t.size() - wu.size()));
            if (n > 0) return guarded([&] { return five_year_plan(n); });
        }
    }
    // Chinese forms starting with a four-digit year.
    if (s.size() >= 4 && detail::all_digits(s.substr(0, 4))) {
        const int y = num(s.substr(0, 4));
        std::string_view rest = s.substr(4);
        const std::string_view nian = "年", yue = "月";
        // "2016-2020年" / "2016—2020年" / "2016至2020年"
        for (std::string_view dash : {"-", "—", "–", "~", "～", "至", "到"}) {
            if (rest.substr(0, dash.size()) == dash) {
                auto r = rest.substr(dash.size());
                if (r.size() >= 4 && detail::all_digits(r.substr(0, 4)) && (r.size() == 4 || r.substr(4) == nian))
                    return guarded([&] { return span(y, num(r.substr(0, 4))); });
            }
        }
        if (rest.substr(0, nian.size()) != nian) return fail("expected 年 after the year");
        rest = rest.substr(nian.size());
        if (rest.empty() || rest == "全年" || rest == "度" || rest == "年度") return guarded([&] { return year(y); });
        if (rest == "上半年") return guarded([&] { return half(y, 1); });
        if (rest == "下半年") return guarded([&] { return half(y, 2); });
        // 一季度 / 第一季度 / 1季度 / 前三季度
        const std::string_view jidu = "季度";
        if (rest.size() > jidu.size() && rest.substr(rest.size() - jidu.size()) == jidu) {
            auto q = rest.substr(0, rest.size() - jidu.size());
            bool cumulative = false;
            if (q.substr(0, 3) == "前") {
                cumulative = true;
                q = q.substr(3);
            } else if (q.substr(0, 3) == "第") {
                q = q.substr(3);
            }
            int n = detail::all_digits(q) ? num(q) : detail::parse_chinese_small_int(q);
            if (n < 1 || n > 4) return fail("quarter must be 1..4");
            return guarded([&] { return cumulative ? ytd(y, 3 * n) : quarter(y, n); });
        }
        // 6月 / 1-6月 / 1—6月 / 1至6月
        if (rest.size() > yue.size() && rest.substr(rest.size() - yue.size()) == yue) {
            auto m = rest.substr(0, rest.size() - yue.size());
            if (detail::all_digits(m)) return guarded([&] { return month(y, num(m)); });
            for (std::string_view dash : {"-", "—", "–", "~", "～", "至", "到"}) {
                const auto p = m.find(dash);
                if (p == std::string_view::npos) continue;
                const auto a = m.substr(0, p), b = m.substr(p + dash.size());
                if (!detail::all_digits(a) || !detail::all_digits(b)) break;
                if (num(a) != 1) return fail("a cumulative period starts in January (1月)");
                return guarded([&] { return ytd(y, num(b)); });
            }
        }
        return fail("unrecognised Chinese form");
    }
    return fail("unrecognised form");
}

}  // namespace regind
