#include "agent/TaskPack.h"

#include "agent/SqlSandbox.h"
#include "util/Error.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

namespace memscope {

namespace {

using nlohmann::json;

const std::vector<std::string> kPackKeys = {
    "name",  "task_type", "title",     "description", "version", "tool_name", "system_prompt", "prompt_template",
    "tools", "limits",    "evaluator", "database",    "tasks"};
const std::vector<std::string> kTaskKeys = {"id", "title", "input", "tool_name", "severity", "expected"};
const std::vector<std::string> kTools = {"run_sql", "describe_schema"};
const std::vector<std::string> kPlaceholders = {"input", "id", "title", "schema"};

// The config keys each evaluator kind understands (pack "evaluator" object and task "expected" together).
const std::vector<std::pair<std::string, std::vector<std::string>>> kEvaluatorKeys = {
    {"rule", {"answer", "contains", "regex", "fields"}},
    {"sql_result", {"sql", "order_matters", "broken_sql"}},
    {"llm_judge", {"rubric", "reference"}},
};

bool contains(const std::vector<std::string>& list, const std::string& value)
{
    return std::find(list.begin(), list.end(), value) != list.end();
}

std::string joined(const std::vector<std::string>& list)
{
    std::string out;
    for (const auto& item : list)
        out += (out.empty() ? "" : ", ") + item;
    return out;
}

bool validId(const std::string& id)
{
    return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.';
    });
}

// Throws the pack's errors: "<file>: [task "<id>": ]"<field>": <message>".
struct Context {
    std::string origin;
    std::string task; // empty at pack level

    [[noreturn]] void fail(const std::string& field, const std::string& message) const
    {
        std::string text = origin + ": ";
        if (!task.empty())
            text += "task " + task + ": ";
        if (!field.empty())
            text += "\"" + field + "\": ";
        throw Error(Error::Kind::InvalidArgument, text + message);
    }

    std::string string(const json& object, const std::string& key, bool required, std::string fallback = {}) const
    {
        const auto it = object.find(key);
        if (it == object.end() || it->is_null()) {
            if (required)
                fail(key, "missing");
            return fallback;
        }
        if (!it->is_string())
            fail(key, std::string("must be a string, not ") + it->type_name());
        if (required && it->get_ref<const std::string&>().empty())
            fail(key, "must not be empty");
        return it->get<std::string>();
    }
};

void checkKeys(const Context& ctx, const json& object, const std::vector<std::string>& known, const std::string& prefix)
{
    for (const auto& [key, value] : object.items())
        if (!contains(known, key))
            ctx.fail(prefix + key, "unknown key (known: " + joined(known) + ")");
}

void checkTemplate(const Context& ctx, const std::string& text, bool hasDatabase)
{
    bool hasInput = false;
    for (auto open = text.find("{{"); open != std::string::npos; open = text.find("{{", open + 2)) {
        const auto close = text.find("}}", open);
        if (close == std::string::npos)
            ctx.fail("prompt_template", "\"{{\" without \"}}\"");
        const std::string name = text.substr(open + 2, close - open - 2);
        if (!contains(kPlaceholders, name))
            ctx.fail("prompt_template", "unknown placeholder {{" + name + "}} (known: " + joined(kPlaceholders) + ")");
        if (name == "schema" && !hasDatabase)
            ctx.fail("prompt_template", "uses {{schema}} but the pack has no \"database\"");
        hasInput = hasInput || name == "input";
    }
    if (!hasInput)
        ctx.fail("prompt_template", "must contain {{input}} (the task text)");
}

