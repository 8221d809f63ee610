#include "demo/DemoCatalog.h"

#include <algorithm>
#include <charconv>
#include <stdexcept>

namespace memscope {

namespace {

std::string_view trim(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
        s.remove_suffix(1);
    return s;
}

[[noreturn]] void fail(std::string_view what, std::string_view where)
{
    throw std::logic_error("demo catalog: " + std::string(what) + ": " + std::string(where));
}

bool isIdentifier(std::string_view s)
{
    if (s.empty())
        return false;
    for (const char c : s)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'))
            return false;
    return true;
}

// Splits at `sep` outside braces, so "{a|b}" inside a slot word stays whole.
std::vector<std::string_view> splitTopLevel(std::string_view s, char sep)
{
    std::vector<std::string_view> parts;
    int depth = 0;
    std::size_t from = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '{')
            ++depth;
        else if (s[i] == '}')
            --depth;
        else if (s[i] == sep && depth == 0) {
            parts.push_back(trim(s.substr(from, i - from)));
            from = i + 1;
        }
    }
    parts.push_back(trim(s.substr(from)));
    return parts;
}

std::vector<std::string_view> words(std::string_view s)
{
    std::vector<std::string_view> out;
    for (std::size_t i = 0; i < s.size();) {
        while (i < s.size() && s[i] == ' ')
            ++i;
        const std::size_t start = i;
        while (i < s.size() && s[i] != ' ')
            ++i;
        if (i > start)
            out.push_back(s.substr(start, i - start));
    }
    return out;
}

template <typename T> T number(std::string_view text, std::string_view where)
{
    T value{};
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || ptr != text.data() + text.size())
        fail("bad number", where);
    return value;
}

void appendNumber(std::string& out, std::int64_t value)
{
    char buf[24];
    const auto [ptr, ec] = std::to_chars(buf, buf + sizeof buf, value);
    out.append(buf, ec == std::errc() ? ptr : buf);
}

} // namespace

const DemoCatalog::Pool* DemoCatalog::Block::pool(std::string_view kind) const
{
    for (const auto& p : pools)
        if (p.kind == kind)
            return &p;
    return nullptr;
}

const DemoCatalog& DemoCatalog::builtin()
{
    static const DemoCatalog catalog(builtinText());
    return catalog;
}

DemoCatalog::DemoCatalog(const std::vector<const char*>& sections)
{
    Block* block = nullptr;
    for (const char* section : sections) {
        std::string_view text(section);
        while (!text.empty()) {
            const std::size_t eol = text.find('\n');
            const std::string_view line = trim(text.substr(0, eol));
            text.remove_prefix(eol == std::string_view::npos ? text.size() : eol + 1);
            if (!line.empty())
                parseLine(line, block);
        }
    }
    for (auto& slot : m_slots)
        for (auto& word : slot.words)
            resolve(word);
    for (auto& b : m_blocks) {
        for (auto& pool : b.pools)
            for (auto& tmpl : pool.templates)
                resolve(tmpl);
        if (b.type == "common")
            m_common = &b;
    }
    if (!m_common)
        fail("missing block", "[common]");
}

