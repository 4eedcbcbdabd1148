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
    // Goes back from a saved scan to the previous scan of the session.
    void compareWithPrevious();

signals:
    void reportShown(); // a comparison (or why there is none) is on screen
    // Later scans are compared with this saved scan (null: with the previous scan again).
    void savedScanChosen(fanout::ui::DocumentPtr saved);

private:
    void chooseFile();
    void compare(DocumentPtr before, DocumentPtr after);
    void showText(const QString& markdown);

    QLabel* m_title;
    QPushButton* m_open;
    QPushButton* m_back; // shown while a saved scan is compared
    QTextBrowser* m_report;
    DocumentPtr m_previous;
    DocumentPtr m_current;
    DocumentPtr m_saved; // compareWithFile's, kept for later scans
    QString m_savedName;
    BackgroundJob m_job{this}; // last member: destroyed (and waited for) first
};

} // namespace fanout::ui
