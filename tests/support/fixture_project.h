// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

namespace fanout::testing {

// Fixture projects are committed with their hand-written packages under `fixture_modules/`, so
// that the repository holds no node_modules. This copies the project at `sourceDir` once per
// test process into a temporary folder, naming every `fixture_modules` folder `node_modules`,
// and returns the copy's real path. The copies are removed when the process ends.
std::string fixtureProject(const std::string& sourceDir);

} // namespace fanout::testing
