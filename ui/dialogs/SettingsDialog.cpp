#include "dialogs/SettingsDialog.h"

#include "dialogs/LlmEndpointEditor.h"
#include "settings/Settings.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace memscope::ui {

SettingsDialog::SettingsDialog(Settings* settings, ApiKeyStore* keys, QWidget* parent)
    : QDialog(parent)
    , m_settings(settings)
    , m_keys(keys)
    , m_operator(new QLineEdit(settings->operatorName(), this))
    , m_database(new QLineEdit(settings->databasePath(), this))
    , m_embedder(new QComboBox(this))
    , m_embedUrl(new QLineEdit(settings->embedderUrl(), this))
    , m_embedModel(new QLineEdit(settings->embedderModel(), this))
    , m_embedKey(new QLineEdit(this))
    , m_embedKeySource(new QLabel(this))
    , m_llm(new LlmEndpointEditor(settings, keys, this))
    , m_language(new QComboBox(this))
    , m_embedNote(new QLabel(this))
    , m_reembed(new QPushButton(tr("Save and Re-embed Now"), this))
{
    setWindowTitle(tr("Preferences"));
    m_operator->setObjectName(QStringLiteral("operatorName"));
    m_operator->setToolTip(tr("Your changes are recorded in the history as human:<name>."));
    m_database->setPlaceholderText(tr("the default store in your data folder"));
    auto* browse = new QPushButton(tr("Browse…"), this);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path =
            QFileDialog::getSaveFileName(this, tr("Default Database"), m_database->text(),
                                         tr("Memscope databases (*.db)"), nullptr, QFileDialog::DontConfirmOverwrite);
        if (!path.isEmpty())
            m_database->setText(path);
    });
    auto* database = new QHBoxLayout;
    database->addWidget(m_database, 1);
    database->addWidget(browse);

    m_embedder->addItem(tr("Built-in, offline (no key, no network)"));
    m_embedder->addItem(tr("OpenAI-compatible endpoint"));
    m_embedder->setCurrentIndex(settings->embedderModel().isEmpty() ? 0 : 1);
    m_embedUrl->setPlaceholderText(QStringLiteral("https://api.openai.com/v1"));
    m_embedModel->setPlaceholderText(QStringLiteral("text-embedding-3-small"));
    auto updateEmbedder = [this] {
        const bool remote = m_embedder->currentIndex() == 1;
        for (auto* w : {m_embedUrl, m_embedModel, m_embedKey})
            w->setEnabled(remote && (w != m_embedKey || ApiKeyStore::keychainEnabled()));
        const bool changed = embedderChanged();
        // Vectors of two models never meet in one search: a new embedder means embedding every record again.
        m_embedNote->setText(changed ? tr("Search by meaning needs every record embedded again with the new "
                                          "embedder. This happens in the background when the database is opened "
                                          "next, or now:")
                                     : tr("Changing the embedder means embedding every record again."));
        m_embedNote->setForegroundRole(changed ? QPalette::WindowText : QPalette::PlaceholderText);
        m_reembed->setVisible(changed);
    };
    connect(m_embedder, &QComboBox::currentIndexChanged, this, updateEmbedder);
    connect(m_embedUrl, &QLineEdit::textChanged, this, updateEmbedder);
    connect(m_embedModel, &QLineEdit::textChanged, this, updateEmbedder);

    m_language->addItem(tr("Follow the system"), QString());
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("Deutsch"), QStringLiteral("de"));
    m_language->addItem(QStringLiteral("简体中文"), QStringLiteral("zh_CN"));
    m_language->setCurrentIndex(std::max(0, m_language->findData(settings->language())));

    auto* general = new QGroupBox(tr("General"), this);
    auto* generalForm = new QFormLayout(general);
    generalForm->addRow(tr("Your name:"), m_operator);
    generalForm->addRow(tr("Default database:"), database);
    generalForm->addRow(tr("Language:"), m_language);
    // The translators are installed at start-up, so a new language needs a restart.
    auto* languageNote = new QLabel(tr("The new language applies the next time Memscope starts."), general);
    languageNote->setObjectName(QStringLiteral("languageNote"));
    languageNote->setWordWrap(true);
    languageNote->setForegroundRole(QPalette::PlaceholderText);
    generalForm->addRow(QString(), languageNote);
    generalForm->setRowVisible(languageNote, false);
    connect(m_language, &QComboBox::currentIndexChanged, languageNote,
            [generalForm, languageNote, initial = m_language->currentIndex()](int index) {
                generalForm->setRowVisible(languageNote, index != initial);
            });
    auto* embed = new QGroupBox(tr("Embeddings (search by meaning)"), this);
    auto* embedForm = new QFormLayout(embed);
    embedForm->addRow(tr("Embedder:"), m_embedder);
    embedForm->addRow(tr("Base URL:"), m_embedUrl);
    embedForm->addRow(tr("Model:"), m_embedModel);
    embedForm->addRow(tr("API key:"), keyRow(m_embedKey, m_embedKeySource, ApiKeyStore::Account::Embedder));
    m_embedNote->setWordWrap(true);
    m_embedNote->setObjectName(QStringLiteral("embedderNote"));
    m_embedNote->setForegroundRole(QPalette::PlaceholderText);
    m_reembed->setObjectName(QStringLiteral("reembedNow"));
    m_reembed->setToolTip(tr("Saves, reopens the database with the new embedder and embeds every record in the "
                             "background (progress and Stop in the status bar)."));
    connect(m_reembed, &QPushButton::clicked, this, [this] {
        save();
        emit reembedRequested();
        accept();
    });
    embedForm->addRow(m_embedNote);
    embedForm->addRow(QString(), m_reembed);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        save();
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(general);
    layout->addWidget(embed);
    layout->addWidget(m_llm);
    if (!ApiKeyStore::keychainEnabled()) {
        auto* noKeychain = new QLabel(tr("No system keychain is available here, so Memscope cannot store API keys. "
                                         "Set OPENAI_API_KEY (and MEMSCOPE_EMBED_API_KEY for a separate embedding "
                                         "key) in the environment instead."),
                                      this);
        noKeychain->setWordWrap(true);
        layout->addWidget(noKeychain);
    }
    layout->addWidget(buttons);
    updateEmbedder();
    setMinimumWidth(560);
}

