// SPDX-License-Identifier: MIT
// Umbrella header: every public regind header.
#pragma once

#include "regind/version.hpp"
#include "regind/error.hpp"
#include "regind/unit.hpp"
#include "regind/period.hpp"
#include "regind/region.hpp"
#include "regind/indicator.hpp"
#include "regind/fact.hpp"
#include "regind/dataset.hpp"
#include "regind/datasets.hpp"
#include "regind/growth.hpp"
#include "regind/projection.hpp"
#include "regind/ranking.hpp"
#include "regind/composite.hpp"
#include "regind/target.hpp"
#include "regind/progress.hpp"
#include "regind/tracking.hpp"
#include "regind/consistency.hpp"
#include "regind/decompose.hpp"
#include "regind/format.hpp"
