// SPDX-License-Identifier: GPL-3.0-or-later
#include "module_changes.h"

#include "fanout/base/size_format.h"

#include <QLocale>
#include <QObject>
#include <QStringList>

#include <algorithm>
#include <cstdlib>
#include <limits>
#include <string_view>
#include <unordered_map>

namespace fanout::ui {
namespace {

std::string key(const std::string& environment, const std::string& path) {
    std::string out;
    out.reserve(environment.size() + 1 + path.size());
    out.append(environment).push_back('\0');
    out.append(path);
    return out;
}

template <class Entry>
std::unordered_map<std::string, const Entry*> byKey(const std::vector<Entry>& entries) {
    std::unordered_map<std::string, const Entry*> out;
    out.reserve(entries.size());
    for (const auto& entry : entries) {
        out.emplace(key(entry.env, entry.path), &entry);
    }
    return out;
}

QString signedNumber(std::int64_t value) {
    const auto magnitude = QLocale().toString(static_cast<qulonglong>(std::llabs(value)));
    return (value < 0 ? QStringLiteral("\u2212") : QStringLiteral("+")) + magnitude;
}

QString signedSize(std::int64_t bytes) {
    const auto magnitude =
        QString::fromStdString(formatSize(static_cast<std::uint64_t>(std::llabs(bytes))));
    return (bytes < 0 ? QStringLiteral("\u2212") : QStringLiteral("+")) + magnitude;
}

QString directiveName(const std::string& directive) {
    return directive == "none" ? QObject::tr("no directive")
                               : QObject::tr("use %1").arg(QString::fromStdString(directive));
}

} // namespace

ModuleChanges::ModuleChanges(const ScanDocument& before, const ScanDocument& after,
                             QString beforeName)
    : m_compared(true), m_beforeName(std::move(beforeName)), m_index(after.modules.size(), 0) {
    auto earlier = byKey(before.modules);
    const auto earlierHotspots = byKey(before.hotspots);
    std::unordered_map<std::string, std::int64_t> reachAfter;
    for (const auto& hotspot : after.hotspots) {
        const auto found = earlierHotspots.find(key(hotspot.env, hotspot.path));
        if (found != earlierHotspots.end()) {
            reachAfter.emplace(key(hotspot.env, hotspot.path),
                               static_cast<std::int64_t>(hotspot.reachModules) -
                                   static_cast<std::int64_t>(found->second->reachModules));
        }
    }
    for (std::size_t i = 0; i < after.modules.size(); ++i) {
        const auto& module = after.modules[i];
        auto moduleKey = key(module.env, module.path);
        ModuleChange change;
        const auto found = earlier.find(moduleKey);
        if (found == earlier.end()) {
            change.added = true;
        } else {
            const auto& old = *found->second;
            change.bytesDelta =
                static_cast<std::int64_t>(module.bytes) - static_cast<std::int64_t>(old.bytes);
            if (old.directive != module.directive) {
                change.directiveBefore = old.directive;
            }
            earlier.erase(found); // what is left at the end is gone
        }
        if (const auto reach = reachAfter.find(moduleKey); reach != reachAfter.end()) {
            change.reachDelta = reach->second;
        }
        if (!change.any()) {
            continue;
        }
        m_added += change.added ? 1 : 0;
        m_edited += change.bytesDelta != 0 ? 1 : 0;
        m_reachChanged += change.reachDelta != 0 ? 1 : 0;
        m_directiveChanged += change.directiveBefore.empty() ? 0 : 1;
        m_changes.push_back(std::move(change));
        m_index[i] = static_cast<std::uint32_t>(m_changes.size());
    }
    m_gone.reserve(earlier.size());
    for (const auto& [unused, module] : earlier) {
        m_gone.push_back(module->path + " (" + module->env + ")");
    }
    std::sort(m_gone.begin(), m_gone.end());
}

const ModuleChange* ModuleChanges::of(ModuleId module) const {
    if (module.value >= m_index.size() || m_index[module.value] == 0) {
        return nullptr;
    }
    return &m_changes[m_index[module.value] - 1];
}

RowChange ModuleChanges::mark(ModuleId module) const {
    const auto* change = of(module);
    if (change == nullptr) {
        return RowChange::None;
    }
    return change->added ? RowChange::Added : RowChange::Changed;
}

QString ModuleChanges::text(ModuleId module) const {
    const auto* change = of(module);
    if (change == nullptr) {
        return {};
    }
    QStringList parts;
    if (change->added) {
        parts << QObject::tr("new");
    }
    if (change->reachDelta != 0) {
        parts << QObject::tr("reach %1").arg(signedNumber(change->reachDelta));
    }
    if (!change->directiveBefore.empty()) {
        parts << QObject::tr("was %1").arg(directiveName(change->directiveBefore));
    }
    if (change->bytesDelta != 0) {
        parts << QObject::tr("edited %1").arg(signedSize(change->bytesDelta));
    }
    return parts.join(QStringLiteral(", "));
}

qlonglong ModuleChanges::sortKey(ModuleId module) const {
    const auto* change = of(module);
    if (change == nullptr) {
        return 0;
    }
    // New first; then reach (up to 2^40 modules), a changed directive, then bytes (capped).
    constexpr qlonglong kBytesCap = (qlonglong{1} << 20) - 1;
    const qlonglong bytes = std::min<qlonglong>(std::llabs(change->bytesDelta), kBytesCap) + 1;
    const qlonglong directive = change->directiveBefore.empty() ? 0 : qlonglong{1} << 20;
    const qlonglong reach = std::min<qlonglong>(std::llabs(change->reachDelta), qlonglong{1} << 40)
                            << 21;
    return change->added ? std::numeric_limits<qlonglong>::max() : reach + directive + bytes;
}

QString ModuleChanges::summary() const {
    if (!m_compared) {
        return {};
    }
    QStringList parts;
    const auto add = [&](std::size_t count, const char* what) {
        if (count > 0) {
            parts << QObject::tr(what).arg(QLocale().toString(static_cast<qulonglong>(count)));
        }
    };
    add(m_added, QT_TR_NOOP("%1 new"));
    add(m_gone.size(), QT_TR_NOOP("%1 gone"));
    add(m_edited, QT_TR_NOOP("%1 edited"));
    add(m_directiveChanged, QT_TR_NOOP("%1 with another directive"));
    add(m_reachChanged, QT_TR_NOOP("%1 with another reach"));
    if (parts.isEmpty()) {
        return QObject::tr("No module changed since %1.").arg(m_beforeName);
    }
    return QObject::tr("Since %1: %2.").arg(m_beforeName, parts.join(QStringLiteral(", ")));
}

QString ModuleChanges::goneLabel() const {
    return m_gone.empty() ? QString()
                          : QObject::tr("%1 gone").arg(
                                QLocale().toString(static_cast<qulonglong>(m_gone.size())));
}

QString ModuleChanges::goneList(std::size_t listed) const {
    if (m_gone.empty()) {
        return {};
    }
    QStringList lines{QObject::tr("Modules gone since %1 (%2):")
                          .arg(m_beforeName)
                          .arg(QLocale().toString(static_cast<qulonglong>(m_gone.size())))};
    for (std::size_t i = 0; i < m_gone.size() && i < listed; ++i) {
        lines << QString::fromStdString(m_gone[i]);
    }
    if (m_gone.size() > listed) {
        lines << QObject::tr("… and %1 more (the Compare panel lists them all)")
                     .arg(QLocale().toString(static_cast<qulonglong>(m_gone.size() - listed)));
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace fanout::ui
