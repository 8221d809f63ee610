// The Run Task dialog: its defaults are RunOptions' own; the learning-curve check disables the memory
// choice and asks for both arms; the endpoint choice appears only with two or more profiles; the Advanced
// options fold away and its options reach the request; nothing out of range can be asked for.
#include <dialogs/RunTaskDialog.h>

#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace memscope;
using namespace memscope::ui;

namespace {

const char* const kPackJson =
    "{\"name\": \"mini_rule\", \"task_type\": \"mini_rule\", \"title\": \"Mini rule\", \"version\": \"3.0\",\n"
    " \"tool_name\": \"llm\", \"system_prompt\": \"Answer with one word.\", \"prompt_template\": \"{{input}}\",\n"
    " \"tools\": [], \"limits\": {\"max_turns\": 1, \"max_tool_calls\": 0},\n"
    " \"evaluator\": {\"kind\": \"rule\"},\n"
    " \"tasks\": [{\"id\": \"w1\", \"input\": \"Name the colour of the sky.\", \"expected\": {\"answer\": \"blue\"}},\n"
    "            {\"id\": \"w2\", \"input\": \"Name the colour of grass.\", \"expected\": {\"answer\": \"green\"}}]}\n";

} // namespace

class TestRunTaskDialog : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<PackLibrary> m_library;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QFile pack(m_dir.filePath(QStringLiteral("mini_rule.json")));
        QVERIFY(pack.open(QIODevice::WriteOnly));
        pack.write(kPackJson);
        pack.close();
        m_library = std::make_unique<PackLibrary>(std::vector<std::filesystem::path>{m_dir.path().toStdString()});
    }

    void defaultsAreRunOptionsDefaults()
    {
        RunTaskDialog dialog(*m_library);
        const RunOptions defaults;
        const RunRequest r = dialog.request();
        QCOMPARE(r.pack, QStringLiteral("mini_rule"));
        QCOMPARE(r.episodes, 2); // all tasks, once each
        QVERIFY(r.memory);
        QVERIFY(!r.withControl);
        QVERIFY(r.endpoint.isEmpty());
        QCOMPARE(r.lessonBudgetTokens, defaults.lessonBudgetTokens);
        QCOMPARE(r.lessonsPerOutcome, defaults.lessonsPerOutcome);
        QVERIFY(r.toolFilter.isEmpty() && r.versionFilter.isEmpty());
        QCOMPARE(r.sinceDays, 0);
        QVERIFY(r.writeback == RunOptions::Writeback::Inline);
        QCOMPARE(r.runCount(), 2);
        // Every new control is there by name, with a tooltip.
        for (const char* name : {"curveCheck", "endpointBox", "budgetBox", "perOutcomeBox", "toolFilterField",
                                 "versionFilterField", "sinceDaysBox", "queuedCheck"}) {
            auto* w = dialog.findChild<QWidget*>(QString::fromLatin1(name));
            QVERIFY2(w, name);
            QVERIFY2(!w->toolTip().isEmpty(), name);
        }
    }

    void learningCurveDisablesTheMemoryChoice()
    {
        RunTaskDialog dialog(*m_library);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        dialog.memoryCheck()->setChecked(false);
        QVERIFY(!dialog.budgetBox()->isEnabled()); // no prefetch to tune without memory
        QTest::mouseClick(dialog.curveCheck(), Qt::LeftButton);
        QVERIFY(dialog.curveCheck()->isChecked());
        QVERIFY(!dialog.memoryCheck()->isEnabled());
        QVERIFY(dialog.budgetBox()->isEnabled());
        dialog.episodesBox()->setValue(6);
        RunRequest r = dialog.request();
        QVERIFY(r.withControl);
        QVERIFY(r.memory);
        QCOMPARE(r.runCount(), 12);
        QTest::mouseClick(dialog.curveCheck(), Qt::LeftButton);
        QVERIFY(dialog.memoryCheck()->isEnabled());
        r = dialog.request();
        QVERIFY(!r.withControl && !r.memory);
    }

    void endpointChoice_data()
    {
        QTest::addColumn<QStringList>("names");
        QTest::addColumn<QString>("current");
        QTest::addColumn<bool>("shown");
        QTest::addColumn<QString>("requested");
        QTest::addRow("none") << QStringList{} << QString() << false << QString();
        QTest::addRow("one") << QStringList{"openai"} << QStringLiteral("openai") << false << QString();
        QTest::addRow("two, second current")
            << QStringList{"openai", "ollama"} << QStringLiteral("ollama") << true << QStringLiteral("ollama");
        QTest::addRow("three, unknown current")
            << QStringList{"a", "b", "c"} << QStringLiteral("zz") << true << QStringLiteral("a");
    }
    void endpointChoice()
    {
        QFETCH(QStringList, names);
        QFETCH(QString, current);
        QFETCH(bool, shown);
        QFETCH(QString, requested);
        RunTaskDialog dialog(*m_library);
        dialog.setEndpoints(names, current);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QCOMPARE(dialog.endpointBox()->isVisible(), shown);
        QCOMPARE(dialog.request().endpoint, requested);
    }

    void advancedOptionsReachTheRequest()
    {
        RunTaskDialog dialog(*m_library);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        // Folded away at first; unfolding shows the options, enabled.
        QVERIFY(!dialog.budgetBox()->isVisible());
        dialog.advancedToggle()->setChecked(true);
        QTRY_VERIFY(dialog.budgetBox()->isVisible());
        QVERIFY(dialog.budgetBox()->isEnabled());
        dialog.budgetBox()->setValue(900);
        dialog.perOutcomeBox()->setValue(3);
        QTest::keyClicks(dialog.toolFilterField(), QStringLiteral("  pg_connector "));
        QTest::keyClicks(dialog.versionFilterField(), QStringLiteral("v1.3"));
        dialog.sinceDaysBox()->setValue(30);
        QTest::mouseClick(dialog.queuedCheck(), Qt::LeftButton);
        const RunRequest r = dialog.request();
        QCOMPARE(r.lessonBudgetTokens, 900);
        QCOMPARE(r.lessonsPerOutcome, 3);
        QCOMPARE(r.toolFilter, QStringLiteral("pg_connector"));
        QCOMPARE(r.versionFilter, QStringLiteral("v1.3"));
        QCOMPARE(r.sinceDays, 30);
        QVERIFY(r.writeback == RunOptions::Writeback::Queue);
        // Folding the group away keeps the choices.
        dialog.advancedToggle()->setChecked(false);
        QVERIFY(!dialog.budgetBox()->isVisible());
        QCOMPARE(dialog.request().lessonBudgetTokens, 900);
    }

    void outOfRangeIsRefused_data()
    {
        QTest::addColumn<QString>("box");
        QTest::addColumn<int>("value");
        QTest::addColumn<int>("kept");
        QTest::addRow("negative budget") << QStringLiteral("budgetBox") << -5 << 0;
        QTest::addRow("huge budget") << QStringLiteral("budgetBox") << 10000000 << 32000;
        QTest::addRow("no lessons per outcome") << QStringLiteral("perOutcomeBox") << 0 << 1;
        QTest::addRow("negative days") << QStringLiteral("sinceDaysBox") << -1 << 0;
        QTest::addRow("zero episodes") << QStringLiteral("episodesBox") << 0 << 1;
    }
    void outOfRangeIsRefused()
    {
        QFETCH(QString, box);
        QFETCH(int, value);
        QFETCH(int, kept);
        RunTaskDialog dialog(*m_library);
        auto* spin = dialog.findChild<QSpinBox*>(box);
        QVERIFY(spin);
        spin->setValue(value);
        QCOMPARE(spin->value(), kept);
        const RunRequest r = dialog.request();
        QVERIFY(r.lessonBudgetTokens >= 0 && r.lessonsPerOutcome >= 1 && r.sinceDays >= 0 && r.episodes >= 1);
    }

    void noUsablePackCannotRun()
    {
        QTemporaryDir empty;
        RunTaskDialog dialog(PackLibrary(std::vector<std::filesystem::path>{empty.path().toStdString()}));
        QVERIFY(!dialog.runButton()->isEnabled());
    }
};

QTEST_MAIN(TestRunTaskDialog)
#include "tst_runtaskdialog.moc"
