// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fanout/base/ids.h"

#include <QMetaType>

#include <optional>

// Module ids travel through QVariant (table roles) and signals (the selection) as themselves.
Q_DECLARE_METATYPE(fanout::ModuleId)
Q_DECLARE_METATYPE(std::optional<fanout::ModuleId>)
