// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "profile_result.h"
#include "table_model.h"

namespace fanout::ui {

// The processes of a finished profile, largest peak first.
TableContent profileTable(const ProfilePtr& result);

} // namespace fanout::ui
