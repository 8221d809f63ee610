#include "dialogs/AboutDialog.h"

#include <util/Versions.h>

#include <QDialogButtonBox>
#include <QLabel>
#include <QVBoxLayout>
#include <QtGlobal>

namespace memscope::ui {

AboutDialog::AboutDialog(QWidget* parent)
    : QDialog(parent)
{
    setWindowTitle(tr("About Memscope"));
    auto* title = new QLabel(tr("Memscope %1").arg(QString::fromStdString(Versions::memscope())), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    title->setFont(titleFont);
    auto* description = new QLabel(tr("Inspect and curate the long-term memory of LLM agents: the lessons they "
                                      "learn from each task, what worked and what failed."),
                                   this);
    description->setWordWrap(true);
    auto* versions = new QLabel(versionsText(), this);
    versions->setObjectName(QStringLiteral("aboutVersions"));
    versions->setTextInteractionFlags(Qt::TextSelectableByMouse);
    versions->setForegroundRole(QPalette::PlaceholderText);
    for (auto* label : {title, description, versions})
        label->setTextFormat(Qt::PlainText);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(description);
    layout->addSpacing(8);
    layout->addWidget(versions);
    layout->addWidget(buttons);
    setMinimumWidth(420);
}

QString AboutDialog::versionsText()
{
    const auto line = [](const QString& name, const std::string& version) {
        return tr("%1 %2").arg(name, QString::fromStdString(version));
    };
    return QStringList{line(QStringLiteral("Memscope"), Versions::memscope()),
                       tr("Qt %1 (built with %2)").arg(QString::fromLatin1(qVersion()), QStringLiteral(QT_VERSION_STR)),
                       line(QStringLiteral("SQLite"), Versions::sqlite()),
                       line(QStringLiteral("hnswlib"), Versions::hnswlib()),
                       line(QStringLiteral("libcurl"), Versions::curl())}
        .join(QLatin1Char('\n'));
}

} // namespace memscope::ui
