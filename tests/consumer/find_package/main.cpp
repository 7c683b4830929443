// SPDX-License-Identifier: MIT
// Links the installed regind::regind and uses the registry and the seed dataset.
#include <regind/regind.hpp>

int main() {
    const auto& jx = regind::regions::zhejiang().get("Jiaxing");
    const auto facts = regind::datasets::seed_facts();
    if (facts.empty()) return 1;
    fmt::print("consumer ok: {} {} ({} seed facts)\n", jx.code, jx.name_zh, facts.size());
    return 0;
}
