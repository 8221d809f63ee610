#include "models/HistoryDiff.h"

#include <QRegularExpression>

#include <set>
#include <vector>

namespace memscope::ui {

using nlohmann::json;

namespace {

QString valueText(const json& v)
{
    if (v.is_null())
        return QStringLiteral("∅");
    if (v.is_string())
        return QString::fromStdString(v.get<std::string>());
    return QString::fromStdString(v.dump());
}

constexpr std::size_t kMaxDiffWords = 400; // beyond this, old and new are shown whole

} // namespace

QString HistoryDiff::wordDiff(const QString& before, const QString& after)
{
    static const QRegularExpression space(QStringLiteral("\\s+"));
    const QStringList a = before.split(space, Qt::SkipEmptyParts);
    const QStringList b = after.split(space, Qt::SkipEmptyParts);
    const auto n = static_cast<std::size_t>(a.size()), m = static_cast<std::size_t>(b.size());
    if (n > kMaxDiffWords || m > kMaxDiffWords)
        return QStringLiteral("[-%1-] {+%2+}").arg(before, after);
    // Longest common subsequence of words: lessons are short, so the quadratic table is small.
    std::vector<std::vector<int>> lcs(n + 1, std::vector<int>(m + 1, 0));
    for (std::size_t i = n; i-- > 0;)
        for (std::size_t j = m; j-- > 0;)
            lcs[i][j] =
                a[qsizetype(i)] == b[qsizetype(j)] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    QStringList out, removed, added;
    auto flush = [&] {
        if (!removed.isEmpty())
            out << QStringLiteral("[-%1-]").arg(removed.join(QLatin1Char(' ')));
        if (!added.isEmpty())
            out << QStringLiteral("{+%1+}").arg(added.join(QLatin1Char(' ')));
        removed.clear();
        added.clear();
    };
    std::size_t i = 0, j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && a[qsizetype(i)] == b[qsizetype(j)]) {
            flush();
            out << a[qsizetype(i)];
            ++i;
            ++j;
        } else if (j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j])) {
            added << b[qsizetype(j++)];
        } else {
            removed << a[qsizetype(i++)];
        }
    }
    flush();
    return out.join(QLatin1Char(' '));
}

QStringList HistoryDiff::describe(const json& oldValue, const json& newValue)
{
    QStringList lines;
    const json olds = oldValue.is_object() ? oldValue : json::object();
    const json news = newValue.is_object() ? newValue : json::object();
    std::set<std::string> keys;
    for (const auto& [k, v] : olds.items())
        keys.insert(k);
    for (const auto& [k, v] : news.items())
        keys.insert(k);
    for (const auto& key : keys) {
        const json before = olds.value(key, json());
        const json after = news.value(key, json());
        if (before == after)
            continue;
        const QString name = QString::fromStdString(key);
        if (key == "memory" && before.is_string() && after.is_string()) {
            lines << QStringLiteral("memory: %1").arg(wordDiff(valueText(before), valueText(after)));
        } else if (key == "metadata" && before.is_object() && after.is_object()) {
            for (const auto& line : describe(before, after))
                lines << QStringLiteral("metadata.%1").arg(line);
        } else {
            lines << QStringLiteral("%1: %2 → %3").arg(name, valueText(before), valueText(after));
        }
    }
    return lines;
}

} // namespace memscope::ui
