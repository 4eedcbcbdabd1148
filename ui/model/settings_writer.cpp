// SPDX-License-Identifier: GPL-3.0-or-later
#include "settings_writer.h"

#include <QSettings>

#include <memory>

namespace fanout::ui {

SettingsWriter::SettingsWriter(QString file) : m_file(std::move(file)) {
    m_pool.setMaxThreadCount(1); // in order
}

SettingsWriter::~SettingsWriter() {
    waitForWrites();
}

void SettingsWriter::setValue(const QString& key, const QVariant& value) {
    m_pool.start([file = m_file, key, value] {
        // Written (and synced to disk) as it goes out of scope, on this worker.
        const auto settings = file.isEmpty()
                                  ? std::make_unique<QSettings>()
                                  : std::make_unique<QSettings>(file, QSettings::IniFormat);
        settings->setValue(key, value);
    });
}

void SettingsWriter::waitForWrites() {
    m_pool.waitForDone();
}

} // namespace fanout::ui
