// SPDX-License-Identifier: MIT
// regind's exceptions. Every message starts with a stable id in brackets, e.g.
// "[regind.parse_error.csv]", which tests match on.
//
// Design notes: the types derive from the standard exceptions so that C++ callers can catch
// std::invalid_argument / std::out_of_range, and so that the bindings map them onto the
// Python built-ins (ValueError, KeyError) with the same message.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace regind {

/// Bad input or a broken contract: wrong shapes, unknown enum text, invalid values.
class invalid_input : public std::invalid_argument {
public:
    using std::invalid_argument::invalid_argument;
};

/// Text that could not be parsed. Carries where: source (file name or "<string>"), line and
/// column (1-based; 0 when not applicable) and the offending text.
class parse_error : public invalid_input {
public:
    parse_error(const std::string& message, std::string source, std::size_t line,
                std::size_t column, std::string text)
        : invalid_input(message),
          source_(std::move(source)),
          line_(line),
          column_(column),
          text_(std::move(text)) {}
    [[nodiscard]] const std::string& source() const noexcept { return source_; }
    [[nodiscard]] std::size_t line() const noexcept { return line_; }
    [[nodiscard]] std::size_t column() const noexcept { return column_; }
    [[nodiscard]] const std::string& text() const noexcept { return text_; }

private:
    std::string source_;
    std::size_t line_;
    std::size_t column_;
    std::string text_;
};

/// Converting between units of different dimensions, or an unknown unit.
class unit_error : public invalid_input {
public:
    using invalid_input::invalid_input;
};

/// A key (region, indicator, ...) that is not known. Carries the closest known keys.
class key_error : public std::out_of_range {
public:
    key_error(const std::string& message, std::string key, std::vector<std::string> suggestions)
        : std::out_of_range(message), key_(std::move(key)), suggestions_(std::move(suggestions)) {}
    [[nodiscard]] const std::string& key() const noexcept { return key_; }
    [[nodiscard]] const std::vector<std::string>& suggestions() const noexcept {
        return suggestions_;
    }

private:
    std::string key_;
    std::vector<std::string> suggestions_;
};

}  // namespace regind
