// memscope: the curation workbench. Parses the command line, builds the window and opens the store.
#include "ScreenshotRunner.h"

#include <settings/Settings.h>
#include <store/StoreSession.h>
#include <views/MainWindow.h>

#include <QApplication>
#include <QCommandLineParser>

using namespace memscope::ui;

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Memscope"));
    QApplication::setApplicationName(QStringLiteral("Memscope"));
    QApplication::setApplicationVersion(QStringLiteral(MEMSCOPE_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("io.github.memscope.Memscope"));

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
    QCommandLineOption view(QStringLiteral("view"),
                            QApplication::translate("main", "The view to show first (records, trends, runs)."),
                            QStringLiteral("name"));
    QCommandLineOption size(QStringLiteral("size"),
                            QApplication::translate("main", "Window size for --screenshot, as WxH."),
                            QStringLiteral("WxH"), QStringLiteral("1440x900"));
    parser.addOptions({db, readOnly, screenshot, view, size});
    parser.process(app);

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
