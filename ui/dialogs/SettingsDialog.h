#pragma once

#include "settings/ApiKeyStore.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace memscope::ui {

class LlmEndpointEditor;
class Settings;

// Edit → Preferences: the operator's name (written into history), the default database, the embedder and
// the LLM endpoints, the language, and API keys — which go to the system keychain, never to the settings.
class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    SettingsDialog(Settings* settings, ApiKeyStore* keys, QWidget* parent = nullptr);

    void save(); // applies to Settings and the keychain (called on OK)
    QLineEdit* operatorField() const { return m_operator; }
    LlmEndpointEditor* llmEndpoints() const { return m_llm; }
    QLineEdit* llmKeyField() const;
    QLineEdit* llmUrlField() const;
    QComboBox* embedderChoice() const { return m_embedder; }
    QLineEdit* embedderModelField() const { return m_embedModel; }
    // True when the embedder fields differ from the saved ones (the stored vectors then no longer match).
    bool embedderChanged() const;

signals:
    void saved();
    void keyError(const QString& message);
    // After saving, the operator asked to reopen the database now so records are embedded with the new model.
    void reembedRequested();

protected:
    bool event(QEvent* event) override;

private:
    QWidget* keyRow(QLineEdit* field, QLabel* source, ApiKeyStore::Account account);

    Settings* m_settings;
    ApiKeyStore* m_keys;
    QLineEdit* m_operator;
    QLineEdit* m_database;
    QComboBox* m_embedder;
    QLineEdit* m_embedUrl;
    QLineEdit* m_embedModel;
    QLineEdit* m_embedKey;
    QLabel* m_embedKeySource;
    LlmEndpointEditor* m_llm;
    QComboBox* m_language;
    QLabel* m_embedNote;
    QPushButton* m_reembed;
    bool m_embedKeyEdited = false;
};

} // namespace memscope::ui
