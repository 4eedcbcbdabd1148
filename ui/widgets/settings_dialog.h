// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fanout/project/project_settings.h"

#include <QDialog>

class QComboBox;
class QPlainTextEdit;
class QTableWidget;

namespace fanout::ui {

// Edits what fanout.json holds for a project (preset, entries, each environment's export
// conditions, directive rule) and saves it into the project's fanout.json on request.
class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    SettingsDialog(const QString& root, const ScanConfig& effective, QWidget* parent = nullptr);

    ProjectSettings settings() const;

private:
    void save();

    QString m_root;
    ScanConfig m_effective;
    QString m_originalEntries;
    QComboBox* m_preset;
    QComboBox* m_rule;
    QPlainTextEdit* m_entries;
    QTableWidget* m_conditions;
};

} // namespace fanout::ui
