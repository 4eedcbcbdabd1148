// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "scan_session.h"

#include <QWidget>

#include <optional>

class QTextBrowser;
class QPushButton;

namespace fanout::ui {

class ModuleSelection;

// Everything about the selected module: path, package, environments, directive (and the rwsdk
// rule's verdict when it differs), aliases, importers, imports, exact reach and why it is
// reached. Links select other modules; buttons open the file or copy its path.
class InspectorPanel : public QWidget {
    Q_OBJECT
public:
    InspectorPanel(ModuleSelection& selection, QWidget* parent = nullptr);

    void setSession(SessionPtr session);
    QString html() const;

private:
    void show(std::optional<ModuleId> module);
    void barrelImports(QString& html, const ScanSession& s, ModuleId id) const;

    ModuleSelection& m_selection;
    SessionPtr m_session;
    QTextBrowser* m_text;
    QPushButton* m_open;
    QPushButton* m_copy;
};

} // namespace fanout::ui
