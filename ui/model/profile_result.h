// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fanout/profile/profiler.h"

#include <QMetaType>

#include <memory>

namespace fanout::ui {

// A finished profile, shared by the controller, the panel and the peaks table.
using ProfilePtr = std::shared_ptr<const ProfileResult>;

} // namespace fanout::ui

Q_DECLARE_METATYPE(fanout::ui::ProfilePtr)
