// SPDX-License-Identifier: GPL-3.0-or-later
#include "settings_dialog.h"

#include "fanout/output/scan_json.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QTableWidget>
#include <QVBoxLayout>

namespace fanout::ui {

SettingsDialog::SettingsDialog(const QString& root, const ScanConfig& effective, QWidget* parent)
    : QDialog(parent), m_root(root), m_effective(effective), m_preset(new QComboBox(this)),
      m_rule(new QComboBox(this)), m_entries(new QPlainTextEdit(this)),
      m_conditions(new QTableWidget(this)) {
    setWindowTitle(tr("Project settings — %1").arg(root));
    m_preset->setObjectName(QStringLiteral("preset"));
    m_rule->setObjectName(QStringLiteral("directiveRule"));
    m_entries->setObjectName(QStringLiteral("entries"));
    m_conditions->setObjectName(QStringLiteral("conditions"));
    const auto current = settingsOf(effective);
    m_preset->addItems({QStringLiteral("auto"), QStringLiteral("rwsdk"), QStringLiteral("vite"),
                        QStringLiteral("node")});
    m_preset->setCurrentText(QString::fromStdString(current.preset));
    m_rule->addItem(tr("ECMAScript prologue (spec)"), QStringLiteral("spec"));
    m_rule->addItem(tr("rwsdk's text rule"), QStringLiteral("rwsdk"));
    m_rule->setCurrentIndex(current.directiveRule == DirectiveRule::Spec ? 0 : 1);
    QStringList entries;
    for (const auto& entry : effective.entries) {
        entries << QString::fromStdString(displayPath(entry, effective.root));
    }
    m_originalEntries = entries.join(QLatin1Char('\n'));
    m_entries->setPlainText(m_originalEntries);
    m_entries->setToolTip(
        tr("One file per line, relative to the project. Changing them replaces "
           "the preset's own entries (rwsdk: the \"use client\" files in src/)."));
    m_conditions->setColumnCount(2);
    m_conditions->setHorizontalHeaderLabels({tr("Environment"), tr("Export conditions")});
    m_conditions->setRowCount(static_cast<int>(current.conditions.size()));
    for (int row = 0; row < m_conditions->rowCount(); ++row) {
        const auto& [name, conditions] = current.conditions[static_cast<std::size_t>(row)];
        auto* nameItem = new QTableWidgetItem(QString::fromStdString(name));
        nameItem->setFlags(nameItem->flags() & ~Qt::ItemIsEditable);
        QStringList list;
        for (const auto& condition : conditions) {
            list << QString::fromStdString(condition);
        }
        m_conditions->setItem(row, 0, nameItem);
        m_conditions->setItem(row, 1, new QTableWidgetItem(list.join(QStringLiteral(", "))));
    }
    m_conditions->horizontalHeader()->setStretchLastSection(true);
    m_conditions->verticalHeader()->hide();

    auto* form = new QFormLayout;
    form->addRow(tr("Preset"), m_preset);
    form->addRow(tr("Directive rule"), m_rule);
    form->addRow(tr("Entries"), m_entries);
    form->addRow(tr("Environments"), m_conditions);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Saved into %1/fanout.json; other keys there are kept. "
                                    "Rescan to apply.")
                                     .arg(root)));
    layout->addLayout(form);
    layout->addWidget(buttons);
    resize(640, 480);
}

ProjectSettings SettingsDialog::settings() const {
    ProjectSettings settings;
    settings.preset = m_preset->currentText().toStdString();
    settings.directiveRule = m_rule->currentData().toString() == QStringLiteral("spec")
                                 ? DirectiveRule::Spec
                                 : DirectiveRule::Rwsdk;
    if (m_entries->toPlainText().trimmed() != m_originalEntries.trimmed()) {
        std::vector<std::string> entries;
        for (const auto& line : m_entries->toPlainText().split(QLatin1Char('\n'))) {
            if (!line.trimmed().isEmpty()) {
                entries.push_back(line.trimmed().toStdString());
            }
        }
        settings.entries = std::move(entries);
    }
    for (int row = 0; row < m_conditions->rowCount(); ++row) {
        std::vector<std::string> conditions;
        for (const auto& part : m_conditions->item(row, 1)->text().split(QLatin1Char(','))) {
            if (!part.trimmed().isEmpty()) {
                conditions.push_back(part.trimmed().toStdString());
            }
        }
        settings.conditions.emplace_back(m_conditions->item(row, 0)->text().toStdString(),
                                         std::move(conditions));
    }
    return settings;
}

void SettingsDialog::save() {
    if (fanoutJsonHasComments(m_root.toStdString()) &&
        QMessageBox::question(
            this, tr("Remove comments?"),
            tr("%1/fanout.json has comments. Saving rewrites the file and they will be lost "
               "(every key is kept). Save anyway?")
                .arg(m_root),
            QMessageBox::Save | QMessageBox::Cancel, QMessageBox::Cancel) != QMessageBox::Save) {
        return;
    }
    const auto error = saveProjectSettings(m_root.toStdString(), settings(), m_effective);
    if (!error.empty()) {
        QMessageBox::warning(this, tr("Could not save"), QString::fromStdString(error));
        return;
    }
    accept();
}

} // namespace fanout::ui
