#pragma once

// The whole main window offscreen on its own settings file, never the user's: the window tests' fixture.

#include "UiTestSupport.h"

#include <settings/Settings.h>
#include <storage/Connection.h>
#include <storage/MemoryStore.h>
#include <views/MainWindow.h>

#include <QAction>
#include <QFile>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QStringList>

namespace memscope::test {

// A window on its own settings file (prepared before the window reads it), never the user's.
struct MainWindowFixture {
    explicit MainWindowFixture(const QString& dir, const QStringList& recent = {})
        : settings(prepared(dir, recent))
        , window(&session, &settings)
    {
        session.setPollInterval(50);
        session.setOperatorName(QStringLiteral("tester"));
        window.resize(1280, 800);
        window.show();
    }
    static std::unique_ptr<QSettings> prepared(const QString& dir, const QStringList& recent)
    {
        auto qs = std::make_unique<QSettings>(dir + QStringLiteral("/settings.ini"), QSettings::IniFormat);
        ui::Settings s(std::make_unique<QSettings>(qs->fileName(), QSettings::IniFormat));
        for (auto it = recent.crbegin(); it != recent.crend(); ++it)
            s.addRecentDatabase(*it);
        s.sync();
        qs->sync();
        return qs;
    }
    bool idle()
    {
        return QTest::qWaitFor([&] { return !window.isBusy(); }, 30000);
    }
    // The action called `text` (mnemonics ignored) in the top-level menu `menu`, or in a submenu of it.
    QAction* action(const QString& menu, const QString& text) const
    {
        const auto plain = [](QString t) { return t.remove(QLatin1Char('&')); };
        for (auto* top : window.menuBar()->actions()) {
            if (plain(top->text()) != menu || !top->menu())
                continue;
            QList<QMenu*> menus{top->menu()};
            while (!menus.isEmpty()) {
                QMenu* m = menus.takeFirst();
                emit m->aboutToShow(); // menus filled on demand (Open Recent)
                for (auto* a : m->actions()) {
                    if (a->menu())
                        menus << a->menu();
                    else if (plain(a->text()) == text)
                        return a;
                }
            }
        }
        return nullptr;
    }
    ui::StoreSession session;
    ui::Settings settings;
    ui::MainWindow window;
};

// A file Memscope must refuse to open, of one kind: "corrupt" (not SQLite at all), "newer" (a Memscope
// database of a newer schema) or "foreign" (another application's SQLite database).
inline void writeProblemDatabase(const QString& path, const QString& kind)
{
    if (kind == QLatin1String("corrupt")) {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(16384, '\x5a'));
        return;
    }
    if (kind == QLatin1String("newer"))
        MemoryStore::open(path.toStdString()).reset();
    Connection connection(path.toStdString(), {});
    if (kind == QLatin1String("newer"))
        connection.exec("PRAGMA user_version = 4242");
    else
        connection.exec("CREATE TABLE invoices(id INTEGER PRIMARY KEY)");
}

inline QByteArray fileContents(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace memscope::test
