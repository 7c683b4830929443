// SPDX-License-Identifier: MIT
// Bindings for the bureau instruments (placeholder until the area lands).
#include "bindings.hpp"

namespace regind::python {
void register_bureau(py::module_& /*m*/) {}
}  // namespace regind::python
