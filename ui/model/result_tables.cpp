// SPDX-License-Identifier: GPL-3.0-or-later
#include "result_tables.h"

#include "fanout/output/report_text.h"
#include "fanout/output/scan_json.h"

#include <algorithm>

namespace fanout::ui {
namespace {

QString directiveText(const ScanModule& module) {
    switch (module.directive.directive) {
    case Directive::Client:
        return QStringLiteral("use client");
    case Directive::Server:
        return QStringLiteral("use server");
    case Directive::None:
        break;
    }
    return {};
}

// A table whose rows are modules: the path, package and environment columns come first.
std::vector<TableColumn> moduleColumns(const SessionPtr& s,
                                       const std::shared_ptr<const std::vector<ModuleId>>& rows) {
    const auto id = [rows](int row) {
        return rows ? (*rows)[static_cast<std::size_t>(row)]
                    : ModuleId{static_cast<std::uint32_t>(row)};
    };
    return {
        textColumn(QObject::tr("Module"), [s, id](int row) { return modulePath(*s, id(row)); }),
        textColumn(QObject::tr("Package"),
                   [s, id](int row) -> QVariant {
                       const auto& module = s->result->module(id(row));
                       return module.package ? packageName(*s, *module.package) : QString();
                   }),
        textColumn(QObject::tr("Environment"),
                   [s, id](int row) { return moduleEnvironment(*s, id(row)); }),
    };
}

} // namespace

ModuleKey keyOf(const ScanResult& result, ModuleId module) {
    const auto& found = result.module(module);
    return {result.config.root, result.config.environments[found.environment].name, found.path};
}

std::optional<ModuleId> moduleByKey(const ScanResult& result, const ModuleKey& key) {
    if (key.root.empty() || key.root != result.config.root) {
        return std::nullopt;
    }
    for (std::uint32_t i = 0; i < result.modules.size(); ++i) {
        const auto& module = result.modules[i];
        if (module.path == key.path &&
            result.config.environments[module.environment].name == key.environment) {
            return ModuleId{i};
        }
    }
    return std::nullopt;
}

QString modulePath(const ScanSession& session, ModuleId module) {
    return QString::fromStdString(
        displayPath(session.result->module(module).path, session.result->config.root));
}

QString moduleEnvironment(const ScanSession& session, ModuleId module) {
    const auto& result = *session.result;
    return QString::fromStdString(
        result.config.environments[result.module(module).environment].name);
}

QString packageName(const ScanSession& session, PackageId package) {
    const auto& identity = session.result->packages[package.value];
    return QString::fromStdString(identity.name + "@" + identity.version);
}

TableContent hotspotTable(const SessionPtr& s) {
    TableContent content;
    content.rows = static_cast<int>(s->result->modules.size());
    content.columns = moduleColumns(s, nullptr);
    const auto metrics = [s](int row) -> const ModuleMetrics& {
        return s->analysis.modules[static_cast<std::size_t>(row)];
    };
    content.columns.push_back(numberColumn(
        QObject::tr("Fan-out"), [metrics](int row) { return metrics(row).fanOut; },
        QObject::tr("Distinct modules it imports at run time")));
    content.columns.push_back(numberColumn(
        QObject::tr("Reach (est.)"),
        [metrics](int row) { return QVariant::fromValue<qulonglong>(metrics(row).reachEstimate); },
        QObject::tr("Modules it drags in, itself included (estimated; the inspector and the "
                    "report give exact figures)")));
    content.columns.push_back(
        numberColumn(QObject::tr("Fan-in"), [metrics](int row) { return metrics(row).fanIn; }));
    content.columns.push_back(bytesColumn(QObject::tr("Bytes"), [s](int row) {
        return s->result->modules[static_cast<std::size_t>(row)].bytes;
    }));
    content.columns.push_back(textColumn(QObject::tr("Barrel"), [metrics](int row) -> QVariant {
        return metrics(row).barrel ? QObject::tr("barrel") : QString();
    }));
    content.columns.push_back(textColumn(QObject::tr("Directive"), [s](int row) -> QVariant {
        return directiveText(s->result->modules[static_cast<std::size_t>(row)]);
    }));
    // The figures right after the path, where they stay in sight; package and environment last.
    std::rotate(content.columns.begin() + 1, content.columns.begin() + 3, content.columns.end());
    content.moduleOfRow = [](int row) {
        return std::optional(ModuleId{static_cast<std::uint32_t>(row)});
    };
    content.defaultSortColumn = 1; // fan-out: the barrels come first
    content.defaultSortOrder = Qt::DescendingOrder;
    return content;
}

TableContent directiveTable(const SessionPtr& s) {
    auto rows = std::make_shared<std::vector<ModuleId>>();
    for (std::uint32_t i = 0; i < s->result->modules.size(); ++i) {
        if (s->result->modules[i].directive.directive != Directive::None) {
            rows->push_back(ModuleId{i});
        }
    }
    TableContent content;
    content.rows = static_cast<int>(rows->size());
    content.columns = moduleColumns(s, rows);
    const auto module = [s, rows](int row) -> const ScanModule& {
        return s->result->module((*rows)[static_cast<std::size_t>(row)]);
    };
    content.columns.insert(content.columns.begin(),
                           textColumn(QObject::tr("Directive"), [module](int row) -> QVariant {
                               return directiveText(module(row));
                           }));
    // Beside the directive: what Next.js reports (client reference manifests, server actions).
    content.columns.insert(content.columns.begin() + 1,
                           textColumn(QObject::tr("Boundary"), [s, module](int row) -> QVariant {
                               const auto& path = module(row).path;
                               const auto listed = [&](const std::vector<std::string>& paths) {
                                   return std::binary_search(paths.begin(), paths.end(), path);
                               };
                               if (listed(s->result->clientBoundaries)) {
                                   return QObject::tr("client boundary");
                               }
                               return listed(s->result->serverActions)
                                          ? QObject::tr("server action")
                                          : QString();
                           }));
    content.columns.push_back(textColumn(QObject::tr("rwsdk rule"), [module](int row) -> QVariant {
        const auto& m = module(row);
        if (m.rwsdkDirective == m.directive) {
            return QObject::tr("same");
        }
        return QString::fromUtf8(toString(m.rwsdkDirective.directive).data());
    }));
    content.moduleOfRow = [rows](int row) {
        return std::optional((*rows)[static_cast<std::size_t>(row)]);
    };
    return content;
}

TableContent packageTable(const SessionPtr& s) {
    const auto& packages = s->analysis.packages;
    const auto summary = [s](int row) -> const PackageSummary& {
        return s->analysis.packages[static_cast<std::size_t>(row)];
    };
    TableContent content;
    content.rows = static_cast<int>(packages.size());
    content.columns = {
        textColumn(QObject::tr("Package"),
                   [s, summary](int row) { return packageName(*s, summary(row).package); }),
        numberColumn(
            QObject::tr("Modules"),
            [summary](int row) { return QVariant::fromValue<qulonglong>(summary(row).modules); }),
        bytesColumn(QObject::tr("Bytes"), [summary](int row) { return summary(row).bytes; }),
        numberColumn(QObject::tr("Share %"),
                     [summary](int row) { return std::round(summary(row).share * 1000) / 10; }),
        textColumn(QObject::tr("Location"),
                   [s, summary](int row) {
                       return QString::fromStdString(
                           displayPath(s->result->packages[summary(row).package.value].root,
                                       s->result->config.root));
                   }),
        textColumn(QObject::tr("Entered by"),
                   [summary](int row) {
                       const auto& entries = summary(row).entryPoints;
                       QStringList list;
                       for (std::size_t i = 0; i < entries.size() && i < 3; ++i) {
                           list << QString::fromStdString(entries[i]);
                       }
                       if (entries.size() > 3) {
                           list << QObject::tr("+%1 more").arg(entries.size() - 3);
                       }
                       return list.join(QStringLiteral("; "));
                   }),
    };
    content.defaultSortColumn = 1;
    content.defaultSortOrder = Qt::DescendingOrder;
    return content;
}

TableContent duplicateTable(const SessionPtr& s) {
    struct Row {
        std::optional<ModuleId> module;
        QString path;
        QString alias;
        QString cause;
        std::uint64_t bytes = 0;
    };
    auto rows = std::make_shared<std::vector<Row>>();
    const auto& root = s->result->config.root;
    const auto addPaths = [&](const std::vector<DuplicatePath>& duplicates, bool costs) {
        for (const auto& duplicate : duplicates) {
            const auto& module = s->result->module(duplicate.module);
            for (const auto& [alias, cause] : duplicate.aliases) {
                rows->push_back({duplicate.module, modulePath(*s, duplicate.module),
                                 QString::fromStdString(displayPath(alias, root)),
                                 QString::fromStdString(cause), costs ? module.bytes : 0});
            }
        }
    };
    addPaths(s->analysis.duplicatePaths, true);
    addPaths(s->analysis.duplicateSpellings, false);
    for (const auto& duplicate : s->analysis.duplicatePackages) {
        for (std::size_t i = 1; i < duplicate.copies.size(); ++i) {
            const auto& copy = s->result->packages[duplicate.copies[i].value];
            rows->push_back({std::nullopt, packageName(*s, duplicate.copies.front()),
                             QString::fromStdString(displayPath(copy.root, root)),
                             QObject::tr("package installed %1 times (%2)")
                                 .arg(duplicate.copies.size())
                                 .arg(QString::fromStdString(copy.version)),
                             duplicate.bytes});
        }
    }
    const auto row = [rows](int index) -> const Row& {
        return (*rows)[static_cast<std::size_t>(index)];
    };
    TableContent content;
    content.rows = static_cast<int>(rows->size());
    content.columns = {
        textColumn(QObject::tr("File or package"), [row](int i) { return row(i).path; }),
        textColumn(QObject::tr("Also reached as"), [row](int i) { return row(i).alias; }),
        textColumn(QObject::tr("Cause"), [row](int i) { return row(i).cause; }),
        bytesColumn(QObject::tr("Extra bytes"), [row](int i) { return row(i).bytes; }),
    };
    content.moduleOfRow = [row](int i) { return row(i).module; };
    return content;
}

TableContent unresolvedTable(const SessionPtr& s) {
    auto rows = std::make_shared<std::vector<std::uint32_t>>();
    for (std::uint32_t i = 0; i < s->result->edges.size(); ++i) {
        const auto& edge = s->result->edges[i];
        if (edge.resolution == ResolutionKind::Unresolved && !edge.typeOnly) {
            rows->push_back(i);
        }
    }
    const auto edge = [s, rows](int row) -> const ScanEdge& {
        return s->result->edges[(*rows)[static_cast<std::size_t>(row)]];
    };
    TableContent content;
    content.rows = static_cast<int>(rows->size());
    content.columns = {
        textColumn(QObject::tr("Importer"),
                   [s, edge](int row) { return modulePath(*s, edge(row).importer); }),
        textColumn(
            QObject::tr("Specifier"),
            [s, edge](int row) { return QString::fromStdString(s->result->specifier(edge(row))); }),
        textColumn(QObject::tr("Category"),
                   [edge](int row) {
                       return QString::fromStdString(unresolvedCategory(edge(row).reason()));
                   }),
        textColumn(QObject::tr("Reason"),
                   [edge](int row) { return QString::fromStdString(edge(row).reason()); }),
        numberColumn(QObject::tr("Line"), [edge](int row) { return edge(row).position.line; }),
    };
    content.moduleOfRow = [edge](int row) { return std::optional(edge(row).importer); };
    return content;
}

TableContent barrelImportTable(const SessionPtr& s) {
    const auto row = [s](int index) -> const BarrelImport& {
        return s->barrelImports[static_cast<std::size_t>(index)];
    };
    TableContent content;
    content.rows = static_cast<int>(s->barrelImports.size());
    content.columns = {
        textColumn(QObject::tr("Importer"),
                   [s, row](int i) { return modulePath(*s, row(i).importer); }),
        bytesColumn(QObject::tr("Saving"), [row](int i) { return row(i).savedBytes(); }),
        numberColumn(
            QObject::tr("Needed"),
            [row](int i) { return QVariant::fromValue<qulonglong>(row(i).needed.modules); },
            QObject::tr("Modules the imported names need, followed through re-exports")),
        numberColumn(
            QObject::tr("Walked"),
            [row](int i) { return QVariant::fromValue<qulonglong>(row(i).walked.modules); },
            QObject::tr("Modules the import drags in when the barrel is walked whole")),
        bytesColumn(QObject::tr("Needed bytes"), [row](int i) { return row(i).needed.bytes; }),
        bytesColumn(QObject::tr("Walked bytes"), [row](int i) { return row(i).walked.bytes; }),
        textColumn(QObject::tr("Specifier"),
                   [s, row](int i) {
                       const auto& result = *s->result;
                       return QString::fromStdString(result.specifier(result.edges[row(i).edge]));
                   }),
        textColumn(
            QObject::tr("Names"),
            [s, row](int i) { return QString::fromStdString(row(i).namesText(*s->result)); }),
        textColumn(QObject::tr("Environment"),
                   [s, row](int i) { return moduleEnvironment(*s, row(i).importer); }),
        textColumn(QObject::tr("Whole module because"),
                   [row](int i) { return QString::fromStdString(row(i).fallbackText()); }),
        textColumn(QObject::tr("Suggestion"),
                   [row](int i) { return QString::fromStdString(row(i).suggestion); }),
    };
    content.moduleOfRow = [row](int i) { return std::optional(row(i).importer); };
    content.defaultSortColumn = 1;
    content.defaultSortOrder = Qt::DescendingOrder;
    return content;
}

void markChanges(TableContent& content, const std::shared_ptr<const ModuleChanges>& changes) {
    if (!changes || !changes->compared() || !content.moduleOfRow) {
        return;
    }
    const auto module = content.moduleOfRow;
    auto column = textColumn(QObject::tr("Change"), [changes, module](int row) -> QVariant {
        const auto id = module(row);
        return id ? changes->text(*id) : QString();
    });
    column.sortKey = [changes, module](int row) -> QVariant {
        const auto id = module(row);
        return id ? changes->sortKey(*id) : 0;
    };
    column.toolTip = QObject::tr("What changed since %1").arg(changes->beforeName());
    content.columns.insert(content.columns.begin() + 1, std::move(column));
    if (content.defaultSortColumn >= 1) {
        ++content.defaultSortColumn;
    }
    content.changeOfRow = [changes, module](int row) {
        const auto id = module(row);
        return id ? changes->mark(*id) : RowChange::None;
    };
}

ResultTables resultTables(const SessionPtr& session,
                          const std::shared_ptr<const ModuleChanges>& changes) {
    ResultTables tables{hotspotTable(session),
                        directiveTable(session),
                        packageTable(session),
                        duplicateTable(session),
                        unresolvedTable(session),
                        barrelImportTable(session),
                        changes};
    markChanges(tables.hotspots, changes);
    markChanges(tables.directives, changes);
    for (auto* content : {&tables.hotspots, &tables.directives, &tables.packages,
                          &tables.duplicates, &tables.unresolved, &tables.barrelImports}) {
        presort(*content);
    }
    return tables;
}

} // namespace fanout::ui
