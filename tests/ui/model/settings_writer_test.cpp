// SPDX-License-Identifier: GPL-3.0-or-later
#include "settings_writer.h"

#include "temp_dir.h"

#include <QSettings>
#include <QStringList>

#include <gtest/gtest.h>

namespace fanout::ui {
namespace {

TEST(SettingsWriter, WritesEachValueInTheOrderAsked) {
    testing::TempDir dir;
    const auto file = QString::fromStdString((dir.path() / "settings.ini").string());
    {
        SettingsWriter writer(file);
        for (int i = 0; i < 100; ++i) {
            writer.setValue(QStringLiteral("count"), i);
        }
        writer.setValue(QStringLiteral("recent"),
                        QStringList{QStringLiteral("/b"), QStringLiteral("/a")});
        writer.waitForWrites();
        const QSettings settings(file, QSettings::IniFormat);
        EXPECT_EQ(settings.value(QStringLiteral("count")).toInt(), 99);
        writer.setValue(QStringLiteral("count"), 100);
    } // the writer waits for its last write as it goes
    const QSettings settings(file, QSettings::IniFormat);
    EXPECT_EQ(settings.value(QStringLiteral("count")).toInt(), 100);
    EXPECT_EQ(settings.value(QStringLiteral("recent")).toStringList(),
              (QStringList{QStringLiteral("/b"), QStringLiteral("/a")}));
}

} // namespace
} // namespace fanout::ui
