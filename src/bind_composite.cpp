// SPDX-License-Identifier: MIT
// Bindings for the composite area (placeholder until the area lands).
#include "bindings.hpp"

namespace regind::python {
void register_composite(py::module_& /*m*/) {}
}  // namespace regind::python
