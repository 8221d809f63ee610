// Facet counts: each value's count equals the store's count for it under the current filter without the
// facet's own selection; counts follow selections elsewhere; the model passes QAbstractItemModelTester.
#include "UiTestSupport.h"

#include <models/FacetModel.h>
#include <models/FilterState.h>
#include <storage/MemoryStore.h>

#include <QAbstractItemModelTester>

using namespace memscope;
using namespace memscope::ui;
using namespace memscope::test;
using nlohmann::json;

class TestFacetModel : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void countsMatchTheStore_data();
    void countsMatchTheStore();
    void staleAnswersAreDropped();

private:
    QTemporaryDir m_dir;
    QString m_path;
};

void TestFacetModel::initTestCase()
{
    m_path = m_dir.filePath(QStringLiteral("facets.db"));
    QCOMPARE(writeDemo(m_path.toStdString(), 2500), std::int64_t(2500));
}

void TestFacetModel::countsMatchTheStore_data()
{
    QTest::addColumn<QString>("selectField");
    QTest::addColumn<QString>("selectValue");
    QTest::addRow("no selection") << QString() << QString();
    QTest::addRow("one task type") << "task_type"
                                   << "sql_query_debug";
    QTest::addRow("failures only") << "outcome_type"
                                   << "failure";
    QTest::addRow("archived state") << "state"
                                    << "archived";
    QTest::addRow("global scope") << "user_id"
                                  << "global";
}

void TestFacetModel::countsMatchTheStore()
{
    QFETCH(QString, selectField);
    QFETCH(QString, selectValue);
    StoreSession session;
    QVERIFY(openSession(session, m_path));
    FilterState filters;
    FacetModel model(&session, &filters);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.refresh();
    QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading(), 20000);
    if (!selectField.isEmpty()) {
        filters.toggle(selectField, selectValue);
        QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading(), 20000);
    }
    auto& store = session.uiStore();
    for (int g = 0; g < model.rowCount(); ++g) {
        const QModelIndex group = model.index(g, 0);
        const QString field = group.data(FacetModel::FieldRole).toString();
        if (selectField.isEmpty())
            QVERIFY(model.rowCount(group) > 0);
        for (int r = 0; r < model.rowCount(group); ++r) {
            const QModelIndex value = model.index(r, 0, group);
            const QString v = value.data(FacetModel::ValueRole).toString();
            // The value's records under everything but this facet's own selection.
            json f = filters.filterExcept(field);
            json condition =
                v.isEmpty() ? json{{field.toStdString(), nullptr}} : json{{field.toStdString(), v.toStdString()}};
            if (field == QLatin1String("user_id") && v == QLatin1String("global"))
                condition = json{{"OR", json::array({json{{"user_id", "global"}}, json{{"user_id", nullptr}}})}};
            const auto expected = store.count(json{{"AND", json::array({f, condition})}});
            QCOMPARE(value.data(FacetModel::CountRole).toLongLong(), qlonglong(expected));
            const bool checked = value.data(Qt::CheckStateRole).value<Qt::CheckState>() == Qt::Checked;
            QCOMPARE(checked, field == selectField && v == selectValue);
        }
    }
}

void TestFacetModel::staleAnswersAreDropped()
{
    StoreSession session;
    QVERIFY(openSession(session, m_path));
    FilterState filters;
    FacetModel model(&session, &filters);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    // Three questions in a row: only the last answer is applied.
    filters.toggle(QStringLiteral("task_type"), QStringLiteral("code_review"));
    filters.toggle(QStringLiteral("task_type"), QStringLiteral("code_review"));
    filters.toggle(QStringLiteral("outcome_type"), QStringLiteral("partial"));
    QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading(), 20000);
    const int group = int(FacetModel::fields().indexOf(QStringLiteral("task_type")));
    qlonglong total = 0;
    for (int r = 0; r < model.rowCount(model.index(group, 0)); ++r)
        total += model.index(r, 0, model.index(group, 0)).data(FacetModel::CountRole).toLongLong();
    QCOMPARE(total, qlonglong(session.uiStore().count(json{{"outcome_type", "partial"}, {"state", "active"}})));
}

QTEST_MAIN(TestFacetModel)
#include "tst_facetmodel.moc"
