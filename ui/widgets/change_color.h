// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "table_model.h"

#include <QColor>

namespace fanout::ui {

// How every view marks what changed since the scan compared with: new modules green, changed
// ones amber (translucent, over the view's own colours).
inline QColor changeColor(RowChange change) {
    return change == RowChange::Added ? QColor(46, 160, 67, 90) : QColor(219, 160, 30, 90);
}

} // namespace fanout::ui
