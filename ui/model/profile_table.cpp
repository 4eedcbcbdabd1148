// SPDX-License-Identifier: GPL-3.0-or-later
#include "profile_table.h"

#include "fanout/base/size_format.h"

#include <QObject>

#include <algorithm>
#include <cmath>
#include <memory>

namespace fanout::ui {

TableContent profileTable(const ProfilePtr& result) {
    auto rows = std::make_shared<std::vector<ProfiledProcess>>(result->processes);
    std::stable_sort(rows->begin(), rows->end(),
                     [](const auto& a, const auto& b) { return a.peakBytes > b.peakBytes; });
    const auto row = [rows](int i) -> const ProfiledProcess& {
        return (*rows)[static_cast<std::size_t>(i)];
    };
    TableContent content;
    content.rows = static_cast<int>(rows->size());
    content.columns = {
        numberColumn(QObject::tr("PID"), [row](int i) { return row(i).pid; }),
        textColumn(QObject::tr("Process"),
                   [row](int i) { return QString::fromStdString(row(i).name); }),
        numberColumn(QObject::tr("Peak MB"),
                     [row](int i) { return std::round(toMegabytes(row(i).peakBytes) * 10) / 10; }),
        numberColumn(QObject::tr("Peak at s"),
                     [row](int i) { return std::round(row(i).peakAt * 10) / 10; }),
        textColumn(QObject::tr("Phase"),
                   [row](int i) { return QString::fromStdString(row(i).peakPhase); }),
        numberColumn(
            QObject::tr("Alive s"),
            [row](int i) { return std::round((row(i).lastSeen - row(i).firstSeen) * 10) / 10; }),
        textColumn(QObject::tr("Command line"),
                   [row](int i) -> QVariant {
                       return QString::fromStdString(row(i).commandLine) +
                              (row(i).runningAtEnd ? QObject::tr("  (still running)") : QString());
                   }),
    };
    content.defaultSortColumn = 2;
    content.defaultSortOrder = Qt::DescendingOrder;
    return content;
}

} // namespace fanout::ui
