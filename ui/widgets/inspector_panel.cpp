// SPDX-License-Identifier: GPL-3.0-or-later
#include "inspector_panel.h"

#include "fanout/output/scan_json.h"
#include "fanout/view/view_graph.h"
#include "module_selection.h"
#include "result_tables.h"

#include <QClipboard>
#include <QDesktopServices>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLocale>
#include <QPushButton>
#include <QScrollBar>
#include <QTextBrowser>
#include <QUrl>
#include <QVBoxLayout>

#include <algorithm>

namespace fanout::ui {
namespace {

constexpr std::size_t kListed = 40;

QString link(const ScanSession& s, ModuleId module) {
    return QStringLiteral("<a href=\"module:%1\">%2</a> <span style=\"color:#777\">[%3]</span>")
        .arg(module.value)
        .arg(modulePath(s, module).toHtmlEscaped())
        .arg(moduleEnvironment(s, module).toHtmlEscaped());
}

QString verdict(const DirectiveVerdict& verdict) {
    QString text = verdict.directive == Directive::None
                       ? QObject::tr("none")
                       : QStringLiteral("\"use %1\"").arg(toString(verdict.directive).data());
    if (verdict.conflict) {
        text += QObject::tr(" (says both)");
    }
    return text;
}

void moduleList(QString& html, const ScanSession& s, const QString& title,
                std::span<const std::uint32_t> modules) {
    html += QStringLiteral("<h4>%1 (%2)</h4><ul>").arg(title).arg(modules.size());
    for (std::size_t i = 0; i < modules.size() && i < kListed; ++i) {
        html += QStringLiteral("<li>") + link(s, ModuleId{modules[i]}) + QStringLiteral("</li>");
    }
    if (modules.size() > kListed) {
        html += QObject::tr("<li>… and %1 more</li>").arg(modules.size() - kListed);
    }
    html += QStringLiteral("</ul>");
}

// The module's imports of barrels: what each walks and needs, and where each name is defined.
void barrelImports(QString& html, const ScanSession& s, ModuleId id) {
    bool first = true;
    for (const auto& row : s.barrelImports) {
        if (row.importer != id) {
            continue;
        }
        if (first) {
            html += QObject::tr("<h4>Barrel imports</h4>");
            first = false;
        }
        const auto& edge = s.result->edges[row.edge];
        html += QObject::tr("<p><b>\"%1\"</b> (line %2): needs %3 of %4 modules walked (%5 of %6)")
                    .arg(QString::fromStdString(s.result->specifier(edge)).toHtmlEscaped())
                    .arg(edge.position.line)
                    .arg(QLocale().toString(static_cast<qulonglong>(row.needed.modules)))
                    .arg(QLocale().toString(static_cast<qulonglong>(row.walked.modules)))
                    .arg(sizeText(row.needed.bytes), sizeText(row.walked.bytes));
        if (!row.fallbacks.empty()) {
            html += QObject::tr("<br>whole module: %1")
                        .arg(QString::fromStdString(row.fallbackText()).toHtmlEscaped());
        }
        html += QStringLiteral("</p><ul>");
        for (const auto& trace : row.traces) {
            QStringList steps;
            for (const auto step : trace.chain) {
                steps << link(s, step);
            }
            html += QStringLiteral("<li><code>%1</code> → %2%3</li>")
                        .arg(QString::fromStdString(s.result->name(trace.name)).toHtmlEscaped(),
                             steps.join(QStringLiteral(" → ")),
                             trace.traced ? QString() : QObject::tr(" (not found: whole module)"));
        }
        html += QStringLiteral("</ul>");
        if (!row.suggestion.empty()) {
            html += QObject::tr("<p>Suggestion: <code>%1</code></p>")
                        .arg(QString::fromStdString(row.suggestion).toHtmlEscaped());
        }
    }
}

// The page of a module: what the panel shows.
QString explanation(const ScanSession& s, ModuleId id) {
    const auto& module = s.result->module(id);
    QString html = QStringLiteral("<h3>%1</h3><table>").arg(modulePath(s, id).toHtmlEscaped());
    const auto row = [&html](const QString& key, const QString& value) {
        html += QStringLiteral("<tr><td style=\"color:#555;padding-right:8px\">%1</td><td>%2</td>"
                               "</tr>")
                    .arg(key, value);
    };
    row(QObject::tr("Real path"), QString::fromStdString(module.path).toHtmlEscaped());
    row(QObject::tr("Package"), module.package ? packageName(s, *module.package).toHtmlEscaped()
                                               : QObject::tr("your project"));
    QStringList environments;
    // Modules are sorted by (path, environment): the file's other environments are neighbours.
    const auto& modules = s.result->modules;
    auto first = std::lower_bound(
        modules.begin(), modules.end(), module.path,
        [](const ScanModule& m, const std::string& path) { return m.path < path; });
    for (; first != modules.end() && first->path == module.path; ++first) {
        const ModuleId i{static_cast<std::uint32_t>(first - modules.begin())};
        const auto name = moduleEnvironment(s, i).toHtmlEscaped();
        environments
            << (i == id ? QStringLiteral("<b>%1</b>").arg(name)
                        : QStringLiteral("<a href=\"module:%1\">%2</a>").arg(i.value).arg(name));
    }
    row(QObject::tr("Environments"), environments.join(QStringLiteral(", ")));
    row(QObject::tr("Kind"),
        QString::fromUtf8(toString(module.kind).data()) +
            (module.error.empty()
                 ? QString()
                 : QStringLiteral(": ") + QString::fromStdString(module.error).toHtmlEscaped()));
    QString directive = verdict(module.directive);
    if (module.rwsdkDirective != module.directive) {
        directive +=
            QObject::tr(" — rwsdk's text rule says %1").arg(verdict(module.rwsdkDirective));
    }
    row(QObject::tr("Directive"), directive);
    row(QObject::tr("Size"), sizeText(module.bytes));
    const auto& metrics = s.analysis.modules[id.value];
    const auto reach = exactReach(*s.result, s.graph, id);
    row(QObject::tr("Reach"), QObject::tr("%1 modules, %2 (exact)")
                                  .arg(QLocale().toString(static_cast<qulonglong>(reach.modules)))
                                  .arg(sizeText(reach.bytes)));
    row(QObject::tr("Fan-out / fan-in"),
        QStringLiteral("%1 / %2").arg(metrics.fanOut).arg(metrics.fanIn));
    if (metrics.barrel) {
        row(QObject::tr("Barrel"), QObject::tr("%1 re-exports of %2 top-level statements")
                                       .arg(module.counts.reExports)
                                       .arg(module.counts.topLevel));
    }
    html += QStringLiteral("</table>");
    if (!module.aliases.empty()) {
        html += QObject::tr("<h4>Also reached as (%1)</h4><ul>").arg(module.aliases.size());
        for (const auto& alias : module.aliases) {
            html += QStringLiteral("<li>%1</li>")
                        .arg(QString::fromStdString(displayPath(alias, s.result->config.root))
                                 .toHtmlEscaped());
        }
        html += QStringLiteral("</ul>");
    }
    barrelImports(html, s, id);
    const auto chain = whyReached(s.graph, id);
    html += QObject::tr("<h4>Why it is reached</h4>");
    if (chain.empty()) {
        html += QObject::tr("<p>Not reachable from an entry.</p>");
    } else {
        html += QStringLiteral("<ol>");
        for (std::size_t i = 0; i < chain.size(); ++i) {
            QString step = link(s, chain[i]);
            if (i + 1 < chain.size()) {
                step += QStringLiteral(" <i>%1</i>")
                            .arg(toString(edgeKind(*s.result, chain[i].value, chain[i + 1].value))
                                     .data());
            }
            html += QStringLiteral("<li>%1</li>").arg(step);
        }
        html += QStringLiteral("</ol>");
    }
    moduleList(html, s, QObject::tr("Imported by"), s.graph.importers(id.value));
    moduleList(html, s, QObject::tr("Imports"), s.graph.targets(id.value));
    return html;
}

} // namespace

InspectorPanel::InspectorPanel(ModuleSelection& selection, QWidget* parent)
    : QWidget(parent), m_selection(selection), m_text(new QTextBrowser(this)),
      m_open(new QPushButton(tr("Open in editor"), this)),
      m_copy(new QPushButton(tr("Copy path"), this)) {
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_open);
    buttons->addWidget(m_copy);
    buttons->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addLayout(buttons);
    layout->addWidget(m_text, 1);
    m_text->setOpenLinks(false);
    m_open->setEnabled(false);
    m_copy->setEnabled(false);
    connect(m_text, &QTextBrowser::anchorClicked, this, [this](const QUrl& url) {
        if (url.scheme() == QStringLiteral("module")) {
            bool ok = false;
            const auto module = url.path().toUInt(&ok);
            if (ok) {
                m_selection.select(ModuleId{module});
            }
        }
    });
    const auto selectedPath = [this]() -> QString {
        const auto module = m_selection.current();
        if (!m_session || !module) {
            return {};
        }
        return QString::fromStdString(m_session->result->module(*module).path);
    };
    connect(m_open, &QPushButton::clicked, this,
            [selectedPath] { QDesktopServices::openUrl(QUrl::fromLocalFile(selectedPath())); });
    connect(m_copy, &QPushButton::clicked, this,
            [selectedPath] { QGuiApplication::clipboard()->setText(selectedPath()); });
    connect(&m_selection, &ModuleSelection::selected, this, &InspectorPanel::show);
    setPage(tr("<p>Select a module to inspect it.</p>"));
}

