#pragma once

#include "demo/DemoRng.h"

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace memscope {

// The vocabulary of the demo history: task types with their tools, sentence templates per outcome, slot
// word lists and the scenario phrasings, compiled once from the text tables in DemoCatalogText.cpp and
// DemoCatalogTasks.cpp.
//
// Template syntax: "{table}" picks from the slot list "$table = orders | customers | ...", favouring the
// first entries so words get a long-tailed frequency. A slot named again in the same record repeats its word,
// so the lesson names the table the failure was about; "{+table}" picks a different one ("{table} and
// {+table}"). "{a|b|c}" picks one inline alternative; "{n:3-40}" is an integer in that range; "{tool}" and
// "{user}" come from the record being written. A template that starts with "@tool_name " is only used for
// that tool.
class DemoCatalog {
public:
    struct Template;

    struct Segment {
        enum class Kind : std::uint8_t { Text, Slot, Number, Tool, User };
        Kind kind = Kind::Text;
        std::string_view text; // Text; the slot's name for Slot
        std::size_t slot = 0;  // Slot: index into the slot table
        bool distinct = false; // Slot: "{+name}", a word other than the record's earlier pick
        std::int64_t lo = 0, hi = 0;
    };

    struct Template {
        std::vector<Segment> segments;
        std::string_view tool; // empty: any tool
    };

    struct Pool {
        std::string_view kind; // "success", "failure", "lesson", a preference value, ...
        std::vector<Template> templates;
    };

    struct Tool {
        std::string_view name;
        double weight = 1.0;
    };

    // "[task sql_query_debug]", "[scenario pg_ssl]", "[pref report_format]" or "[common]".
    struct Block {
        std::string_view type;
        std::string_view name;
        std::string_view agent;  // meta agent=: the agent id stem ("sql" -> agent-sql-1)
        int agents = 1;          // meta agents=
        double weight = 1.0;     // meta weight=: share among task types
        double success = 0.75;   // meta success=: base success rate
        std::string_view task;   // meta task=: the task type a preference block belongs to
        std::vector<Tool> tools; // tools name:weight ...
        std::vector<std::string_view> tags;
        std::vector<Pool> pools;

        const Pool* pool(std::string_view kind) const;
    };

    // What one record's text is about, and the slot words it has used so far.
    class TextContext {
    public:
        TextContext(std::string_view toolName, std::string_view userName)
            : tool(toolName)
            , user(userName)
        {
        }

        std::string_view tool;
        std::string_view user;

    private:
        friend class DemoCatalog;
        struct Pick {
            std::size_t slot = 0, word = 0;
        };
        std::array<Pick, 16> m_picks{};
        std::size_t m_count = 0;
    };

    // The built-in catalog, compiled on first use. Throws std::logic_error if the tables are malformed,
    // which the unit test catches long before a user would.
    static const DemoCatalog& builtin();

    explicit DemoCatalog(const std::vector<const char*>& sections);

    // The text tables of the built-in catalog, one string per group of blocks: DemoCatalogText.cpp holds
    // the shared phrases, scenarios and preferences, DemoCatalogTasks.cpp the task types.
    static std::vector<const char*> builtinText();

    const std::vector<Block>& blocks() const { return m_blocks; }
    const Block* find(std::string_view type, std::string_view name) const;
    const Block& common() const { return *m_common; }

    // The templates of `kind` usable for `tool`: the block's own plus, with `withCommon`, [common]'s;
    // never the ones restricted to another tool.
    std::vector<const Template*> templatesFor(const Block& block, std::string_view kind, std::string_view tool,
                                              bool withCommon = true) const;

    void render(const Template& tmpl, DemoRng& rng, TextContext& ctx, std::string& out) const;

private:
    static std::vector<const char*> taskText();

    struct Slot {
        std::string_view name; // empty for inline alternatives
        std::vector<Template> words;
    };

    void parseLine(std::string_view line, Block*& block);
    Template compile(std::string_view text);
    void resolve(Template& tmpl);
    std::size_t addInlineChoice(std::string_view body);

    std::vector<Block> m_blocks;
    std::vector<Slot> m_slots;
    const Block* m_common = nullptr;
};

} // namespace memscope
