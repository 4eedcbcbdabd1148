// SPDX-License-Identifier: GPL-3.0-or-later
#include "compare_panel.h"

#include "fanout/compare/diff_report.h"
#include "fanout/compare/scan_diff.h"

#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <sstream>
#include <utility>

namespace fanout::ui {
namespace {

constexpr std::size_t kListed = 20; // entries per section

} // namespace

ComparePanel::ComparePanel(QWidget* parent)
    : QWidget(parent), m_title(new QLabel(this)), m_open(new QPushButton(this)),
      m_back(new QPushButton(this)), m_report(new QTextBrowser(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    auto* bar = new QHBoxLayout;
    m_title->setText(tr("What changed between two scans."));
    m_open->setText(tr("Compare with a saved scan…"));
    m_open->setEnabled(false);
    bar->addWidget(m_title, 1);
    bar->addWidget(m_open);
    bar->addWidget(m_back);
    layout->addLayout(bar);
    layout->addWidget(m_report, 1);
    m_report->setOpenLinks(false);
    showText(tr("Scan a project, change it, and rescan: what changed shows here. Or compare "
                "with a saved scan."));
    connect(m_open, &QPushButton::clicked, this, &ComparePanel::chooseFile);
    m_back->setText(tr("Compare with the previous scan"));
    m_back->hide();
    connect(m_back, &QPushButton::clicked, this, &ComparePanel::compareWithPrevious);
}

void ComparePanel::setScans(DocumentPtr previous, DocumentPtr current) {
    // The documents replaced may be the last references to 100,000 modules: freed on the pool.
    auto replaced = std::make_pair(std::exchange(m_previous, std::move(previous)),
                                   std::exchange(m_current, std::move(current)));
    m_job.runAfter([replaced = std::move(replaced)]() mutable { replaced = {}; });
    m_open->setEnabled(m_current != nullptr);
    if (m_saved && m_current) {
        m_title->setText(tr("Since the saved scan %1").arg(m_savedName));
        compare(m_saved, m_current);
        return;
    }
    if (!m_previous || !m_current) {
        m_job.discard();
        showText(tr("This is the first scan of the session: rescan after a change to see what "
                    "it did, or compare with a saved scan."));
        emit reportShown();
        return;
    }
    m_title->setText(tr("Since the previous scan of the session"));
    compare(m_previous, m_current);
}

void ComparePanel::chooseFile() {
    const auto file = QFileDialog::getOpenFileName(this, tr("Compare with a saved scan"), QString(),
                                                   tr("Scan documents (*.json)"));
    if (!file.isEmpty()) {
        compareWithFile(file);
    }
}

void ComparePanel::compareWithFile(const QString& file) {
    if (!m_current) {
        return;
    }
    m_title->setText(tr("Since the saved scan %1").arg(file));
    showText(tr("Reading %1…").arg(file));
    m_job.start([this, file, current = m_current](const JobPost& post, const std::stop_token&) {
        const auto path = file.toStdString();
        try {
            auto saved = std::make_shared<ScanDocument>(readScanDocument(path));
            post([this, saved = std::move(saved), current, file] {
                m_saved = saved;
                m_savedName = file;
                m_back->show();
                emit savedScanChosen(saved);
                compare(saved, current);
            });
        } catch (const ScanDocumentError& error) {
            const auto message = QString::fromStdString(error.what());
            post([this, message] {
                showText(tr("Cannot compare: %1").arg(message));
                emit reportShown();
            });
        }
    });
}

void ComparePanel::compareWithPrevious() {
    m_saved.reset();
    m_savedName.clear();
    m_back->hide();
    emit savedScanChosen(nullptr);
    setScans(m_previous, m_current);
}

void ComparePanel::compare(DocumentPtr before, DocumentPtr after) {
    m_job.start([this, before = std::move(before),
                 after = std::move(after)](const JobPost& post, const std::stop_token&) {
        std::ostringstream markdown;
        writeDiffReport(markdown, compareScans(*before, *after), DiffFormat::Markdown, kListed);
        post([this, text = QString::fromStdString(markdown.str())] {
            showText(text);
            emit reportShown();
        });
    });
}

void ComparePanel::showText(const QString& markdown) {
    m_report->setMarkdown(markdown);
}

QString ComparePanel::reportText() const {
    return m_report->toPlainText();
}

} // namespace fanout::ui
