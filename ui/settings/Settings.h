#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QSettings>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

namespace memscope::ui {

// A named question the operator can come back to: the query bar's text, filter and time range plus the
// facet selections, stored as JSON text.
struct SavedView {
    QString name;
    QByteArray state; // FilterState as JSON (see SavedViewCodec)
};

// A named OpenAI-compatible chat endpoint (a provider profile). Its API key is in the keychain under the
// profile's name, or in the environment — never here.
struct LlmEndpoint {
    QString name;
    QString baseUrl;
    QString model;
};

// Every persistent preference, typed, in one place over QSettings. API keys are never stored here: they
// live in the system keychain or come from the environment (see ApiKeyStore).
class Settings {
public:
    // Uses the application's QSettings (organisation/application names) unless given one.
    explicit Settings(std::unique_ptr<QSettings> settings = {});
    ~Settings();

    QString databasePath() const; // empty: the default store
    void setDatabasePath(const QString& path);
    QStringList recentDatabases() const;
    void addRecentDatabase(const QString& path);
    void removeRecentDatabase(const QString& path);
    void clearRecentDatabases();

    QString operatorName() const; // defaults to the login name
    void setOperatorName(const QString& name);

    QString embedderUrl() const;
    void setEmbedderUrl(const QString& url);
    QString embedderModel() const;
    void setEmbedderModel(const QString& model);
    // The chat endpoints, in the operator's order; agent runs use the current one unless told otherwise.
    // Settings written before profiles existed (one base URL and model) read as one endpoint "Default".
    QList<LlmEndpoint> llmEndpoints() const;
    void setLlmEndpoints(const QList<LlmEndpoint>& endpoints); // names trimmed; blank and repeated names dropped
    QString currentLlmEndpoint() const; // the first endpoint's name when none (or a removed one) is set
    void setCurrentLlmEndpoint(const QString& name);
    // The named endpoint, else the current one; an empty one when there is none.
    LlmEndpoint llmEndpoint(const QString& name = {}) const;
    // The current endpoint's base URL and model; setting them creates "Default" when there is none.
    QString llmBaseUrl() const;
    void setLlmBaseUrl(const QString& url);
    QString llmModel() const;
    void setLlmModel(const QString& model);

    QString language() const; // empty: follow the system
    void setLanguage(const QString& code);
    bool firstRunDone() const;
    void setFirstRunDone(bool done);

    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray& state);
    QByteArray windowState() const;
    void setWindowState(const QByteArray& state);
    QByteArray recordColumns() const; // QHeaderView::saveState()
    void setRecordColumns(const QByteArray& state);
    QByteArray recordsSplitter() const;
    void setRecordsSplitter(const QByteArray& state);

    QList<SavedView> savedViews() const;
    void setSavedViews(const QList<SavedView>& views);

    void sync();

private:
    QVariant value(const char* key, const QVariant& fallback = {}) const;
    void setValue(const char* key, const QVariant& value);
    void updateCurrentEndpoint(const std::function<void(LlmEndpoint&)>& change);

    std::unique_ptr<QSettings> m_settings;
};

} // namespace memscope::ui
