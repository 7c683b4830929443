// SPDX-License-Identifier: MIT
// Bindings for the ranking area (placeholder until the area lands).
#include "bindings.hpp"

namespace regind::python {
void register_ranking(py::module_& /*m*/) {}
}  // namespace regind::python
