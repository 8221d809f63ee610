#pragma once

#include <QObject>
#include <QString>

#include <functional>

namespace memscope::ui {

// API keys for the embedder and the LLM endpoint: kept in the system keychain (QtKeychain: Secret Service,
// KWallet, macOS Keychain, Windows Credential Store) or taken from the environment, never written to the
// settings file or a log. Keychain calls are asynchronous; answers come through callbacks on this thread.
class ApiKeyStore : public QObject {
    Q_OBJECT
public:
    enum class Account { Llm, Embedder };
    enum class Source { None, Keychain, Environment };

    explicit ApiKeyStore(QObject* parent = nullptr);

    // False when built without QtKeychain or when MEMSCOPE_NO_KEYCHAIN=1 (tests, headless machines).
    static bool keychainEnabled();
    // The variables read for an account, in order (OPENAI_API_KEY, ...).
    static QStringList environmentVariables(Account account);
    static QString describe(Source source, Account account);

    // The key from the keychain, else from the environment; (empty, None) when there is none. `profile`: the
    // LLM endpoint whose key it is (each endpoint has its own keychain entry; "" and "Default" share the one
    // written before endpoints had names).
    void read(Account account, const std::function<void(const QString& key, Source source)>& done,
              const QString& profile = {});
    // Stores (or, with an empty key, deletes) the key in the keychain; done(false, message) on failure.
    void write(Account account, const QString& key, const std::function<void(bool ok, const QString& error)>& done,
               const QString& profile = {});

    // The keychain entry's name (tests; never the key itself).
    static QString keyName(Account account, const QString& profile = {});
};

} // namespace memscope::ui
