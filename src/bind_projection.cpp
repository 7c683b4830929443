// SPDX-License-Identifier: MIT
// Bindings for the projection area (placeholder until the area lands).
#include "bindings.hpp"

namespace regind::python {
void register_projection(py::module_& /*m*/) {}
}  // namespace regind::python