PackLimits readLimits(const Context& ctx, const json& object)
{
    PackLimits limits;
    if (!object.is_object())
        ctx.fail("limits", "must be an object");
    struct Field {
        const char* key;
        int* value;
        int min, max;
    };
    const Field fields[] = {{"max_turns", &limits.maxTurns, 1, 50},
                            {"max_tool_calls", &limits.maxToolCalls, 0, 500},
                            {"tool_timeout_ms", &limits.toolTimeoutMs, 10, 600000},
                            {"max_rows", &limits.maxRows, 1, 100000},
                            {"max_tool_output_bytes", &limits.maxToolOutputBytes, 256, 10000000},
                            {"max_answer_tokens", &limits.maxAnswerTokens, 16, 200000}};
    std::vector<std::string> known;
    for (const auto& field : fields)
        known.emplace_back(field.key);
    checkKeys(ctx, object, known, "limits.");
    for (const auto& field : fields) {
        const auto it = object.find(field.key);
        if (it == object.end())
            continue;
        if (!it->is_number_integer() || *it < field.min || *it > field.max)
            ctx.fail(std::string("limits.") + field.key,
                     "must be a whole number from " + std::to_string(field.min) + " to " + std::to_string(field.max));
        *field.value = it->get<int>();
    }
    return limits;
}

// The task's evaluator config (pack config + task expected), checked for its kind; runs expected.sql.
void checkEvaluatorConfig(const Context& ctx, const std::string& kind, const json& config, const json& expected,
                          const SqlSandbox* sandbox, const PackLimits& limits)
{
    const auto field = [&](const std::string& key) {
        return (expected.contains(key) ? "expected." : "evaluator.") + key;
    };
    const auto type = [&](const std::string& key, bool (json::*is)() const noexcept, const char* what) {
        if (config.contains(key) && !(config[key].*is)())
            ctx.fail(field(key), std::string("must be ") + what);
    };
    const auto required = [&](const std::string& key) {
        if (!config.contains(key))
            ctx.fail("expected." + key,
                     "missing (neither the task's \"expected\" nor the pack's \"evaluator\" sets it)");
    };
    if (kind == "rule") {
        if (!config.contains("answer") && !config.contains("contains") && !config.contains("regex") &&
            !config.contains("fields"))
            ctx.fail("expected", "needs at least one of answer, contains, regex, fields");
        type("answer", &json::is_string, "a string");
        type("regex", &json::is_string, "a string");
        type("fields", &json::is_object, "an object");
        type("contains", &json::is_array, "an array of strings");
        if (config.contains("contains"))
            for (const auto& item : config["contains"])
                if (!item.is_string() || item.get_ref<const std::string&>().empty())
                    ctx.fail(field("contains"), "must be an array of non-empty strings");
        if (config.contains("regex")) {
            try {
                std::regex re(config["regex"].get<std::string>(), std::regex::ECMAScript);
            } catch (const std::regex_error& e) {
                ctx.fail(field("regex"), std::string("is not a valid regular expression: ") + e.what());
            }
        }
    } else if (kind == "sql_result") {
        required("sql");
        type("sql", &json::is_string, "a string");
        type("broken_sql", &json::is_string, "a string");
        type("order_matters", &json::is_boolean, "true or false");
        if (!sandbox)
            return;
        SqlSandbox::Result result;
        try {
            result = sandbox->queryAll(config["sql"].get<std::string>());
        } catch (const Error& e) {
            ctx.fail(field("sql"), std::string("fails: ") + e.what());
        }
        if (result.rows.size() > static_cast<std::size_t>(limits.maxRows))
            ctx.fail(field("sql"), "returns " + std::to_string(result.rows.size()) +
                                       " rows, more than limits.max_rows (" + std::to_string(limits.maxRows) + ")");
    } else if (kind == "llm_judge") {
        required("rubric");
        type("rubric", &json::is_string, "a string");
        type("reference", &json::is_string, "a string");
    }
}

std::string readFile(const std::filesystem::path& file, Error::Kind missingKind, const std::string& context)
{
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        const int err = errno;
        const auto kind = std::filesystem::exists(file) ? Error::Kind::Io : missingKind;
        if (context.empty())
            throw Error(kind, file.string() + ": cannot read: " + std::strerror(err));
        throw Error(kind, context + "cannot read \"" + file.string() + "\": " + std::strerror(err));
    }
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

} // namespace

TaskPack TaskPack::load(const std::filesystem::path& file)
{
    return parse(readFile(file, Error::Kind::NotFound, ""), file);
}

