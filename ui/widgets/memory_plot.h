#pragma once

#include "memory_series.h"

#include <QTimer>
#include <QWidget>

class QCustomPlot;
class QLabel;

namespace fanout::ui {

// Resident memory over the scan, with the phases marked and the peak annotated. Samples are
// added on one timer (the controller's) and the plot is redrawn on its own slower timer with a
// queued replot, so a burst of samples costs one redraw.
class MemoryPlot : public QWidget {
    Q_OBJECT
public:
    explicit MemoryPlot(const MemorySeries& series, QWidget* parent = nullptr);

    void setRunning(bool running);
    void markDirty() { m_dirty = true; }
    void refresh(); // redraws from the series now
    int plottedSamples() const;

    QString savePng(const QString& file); // empty, or what went wrong
    QString saveCsv(const QString& file);

protected:
    void showEvent(QShowEvent* event) override;

private:
    const MemorySeries& m_series;
    QCustomPlot* m_plot;
    QLabel* m_summary;
    QTimer m_replotTimer;
    bool m_dirty = false;
};

} // namespace fanout::ui
