#pragma once

#include <QDialog>
#include <QStringList>

class QLineEdit;

namespace memscope::ui {

// Adds and removes tags (metadata.tags) on the selected records, with an optional reason.
class TagsDialog : public QDialog {
    Q_OBJECT
public:
    TagsDialog(int records, const QStringList& knownTags, QWidget* parent = nullptr);
    QStringList tagsToAdd() const;
    QStringList tagsToRemove() const;
    QString reason() const;
    static QStringList split(const QString& text);

private:
    QLineEdit* m_add;
    QLineEdit* m_remove;
    QLineEdit* m_reason;
};

} // namespace memscope::ui
