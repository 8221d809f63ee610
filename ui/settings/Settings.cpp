#include "settings/Settings.h"

#include <QDir>

namespace memscope::ui {

namespace {
constexpr int kMaxRecent = 8;
}

Settings::Settings(std::unique_ptr<QSettings> settings)
    : m_settings(settings ? std::move(settings) : std::make_unique<QSettings>())
{
}

Settings::~Settings() = default;

QVariant Settings::value(const char* key, const QVariant& fallback) const
{
    return m_settings->value(QLatin1String(key), fallback);
}

void Settings::setValue(const char* key, const QVariant& value) { m_settings->setValue(QLatin1String(key), value); }

QString Settings::databasePath() const { return value("store/path").toString(); }
void Settings::setDatabasePath(const QString& path) { setValue("store/path", path); }

QStringList Settings::recentDatabases() const { return value("store/recent").toStringList(); }

void Settings::addRecentDatabase(const QString& path)
{
    QStringList recent = recentDatabases();
    const QString clean = QDir::cleanPath(path);
    recent.removeAll(clean);
    recent.prepend(clean);
    while (recent.size() > kMaxRecent)
        recent.removeLast();
    setValue("store/recent", recent);
}

void Settings::removeRecentDatabase(const QString& path)
{
    QStringList recent = recentDatabases();
    recent.removeAll(QDir::cleanPath(path));
    setValue("store/recent", recent);
}

void Settings::clearRecentDatabases() { m_settings->remove(QStringLiteral("store/recent")); }

QString Settings::operatorName() const
{
    QString fallback = qEnvironmentVariable("USER");
    if (fallback.isEmpty())
        fallback = qEnvironmentVariable("USERNAME", QStringLiteral("operator"));
    return value("curation/operator", fallback).toString();
}
void Settings::setOperatorName(const QString& name) { setValue("curation/operator", name.trimmed()); }

QString Settings::embedderUrl() const { return value("embedder/url").toString(); }
void Settings::setEmbedderUrl(const QString& url) { setValue("embedder/url", url.trimmed()); }
QString Settings::embedderModel() const { return value("embedder/model").toString(); }
void Settings::setEmbedderModel(const QString& model) { setValue("embedder/model", model.trimmed()); }
QList<LlmEndpoint> Settings::llmEndpoints() const
{
    QList<LlmEndpoint> endpoints;
    if (!m_settings->contains(QStringLiteral("llm/endpoints/size"))) {
        // Before profiles: one base URL and model.
        const QString url = value("llm/baseUrl").toString();
        const QString model = value("llm/model").toString();
        if (!url.isEmpty() || !model.isEmpty())
            endpoints.append({QStringLiteral("Default"), url, model});
        return endpoints;
    }
    const int n = m_settings->beginReadArray(QStringLiteral("llm/endpoints"));
    for (int i = 0; i < n; ++i) {
        m_settings->setArrayIndex(i);
        endpoints.append({m_settings->value(QStringLiteral("name")).toString(),
                          m_settings->value(QStringLiteral("baseUrl")).toString(),
                          m_settings->value(QStringLiteral("model")).toString()});
    }
    m_settings->endArray();
    return endpoints;
}

void Settings::setLlmEndpoints(const QList<LlmEndpoint>& endpoints)
{
    QList<LlmEndpoint> clean;
    QStringList names;
    for (const auto& e : endpoints) {
        const QString name = e.name.trimmed();
        if (name.isEmpty() || names.contains(name, Qt::CaseInsensitive))
            continue;
        names << name;
        clean.append({name, e.baseUrl.trimmed(), e.model.trimmed()});
    }
    m_settings->remove(QStringLiteral("llm/endpoints"));
    m_settings->remove(QStringLiteral("llm/baseUrl"));
    m_settings->remove(QStringLiteral("llm/model"));
    m_settings->beginWriteArray(QStringLiteral("llm/endpoints"), static_cast<int>(clean.size()));
    for (int i = 0; i < clean.size(); ++i) {
        m_settings->setArrayIndex(i);
        m_settings->setValue(QStringLiteral("name"), clean[i].name);
        m_settings->setValue(QStringLiteral("baseUrl"), clean[i].baseUrl);
        m_settings->setValue(QStringLiteral("model"), clean[i].model);
    }
    m_settings->endArray();
}

QString Settings::currentLlmEndpoint() const
{
    const QList<LlmEndpoint> endpoints = llmEndpoints();
    const QString current = value("llm/current").toString();
    for (const auto& e : endpoints)
        if (e.name == current)
            return current;
    return endpoints.isEmpty() ? QString() : endpoints.first().name;
}

void Settings::setCurrentLlmEndpoint(const QString& name) { setValue("llm/current", name.trimmed()); }

LlmEndpoint Settings::llmEndpoint(const QString& name) const
{
    const QString wanted = name.isEmpty() ? currentLlmEndpoint() : name;
    for (const auto& e : llmEndpoints())
        if (e.name == wanted)
            return e;
    return {};
}

QString Settings::llmBaseUrl() const { return llmEndpoint().baseUrl; }
QString Settings::llmModel() const { return llmEndpoint().model; }

void Settings::setLlmBaseUrl(const QString& url)
{
    updateCurrentEndpoint([&](LlmEndpoint& e) { e.baseUrl = url; });
}
void Settings::setLlmModel(const QString& model)
{
    updateCurrentEndpoint([&](LlmEndpoint& e) { e.model = model; });
}

void Settings::updateCurrentEndpoint(const std::function<void(LlmEndpoint&)>& change)
{
    QList<LlmEndpoint> endpoints = llmEndpoints();
    if (endpoints.isEmpty())
        endpoints.append({QStringLiteral("Default"), {}, {}});
    const QString current = currentLlmEndpoint();
    for (auto& e : endpoints)
        if (e.name == current || current.isEmpty())
            change(e);
    setLlmEndpoints(endpoints);
}

QString Settings::language() const { return value("ui/language").toString(); }
void Settings::setLanguage(const QString& code) { setValue("ui/language", code); }
bool Settings::firstRunDone() const { return value("ui/firstRunDone", false).toBool(); }
void Settings::setFirstRunDone(bool done) { setValue("ui/firstRunDone", done); }

QByteArray Settings::windowGeometry() const { return value("window/geometry").toByteArray(); }
void Settings::setWindowGeometry(const QByteArray& state) { setValue("window/geometry", state); }
QByteArray Settings::windowState() const { return value("window/state").toByteArray(); }
void Settings::setWindowState(const QByteArray& state) { setValue("window/state", state); }
QByteArray Settings::recordColumns() const { return value("records/columns").toByteArray(); }
void Settings::setRecordColumns(const QByteArray& state) { setValue("records/columns", state); }
QByteArray Settings::recordsSplitter() const { return value("records/splitter").toByteArray(); }
void Settings::setRecordsSplitter(const QByteArray& state) { setValue("records/splitter", state); }

QList<SavedView> Settings::savedViews() const
{
    QList<SavedView> views;
    const int n = m_settings->beginReadArray(QStringLiteral("views"));
    for (int i = 0; i < n; ++i) {
        m_settings->setArrayIndex(i);
        views.append({m_settings->value(QStringLiteral("name")).toString(),
                      m_settings->value(QStringLiteral("state")).toByteArray()});
    }
    m_settings->endArray();
    return views;
}

void Settings::setSavedViews(const QList<SavedView>& views)
{
    m_settings->beginWriteArray(QStringLiteral("views"), static_cast<int>(views.size()));
    for (int i = 0; i < views.size(); ++i) {
        m_settings->setArrayIndex(i);
        m_settings->setValue(QStringLiteral("name"), views[i].name);
        m_settings->setValue(QStringLiteral("state"), views[i].state);
    }
    m_settings->endArray();
}

void Settings::sync() { m_settings->sync(); }

} // namespace memscope::ui
