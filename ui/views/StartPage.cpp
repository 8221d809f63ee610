#include "views/StartPage.h"

#include "store/TaskResult.h"

#include <QDir>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace memscope::ui {

StartPage::StartPage(QWidget* parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_body(new QLabel(this))
    , m_detail(new QLabel(this))
    , m_demo(new QPushButton(tr("Load the demo history"), this))
    , m_import(new QPushButton(tr("Import a file…"), this))
    , m_open(new QPushButton(tr("Open another database…"), this))
    , m_create(new QPushButton(tr("Create a new database…"), this))
    , m_retry(new QPushButton(tr("Try again"), this))
    , m_readOnly(new QPushButton(tr("Open read-only"), this))
    , m_continue(new QPushButton(tr("Start empty"), this))
    , m_configure(new QPushButton(tr("Configure an LLM endpoint…"), this))
{
    setObjectName(QStringLiteral("startPage"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.6);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    for (auto* label : {m_title, m_body, m_detail}) {
        label->setTextFormat(Qt::PlainText); // paths and core messages are shown as written
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    m_detail->setForegroundRole(QPalette::PlaceholderText);
    m_demo->setDefault(true);

    connect(m_demo, &QPushButton::clicked, this, &StartPage::loadDemoRequested);
    connect(m_import, &QPushButton::clicked, this, &StartPage::importRequested);
    connect(m_open, &QPushButton::clicked, this, &StartPage::openRequested);
    connect(m_create, &QPushButton::clicked, this, &StartPage::createRequested);
    connect(m_retry, &QPushButton::clicked, this, &StartPage::retryRequested);
    connect(m_readOnly, &QPushButton::clicked, this, &StartPage::openReadOnlyRequested);
    connect(m_continue, &QPushButton::clicked, this, &StartPage::continueEmptyRequested);
    connect(m_configure, &QPushButton::clicked, this, &StartPage::configureRequested);

    auto* buttons = new QVBoxLayout;
    for (auto* b : {m_demo, m_import, m_configure, m_retry, m_readOnly, m_open, m_create, m_continue}) {
        b->setMinimumWidth(260);
        buttons->addWidget(b, 0, Qt::AlignLeft);
    }
    auto* column = new QVBoxLayout;
    column->addStretch(1);
    column->addWidget(m_title);
    column->addSpacing(8);
    column->addWidget(m_body);
    column->addSpacing(16);
    column->addLayout(buttons);
    column->addSpacing(16);
    column->addWidget(m_detail);
    column->addStretch(2);
    auto* outer = new QHBoxLayout(this);
    outer->addStretch(1);
    outer->addLayout(column, 3);
    outer->addStretch(1);
}

void StartPage::setButtons(std::initializer_list<QPushButton*> visible)
{
    for (auto* b : {m_demo, m_import, m_configure, m_open, m_create, m_retry, m_readOnly, m_continue})
        b->setVisible(std::find(visible.begin(), visible.end(), b) != visible.end());
    for (auto* b : visible)
        b->setEnabled(true);
}

void StartPage::showOpening(const QString& path)
{
    m_title->setText(tr("Opening the memory store…"));
    m_body->setText(QDir::toNativeSeparators(path));
    m_detail->clear();
    setButtons({});
}

void StartPage::showEmptyStore(const QString& path)
{
    m_title->setText(tr("This memory store is empty"));
    m_body->setText(tr("Memscope keeps the lessons your agents learn: what worked, what failed and why. Load a "
                       "realistic demo history to explore the workbench, import records exported from Mem0 or "
                       "another store (JSONL, JSON), or open another database. Agent runs need an LLM endpoint: "
                       "OpenAI, or a local Ollama, llama.cpp or vLLM server."));
    m_detail->setText(tr("Database: %1").arg(QDir::toNativeSeparators(path)));
    setButtons({m_demo, m_import, m_configure, m_open, m_continue});
}

void StartPage::showProblem(const TaskError& error, const QString& path)
{
    QString title, body;
    switch (error.kind) {
    case Error::Kind::Corrupt:
        title = tr("This database is damaged");
        body = tr("SQLite could not read the file as a database. Memscope did not change it. Restore it from a "
                  "backup, or open or create another database.");
        setButtons({m_open, m_create});
        break;
    case Error::Kind::Locked:
        title = tr("The database is busy");
        body = tr("Another program holds a lock on this file (an import or an agent writing to it). Try again "
                  "in a moment, or open it read-only to browse.");
        setButtons({m_retry, m_readOnly, m_open});
        break;
    case Error::Kind::ReadOnly:
        title = tr("The database cannot be written");
        body = tr("The file or its folder is read-only. You can browse it read-only (curation is then off), or "
                  "open another database.");
        setButtons({m_readOnly, m_open, m_create});
        break;
    case Error::Kind::NewerSchema:
        title = tr("This database is from a newer Memscope");
        body = tr("It uses a schema this version does not know. It was not changed; open it with a newer "
                  "Memscope, or open another database.");
        setButtons({m_open, m_create});
        break;
    case Error::Kind::NotMemscope:
        title = tr("This is not a Memscope database");
        body = tr("The file is an SQLite database of another application. Memscope did not change it. Import "
                  "records from a JSONL or JSON export instead, or open another database.");
        setButtons({m_open, m_create});
        break;
    default:
        title = tr("The database could not be opened");
        body = tr("Check that the folder exists and that you may read and write it.");
        setButtons({m_retry, m_open, m_create});
        break;
    }
    m_title->setText(title);
    m_body->setText(body);
    m_detail->setText(tr("%1\n\nDetails: %2").arg(QDir::toNativeSeparators(path), error.message));
}

void StartPage::showWriteFailure(const QString& headline, const TaskError& error, const QString& path)
{
    showEmptyStore(path);
    m_title->setText(headline);
    m_body->setText(error.message);
}

void StartPage::setBusy(const QString& message)
{
    m_detail->setText(message);
    for (auto* b : {m_demo, m_import, m_configure, m_open, m_create, m_retry, m_readOnly, m_continue})
        b->setEnabled(false);
}

QString StartPage::detail() const { return m_detail->text(); }

QString StartPage::headline() const { return m_title->text(); }

} // namespace memscope::ui