int InspectorPanel::scrollPosition() const {
    return m_text->verticalScrollBar()->value();
}

void InspectorPanel::scrollTo(int position) {
    m_text->verticalScrollBar()->setValue(position);
}

void InspectorPanel::setPage(const QString& html, const QString& path) {
    if (html == m_page) {
        return;
    }
    const int scrolled = scrollPosition();
    m_text->setHtml(html);
    if (!path.isEmpty() && path == m_pagePath) {
        scrollTo(scrolled);
    }
    m_page = html;
    m_pagePath = path;
}

void InspectorPanel::setSession(SessionPtr session) {
    m_session = std::move(session);
    show(m_selection.current());
}

QString InspectorPanel::html() const {
    return m_text->toHtml();
}

void InspectorPanel::show(std::optional<ModuleId> selected) {
    m_open->setEnabled(m_session && selected);
    m_copy->setEnabled(m_session && selected);
    if (!m_session || !selected || selected->value >= m_session->result->modules.size()) {
        m_job.discard();
        setPage(tr("<p>Select a module to inspect it.</p>"));
        emit explained();
        return;
    }
    const auto path = QString::fromStdString(m_session->result->module(*selected).path);
    if (m_session->result->modules.size() <= m_offThreadAbove) {
        m_job.discard();
        setPage(explanation(*m_session, *selected), path);
        emit explained();
        return;
    }
    // The page built on a worker (the session is immutable and kept alive by the job).
    m_job.start([this, session = m_session, id = *selected, path](const JobPost& post,
                                                                  const std::stop_token&) {
        post([this, html = explanation(*session, id), path] {
            setPage(html, path);
            emit explained();
        });
    });
}

} // namespace fanout::ui
