// SPDX-License-Identifier: MIT
// Composite indices at parity with COINr 1.1.14 (REFERENCE-METHODS.md §E): the framework
// (iMeta), denomination, imputation (cross-section and panel), unit screening, outlier
// treatment, the 11 normalisers, aggregation along the framework (outranking and Copeland
// included), weights (effective, PCA, entropy, CRITIC, AHP, optimised), analysis
// (correlations, Cronbach's alpha, strengths and weaknesses, results tables), statistics and
// ranks, and composite_index, the pipeline that holds every data set.
//
// Data are units × indicators row-major Eigen matrices with NaN for a missing value; kernels
// work column by column and are usable on their own. Namespace regind::composite.
#pragma once

#include "regind/composite/framework.hpp"
#include "regind/composite/stats.hpp"
#include "regind/composite/rank.hpp"
#include "regind/composite/denominate.hpp"
#include "regind/composite/impute.hpp"
#include "regind/composite/impute_panel.hpp"
#include "regind/composite/screen.hpp"
#include "regind/composite/treat.hpp"
#include "regind/composite/normalise.hpp"
#include "regind/composite/outranking.hpp"
#include "regind/composite/aggregate.hpp"
#include "regind/composite/analysis.hpp"
#include "regind/composite/weights.hpp"
#include "regind/composite/pipeline.hpp"
#include "regind/composite/uncertainty.hpp"
#include "regind/composite/sensitivity.hpp"
