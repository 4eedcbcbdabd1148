// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QTimer>
#include <QWidget>

class QCustomPlot;

namespace fanout::ui {

// A QCustomPlot fed while something runs: samples only mark it dirty, and it is redrawn on its
// own timer with a queued replot, so a burst of samples costs one redraw. A hidden plot is drawn
// when it is shown (QCustomPlot cannot paint into an empty buffer).
class LivePlot : public QWidget {
    Q_OBJECT
public:
    LivePlot(int replotMs, QWidget* parent);

    void setRunning(bool running);
    void markDirty() { m_dirty = true; }
    // Rebuilds the plot from its data (fill()), then replots if it is on screen.
    void refresh();
    QString savePng(const QString& file); // empty, or what went wrong

protected:
    virtual void fill() = 0;
    void showEvent(QShowEvent* event) override;
    // The phase names are laid out in pixels: again at every size.
    void resizeEvent(QResizeEvent* event) override;
    QCustomPlot* plot() const { return m_plot; }

private:
    QCustomPlot* m_plot;
    QTimer m_replotTimer;
    bool m_dirty = false;
};

} // namespace fanout::ui