void DemoCatalog::parseLine(std::string_view line, Block*& block)
{
    if (line.front() == '[') {
        if (line.back() != ']')
            fail("bad header", line);
        const auto parts = words(line.substr(1, line.size() - 2));
        if (parts.empty() || parts.size() > 2)
            fail("bad header", line);
        Block b;
        b.type = parts[0];
        b.name = parts.size() > 1 ? parts[1] : std::string_view();
        if (find(b.type, b.name))
            fail("duplicate block", line);
        m_blocks.push_back(std::move(b));
        block = &m_blocks.back();
        return;
    }
    if (line.front() == '$') {
        const std::size_t eq = line.find('=');
        if (eq == std::string_view::npos)
            fail("slot without '='", line);
        Slot slot;
        slot.name = trim(line.substr(1, eq - 1));
        if (!isIdentifier(slot.name))
            fail("bad slot name", line);
        for (const auto& slotName : m_slots)
            if (slotName.name == slot.name)
                fail("duplicate slot", line);
        for (const auto word : splitTopLevel(line.substr(eq + 1), '|'))
            slot.words.push_back(compile(word));
        m_slots.push_back(std::move(slot));
        return;
    }
    if (!block)
        fail("line outside a block", line);
    const std::size_t space = line.find(' ');
    const std::string_view keyword = line.substr(0, space);
    const std::string_view rest = space == std::string_view::npos ? std::string_view() : trim(line.substr(space));
    if (keyword == "meta") {
        for (const auto pair : words(rest)) {
            const std::size_t eq = pair.find('=');
            if (eq == std::string_view::npos)
                fail("meta without '='", line);
            const std::string_view key = pair.substr(0, eq), value = pair.substr(eq + 1);
            if (key == "agent")
                block->agent = value;
            else if (key == "agents")
                block->agents = number<int>(value, line);
            else if (key == "weight")
                block->weight = number<double>(value, line);
            else if (key == "success")
                block->success = number<double>(value, line);
            else if (key == "task")
                block->task = value;
            else
                fail("unknown meta key", line);
        }
    } else if (keyword == "tools") {
        for (const auto pair : words(rest)) {
            const std::size_t colon = pair.find(':');
            if (colon == std::string_view::npos)
                fail("tool without weight", line);
            block->tools.push_back({pair.substr(0, colon), number<double>(pair.substr(colon + 1), line)});
        }
    } else if (keyword == "tags") {
        block->tags = words(rest);
    } else if (keyword.size() > 1 && keyword.back() == ':' && isIdentifier(keyword.substr(0, keyword.size() - 1))) {
        const std::string_view kind = keyword.substr(0, keyword.size() - 1);
        Pool* pool = nullptr;
        for (auto& p : block->pools)
            if (p.kind == kind)
                pool = &p;
        if (!pool) {
            block->pools.push_back({kind, {}});
            pool = &block->pools.back();
        }
        std::string_view body = rest;
        std::string_view tool;
        if (!body.empty() && body.front() == '@') {
            const std::size_t end = body.find(' ');
            tool = body.substr(1, end - 1);
            body = trim(body.substr(end == std::string_view::npos ? body.size() : end));
        }
        if (body.empty())
            fail("empty template", line);
        pool->templates.push_back(compile(body));
        pool->templates.back().tool = tool;
    } else {
        fail("unknown line", line);
    }
}

DemoCatalog::Template DemoCatalog::compile(std::string_view text)
{
    Template tmpl;
    std::size_t i = 0;
    while (i < text.size()) {
        const std::size_t open = text.find('{', i);
        if (open != i) {
            const std::size_t end = open == std::string_view::npos ? text.size() : open;
            tmpl.segments.push_back({Segment::Kind::Text, text.substr(i, end - i), 0, 0, 0});
            i = end;
            continue;
        }
        std::size_t close = open + 1;
        for (int depth = 1; close < text.size(); ++close) {
            if (text[close] == '{')
                ++depth;
            else if (text[close] == '}' && --depth == 0)
                break;
        }
        if (close >= text.size())
            fail("unbalanced '{'", text);
        const std::string_view body = text.substr(open + 1, close - open - 1);
        Segment seg;
        if (splitTopLevel(body, '|').size() > 1) {
            seg.kind = Segment::Kind::Slot;
            seg.slot = addInlineChoice(body);
        } else if (body.starts_with("n:")) {
            const std::size_t dash = body.find('-', 2);
            if (dash == std::string_view::npos)
                fail("bad number range", body);
            seg.kind = Segment::Kind::Number;
            seg.lo = number<std::int64_t>(body.substr(2, dash - 2), text);
            seg.hi = number<std::int64_t>(body.substr(dash + 1), text);
            if (seg.hi < seg.lo)
                fail("empty number range", text);
        } else if (body == "tool") {
            seg.kind = Segment::Kind::Tool;
        } else if (body == "user") {
            seg.kind = Segment::Kind::User;
        } else if (isIdentifier(body) || (body.starts_with('+') && isIdentifier(body.substr(1)))) {
            seg.kind = Segment::Kind::Slot;
            seg.distinct = body.front() == '+';
            seg.text = seg.distinct ? body.substr(1) : body; // resolved once every slot is known
            seg.slot = SIZE_MAX;
        } else {
            fail("bad placeholder", text);
        }
        tmpl.segments.push_back(seg);
        i = close + 1;
    }
    return tmpl;
}

