// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "profile_controller.h"
#include "table_model.h"
#include "window_names.h"

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTableView;

namespace fanout::ui {

class ProfilePlot;

// "Profile a command": runs a build (no shell; its words split like a shell would, quotes kept),
// shows its output, plots the memory of its processes live with the phases that its output
// starts, and lists each process's peak afterwards. `beside` (the scan's memory plot) can be
// shown next to the profile.
class ProfilePanel : public QWidget {
    Q_OBJECT
public:
    explicit ProfilePanel(QWidget* beside = nullptr, QWidget* parent = nullptr);

    void setCommand(const QString& command);
    void setWorkingDirectory(const QString& dir);
    void setPhases(const QStringList& phases); // NAME=REGEX each
    // Starts the command as typed; empty, or why it cannot start.
    QString startProfile();
    // png, csv or json; empty, or what went wrong.
    QString exportTo(ProfileExport what, const QString& file);

    ProfileController& controller() { return m_controller; }
    ProfilePlot& plot() { return *m_plot; }
    TableModel& peaks() { return m_peaks; }
    QString status() const;

private:
    void showResult(const ProfilePtr& result);
    void exportFile(ProfileExport what);

    ProfileController m_controller;
    TableModel m_peaks;
    QLineEdit* m_command;
    QLineEdit* m_directory;
    QPlainTextEdit* m_phases;
    QSpinBox* m_interval;
    QPushButton* m_start;
    QCheckBox* m_showBeside;
    QLabel* m_status;
    ProfilePlot* m_plot;
    QPlainTextEdit* m_output;
    QTableView* m_table;
};

} // namespace fanout::ui