TaskPack TaskPack::parse(std::string_view text, const std::filesystem::path& origin)
{
    Context ctx{origin.string(), {}};
    json root;
    try {
        root = json::parse(text);
    } catch (const json::parse_error& e) {
        std::string message = e.what();
        if (const auto end = message.find("] "); message.starts_with("[json.exception") && end != std::string::npos)
            message = message.substr(end + 2);
        ctx.fail({}, "not valid JSON: " + message);
    }
    if (!root.is_object())
        ctx.fail({}, "must be a JSON object, not " + std::string(root.type_name()));
    checkKeys(ctx, root, kPackKeys, "");

    TaskPack pack;
    pack.source = origin;
    pack.name = ctx.string(root, "name", true);
    if (!validId(pack.name))
        ctx.fail("name", "may only hold letters, digits, '_', '-' and '.'");
    pack.taskType = ctx.string(root, "task_type", false, pack.name);
    pack.title = ctx.string(root, "title", true);
    pack.description = ctx.string(root, "description", false);
    pack.version = ctx.string(root, "version", false, "1");
    pack.toolName = ctx.string(root, "tool_name", true);
    pack.systemPrompt = ctx.string(root, "system_prompt", false);
    pack.promptTemplate = ctx.string(root, "prompt_template", true);
    if (root.contains("limits"))
        pack.limits = readLimits(ctx, root["limits"]);

    if (root.contains("tools")) {
        if (!root["tools"].is_array())
            ctx.fail("tools", "must be an array of tool names");
        for (const auto& tool : root["tools"]) {
            if (!tool.is_string() || !contains(kTools, tool.get<std::string>()))
                ctx.fail("tools", "unknown tool " + tool.dump() + " (known: " + joined(kTools) + ")");
            if (contains(pack.tools, tool.get<std::string>()))
                ctx.fail("tools", "lists " + tool.dump() + " twice");
            pack.tools.push_back(tool.get<std::string>());
        }
    }

    if (!root.contains("evaluator") || !root["evaluator"].is_object())
        ctx.fail("evaluator", root.contains("evaluator") ? "must be an object with a \"kind\"" : "missing");
    if (const auto& kindValue = root["evaluator"].value("kind", json()); kindValue.is_string())
        pack.evaluator.kind = kindValue.get<std::string>();
    const auto kind = std::find_if(kEvaluatorKeys.begin(), kEvaluatorKeys.end(),
                                   [&](const auto& entry) { return entry.first == pack.evaluator.kind; });
    if (kind == kEvaluatorKeys.end())
        ctx.fail("evaluator.kind", (pack.evaluator.kind.empty() ? std::string("missing")
                                                                : "unknown kind \"" + pack.evaluator.kind + "\"") +
                                       " (known: rule, sql_result, llm_judge)");
    pack.evaluator.config = root["evaluator"];
    pack.evaluator.config.erase("kind");
    checkKeys(ctx, pack.evaluator.config, kind->second, "evaluator.");

    std::unique_ptr<SqlSandbox> sandbox;
    if (root.contains("database")) {
        auto path = std::filesystem::path(ctx.string(root, "database", true));
        if (path.is_relative())
            path = origin.parent_path() / path;
        pack.databaseSql = readFile(path, Error::Kind::InvalidArgument, ctx.origin + ": \"database\": ");
        if (pack.databaseSql.find_first_not_of(" \t\r\n") == std::string::npos)
            ctx.fail("database", "\"" + path.string() + "\" is empty");
        try {
            sandbox = std::make_unique<SqlSandbox>(pack.databaseSql, path.string(),
                                                   SqlSandbox::Limits{pack.limits.toolTimeoutMs, pack.limits.maxRows});
        } catch (const Error& e) {
            ctx.fail("database", e.what());
        }
    } else if (!pack.tools.empty()) {
        ctx.fail("database", "missing: the tools " + joined(pack.tools) + " need the pack's database");
    } else if (pack.evaluator.kind == "sql_result") {
        ctx.fail("database", "missing: the sql_result evaluator needs the pack's database");
    }
    checkTemplate(ctx, pack.promptTemplate, sandbox != nullptr);

    if (!root.contains("tasks") || !root["tasks"].is_array() || root["tasks"].empty())
        ctx.fail("tasks", root.contains("tasks") ? "must be a non-empty array of tasks" : "missing");
    std::set<std::string> ids;
    for (std::size_t i = 0; i < root["tasks"].size(); ++i) {
        const json& item = root["tasks"][i];
        Context taskCtx{ctx.origin, "#" + std::to_string(i + 1)};
        if (!item.is_object())
            taskCtx.fail({}, "must be an object");
        PackTask task;
        task.id = taskCtx.string(item, "id", true);
        if (!validId(task.id))
            taskCtx.fail("id", "may only hold letters, digits, '_', '-' and '.'");
        taskCtx.task = "\"" + task.id + "\"";
        if (!ids.insert(task.id).second)
            taskCtx.fail("id", "duplicate task id (task #" + std::to_string(i + 1) + ")");
        checkKeys(taskCtx, item, kTaskKeys, "");
        task.title = taskCtx.string(item, "title", false, task.id);
        task.input = taskCtx.string(item, "input", true);
        task.toolName = taskCtx.string(item, "tool_name", false, pack.toolName);
        task.severity = taskCtx.string(item, "severity", false, "medium");
        if (task.severity != "low" && task.severity != "medium" && task.severity != "high")
            taskCtx.fail("severity", "must be low, medium or high, not \"" + task.severity + "\"");
        if (item.contains("expected")) {
            if (!item["expected"].is_object())
                taskCtx.fail("expected", "must be an object");
            task.expected = item["expected"];
        }
        checkKeys(taskCtx, task.expected, kind->second, "expected.");
        json config = pack.evaluator.config;
        config.update(task.expected);
        checkEvaluatorConfig(taskCtx, pack.evaluator.kind, config, task.expected, sandbox.get(), pack.limits);
        pack.tasks.push_back(std::move(task));
    }
    return pack;
}

