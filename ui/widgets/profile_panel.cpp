// SPDX-License-Identifier: GPL-3.0-or-later
#include "profile_panel.h"
#include "fanout/base/size_format.h"
#include "profile_table.h"

#include "fanout/io/atomic_file.h"
#include "profile_plot.h"

#include <QCheckBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace fanout::ui {

ProfilePanel::ProfilePanel(QWidget* beside, QWidget* parent)
    : QWidget(parent), m_command(new QLineEdit(this)), m_directory(new QLineEdit(this)),
      m_phases(new QPlainTextEdit(this)), m_interval(new QSpinBox(this)),
      m_start(new QPushButton(tr("Start"), this)),
      m_showBeside(new QCheckBox(tr("Show the scan's memory beside it"), this)),
      m_status(new QLabel(this)), m_plot(new ProfilePlot(m_controller.series(), this)),
      m_output(new QPlainTextEdit(this)), m_table(new QTableView(this)) {
    m_command->setPlaceholderText(tr("The build to profile, e.g. pnpm build"));
    m_directory->setPlaceholderText(tr("Working directory (default: the current one)"));
    auto* browse = new QPushButton(tr("Browse…"), this);
    connect(browse, &QPushButton::clicked, this, [this] {
        const auto dir =
            QFileDialog::getExistingDirectory(this, tr("Working directory"), m_directory->text());
        if (!dir.isEmpty()) {
            m_directory->setText(dir);
        }
    });
    m_phases->setPlaceholderText(tr("One phase per line, NAME=REGEX, e.g.\n"
                                    "bundle=building for production"));
    m_phases->setMaximumHeight(70);
    m_interval->setRange(10, 5000);
    m_interval->setValue(100);
    m_interval->setSuffix(tr(" ms"));
    auto* directoryRow = new QHBoxLayout;
    directoryRow->addWidget(m_directory, 1);
    directoryRow->addWidget(browse);
    auto* form = new QFormLayout;
    form->addRow(tr("Command"), m_command);
    form->addRow(tr("Directory"), directoryRow);
    form->addRow(tr("Phases"), m_phases);
    form->addRow(tr("Sample every"), m_interval);
    form->addRow(m_showBeside); // a row of its own: the page fits a narrower pane

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_start);
    for (const auto& [what, label] : {std::pair{ProfileExport::Png, tr("Export PNG…")},
                                      std::pair{ProfileExport::Csv, tr("Export CSV…")},
                                      std::pair{ProfileExport::Json, tr("Export JSON…")}}) {
        auto* button = new QPushButton(label, this);
        connect(button, &QPushButton::clicked, this, [this, what = what] { exportFile(what); });
        buttons->addWidget(button);
    }
    buttons->addWidget(m_status, 1);

    auto* plots = new QSplitter(Qt::Horizontal, this);
    plots->addWidget(m_plot);
    if (beside != nullptr) {
        plots->addWidget(beside);
        beside->hide();
        connect(m_showBeside, &QCheckBox::toggled, beside, &QWidget::setVisible);
    } else {
        m_showBeside->hide();
    }
    m_output->setReadOnly(true);
    m_output->setMaximumBlockCount(5000);
    m_output->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_output->setPlaceholderText(tr("The command's output appears here."));
    m_table->setModel(&m_peaks);
    m_table->setSortingEnabled(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    auto* bottom = new QSplitter(Qt::Horizontal, this);
    bottom->addWidget(m_output);
    bottom->addWidget(m_table);
    auto* column = new QSplitter(Qt::Vertical, this);
    column->addWidget(plots);
    column->addWidget(bottom);
    column->setStretchFactor(0, 3);
    column->setStretchFactor(1, 2);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addWidget(column, 1);

    connect(m_start, &QPushButton::clicked, this, [this] {
        if (m_controller.isRunning()) {
            m_controller.stop();
        } else if (const auto error = startProfile(); !error.isEmpty()) {
            m_status->setText(error);
        }
    });
    connect(m_command, &QLineEdit::returnPressed, m_start, &QPushButton::click);
    connect(&m_controller, &ProfileController::started, this, [this] {
        m_output->clear();
        m_peaks.setContent({});
        m_start->setText(tr("Stop"));
        m_status->setText(tr("Running…"));
        m_plot->setRunning(true);
    });
    connect(&m_controller, &ProfileController::sampled, m_plot, &ProfilePlot::markDirty);
    connect(&m_controller, &ProfileController::outputAvailable, this,
            [this](const QStringList& lines) { m_output->appendPlainText(lines.join('\n')); });
    connect(&m_controller, &ProfileController::finished, this, &ProfilePanel::showResult);
    connect(&m_controller, &ProfileController::failed, this, [this](const QString& message) {
        m_start->setText(tr("Start"));
        m_plot->setRunning(false);
        m_status->setText(message);
    });
}

void ProfilePanel::setCommand(const QString& command) {
    m_command->setText(command);
}

void ProfilePanel::setWorkingDirectory(const QString& dir) {
    m_directory->setText(dir);
}

void ProfilePanel::setPhases(const QStringList& phases) {
    m_phases->setPlainText(phases.join('\n'));
}

QString ProfilePanel::status() const {
    return m_status->text();
}

QString ProfilePanel::startProfile() {
    QStringList phases;
    for (const auto& line : m_phases->toPlainText().split('\n')) {
        if (!line.trimmed().isEmpty()) {
            phases << line.trimmed();
        }
    }
    return m_controller.start(QProcess::splitCommand(m_command->text()), m_directory->text(),
                              phases, m_interval->value());
}

void ProfilePanel::showResult(const ProfilePtr& result) {
    m_start->setText(tr("Start"));
    m_plot->setRunning(false);
    auto content = profileTable(result);
    presort(content);
    m_peaks.setContent(std::move(content));
    m_table->horizontalHeader()->setSortIndicator(2, Qt::DescendingOrder);
    m_table->resizeColumnsToContents();
    m_status->setText(
        tr("Exited with %1 after %2 s; tree peak %3 MB at %4 s%5.")
            .arg(result->exitCode)
            .arg(result->wallSeconds, 0, 'f', 1)
            .arg(toMegabytes(result->treePeakBytes), 0, 'f', 1)
            .arg(result->treePeakAt, 0, 'f', 1)
            .arg(result->treePeakPhase.empty()
                     ? QString()
                     : tr(" (phase %1)").arg(QString::fromStdString(result->treePeakPhase))));
}

QString ProfilePanel::exportTo(ProfileExport what, const QString& file) {
    if (what == ProfileExport::Png) {
        return m_plot->savePng(file);
    }
    const auto result = m_controller.result();
    if (!result || !result->started) {
        return tr("nothing has been profiled yet");
    }
    const auto contents = what == ProfileExport::Csv ? profileCsv(*result) : profileJson(*result);
    return QString::fromStdString(writeFileAtomically(file.toStdString(), contents));
}

void ProfilePanel::exportFile(ProfileExport what) {
    const auto suffix = suffixOf(what);
    const auto file = QFileDialog::getSaveFileName(this, tr("Export the profile"),
                                                   QStringLiteral("profile.%1").arg(suffix),
                                                   QStringLiteral("*.%1").arg(suffix));
    if (!file.isEmpty()) {
        if (const auto error = exportTo(what, file); !error.isEmpty()) {
            m_status->setText(tr("Could not export: %1").arg(error));
        }
    }
}

} // namespace fanout::ui
