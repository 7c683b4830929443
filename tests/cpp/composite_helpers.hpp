// SPDX-License-Identifier: MIT
// Small builders shared by the composite-index tests (test_composite.cpp,
// test_composite_weights.cpp, test_uncertainty.cpp): vectors and matrices from literals, a
// tight Approx, "throws with this message id", and the three-indicator framework the hand
// arithmetic of those tests is written against.
#pragma once

#include <doctest/doctest.h>

#include <functional>
#include <initializer_list>
#include <limits>
#include <string>
#include <vector>

#include "regind/composite.hpp"

namespace composite_test {

namespace rc = regind::composite;

inline const double NaN = std::numeric_limits<double>::quiet_NaN();

inline Eigen::VectorXd vec(std::initializer_list<double> v) {
    Eigen::VectorXd a(static_cast<Eigen::Index>(v.size()));
    Eigen::Index i = 0;
    for (double x : v) a[i++] = x;
    return a;
}

/// A rows × cols matrix filled row by row.
inline rc::matrix mat(Eigen::Index rows, Eigen::Index cols, std::initializer_list<double> v) {
    rc::matrix m(rows, cols);
    Eigen::Index k = 0;
    for (double x : v) m(k / cols, k % cols) = x, ++k;
    return m;
}

inline doctest::Approx near(double x, double eps = 1e-12) { return doctest::Approx(x).epsilon(eps).scale(1.0); }

/// True when f throws E and the message starts with the stable id.
template <class E>
bool throws_id(const std::function<void()>& f, const std::string& id) {
    try {
        f();
    } catch (const E& e) {
        const std::string w = e.what();
        if (w.rfind(id, 0) == 0) return true;
        MESSAGE("message was: " << w);
        return false;
    }
    return false;
}

inline rc::meta_row row(double level, const std::string& code, const std::string& parent, double direction,
                        double weight, rc::element_type type) {
    rc::meta_row r;
    r.level = level;
    r.code = code;
    r.parent = parent;
    r.direction = direction;
    r.weight = weight;
    r.type = type;
    return r;
}

/// Three indicators (a, b weighted 3 and reversed, c) → two pillars (P, Q) → Index, a group
/// column "grp" and, when asked, a denominator "pop".
inline std::vector<rc::meta_row> small_meta(bool with_denominator = true) {
    using T = rc::element_type;
    std::vector<rc::meta_row> m{row(1, "a", "P", 1, 1, T::indicator),     row(1, "b", "P", -1, 3, T::indicator),
                                row(1, "c", "Q", 1, 1, T::indicator),     row(2, "P", "Index", 1, 1, T::aggregate),
                                row(2, "Q", "Index", 1, 1, T::aggregate), row(3, "Index", "", 1, 1, T::aggregate),
                                row(NaN, "grp", "", NaN, NaN, T::group)};
    if (with_denominator) m.push_back(row(NaN, "pop", "", NaN, NaN, T::denominator));
    return m;
}

}  // namespace composite_test
