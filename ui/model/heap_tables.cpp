// SPDX-License-Identifier: GPL-3.0-or-later
#include "heap_tables.h"

#include "result_tables.h"

#include <QObject>

namespace fanout::ui {
namespace {

QVariant count(std::uint64_t value) {
    return QVariant::fromValue<qulonglong>(value);
}

// Path steps as one line: "Map internal table → (array) internal 12".
QString joinedSteps(const std::vector<std::string>& steps) {
    QStringList out;
    for (const auto& step : steps) {
        out << QString::fromStdString(step);
    }
    return out.join(QStringLiteral(" → "));
}

// A signed size, "+1.3 MB" or "-20 B", sorted as a number.
TableColumn deltaColumn(const QString& title, const std::function<std::int64_t(int)>& bytes) {
    return {title,
            [bytes](int row) -> QVariant {
                const auto value = bytes(row);
                const auto size = static_cast<std::uint64_t>(value < 0 ? -value : value);
                return (value < 0 ? QStringLiteral("-") : QStringLiteral("+")) + sizeText(size);
            },
            [bytes](int row) -> QVariant { return QVariant::fromValue<qlonglong>(bytes(row)); },
            true,
            {}};
}

// A table over `rows`, which live in what `owner` keeps alive: its row count, and row(i).
template <typename Owner, typename Row>
auto tableOver(TableContent& content, const Owner& owner, const std::vector<Row>& rows) {
    content.rows = static_cast<int>(rows.size());
    return [owner, &rows](int i) -> const Row& { return rows[static_cast<std::size_t>(i)]; };
}

// Largest first by `column` (the rows come that way already; the header says so).
TableContent sortedBy(TableContent content, int column) {
    content.defaultSortColumn = column;
    content.defaultSortOrder = Qt::DescendingOrder;
    presort(content);
    return content;
}

} // namespace

QString heapObjectLabel(const HeapData& heap, std::uint32_t node) {
    if (node == 0) {
        return QStringLiteral("(root)");
    }
    return QStringLiteral("%1 @%2")
        .arg(QString::fromStdString(heapHolderName(heap.snapshot, node)))
        .arg(heap.snapshot.nodeId[node]);
}

QString heapObjectName(const HeapData& heap, std::uint32_t node) {
    const auto& snapshot = heap.snapshot;
    return QString::fromStdString(heapPreview(snapshot.string(snapshot.nodeName[node]), 80));
}

TableContent heapClassTable(const HeapPtr& heap) {
    TableContent content;
    const auto row = tableOver(content, heap, heap->classes.rows);
    const auto live = std::max<std::uint64_t>(heap->report.reachableBytes, 1);
    content.columns = {
        textColumn(QObject::tr("Constructor"),
                   [row](int i) { return QString::fromStdString(row(i).name); }),
        numberColumn(QObject::tr("Objects"), [row](int i) { return count(row(i).count); }),
        bytesColumn(QObject::tr("Shallow size"), [row](int i) { return row(i).selfBytes; }),
        bytesColumn(QObject::tr("Retained size"), [row](int i) { return row(i).retainedBytes; }),
        numberColumn(
            QObject::tr("% of live"),
            [row, live](int i) {
                return QString::number(100.0 * static_cast<double>(row(i).retainedBytes) /
                                           static_cast<double>(live),
                                       'f', 1);
            },
            QObject::tr("Retained size as a share of the live heap (what the root retains)")),
    };
    content.columns.back().sortKey = [row](int i) { return count(row(i).retainedBytes); };
    content.keyOfRow = [](int i) { return QVariant(i); };
    return sortedBy(std::move(content), 3);
}

TableContent heapObjectTable(const HeapPtr& heap, std::vector<std::uint32_t> nodes) {
    TableContent content;
    content.rows = static_cast<int>(nodes.size());
    const auto shared = std::make_shared<const std::vector<std::uint32_t>>(std::move(nodes));
    const auto node = [shared](int i) { return (*shared)[static_cast<std::size_t>(i)]; };
    content.columns = {
        textColumn(QObject::tr("Object"),
                   [heap, node](int i) { return heapObjectLabel(*heap, node(i)); }),
        textColumn(QObject::tr("Name"),
                   [heap, node](int i) { return heapObjectName(*heap, node(i)); }),
        bytesColumn(QObject::tr("Shallow size"),
                    [heap, node](int i) { return heap->snapshot.selfSize[node(i)]; }),
        bytesColumn(QObject::tr("Retained size"),
                    [heap, node](int i) { return heap->dominators.retained[node(i)]; }),
    };
    content.keyOfRow = [node](int i) { return QVariant(node(i)); };
    return sortedBy(std::move(content), 3);
}

TableContent heapStringTable(const HeapPtr& heap) {
    TableContent content;
    const auto row = tableOver(content, heap, heap->report.duplicates);
    content.columns = {
        textColumn(QObject::tr("Text"),
                   [row](int i) { return QString::fromStdString(row(i).text); }),
        numberColumn(QObject::tr("Copies"), [row](int i) { return count(row(i).copies); }),
        bytesColumn(QObject::tr("Each"), [row](int i) { return row(i).bytesEach; }),
        bytesColumn(QObject::tr("Wasted"), [row](int i) { return row(i).wastedBytes; }),
    };
    return sortedBy(std::move(content), 3);
}

TableContent heapPackageTable(const HeldPtr& held) {
    TableContent content;
    const auto row = tableOver(content, held, held->attribution.packages);
    content.columns = {
        textColumn(QObject::tr("Package"),
                   [row](int i) { return QString::fromStdString(row(i).name); }),
        numberColumn(
            QObject::tr("Modules"), [row](int i) { return count(row(i).modules); },
            QObject::tr("Modules with a copy of their source in the heap")),
        numberColumn(
            QObject::tr("Sources"), [row](int i) { return count(row(i).sources); },
            QObject::tr("Strings holding a module's whole text")),
        bytesColumn(QObject::tr("Source bytes"), [row](int i) { return row(i).sourceBytes; }),
        numberColumn(
            QObject::tr("Paths"), [row](int i) { return count(row(i).paths); },
            QObject::tr("Strings equal to a module's path")),
        bytesColumn(QObject::tr("Path bytes"), [row](int i) { return row(i).pathBytes; }),
        textColumn(QObject::tr("Largest held through"),
                   [row](int i) { return joinedSteps(row(i).heldThrough); }),
    };
    content.keyOfRow = [](int i) { return QVariant(i); };
    return sortedBy(std::move(content), 3);
}

TableContent heapBarrelTable(const HeldPtr& held) {
    TableContent content;
    const auto row = tableOver(content, held, held->attribution.barrels);
    content.columns = {
        textColumn(QObject::tr("Barrel"),
                   [held, row](int i) { return modulePath(*held->session, row(i).barrel); }),
        numberColumn(
            QObject::tr("Reach"), [row](int i) { return count(row(i).reach); },
            QObject::tr("Modules the barrel reaches, itself included")),
        numberColumn(
            QObject::tr("Held modules"), [row](int i) { return count(row(i).heldModules); },
            QObject::tr("Of those, modules whose source or path the heap holds")),
        bytesColumn(QObject::tr("Source bytes"), [row](int i) { return row(i).sourceBytes; }),
        bytesColumn(QObject::tr("Path bytes"), [row](int i) { return row(i).pathBytes; }),
    };
    content.moduleOfRow = [row](int i) { return std::optional(row(i).barrel); };
    content.keyOfRow = [row](int i) { return QVariant(row(i).barrel.value); };
    return sortedBy(std::move(content), 3);
}

TableContent heapModuleTable(const HeldPtr& held) {
    TableContent content;
    const auto row = tableOver(content, held, held->attribution.modules);
    content.columns = {
        textColumn(QObject::tr("Module"),
                   [held, row](int i) { return modulePath(*held->session, row(i).module); }),
        numberColumn(QObject::tr("Sources"), [row](int i) { return count(row(i).sources); }),
        bytesColumn(QObject::tr("Source bytes"), [row](int i) { return row(i).sourceBytes; }),
        numberColumn(QObject::tr("Paths"), [row](int i) { return count(row(i).paths); }),
        bytesColumn(QObject::tr("Path bytes"), [row](int i) { return row(i).pathBytes; }),
    };
    content.moduleOfRow = [row](int i) { return std::optional(row(i).module); };
    content.keyOfRow = [row](int i) { return QVariant(row(i).module.value); };
    return sortedBy(std::move(content), 2);
}

TableContent heapClassChangeTable(const DeltaPtr& delta) {
    TableContent content;
    const auto row = tableOver(content, delta, delta->comparison.classes);
    content.columns = {
        textColumn(QObject::tr("Constructor"),
                   [row](int i) { return QString::fromStdString(row(i).name); }),
        numberColumn(
            QObject::tr("New"), [row](int i) { return count(row(i).added); },
            QObject::tr("Live objects the older snapshot did not have (by id)")),
        numberColumn(
            QObject::tr("Gone"), [row](int i) { return count(row(i).removed); },
            QObject::tr("Live objects of the older snapshot that are gone")),
        numberColumn(
            QObject::tr("Objects"),
            [row](int i) {
                return QStringLiteral("%1 → %2").arg(row(i).countBefore).arg(row(i).countAfter);
            }),
        deltaColumn(QObject::tr("Shallow Δ"), [row](int i) { return row(i).selfDelta; }),
        deltaColumn(QObject::tr("Retained Δ"), [row](int i) { return row(i).retainedDelta; }),
    };
    content.columns[3].sortKey = [row](int i) { return count(row(i).countAfter); };
    return sortedBy(std::move(content), 4);
}

TableContent heapPathChangeTable(const DeltaPtr& delta) {
    TableContent content;
    const auto row = tableOver(content, delta, delta->comparison.paths);
    content.columns = {
        textColumn(QObject::tr("Objects"),
                   [row](int i) { return QString::fromStdString(row(i).className); }),
        numberColumn(QObject::tr("New"), [row](int i) { return count(row(i).added); }),
        numberColumn(QObject::tr("Gone"), [row](int i) { return count(row(i).removed); }),
        deltaColumn(QObject::tr("Shallow Δ"), [row](int i) { return row(i).netBytes(); }),
        textColumn(QObject::tr("Held through (nearest steps of the shortest path)"),
                   [row](int i) { return joinedSteps(row(i).heldThrough); }),
    };
    return sortedBy(std::move(content), 3);
}

} // namespace fanout::ui
