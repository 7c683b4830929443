// SPDX-License-Identifier: MIT
// Bindings for the uncertainty area (placeholder until the area lands).
#include "bindings.hpp"

namespace regind::python {
void register_uncertainty(py::module_& /*m*/) {}
}  // namespace regind::python
