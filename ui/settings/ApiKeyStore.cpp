#include "settings/ApiKeyStore.h"

#include <QTimer>

#ifdef MEMSCOPE_HAVE_KEYCHAIN
#include <qt6keychain/keychain.h>
#endif

namespace memscope::ui {

namespace {
const QString kService = QStringLiteral("Memscope");

QString fromEnvironment(ApiKeyStore::Account account, QString* variable = nullptr)
{
    for (const auto& name : ApiKeyStore::environmentVariables(account)) {
        const QString value = qEnvironmentVariable(name.toLatin1().constData()).trimmed();
        if (!value.isEmpty()) {
            if (variable)
                *variable = name;
            return value;
        }
    }
    return {};
}
} // namespace

ApiKeyStore::ApiKeyStore(QObject* parent)
    : QObject(parent)
{
}

bool ApiKeyStore::keychainEnabled()
{
#ifdef MEMSCOPE_HAVE_KEYCHAIN
    return qEnvironmentVariable("MEMSCOPE_NO_KEYCHAIN") != QLatin1String("1");
#else
    return false;
#endif
}

QStringList ApiKeyStore::environmentVariables(Account account)
{
    if (account == Account::Embedder)
        return {QStringLiteral("MEMSCOPE_EMBED_API_KEY"), QStringLiteral("OPENAI_API_KEY")};
    return {QStringLiteral("OPENAI_API_KEY")};
}

QString ApiKeyStore::keyName(Account account, const QString& profile)
{
    if (account == Account::Embedder)
        return QStringLiteral("embedder-api-key");
    // Never another endpoint's key: a key for one provider must not be sent to another.
    if (profile.isEmpty() || profile == QLatin1String("Default"))
        return QStringLiteral("llm-api-key");
    return QStringLiteral("llm-api-key/") + profile;
}

QString ApiKeyStore::describe(Source source, Account account)
{
    switch (source) {
    case Source::Keychain: return tr("from the system keychain");
    case Source::Environment: {
        QString variable;
        fromEnvironment(account, &variable);
        return tr("from the environment variable %1").arg(variable);
    }
    case Source::None: break;
    }
    return tr("not set");
}

void ApiKeyStore::read(Account account, const std::function<void(const QString&, Source)>& done, const QString& profile)
{
    auto fallback = [account, done] {
        const QString env = fromEnvironment(account);
        done(env, env.isEmpty() ? Source::None : Source::Environment);
    };
    Q_UNUSED(profile) // without a keychain every endpoint's key comes from the environment
#ifdef MEMSCOPE_HAVE_KEYCHAIN
    if (keychainEnabled()) {
        auto* job = new QKeychain::ReadPasswordJob(kService, this);
        job->setAutoDelete(true);
        job->setKey(keyName(account, profile));
        connect(job, &QKeychain::Job::finished, this, [job, done, fallback](QKeychain::Job*) {
            // No entry, or no keychain service on this desktop: the environment may still have a key.
            if (job->error() == QKeychain::NoError && !job->textData().isEmpty())
                done(job->textData(), Source::Keychain);
            else
                fallback();
        });
        job->start();
        return;
    }
#endif
    // Same asynchronous contract either way.
    QTimer::singleShot(0, this, fallback);
}

void ApiKeyStore::write(Account account, const QString& key, const std::function<void(bool, const QString&)>& done,
                        const QString& profile)
{
#ifdef MEMSCOPE_HAVE_KEYCHAIN
    if (keychainEnabled()) {
        QKeychain::Job* job = nullptr;
        if (key.isEmpty()) {
            auto* remove = new QKeychain::DeletePasswordJob(kService, this);
            remove->setKey(keyName(account, profile));
            job = remove;
        } else {
            auto* store = new QKeychain::WritePasswordJob(kService, this);
            store->setKey(keyName(account, profile));
            store->setTextData(key);
            job = store;
        }
        job->setAutoDelete(true);
        connect(job, &QKeychain::Job::finished, this, [job, done, key](QKeychain::Job*) {
            const bool ok =
                job->error() == QKeychain::NoError || (key.isEmpty() && job->error() == QKeychain::EntryNotFound);
            done(ok, ok ? QString() : job->errorString()); // errorString never contains the key
        });
        job->start();
        return;
    }
#endif
    Q_UNUSED(account)
    Q_UNUSED(key)
    Q_UNUSED(profile)
    QTimer::singleShot(0, this, [done] {
        done(false, tr("No system keychain is available; set the key in an environment variable instead."));
    });
}

} // namespace memscope::ui
