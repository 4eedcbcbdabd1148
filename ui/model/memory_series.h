// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <cstdint>
#include <vector>

namespace fanout::ui {

// Resident memory over one scan, kept to at most `maxPoints` samples: when full, neighbours
// merge pairwise keeping the higher value, so the peak always survives.
class MemorySeries {
public:
    struct Phase {
        double seconds = 0;
        QString name;
    };

    explicit MemorySeries(std::size_t maxPoints = 1000);

    void clear();
    void add(double seconds, std::uint64_t bytes);
    void markPhase(double seconds, const QString& name);

    const std::vector<double>& seconds() const { return m_seconds; }
    const std::vector<double>& megabytes() const { return m_megabytes; }
    const std::vector<Phase>& phases() const { return m_phases; }
    double peakMegabytes() const { return m_peak; }
    double peakSeconds() const { return m_peakSeconds; }
    bool empty() const { return m_seconds.empty(); }

    // A "seconds,resident_mb" table, a blank line, then a "phase,seconds" table.
    QString toCsv() const;

private:
    std::size_t m_maxPoints;
    std::vector<double> m_seconds;
    std::vector<double> m_megabytes;
    std::vector<Phase> m_phases;
    double m_peak = 0;
    double m_peakSeconds = 0;
};

} // namespace fanout::ui
