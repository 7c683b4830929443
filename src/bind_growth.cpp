// SPDX-License-Identifier: MIT
// Bindings for the growth area (placeholder until the area lands).
#include "bindings.hpp"

namespace regind::python {
void register_growth(py::module_& /*m*/) {}
}  // namespace regind::python
