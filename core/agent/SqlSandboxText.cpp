// SqlSandbox::Result::toText: query results as a plain-text table for the model.
#include "agent/SqlSandbox.h"

#include <algorithm>

namespace memscope {

namespace {

std::size_t displayWidth(std::string_view text)
{
    return static_cast<std::size_t>(
        std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::string flatten(std::string_view cell)
{
    std::string out;
    out.reserve(cell.size());
    for (const char c : cell) {
        if (c == '\n')
            out += "\\n";
        else if (c == '\r' || c == '\t')
            out += ' ';
        else
            out += c;
    }
    return out;
}

} // namespace

std::string SqlSandbox::Result::toText(std::size_t maxBytes) const
{
    constexpr std::size_t kMaxPad = 40;
    std::vector<std::string> lines;
    if (!ok) {
        lines.push_back("error: " + error);
    } else if (columns.empty()) {
        lines.emplace_back("(the statement returns no columns)");
    } else {
        std::vector<std::size_t> widths(columns.size(), 0);
        auto measure = [&](const std::vector<std::string>& cells) {
            for (std::size_t c = 0; c < cells.size() && c < widths.size(); ++c)
                widths[c] = std::min(kMaxPad, std::max(widths[c], displayWidth(flatten(cells[c]))));
        };
        measure(columns);
        for (const auto& row : rows)
            measure(row);
        auto format = [&](const std::vector<std::string>& cells) {
            std::string line;
            for (std::size_t c = 0; c < cells.size(); ++c) {
                const std::string cell = flatten(cells[c]);
                line += c ? " | " : "";
                line += cell;
                if (c + 1 < cells.size())
                    line.append(widths[c] - std::min(widths[c], displayWidth(cell)), ' ');
            }
            return line;
        };
        lines.push_back(format(columns));
        std::string rule;
        for (std::size_t c = 0; c < widths.size(); ++c)
            rule += (c ? "-+-" : "") + std::string(widths[c], '-');
        lines.push_back(rule);
        for (const auto& row : rows)
            lines.push_back(format(row));
        if (truncated)
            lines.push_back("(first " + std::to_string(rows.size()) +
                            " rows shown; the query returns more: add a LIMIT or aggregate)");
        else
            lines.push_back("(" + std::to_string(rows.size()) + (rows.size() == 1 ? " row)" : " rows)"));
    }

    std::string text;
    for (const auto& line : lines)
        text += line + '\n';
    if (text.size() <= maxBytes)
        return text;
    // Whole lines while they fit, then a note saying how much was left out.
    const std::size_t header = ok && !columns.empty() ? 2 : 0;
    std::vector<std::size_t> prefix(1, 0); // prefix[k]: bytes of the first k lines
    for (const auto& line : lines)
        prefix.push_back(prefix.back() + line.size() + 1);
    for (std::size_t kept = lines.size(); kept-- > 0;) {
        const std::size_t rowsShown = kept > header ? std::min(rows.size(), kept - header) : 0;
        const std::string note = "[output cut at " + std::to_string(maxBytes) + " bytes: " + std::to_string(rowsShown) +
                                 " of " + std::to_string(rows.size()) + (truncated ? "+" : "") + " rows shown]\n";
        if (prefix[kept] + note.size() <= maxBytes)
            return text.substr(0, prefix[kept]) + note;
    }
    std::size_t cut = maxBytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
        --cut;
    return text.substr(0, cut);
}

} // namespace memscope
