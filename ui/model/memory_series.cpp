// SPDX-License-Identifier: GPL-3.0-or-later
#include "memory_series.h"
#include "fanout/base/size_format.h"

#include <QTextStream>

namespace fanout::ui {

MemorySeries::MemorySeries(std::size_t maxPoints)
    : m_maxPoints(std::max<std::size_t>(maxPoints, 4)) {}

void MemorySeries::clear() {
    m_seconds.clear();
    m_megabytes.clear();
    m_phases.clear();
    m_peak = 0;
    m_peakSeconds = 0;
}

void MemorySeries::add(double seconds, std::uint64_t bytes) {
    const double megabytes = toMegabytes(bytes);
    if (megabytes > m_peak) {
        m_peak = megabytes;
        m_peakSeconds = seconds;
    }
    m_seconds.push_back(seconds);
    m_megabytes.push_back(megabytes);
    if (m_seconds.size() < m_maxPoints) {
        return;
    }
    std::size_t kept = 0;
    for (std::size_t i = 0; i + 1 < m_seconds.size(); i += 2, ++kept) {
        const bool second = m_megabytes[i + 1] > m_megabytes[i];
        m_seconds[kept] = m_seconds[second ? i + 1 : i];
        m_megabytes[kept] = m_megabytes[second ? i + 1 : i];
    }
    if (m_seconds.size() % 2 == 1) { // the newest sample stays as it is
        m_seconds[kept] = m_seconds.back();
        m_megabytes[kept] = m_megabytes.back();
        ++kept;
    }
    m_seconds.resize(kept);
    m_megabytes.resize(kept);
}

void MemorySeries::markPhase(double seconds, const QString& name) {
    m_phases.push_back({seconds, name});
}

QString MemorySeries::toCsv() const {
    QString text;
    QTextStream out(&text);
    out << "seconds,resident_mb\n";
    for (std::size_t i = 0; i < m_seconds.size(); ++i) {
        out << QString::number(m_seconds[i], 'f', 3) << ','
            << QString::number(m_megabytes[i], 'f', 2) << '\n';
    }
    out << "\nphase,seconds\n";
    for (const auto& phase : m_phases) {
        out << phase.name << ',' << QString::number(phase.seconds, 'f', 3) << '\n';
    }
    return text;
}

} // namespace fanout::ui
