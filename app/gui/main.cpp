// memscope: the curation workbench. Parses the command line, builds the window and opens the store.
#include "ScreenshotRunner.h"

#include <settings/Settings.h>
#include <settings/TranslationLoader.h>
#include <store/StoreSession.h>
#include <views/MainWindow.h>

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QPalette>

using namespace memscope::ui;

namespace {

// Everything takes its colours from the palette, so this is all a dark theme needs.
void useDarkPalette(QApplication& app)
{
    QApplication::setStyle(QStringLiteral("Fusion"));
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x2b, 0x2d, 0x31));
    p.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::Base, QColor(0x1f, 0x21, 0x24));
    p.setColor(QPalette::AlternateBase, QColor(0x2a, 0x2c, 0x30));
    p.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::Button, QColor(0x35, 0x37, 0x3b));
    p.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::Highlight, QColor(0x3b, 0x7d, 0xd8));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9d, 0xa3));
    p.setColor(QPalette::Mid, QColor(0x4a, 0x4d, 0x52));
    p.setColor(QPalette::ToolTipBase, QColor(0x35, 0x37, 0x3b));
    p.setColor(QPalette::ToolTipText, QColor(0xe6, 0xe6, 0xe6));
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, QColor(0x7a, 0x7d, 0x83));
    app.setPalette(p);
}

} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Memscope"));
    QApplication::setApplicationName(QStringLiteral("Memscope"));
    QApplication::setApplicationVersion(QStringLiteral(MEMSCOPE_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("io.github.memscope.Memscope"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/memscope.svg")));
    TranslationLoader::install(app, Settings().language()); // before any tr(): --help is translated too

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Inspect and curate the long-term memory of LLM agents."));
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption db(QStringLiteral("db"),
                          QApplication::translate("main", "Open this database (default: the user's store)."),
                          QStringLiteral("path"));
    QCommandLineOption readOnly(QStringLiteral("read-only"),
                                QApplication::translate("main", "Open the database read-only."));
    QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                  QApplication::translate("main", "Render the window to a PNG file and exit."),
                                  QStringLiteral("file"));
    QCommandLineOption view(
        QStringLiteral("view"),
        QApplication::translate("main", "The view to show first (records, trends, lessons, runs, curve, compare)."),
        QStringLiteral("name"));
    QCommandLineOption size(QStringLiteral("size"),
                            QApplication::translate("main", "Window size for --screenshot, as WxH."),
                            QStringLiteral("WxH"), QStringLiteral("1440x900"));
    QCommandLineOption dark(
        QStringLiteral("dark"),
        QApplication::translate("main", "Use a dark palette (Fusion style), whatever the desktop's."));
    parser.addOptions({db, readOnly, screenshot, view, size, dark});
    parser.process(app);
    if (parser.isSet(dark))
        useDarkPalette(app);

    Settings settings;
    StoreSession session;
    session.setOperatorName(settings.operatorName());
    MainWindow window(&session, &settings);

    ScreenshotRunner* runner = nullptr;
    if (parser.isSet(screenshot)) {
        const auto wh = parser.value(size).split(QLatin1Char('x'));
        if (wh.size() == 2)
            window.resize(wh[0].toInt(), wh[1].toInt());
        runner = new ScreenshotRunner(&window, parser.value(screenshot), parser.value(view), &app);
    }
    window.show();
    QString path = parser.value(db);
    if (path.isEmpty())
        path = settings.databasePath();
    window.openDatabase(path, parser.isSet(readOnly));
    if (runner)
        runner->start();
    else if (parser.isSet(view))
        QObject::connect(&session, &StoreSession::opened, &window, [&] { window.showView(parser.value(view)); });
    return QApplication::exec();
}
