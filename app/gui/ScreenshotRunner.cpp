#include "ScreenshotRunner.h"

#include <models/RunListModel.h>
#include <views/MainWindow.h>
#include <views/RunsView.h>

#include <QCoreApplication>
#include <QDialog>
#include <QImage>
#include <QItemSelectionModel>
#include <QPixmap>
#include <QPushButton>
#include <QTableView>

#include <cstdio>
#include <utility>

namespace {
constexpr int kPollMs = 100;
constexpr int kQuietPollsNeeded = 5; // half a second with nothing loading
constexpr int kGiveUpMs = 60000;

// Two runs worth comparing, newest first: of one task with memory on and off, else of one task, else the two
// newest. Selects them in the table, as an operator would.
bool selectRunsToCompare(memscope::ui::RunsView* runs)
{
    auto* model = runs->model();
    if (model->rowCount() < 2)
        return false;
    std::pair<int, int> pair{0, 1};
    bool found = false;
    for (const bool needMemoryChange : {true, false}) {
        for (int x = 0; x < model->rowCount() && !found; ++x)
            for (int y = x + 1; y < model->rowCount() && !found; ++y) {
                const auto* a = model->summary(x);
                const auto* b = model->summary(y);
                if (a->pack == b->pack && a->taskId == b->taskId && (!needMemoryChange || a->memory != b->memory)) {
                    pair = {x, y};
                    found = true;
                }
            }
        if (found)
            break;
    }
    runs->selectRun(model->runId(pair.first));
    runs->table()->selectionModel()->select(model->index(pair.second, 0),
                                            QItemSelectionModel::Select | QItemSelectionModel::Rows);
    return true;
}

} // namespace

ScreenshotRunner::ScreenshotRunner(memscope::ui::MainWindow* window, QString file, QString view, QObject* parent)
    : QObject(parent)
    , m_window(window)
    , m_file(std::move(file))
    , m_view(std::move(view))
{
    m_timer.setInterval(kPollMs);
    connect(&m_timer, &QTimer::timeout, this, &ScreenshotRunner::poll);
}

void ScreenshotRunner::start()
{
    m_clock.start();
    m_timer.start();
}

void ScreenshotRunner::poll()
{
    if (m_clock.elapsed() > kGiveUpMs) {
        std::fprintf(stderr, "memscope: the window did not settle within %d s; screenshot taken anyway\n",
                     kGiveUpMs / 1000);
        capture();
        return;
    }
    if (m_window->isBusy()) {
        m_quietPolls = 0;
        return;
    }
    if (!m_viewShown) {
        m_viewShown = true;
        // "compare": the Runs tab first, then two runs selected and compared once it has listed them.
        m_comparePending = m_view == QLatin1String("compare");
        const QString view = m_comparePending ? QStringLiteral("runs") : m_view;
        if (!view.isEmpty() && !m_window->showView(view)) {
            std::fprintf(stderr, "memscope: unknown view '%s'\n", qPrintable(m_view));
            QCoreApplication::exit(1);
            return;
        }
        m_quietPolls = 0;
        return;
    }
    if (++m_quietPolls < kQuietPollsNeeded)
        return;
    if (m_comparePending) {
        m_comparePending = false;
        memscope::ui::RunsView* runs = m_window->runsView();
        if (!selectRunsToCompare(runs) || !runs->compareButton()->isEnabled()) {
            std::fprintf(stderr, "memscope: the store has no two runs to compare\n");
            QCoreApplication::exit(1);
            return;
        }
        runs->compareButton()->click();
        m_quietPolls = 0;
        return;
    }
    capture();
}

void ScreenshotRunner::capture()
{
    m_timer.stop();
    // A view that is a dialog (archive-stale, shortcuts) is pictured on its own.
    QWidget* target = m_window;
    for (auto* dialog : m_window->findChildren<QDialog*>())
        if (dialog->isVisible())
            target = dialog;
    const QPixmap picture = target->grab();
    if (!picture.save(m_file, "PNG")) {
        std::fprintf(stderr, "memscope: could not write the screenshot to %s\n", qPrintable(m_file));
        QCoreApplication::exit(1);
        return;
    }
    std::printf("%s\n", qPrintable(m_file));
    QCoreApplication::exit(0);
}