std::vector<const PackTask*> TaskPack::selectTasks(std::string_view id) const
{
    std::vector<const PackTask*> selected;
    if (!id.empty()) {
        const PackTask* one = task(id);
        if (!one)
            throw Error(Error::Kind::NotFound, "pack " + name + " has no task \"" + std::string(id) + "\"");
        selected.push_back(one);
    } else {
        for (const auto& t : tasks)
            selected.push_back(&t);
    }
    if (selected.empty())
        throw Error(Error::Kind::InvalidArgument, "pack " + name + " has no tasks");
    return selected;
}

const PackTask* TaskPack::task(std::string_view id) const
{
    const auto it = std::find_if(tasks.begin(), tasks.end(), [id](const PackTask& t) { return t.id == id; });
    return it == tasks.end() ? nullptr : &*it;
}

std::string TaskPack::renderPrompt(const PackTask& task, std::string_view schema) const
{
    std::string out;
    std::size_t pos = 0;
    for (auto open = promptTemplate.find("{{"); open != std::string::npos; open = promptTemplate.find("{{", pos)) {
        const auto close = promptTemplate.find("}}", open);
        if (close == std::string::npos)
            break;
        const std::string key = promptTemplate.substr(open + 2, close - open - 2);
        out.append(promptTemplate, pos, open - pos);
        if (key == "input")
            out += task.input;
        else if (key == "id")
            out += task.id;
        else if (key == "title")
            out += task.title;
        else if (key == "schema")
            out += schema;
        else
            out.append(promptTemplate, open, close + 2 - open);
        pos = close + 2;
    }
    out.append(promptTemplate, pos);
    return out;
}

EvaluatorSpec TaskPack::evaluatorFor(const PackTask& task) const
{
    EvaluatorSpec spec = evaluator;
    if (!spec.config.is_object())
        spec.config = nlohmann::json::object();
    spec.config.update(task.expected);
    return spec;
}

} // namespace memscope