bool SettingsDialog::event(QEvent* event)
{
    const bool handled = QDialog::event(event);
    // Rows that appear later (the re-embed offer, an endpoint's note) grow the dialog instead of squashing
    // the wrapped text; it never shrinks under the operator's hand.
    if (event->type() == QEvent::LayoutRequest && isVisible()) {
        const int needed = hasHeightForWidth() ? heightForWidth(width()) : sizeHint().height();
        if (needed > height())
            resize(width(), needed);
    }
    return handled;
}

QLineEdit* SettingsDialog::llmKeyField() const { return m_llm->keyField(); }
QLineEdit* SettingsDialog::llmUrlField() const { return m_llm->urlField(); }

bool SettingsDialog::embedderChanged() const
{
    const bool remote = m_embedder->currentIndex() == 1;
    const QString model = remote ? m_embedModel->text().trimmed() : QString();
    const QString url = remote ? m_embedUrl->text().trimmed() : QString();
    return model != m_settings->embedderModel() || (!model.isEmpty() && url != m_settings->embedderUrl());
}

QWidget* SettingsDialog::keyRow(QLineEdit* field, QLabel* source, ApiKeyStore::Account account)
{
    field->setEchoMode(QLineEdit::Password);
    field->setEnabled(ApiKeyStore::keychainEnabled());
    field->setPlaceholderText(ApiKeyStore::keychainEnabled() ? tr("unchanged") : tr("set it in the environment"));
    source->setTextFormat(Qt::PlainText);
    source->setForegroundRole(QPalette::PlaceholderText);
    source->setText(tr("Looking…"));
    // Only whether a key exists and where it comes from is shown, never the key.
    m_keys->read(account, [source, account](const QString&, ApiKeyStore::Source from) {
        source->setText(ApiKeyStore::describe(from, account));
    });
    connect(field, &QLineEdit::textEdited, this, [this] { m_embedKeyEdited = true; });
    auto* row = new QWidget(this);
    auto* layout = new QVBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(field);
    layout->addWidget(source);
    return row;
}

void SettingsDialog::save()
{
    m_settings->setOperatorName(m_operator->text());
    m_settings->setDatabasePath(m_database->text().trimmed());
    const bool remote = m_embedder->currentIndex() == 1;
    m_settings->setEmbedderUrl(remote ? m_embedUrl->text() : QString());
    m_settings->setEmbedderModel(remote ? m_embedModel->text() : QString());
    m_settings->setLanguage(m_language->currentData().toString());
    auto report = [this](bool ok, const QString& error) {
        if (!ok)
            emit keyError(error);
    };
    m_llm->save(report);
    m_settings->sync();
    if (m_embedKeyEdited)
        m_keys->write(ApiKeyStore::Account::Embedder, m_embedKey->text().trimmed(), report);
    emit saved();
}

} // namespace memscope::ui
