#include "embed/PorterStemmer.h"

#include <cstring>

namespace memscope {

namespace {

struct SuffixRule {
    const char* suffix;
    const char* replacement;
};

constexpr SuffixRule kStep2[] = {
    {"ational", "ate"}, {"tional", "tion"}, {"enci", "ence"}, {"anci", "ance"}, {"izer", "ize"},
    {"bli", "ble"},     {"alli", "al"},     {"entli", "ent"}, {"eli", "e"},     {"ousli", "ous"},
    {"ization", "ize"}, {"ation", "ate"},   {"ator", "ate"},  {"alism", "al"},  {"iveness", "ive"},
    {"fulness", "ful"}, {"ousness", "ous"}, {"aliti", "al"},  {"iviti", "ive"}, {"biliti", "ble"},
    {"logi", "log"},
};

constexpr SuffixRule kStep3[] = {
    {"icate", "ic"}, {"ative", ""}, {"alize", "al"}, {"iciti", "ic"}, {"ical", "ic"}, {"ful", ""}, {"ness", ""},
};

// A direct transcription of Martin Porter's reference implementation. b[0..k] is the word being stemmed;
// j marks the end of the stem a matched suffix leaves behind.
class Stemmer {
public:
    explicit Stemmer(std::string& word)
        : b(word)
        , k(static_cast<int>(word.size()) - 1)
    {
    }

    void run()
    {
        if (k <= 1)
            return;
        step1ab();
        if (k > 0) {
            step1c();
            step2();
            step3();
            step4();
            step5();
        }
        b.resize(static_cast<std::size_t>(k + 1));
    }

private:
    std::string& b;
    int k;
    int j = 0;

    char at(int i) const { return b[static_cast<std::size_t>(i)]; }

    bool cons(int i) const
    {
        switch (at(i)) {
        case 'a':
        case 'e':
        case 'i':
        case 'o':
        case 'u': return false;
        case 'y': return i == 0 ? true : !cons(i - 1);
        default: return true;
        }
    }

    // The number of vowel-consonant sequences in b[0..j].
    int m() const
    {
        int n = 0;
        int i = 0;
        for (;;) {
            if (i > j)
                return n;
            if (!cons(i))
                break;
            ++i;
        }
        ++i;
        for (;;) {
            for (;;) {
                if (i > j)
                    return n;
                if (cons(i))
                    break;
                ++i;
            }
            ++i;
            ++n;
            for (;;) {
                if (i > j)
                    return n;
                if (!cons(i))
                    break;
                ++i;
            }
            ++i;
        }
    }

    bool vowelInStem() const
    {
        for (int i = 0; i <= j; ++i)
            if (!cons(i))
                return true;
        return false;
    }

    bool doubleConsonant(int i) const
    {
        if (i < 1 || at(i) != at(i - 1))
            return false;
        return cons(i);
    }

    // consonant-vowel-consonant ending at i, the last consonant not w, x or y ("hop" but not "snow").
    bool cvc(int i) const
    {
        if (i < 2 || !cons(i) || cons(i - 1) || !cons(i - 2))
            return false;
        const char ch = at(i);
        return ch != 'w' && ch != 'x' && ch != 'y';
    }

    bool ends(const char* s)
    {
        const int length = static_cast<int>(std::strlen(s));
        if (length > k + 1)
            return false;
        if (b.compare(static_cast<std::size_t>(k - length + 1), static_cast<std::size_t>(length), s) != 0)
            return false;
        j = k - length;
        return true;
    }

    void setTo(const char* s)
    {
        const int length = static_cast<int>(std::strlen(s));
        b.replace(static_cast<std::size_t>(j + 1), static_cast<std::size_t>(k - j), s);
        k = j + length;
    }

    void replaceIfMeasured(const char* s)
    {
        if (m() > 0)
            setTo(s);
    }

    void step1ab()
    {
        if (at(k) == 's') {
            if (ends("sses"))
                k -= 2;
            else if (ends("ies"))
                setTo("i");
            else if (at(k - 1) != 's')
                --k;
        }
        if (ends("eed")) {
            if (m() > 0)
                --k;
        } else if ((ends("ed") || ends("ing")) && vowelInStem()) {
            k = j;
            if (ends("at"))
                setTo("ate");
            else if (ends("bl"))
                setTo("ble");
            else if (ends("iz"))
                setTo("ize");
            else if (doubleConsonant(k)) {
                --k;
                const char ch = at(k);
                if (ch == 'l' || ch == 's' || ch == 'z')
                    ++k;
            } else if (m() == 1 && cvc(k)) {
                setTo("e");
            }
        }
    }

    void step1c()
    {
        if (ends("y") && vowelInStem())
            b[static_cast<std::size_t>(k)] = 'i';
    }

    // Steps 2 and 3 replace the first listed suffix that ends the word, when the stem before it has m > 0.
    // The lists keep the reference implementation's order (it only matters between suffixes that can both
    // end a word, such as "ational" and "tional").
    template <std::size_t N> void replaceFirst(const SuffixRule (&rules)[N])
    {
        for (const auto& rule : rules)
            if (ends(rule.suffix)) {
                replaceIfMeasured(rule.replacement);
                return;
            }
    }

    void step2()
    {
        if (k < 1)
            return;
        replaceFirst(kStep2);
    }

    void step3() { replaceFirst(kStep3); }

    void step4()
    {
        if (k < 1)
            return;
        switch (at(k - 1)) {
        case 'a':
            if (ends("al"))
                break;
            return;
        case 'c':
            if (ends("ance"))
                break;
            if (ends("ence"))
                break;
            return;
        case 'e':
            if (ends("er"))
                break;
            return;
        case 'i':
            if (ends("ic"))
                break;
            return;
        case 'l':
            if (ends("able"))
                break;
            if (ends("ible"))
                break;
            return;
        case 'n':
            if (ends("ant"))
                break;
            if (ends("ement"))
                break;
            if (ends("ment"))
                break;
            if (ends("ent"))
                break;
            return;
        case 'o':
            if (ends("ion") && j >= 0 && (at(j) == 's' || at(j) == 't'))
                break;
            if (ends("ou"))
                break;
            return;
        case 's':
            if (ends("ism"))
                break;
            return;
        case 't':
            if (ends("ate"))
                break;
            if (ends("iti"))
                break;
            return;
        case 'u':
            if (ends("ous"))
                break;
            return;
        case 'v':
            if (ends("ive"))
                break;
            return;
        case 'z':
            if (ends("ize"))
                break;
            return;
        default: return;
        }
        if (m() > 1)
            k = j;
    }

    void step5()
    {
        j = k;
        if (at(k) == 'e') {
            const int a = m();
            if (a > 1 || (a == 1 && !cvc(k - 1)))
                --k;
        }
        if (at(k) == 'l' && doubleConsonant(k) && m() > 1)
            --k;
    }
};

bool isPlainLowerAscii(std::string_view word)
{
    for (const char c : word)
        if (c < 'a' || c > 'z')
            return false;
    return true;
}

} // namespace

void PorterStemmer::stem(std::string_view word, std::string& out)
{
    out.assign(word.data(), word.size());
    if (word.size() <= 2 || !isPlainLowerAscii(word))
        return;
    Stemmer(out).run();
}

std::string PorterStemmer::stem(std::string_view word)
{
    std::string out;
    stem(word, out);
    return out;
}

} // namespace memscope
