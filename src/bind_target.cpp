// SPDX-License-Identifier: MIT
// Bindings for the target area (placeholder until the area lands).
#include "bindings.hpp"

namespace regind::python {
void register_target(py::module_& /*m*/) {}
}  // namespace regind::python
