// SPDX-License-Identifier: MIT
// A small RFC 4180 CSV reader and writer used for every regind table (regions, indicators,
// facts), embedded or user supplied. The reader validates UTF-8 and the field count of every
// row and reports the source, line and column of the first problem.
#pragma once

#include <algorithm>
#include <cstddef>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "regind/error.hpp"
#include "regind/detail/text.hpp"

namespace regind::detail {

struct csv_row {
    std::size_t line = 0;  ///< 1-based line where the row starts
    std::vector<std::string> fields;
};

struct csv_table {
    std::string source;
    std::vector<std::string> header;
    std::vector<csv_row> rows;

    /// Index of a header column, or npos.
    [[nodiscard]] std::size_t column(std::string_view name) const noexcept {
        for (std::size_t i = 0; i < header.size(); ++i)
            if (header[i] == name) return i;
        return std::string_view::npos;
    }
};

[[noreturn]] inline void throw_csv_error(const std::string& source, std::size_t line, std::size_t column,
                                         const std::string& what, const std::string& text) {
    throw parse_error(fmt::format("[regind.parse_error.csv] {}:{}:{}: {}", source, line, column, what),
                      source, line, column, text);
}

/// Parses CSV text. The first row is the header. Blank lines are skipped. Throws parse_error
/// on invalid UTF-8, an unterminated quote or a row whose field count differs from the header.
inline csv_table parse_csv(std::string_view text, std::string source) {
    csv_table table;
    table.source = std::move(source);
    if (const auto bad = find_invalid_utf8(text); bad != std::string_view::npos) {
        const auto line_start = text.rfind('\n', bad == 0 ? 0 : bad - 1);
        const std::size_t ls = (line_start == std::string_view::npos || bad == 0) ? 0 : line_start + 1;
        std::size_t line = 1;
        for (std::size_t i = 0; i < ls; ++i) line += text[i] == '\n';
        const std::size_t col = count_code_points(text.substr(ls, bad - ls)) + 1;
        throw_csv_error(table.source, line, col,
                        fmt::format("invalid UTF-8 byte 0x{:02X} at byte offset {}; expected UTF-8 text",
                                    static_cast<unsigned char>(text[bad]), bad),
                        fmt::format("\\x{:02X}", static_cast<unsigned char>(text[bad])));
    }
    if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // BOM

    std::size_t i = 0, line = 1;
    const std::size_t n = text.size();
    bool first = true;
    while (i < n) {
        // Skip blank lines.
        if (text[i] == '\n' || text[i] == '\r') {
            if (text[i] == '\n') ++line;
            ++i;
            continue;
        }
        csv_row row;
        row.line = line;
        std::string field;
        bool in_quotes = false, was_quoted = false;
        std::size_t field_col = 1, col = 1;  // code-point column of the current character
        for (;;) {
            if (i >= n) {
                if (in_quotes)
                    throw_csv_error(table.source, row.line, field_col, "unterminated quoted field", field);
                row.fields.push_back(std::move(field));
                break;
            }
            const char c = text[i];
            if (in_quotes) {
                if (c == '"') {
                    if (i + 1 < n && text[i + 1] == '"') {
                        field += '"';
                        i += 2;
                        col += 2;
                        continue;
                    }
                    in_quotes = false;
                    ++i;
                    ++col;
                    continue;
                }
                if (c == '\n') ++line;
                field += c;
                if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++col;
                ++i;
                continue;
            }
            if (c == '"' && field.empty() && !was_quoted) {
                in_quotes = was_quoted = true;
                ++i;
                ++col;
                continue;
            }
            if (c == ',') {
                row.fields.push_back(std::move(field));
                field.clear();
                was_quoted = false;
                ++i;
                ++col;
                field_col = col;
                continue;
            }
            if (c == '\r' || c == '\n') {
                row.fields.push_back(std::move(field));
                if (c == '\r' && i + 1 < n && text[i + 1] == '\n') ++i;
                ++i;
                ++line;
                break;
            }
            if (was_quoted)
                throw_csv_error(table.source, row.line, col, "text after a closing quote",
                                std::string(1, c));
            field += c;
            if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++col;
            ++i;
        }
        if (first) {
            for (auto& h : row.fields) h = std::string(trim(h));
            table.header = std::move(row.fields);
            first = false;
            continue;
        }
        if (row.fields.size() != table.header.size())
            throw_csv_error(table.source, row.line, 1,
                            fmt::format("expected {} fields (as in the header) but found {}",
                                        table.header.size(), row.fields.size()),
                            fmt::format("{}", fmt::join(row.fields, ",")));
        table.rows.push_back(std::move(row));
    }
    if (first) throw_csv_error(table.source, 1, 1, "empty file: expected a header line", "");
    return table;
}

/// Reads a whole file; throws parse_error (line 0) when it cannot be opened.
inline std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw parse_error(fmt::format("[regind.parse_error.io] {}: cannot open file for reading", path),
                               path, 0, 0, "");
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

inline void write_file(const std::string& path, std::string_view content) {
    std::ofstream out(path, std::ios::binary);
    if (!out) throw invalid_input(fmt::format("[regind.invalid_input.io] {}: cannot open file for writing", path));
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    if (!out) throw invalid_input(fmt::format("[regind.invalid_input.io] {}: write failed", path));
}

/// Appends one field, quoted when it holds a comma, quote, line break or edge space.
inline void append_csv_field(std::string& out, std::string_view field) {
    const bool quote = field.find_first_of(",\"\r\n") != std::string_view::npos ||
                       (!field.empty() && (field.front() == ' ' || field.back() == ' '));
    if (!quote) {
        out += field;
        return;
    }
    out += '"';
    for (char c : field) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
}

/// Context for messages about a cell: "file.csv:12: column 'value' (5)".
inline std::string cell_where(const csv_table& t, const csv_row& r, std::size_t col) {
    return fmt::format("{}:{}: column '{}' ({})", t.source, r.line, t.header[col], col + 1);
}

[[noreturn]] inline void throw_cell_error(const csv_table& t, const csv_row& r, std::size_t col,
                                          const std::string& what) {
    throw parse_error(fmt::format("[regind.parse_error.csv] {}: {}: '{}'", cell_where(t, r, col), what,
                                  r.fields[col]),
                      t.source, r.line, col + 1, r.fields[col]);
}

/// Checks that the header holds every required column and nothing unknown.
inline void require_columns(const csv_table& t, const std::vector<std::string>& required,
                            const std::vector<std::string>& optional,
                            const std::vector<std::string>& ignored = {}) {
    for (const auto& r : required)
        if (t.column(r) == std::string_view::npos)
            throw parse_error(fmt::format("[regind.parse_error.csv] {}:1: missing column '{}'; expected columns {}",
                                          t.source, r, fmt::join(required, ",")),
                              t.source, 1, 0, r);
    for (std::size_t i = 0; i < t.header.size(); ++i) {
        const auto& h = t.header[i];
        auto in = [&](const std::vector<std::string>& v) { return std::find(v.begin(), v.end(), h) != v.end(); };
        if (!in(required) && !in(optional) && !in(ignored))
            throw parse_error(fmt::format("[regind.parse_error.csv] {}:1:{}: unknown column '{}'", t.source, i + 1, h),
                              t.source, 1, i + 1, h);
        for (std::size_t j = 0; j < i; ++j)
            if (t.header[j] == h)
                throw parse_error(fmt::format("[regind.parse_error.csv] {}:1:{}: duplicate column '{}'", t.source, i + 1, h),
                                  t.source, 1, i + 1, h);
    }
}

}  // namespace regind::detail
