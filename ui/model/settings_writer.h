// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QThreadPool>
#include <QVariant>

namespace fanout::ui {

// Writes settings off the GUI thread. QSettings writes its file with fdatasync() when an object
// that changed a value is destroyed: on the GUI thread that held the window for up to 126 ms (a
// busy disk) as a project was opened. Writes run one at a time, in the order asked; a QSettings
// read sees each once it ran. Destruction waits for them.
class SettingsWriter {
public:
    // The application's settings (QSettings()), or the INI file `file` when given.
    explicit SettingsWriter(QString file = {});
    ~SettingsWriter();
    SettingsWriter(const SettingsWriter&) = delete;
    SettingsWriter& operator=(const SettingsWriter&) = delete;

    void setValue(const QString& key, const QVariant& value);
    void waitForWrites();

private:
    QString m_file;
    QThreadPool m_pool;
};

} // namespace fanout::ui
