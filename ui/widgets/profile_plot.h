#pragma once

#include "profile_controller.h"

#include <QTimer>
#include <QWidget>

class QCustomPlot;

namespace fanout::ui {

// The live plot of a profiled command: the largest processes stacked, the tree's total as a line,
// the system's available memory on the right axis, the phases marked. Redrawn on its own timer
// with a queued replot.
class ProfilePlot : public QWidget {
    Q_OBJECT
public:
    static constexpr std::size_t kStacked = 6; // processes drawn on their own; the rest summed

    explicit ProfilePlot(const ProfileSeries& series, QWidget* parent = nullptr);

    void setRunning(bool running);
    void markDirty() { m_dirty = true; }
    void refresh();
    int graphCount() const;
    int plottedSamples() const;
    QString savePng(const QString& file);

protected:
    void showEvent(QShowEvent* event) override;

private:
    const ProfileSeries& m_series;
    QCustomPlot* m_plot;
    QTimer m_replotTimer;
    bool m_dirty = false;
};

} // namespace fanout::ui
