// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "background_job.h"
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
    // A result of more modules than this is explained off the GUI thread (its exact reach and
    // why it is reached walk the whole graph: a frame and more at 100,000 modules); the page is
    // shown when ready.
    void setExplainOffThreadAbove(std::size_t modules) { m_offThreadAbove = modules; }

    // The vertical scroll position of the page (what a rescan of the same module keeps).
    int scrollPosition() const;
    void scrollTo(int position);

signals:
    // The page now explains the selected module (at once, or when the worker is done).
    void explained();

private:
    void show(std::optional<ModuleId> module);
    // Shows `html`, the page of the module at `path` ("" for none). A page as shown is not laid
    // out again (a watch update that left this module as it was: 5-20 ms at 100,000 modules);
    // a new page of the same module keeps the scroll position.
    void setPage(const QString& html, const QString& path = {});

    ModuleSelection& m_selection;
    SessionPtr m_session;
    QTextBrowser* m_text;
    QPushButton* m_open;
    QPushButton* m_copy;
    QString m_page;     // the HTML shown
    QString m_pagePath; // the module it explains
    std::size_t m_offThreadAbove = 20'000;
    BackgroundJob m_job{this}; // last: destroyed (and waited for) first
};

} // namespace fanout::ui
