// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "live_plot.h"
#include "profile_controller.h"

namespace fanout::ui {

// The live plot of a profiled command: the largest processes stacked, the tree's total as a line,
// the system's available memory on the right axis, the phases marked.
class ProfilePlot : public LivePlot {
    Q_OBJECT
public:
    static constexpr std::size_t kStacked = 6; // processes drawn on their own; the rest summed

    explicit ProfilePlot(const ProfileSeries& series, QWidget* parent = nullptr);

    int graphCount() const;
    int plottedSamples() const;

protected:
    void fill() override;

private:
    const ProfileSeries& m_series;
};

} // namespace fanout::ui
