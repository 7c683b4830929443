// SPDX-License-Identifier: MIT
// Text helpers: UTF-8 validation and decoding, trimming, ASCII case folding, number parsing,
// and the edit distance that ranks "did you mean" suggestions.
#pragma once

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace regind::detail {

/// Byte offset of the first invalid UTF-8 sequence in `s`, or npos when `s` is valid.
/// Rejects overlong forms, surrogates and code points above U+10FFFF.
inline std::size_t find_invalid_utf8(std::string_view s) noexcept {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const std::size_t n = s.size();
    std::size_t i = 0;
    while (i < n) {
        const unsigned c = p[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        std::size_t len = 0;
        std::uint32_t cp = 0;
        if ((c & 0xE0) == 0xC0) {
            len = 2;
            cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            len = 3;
            cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            len = 4;
            cp = c & 0x07;
        } else {
            return i;
        }
        if (i + len > n) return i;
        for (std::size_t k = 1; k < len; ++k) {
            const unsigned cc = p[i + k];
            if ((cc & 0xC0) != 0x80) return i;
            cp = (cp << 6) | (cc & 0x3F);
        }
        const bool overlong = (len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) ||
                              (len == 4 && cp < 0x10000);
        if (overlong || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
        i += len;
    }
    return std::string_view::npos;
}

/// Decodes valid UTF-8 into code points (callers validate first).
inline std::u32string decode_utf8(std::string_view s) {
    std::u32string out;
    out.reserve(s.size());
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    std::size_t i = 0;
    while (i < s.size()) {
        const unsigned c = p[i];
        std::size_t len = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : 4;
        std::uint32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
        for (std::size_t k = 1; k < len && i + k < s.size(); ++k) cp = (cp << 6) | (p[i + k] & 0x3F);
        out.push_back(static_cast<char32_t>(cp));
        i += len;
    }
    return out;
}

/// Number of code points in valid UTF-8.
inline std::size_t count_code_points(std::string_view s) noexcept {
    std::size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
}

inline std::string_view trim(std::string_view s) noexcept {
    const char* ws = " \t\r\n";
    const auto b = s.find_first_not_of(ws);
    if (b == std::string_view::npos) return {};
    const auto e = s.find_last_not_of(ws);
    return s.substr(b, e - b + 1);
}

inline std::string ascii_lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

inline bool all_digits(std::string_view s) noexcept {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

/// Parses a whole string as a finite double ("12", "-3.5", "1e3"); nullopt otherwise.
inline std::optional<double> parse_double(std::string_view s) {
    s = trim(s);
    if (s.empty()) return std::nullopt;
    if (s.front() == '+') s.remove_prefix(1);
    std::string buf(s);
    char* end = nullptr;
    errno = 0;
    const double v = std::strtod(buf.c_str(), &end);
    // ERANGE with a finite result is an underflow to a subnormal or zero: still the correctly
    // rounded value (5e-324 is a double). Overflow gives ±HUGE_VAL and is refused.
    if (end != buf.c_str() + buf.size() || !std::isfinite(v)) return std::nullopt;
    // strtod also accepts hex floats and "inf"/"nan": allow decimal forms only.
    for (char c : buf)
        if (!((c >= '0' && c <= '9') || c == '.' || c == '-' || c == 'e' || c == 'E' || c == '+'))
            return std::nullopt;
    return v;
}

/// Parses a whole string as a 64-bit integer; nullopt otherwise.
inline std::optional<long long> parse_int(std::string_view s) {
    s = trim(s);
    if (s.empty()) return std::nullopt;
    long long v = 0;
    const auto* first = s.data();
    if (*first == '+') ++first;
    const auto r = std::from_chars(first, s.data() + s.size(), v);
    if (r.ec != std::errc() || r.ptr != s.data() + s.size()) return std::nullopt;
    return v;
}

/// Levenshtein distance over code points.
inline std::size_t edit_distance(const std::u32string& a, const std::u32string& b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diag = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0u : 1u)});
            diag = up;
        }
    }
    return row[b.size()];
}

/// Up to `limit` candidates closest to `key` (case-insensitive for ASCII), closest first;
/// candidates further than half the key's length (at least 2) are left out.
inline std::vector<std::string> closest(std::string_view key, const std::vector<std::string>& candidates,
                                        std::size_t limit = 3) {
    const auto k = decode_utf8(ascii_lower(key));
    std::vector<std::pair<std::size_t, std::string>> scored;
    for (const auto& c : candidates) {
        const auto cc = decode_utf8(ascii_lower(c));
        const std::size_t cutoff = std::max<std::size_t>(2, (k.size() + 1) / 2);
        // The distance is at least the difference in length: past the cutoff, skip the
        // O(|key| × |candidate|) table (a 100,000-character key took 0.2 s against 300 names).
        const std::size_t gap = k.size() > cc.size() ? k.size() - cc.size() : cc.size() - k.size();
        std::size_t d = gap > cutoff ? gap : edit_distance(k, cc);
        // A candidate that contains the key (or the reverse) is a near miss whatever its length.
        const bool contains = !k.empty() && (cc.find(k) != std::u32string::npos || k.find(cc) != std::u32string::npos);
        if (contains) d = std::min<std::size_t>(d, 1);
        if (d <= cutoff) scored.emplace_back(d, c);
    }
    std::stable_sort(scored.begin(), scored.end(),
                     [](const auto& x, const auto& y) { return x.first < y.first; });
    std::vector<std::string> out;
    for (auto& s : scored) {
        if (out.size() >= limit) break;
        if (std::find(out.begin(), out.end(), s.second) == out.end()) out.push_back(std::move(s.second));
    }
    return out;
}

/// Terminal columns taken by valid UTF-8 text: East Asian wide characters count two.
inline std::size_t display_width(std::string_view s) {
    std::size_t w = 0;
    for (char32_t c : decode_utf8(s)) w += (c >= 0x2E80 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3) ||
                                                   (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFF00 && c <= 0xFF60)
                                               ? 2
                                               : 1;
    return w;
}

/// `s` padded with spaces to `width` terminal columns.
inline std::string pad_display(std::string_view s, std::size_t width) {
    std::string out(s);
    const auto w = display_width(s);
    if (w < width) out.append(width - w, ' ');
    return out;
}

/// "a, b or c" for error messages.
inline std::string join_or(const std::vector<std::string>& items) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) out += i + 1 == items.size() ? " or " : ", ";
        out += "'" + items[i] + "'";
    }
    return out;
}

}  // namespace regind::detail
