#pragma once

#include "settings/ApiKeyStore.h"
#include "settings/Settings.h"

#include <QGroupBox>
#include <QHash>
#include <QList>
#include <QSet>

#include <atomic>
#include <functional>
#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace memscope::ui {

// The LLM endpoints of the Preferences: named provider profiles (base URL, model, key), one of them the
// current one agent runs use. Models can be listed from the endpoint and a local Ollama found, both in the
// background. Changes stay in the editor until save(); keys go to the keychain under the endpoint's name.
class LlmEndpointEditor : public QGroupBox {
    Q_OBJECT
public:
    LlmEndpointEditor(Settings* settings, ApiKeyStore* keys, QWidget* parent = nullptr);
    ~LlmEndpointEditor() override;

    // Writes the endpoints, the current one and edited keys (deleting the keys of removed endpoints).
    void save(const std::function<void(bool ok, const QString& error)>& keyWritten);

    QList<LlmEndpoint> endpoints() const; // as edited
    QString currentName() const;
    bool addEndpoint(const QString& name, const QString& baseUrl = {}, const QString& model = {});
    void removeCurrent();
    void listModels();
    void findOllama();

    QComboBox* endpointBox() const { return m_endpoint; }
    QLineEdit* urlField() const { return m_url; }
    QComboBox* modelBox() const { return m_model; }
    QLineEdit* keyField() const { return m_key; }
    QLabel* note() const { return m_note; }
    QPushButton* listModelsButton() const { return m_list; }
    QPushButton* findOllamaButton() const { return m_ollama; }

signals:
    // A model listing or an Ollama search finished (tests wait for it).
    void probeFinished();

private:
    void storeFields(); // the fields into the endpoint on display
    void showEndpoint(int index);
    void showKeySource();
    void setNote(const QString& text, bool problem = false);
    void updateButtons();

    Settings* m_settings;
    ApiKeyStore* m_keys;
    QList<LlmEndpoint> m_endpoints;
    QHash<QString, QString> m_editedKeys; // endpoint → new key ("" deletes)
    QSet<QString> m_removed;
    int m_shown = -1;
    quint64 m_probeGeneration = 0;
    std::shared_ptr<std::atomic_bool> m_cancel;

    QComboBox* m_endpoint;
    QPushButton* m_add;
    QPushButton* m_remove;
    QLineEdit* m_url;
    QComboBox* m_model;
    QPushButton* m_list;
    QLineEdit* m_key;
    QLabel* m_keySource;
    QPushButton* m_ollama;
    QLabel* m_note;
};

} // namespace memscope::ui
