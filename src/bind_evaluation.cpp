// SPDX-License-Identifier: MIT
// Bindings for evaluation, carbon grades and projects (placeholder until the area lands).
#include "bindings.hpp"

namespace regind::python {
void register_evaluation(py::module_& /*m*/) {}
}  // namespace regind::python
