#include "ScreenshotRunner.h"

#include <views/MainWindow.h>

#include <QCoreApplication>
#include <QDialog>
#include <QImage>
#include <QPixmap>

#include <cstdio>

namespace {
constexpr int kPollMs = 100;
constexpr int kQuietPollsNeeded = 5; // half a second with nothing loading
constexpr int kGiveUpMs = 60000;
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
        if (!m_view.isEmpty() && !m_window->showView(m_view)) {
            std::fprintf(stderr, "memscope: unknown view '%s'\n", qPrintable(m_view));
            QCoreApplication::exit(1);
            return;
        }
        m_quietPolls = 0;
        return;
    }
    if (++m_quietPolls >= kQuietPollsNeeded)
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
