// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "background_job.h"
#include "fanout/compare/scan_document.h"

#include <QWidget>

#include <memory>

class QLabel;
class QPushButton;
class QTextBrowser;

namespace fanout::ui {

using DocumentPtr = std::shared_ptr<const ScanDocument>;

// "Compare": what changed since the previous scan of the session, or against a saved scan
// (`fanout scan --json`, or the app's Export → Full scan): the report of `fanout diff`, drawn as
// Markdown. Documents are read and compared on a worker thread.
class ComparePanel : public QWidget {
    Q_OBJECT
public:
    explicit ComparePanel(QWidget* parent = nullptr);

    // After each scan: `previous` is null after the first.
    void setScans(DocumentPtr previous, DocumentPtr current);
    // Reads `file` and compares it (before) with the current scan (after).
    void compareWithFile(const QString& file);
    QString reportText() const; // what the panel shows, as plain text

signals:
    void reportShown(); // a comparison (or why there is none) is on screen

private:
    void chooseFile();
    void compare(DocumentPtr before, DocumentPtr after);
    void showText(const QString& markdown);

    QLabel* m_title;
    QPushButton* m_open;
    QTextBrowser* m_report;
    DocumentPtr m_current;
    BackgroundJob m_job{this}; // last member: destroyed (and waited for) first
};

} // namespace fanout::ui