std::size_t DemoCatalog::addInlineChoice(std::string_view body)
{
    Slot slot;
    for (const auto option : splitTopLevel(body, '|'))
        slot.words.push_back(compile(option));
    m_slots.push_back(std::move(slot));
    return m_slots.size() - 1;
}

void DemoCatalog::resolve(Template& tmpl)
{
    for (auto& seg : tmpl.segments) {
        if (seg.kind != Segment::Kind::Slot || seg.slot != SIZE_MAX)
            continue;
        for (std::size_t s = 0; s < m_slots.size() && seg.slot == SIZE_MAX; ++s)
            if (m_slots[s].name == seg.text)
                seg.slot = s;
        if (seg.slot == SIZE_MAX)
            fail("unknown slot", seg.text);
    }
}

const DemoCatalog::Block* DemoCatalog::find(std::string_view type, std::string_view name) const
{
    for (const auto& b : m_blocks)
        if (b.type == type && b.name == name)
            return &b;
    return nullptr;
}

std::vector<const DemoCatalog::Template*> DemoCatalog::templatesFor(const Block& block, std::string_view kind,
                                                                    std::string_view tool, bool withCommon) const
{
    std::vector<const Template*> out;
    const auto collect = [&](const Block& b) {
        if (const Pool* p = b.pool(kind))
            for (const auto& t : p->templates)
                if (t.tool.empty() || t.tool == tool)
                    out.push_back(&t);
    };
    collect(block);
    if (withCommon && &block != m_common)
        collect(*m_common);
    return out;
}

void DemoCatalog::render(const Template& tmpl, DemoRng& rng, TextContext& ctx, std::string& out) const
{
    for (const auto& seg : tmpl.segments) {
        switch (seg.kind) {
        case Segment::Kind::Text: out += seg.text; break;
        case Segment::Kind::Tool: out += ctx.tool; break;
        case Segment::Kind::User: out += ctx.user; break;
        case Segment::Kind::Number: appendNumber(out, rng.range(seg.lo, seg.hi)); break;
        case Segment::Kind::Slot: {
            const Slot& slot = m_slots[seg.slot];
            const std::size_t n = slot.words.size();
            if (slot.name.empty()) { // inline alternatives: equally likely, never remembered
                render(slot.words[rng.below(n)], rng, ctx, out);
                break;
            }
            const auto end = ctx.m_picks.begin() + static_cast<std::ptrdiff_t>(ctx.m_count);
            const auto earlier =
                std::find_if(ctx.m_picks.begin(), end, [&](const TextContext::Pick& p) { return p.slot == seg.slot; });
            std::size_t word = 0;
            if (earlier == end) {
                word = rng.skewedBelow(n);
                if (ctx.m_count < ctx.m_picks.size())
                    ctx.m_picks[ctx.m_count++] = {seg.slot, word};
            } else if (seg.distinct && n > 1) {
                word = (earlier->word + 1 + rng.below(n - 1)) % n;
            } else {
                word = earlier->word;
            }
            render(slot.words[word], rng, ctx, out);
            break;
        }
        }
    }
}

} // namespace memscope
