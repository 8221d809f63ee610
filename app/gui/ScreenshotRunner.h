#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QTimer>

namespace memscope::ui {
class MainWindow;
}

// `memscope --screenshot FILE [--view NAME]`: waits until the window has settled (nothing loading for a
// moment), shows the requested view (`compare`: two runs of one task selected in the Runs tab and compared;
// the dialog is pictured), renders the window to a PNG and quits with 0, or with 1 and a message when the
// view is unknown (or has nothing to show), the picture cannot be written or the window never settles.
class ScreenshotRunner : public QObject {
    Q_OBJECT
public:
    ScreenshotRunner(memscope::ui::MainWindow* window, QString file, QString view, QObject* parent = nullptr);
    void start();

private:
    void poll();
    void capture();

    memscope::ui::MainWindow* m_window;
    QString m_file;
    QString m_view;
    QTimer m_timer;
    QElapsedTimer m_clock;
    int m_quietPolls = 0;
    bool m_viewShown = false;
    bool m_comparePending = false; // --view compare: two runs still to be compared
};
