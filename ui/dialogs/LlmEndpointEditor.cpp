#include "dialogs/LlmEndpointEditor.h"

#include <llm/EndpointProbe.h>
#include <llm/ProviderProfile.h>
#include <util/Error.h>

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QtConcurrent/QtConcurrentRun>

namespace memscope::ui {

namespace {

QString text(const std::string& s) { return QString::fromStdString(s); }

struct ProbeAnswer {
    EndpointProbeResult result;
    QString failure; // an exception (cancel) instead of a result
};

} // namespace

LlmEndpointEditor::LlmEndpointEditor(Settings* settings, ApiKeyStore* keys, QWidget* parent)
    : QGroupBox(tr("LLM endpoints (agent runs)"), parent)
    , m_settings(settings)
    , m_keys(keys)
    , m_endpoints(settings->llmEndpoints())
    , m_cancel(std::make_shared<std::atomic_bool>(false))
    , m_endpoint(new QComboBox(this))
    , m_add(new QPushButton(tr("Add…"), this))
    , m_remove(new QPushButton(tr("Remove"), this))
    , m_url(new QLineEdit(this))
    , m_model(new QComboBox(this))
    , m_list(new QPushButton(tr("List Models"), this))
    , m_key(new QLineEdit(this))
    , m_keySource(new QLabel(this))
    , m_ollama(new QPushButton(tr("Find Local Ollama"), this))
    , m_note(new QLabel(this))
{
    setObjectName(QStringLiteral("llmEndpoints"));
    m_endpoint->setObjectName(QStringLiteral("llmEndpoint"));
    m_endpoint->setToolTip(tr("The endpoint agent runs use unless the Run Task dialog picks another"));
    m_endpoint->setPlaceholderText(tr("none yet: add one, or find a local Ollama"));
    m_url->setObjectName(QStringLiteral("llmUrl"));
    m_url->setPlaceholderText(QStringLiteral("http://localhost:11434/v1  (Ollama)"));
    m_model->setObjectName(QStringLiteral("llmModel"));
    m_model->setEditable(true);
    m_model->setInsertPolicy(QComboBox::NoInsert);
    m_model->lineEdit()->setPlaceholderText(QStringLiteral("llama3.1"));
    m_model->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_list->setObjectName(QStringLiteral("listModels"));
    m_list->setToolTip(tr("Ask the endpoint which models it serves"));
    m_ollama->setObjectName(QStringLiteral("findOllama"));
    m_ollama->setToolTip(tr("Look for Ollama on this computer (%1) and add it as an endpoint")
                             .arg(text(EndpointProbe::ollamaBaseUrl())));
    m_key->setObjectName(QStringLiteral("llmKey"));
    m_key->setEchoMode(QLineEdit::Password);
    m_key->setEnabled(ApiKeyStore::keychainEnabled());
    m_key->setPlaceholderText(ApiKeyStore::keychainEnabled() ? tr("unchanged") : tr("set it in the environment"));
    m_keySource->setTextFormat(Qt::PlainText);
    m_keySource->setForegroundRole(QPalette::PlaceholderText);
    m_note->setObjectName(QStringLiteral("llmNote"));
    m_note->setTextFormat(Qt::PlainText); // endpoint answers are not ours to interpret
    m_note->setWordWrap(true);
    m_note->hide();

    auto* endpointRow = new QHBoxLayout;
    endpointRow->addWidget(m_endpoint, 1);
    endpointRow->addWidget(m_add);
    endpointRow->addWidget(m_remove);
    auto* modelRow = new QHBoxLayout;
    modelRow->addWidget(m_model, 1);
    modelRow->addWidget(m_list);
    auto* keyColumn = new QVBoxLayout;
    keyColumn->addWidget(m_key);
    keyColumn->addWidget(m_keySource);
    auto* form = new QFormLayout(this);
    form->addRow(tr("Endpoint:"), endpointRow);
    form->addRow(tr("Base URL:"), m_url);
    form->addRow(tr("Model:"), modelRow);
    form->addRow(tr("API key:"), keyColumn);
    form->addRow(QString(), m_ollama);
    form->addRow(m_note);

    for (const auto& e : m_endpoints)
        m_endpoint->addItem(e.name);
    connect(m_endpoint, &QComboBox::currentIndexChanged, this, &LlmEndpointEditor::showEndpoint);
    connect(m_add, &QPushButton::clicked, this, [this] {
        bool ok = false;
        const QString name = QInputDialog::getText(this, tr("Add Endpoint"), tr("Name of the new endpoint:"),
                                                   QLineEdit::Normal, QString(), &ok);
        if (ok && !addEndpoint(name))
            setNote(tr("An endpoint needs a name of its own."), true);
    });
    connect(m_remove, &QPushButton::clicked, this, &LlmEndpointEditor::removeCurrent);
    connect(m_list, &QPushButton::clicked, this, &LlmEndpointEditor::listModels);
    connect(m_ollama, &QPushButton::clicked, this, &LlmEndpointEditor::findOllama);
    connect(m_key, &QLineEdit::textEdited, this, [this](const QString& key) {
        if (m_shown >= 0)
            m_editedKeys.insert(m_endpoints[m_shown].name, key.trimmed());
    });
    connect(m_url, &QLineEdit::textChanged, this, [this] {
        storeFields();
        updateButtons();
    });
    connect(m_model, &QComboBox::editTextChanged, this, &LlmEndpointEditor::storeFields);

    m_endpoint->setCurrentIndex(std::max(0, m_endpoint->findText(settings->currentLlmEndpoint())));
    showEndpoint(m_endpoint->currentIndex());
}

LlmEndpointEditor::~LlmEndpointEditor() { m_cancel->store(true); }

QList<LlmEndpoint> LlmEndpointEditor::endpoints() const { return m_endpoints; }

QString LlmEndpointEditor::currentName() const { return m_endpoint->currentText(); }

void LlmEndpointEditor::storeFields()
{
    if (m_shown < 0 || m_shown >= m_endpoints.size())
        return;
    m_endpoints[m_shown].baseUrl = m_url->text().trimmed();
    m_endpoints[m_shown].model = m_model->currentText().trimmed();
}

void LlmEndpointEditor::showEndpoint(int index)
{
    const bool any = index >= 0 && index < m_endpoints.size();
    m_shown = any ? index : -1;
    const LlmEndpoint e = any ? m_endpoints[index] : LlmEndpoint{};
    {
        const QSignalBlocker blockUrl(m_url);
        const QSignalBlocker blockModel(m_model);
        m_url->setText(e.baseUrl);
        m_model->clear();
        m_model->setEditText(e.model);
    }
    m_key->setText(m_editedKeys.value(e.name));
    for (QWidget* w : {static_cast<QWidget*>(m_url), static_cast<QWidget*>(m_model)})
        w->setEnabled(any);
    m_key->setEnabled(any && ApiKeyStore::keychainEnabled());
    m_note->hide();
    showKeySource();
    updateButtons();
}

void LlmEndpointEditor::showKeySource()
{
    if (m_shown < 0) {
        m_keySource->setText(tr("Add an endpoint to set its key."));
        return;
    }
    m_keySource->setText(tr("Looking…"));
    const QString name = m_endpoints[m_shown].name;
    // Only whether a key exists and where it comes from is shown, never the key.
    m_keys->read(
        ApiKeyStore::Account::Llm,
        [this, name](const QString&, ApiKeyStore::Source from) {
            if (m_shown >= 0 && m_endpoints[m_shown].name == name)
                m_keySource->setText(ApiKeyStore::describe(from, ApiKeyStore::Account::Llm));
        },
        name);
}

void LlmEndpointEditor::updateButtons()
{
    const bool any = m_shown >= 0;
    m_remove->setEnabled(any);
    m_list->setEnabled(any && !m_url->text().trimmed().isEmpty());
}

void LlmEndpointEditor::setNote(const QString& text, bool problem)
{
    m_note->setText(text);
    m_note->setForegroundRole(problem ? QPalette::WindowText : QPalette::PlaceholderText);
    m_note->show();
}

bool LlmEndpointEditor::addEndpoint(const QString& name, const QString& baseUrl, const QString& model)
{
    const QString clean = name.trimmed();
    if (clean.isEmpty())
        return false;
    for (const auto& e : std::as_const(m_endpoints))
        if (e.name.compare(clean, Qt::CaseInsensitive) == 0)
            return false;
    m_endpoints.append({clean, baseUrl.trimmed(), model.trimmed()});
    m_removed.remove(clean);
    m_endpoint->addItem(clean);
    m_endpoint->setCurrentIndex(m_endpoint->count() - 1);
    return true;
}

void LlmEndpointEditor::removeCurrent()
{
    const int index = m_endpoint->currentIndex();
    if (index < 0)
        return;
    m_removed.insert(m_endpoints[index].name);
    m_editedKeys.remove(m_endpoints[index].name);
    m_shown = -1; // until the combo shows the next one, the fields belong to no endpoint
    m_endpoints.removeAt(index);
    m_endpoint->removeItem(index); // shows the next one
    if (m_endpoint->count() == 0)
        showEndpoint(-1);
}

void LlmEndpointEditor::listModels()
{
    if (m_shown < 0 || m_url->text().trimmed().isEmpty())
        return;
    const quint64 generation = ++m_probeGeneration;
    const QString name = m_endpoints[m_shown].name;
    const std::string url = m_url->text().trimmed().toStdString();
    setNote(tr("Asking %1 for its models…").arg(m_url->text().trimmed()));
    m_list->setEnabled(false);
    const auto probe = [this, generation, name, url](const QString& key) {
        QtConcurrent::run([url, key = key.toStdString(), cancel = m_cancel] {
            ProbeAnswer answer;
            try {
                answer.result = EndpointProbe::listModels(url, key, EndpointProbe::kDefaultTimeoutMs, cancel.get());
            } catch (const Error& e) {
                answer.failure = QString::fromStdString(e.what());
            }
            return answer;
        }).then(this, [this, generation, name](ProbeAnswer answer) {
            if (generation != m_probeGeneration)
                return;
            updateButtons();
            const EndpointProbeResult& r = answer.result;
            if (!answer.failure.isEmpty() || !r.ok()) {
                setNote(tr("No model list from %1: %2")
                            .arg(text(r.baseUrl), answer.failure.isEmpty() ? text(r.error) : answer.failure),
                        true);
            } else if (m_shown >= 0 && m_endpoints[m_shown].name == name) {
                const QString typed = m_model->currentText();
                m_model->clear();
                for (const auto& model : r.models)
                    m_model->addItem(text(model));
                m_model->setEditText(typed.isEmpty() && !r.models.empty() ? text(r.models.front()) : typed);
                setNote(tr("%n model(s) at %1.", nullptr, static_cast<int>(r.models.size())).arg(text(r.baseUrl)));
            }
            emit probeFinished();
        });
    };
    if (m_editedKeys.contains(name)) {
        probe(m_editedKeys.value(name));
        return;
    }
    m_keys->read(
        ApiKeyStore::Account::Llm, [probe](const QString& key, ApiKeyStore::Source) { probe(key); }, name);
}

void LlmEndpointEditor::findOllama()
{
    const quint64 generation = ++m_probeGeneration;
    setNote(tr("Looking for Ollama at %1…").arg(text(EndpointProbe::ollamaBaseUrl())));
    m_ollama->setEnabled(false);
    QtConcurrent::run([cancel = m_cancel] {
        ProbeAnswer answer;
        try {
            answer.result = EndpointProbe::detectOllama(EndpointProbe::kOllamaTimeoutMs, cancel.get());
        } catch (const Error& e) {
            answer.failure = QString::fromStdString(e.what());
        }
        return answer;
    }).then(this, [this, generation](ProbeAnswer answer) {
        m_ollama->setEnabled(true);
        if (generation != m_probeGeneration)
            return;
        const EndpointProbeResult& r = answer.result;
        if (!answer.failure.isEmpty() || !r.reachable || !r.ok()) {
            setNote(tr("No Ollama answered at %1. Start it with \"ollama serve\" (and \"ollama pull llama3.1\" for a "
                       "model), or set OLLAMA_HOST.")
                        .arg(text(EndpointProbe::ollamaBaseUrl())),
                    true);
            emit probeFinished();
            return;
        }
        const QString model = r.models.empty() ? QString() : text(r.models.front());
        int existing = -1;
        for (int i = 0; i < m_endpoints.size(); ++i)
            if (m_endpoints[i].baseUrl.trimmed() == text(r.baseUrl))
                existing = i;
        if (existing >= 0) {
            m_endpoint->setCurrentIndex(existing);
        } else {
            QString name = QStringLiteral("Ollama");
            for (int n = 2; !addEndpoint(name, text(r.baseUrl), model); ++n)
                name = QStringLiteral("Ollama %1").arg(n);
        }
        m_model->clear();
        for (const auto& m : r.models)
            m_model->addItem(text(m));
        if (m_model->currentText().isEmpty())
            m_model->setEditText(model);
        setNote(
            r.models.empty()
                ? tr("Ollama is running at %1 but has no models: run \"ollama pull llama3.1\".").arg(text(r.baseUrl))
                : tr("Ollama is running at %1 with %n model(s).", nullptr, static_cast<int>(r.models.size()))
                      .arg(text(r.baseUrl)),
            r.models.empty());
        emit probeFinished();
    });
}

void LlmEndpointEditor::save(const std::function<void(bool ok, const QString& error)>& keyWritten)
{
    m_settings->setLlmEndpoints(m_endpoints);
    m_settings->setCurrentLlmEndpoint(currentName());
    for (const QString& name : std::as_const(m_removed))
        if (ApiKeyStore::keychainEnabled())
            m_keys->write(ApiKeyStore::Account::Llm, QString(), keyWritten, name);
    for (auto it = m_editedKeys.cbegin(); it != m_editedKeys.cend(); ++it)
        m_keys->write(ApiKeyStore::Account::Llm, it.value(), keyWritten, it.key());
}

} // namespace memscope::ui
