<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>OutcomeStyle</name>
    <message>
        <source>Success</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>Failure</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Partial</source>
        <translation>部分成功</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Success rate</source>
        <translation>成功率</translation>
    </message>
    <message>
        <source>week of %1</source>
        <translation>%1 所在周</translation>
    </message>
    <message>
        <source>Outcomes per %1</source>
        <translation>每%1的结果</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Success rate by %1 (the %2 largest of %3)</source>
        <translation>按%1的成功率（%3 个中最大的 %2 个）</translation>
    </message>
    <message>
        <source>Success rate by %1</source>
        <translation>按%1的成功率</translation>
    </message>
    <message>
        <source>day</source>
        <translation>天</translation>
    </message>
    <message>
        <source>week</source>
        <translation>周</translation>
    </message>
    <message>
        <source>month</source>
        <translation>月</translation>
    </message>
    <message>
        <source>task_type</source>
        <translation>任务类型</translation>
    </message>
    <message>
        <source>tool_name</source>
        <translation>工具</translation>
    </message>
    <message>
        <source>version</source>
        <translation>版本</translation>
    </message>
</context>
<context>
    <name>RecordTableModel</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Task type</source>
        <translation>任务类型</translation>
    </message>
    <message>
        <source>Tool</source>
        <translation>工具</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>经验</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Collection</source>
        <translation>集合</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>智能体</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新时间</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Inspect and curate the long-term memory of LLM agents.</source>
        <translation>检查和整理 LLM 智能体的长期记忆。</translation>
    </message>
    <message>
        <source>Open this database (default: the user&apos;s store).</source>
        <translation>打开此数据库（默认：用户的存储库）。</translation>
    </message>
    <message>
        <source>Open the database read-only.</source>
        <translation>以只读方式打开数据库。</translation>
    </message>
    <message>
        <source>Render the window to a PNG file and exit.</source>
        <translation>将窗口渲染为 PNG 文件后退出。</translation>
    </message>
    <message>
        <source>Window size for --screenshot, as WxH.</source>
        <translation>--screenshot 的窗口大小，格式为 WxH。</translation>
    </message>
    <message>
        <source>Use a dark palette (Fusion style), whatever the desktop&apos;s.</source>
        <translation>使用深色调色板（Fusion 风格），不论桌面设置如何。</translation>
    </message>
    <message>
        <source>The view to show first (records, trends, lessons, runs, curve, compare).</source>
        <translation>首先显示的视图（records、trends、lessons、runs、curve、compare）。</translation>
    </message>
</context>
<context>
    <name>memscope::ui::AboutDialog</name>
    <message>
        <source>About Memscope</source>
        <translation>关于 Memscope</translation>
    </message>
    <message>
        <source>Memscope %1</source>
        <translation>Memscope %1</translation>
    </message>
    <message>
        <source>Inspect and curate the long-term memory of LLM agents: the lessons they learn from each task, what worked and what failed.</source>
        <translation>检查和整理 LLM 智能体的长期记忆：它们从每个任务中学到的经验，哪些奏效，哪些失败。</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Qt %1 (built with %2)</source>
        <translation>Qt %1（使用 %2 构建）</translation>
    </message>
</context>
<context>
    <name>memscope::ui::AgentRunLauncher</name>
    <message>
        <source>A run is already in progress.</source>
        <translation>已有一个运行正在进行。</translation>
    </message>
    <message>
        <source>No store is open.</source>
        <translation>没有打开的存储库。</translation>
    </message>
</context>
<context>
    <name>memscope::ui::ApiKeyStore</name>
    <message>
        <source>from the system keychain</source>
        <translation>来自系统钥匙串</translation>
    </message>
    <message>
        <source>from the environment variable %1</source>
        <translation>来自环境变量 %1</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source>No system keychain is available; set the key in an environment variable instead.</source>
        <translation>没有可用的系统钥匙串；请改为在环境变量中设置密钥。</translation>
    </message>
</context>
<context>
    <name>memscope::ui::ArchiveStaleDialog</name>
    <message>
        <source>Older than</source>
        <translation>早于</translation>
    </message>
    <message>
        <source>Not retrieved by any agent run in the last 30 days</source>
        <translation>过去 30 天内未被任何智能体运行检索</translation>
    </message>
    <message>
        <source>Archive Stale Lessons</source>
        <translation>归档过时经验</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Any version</source>
        <translation>任意版本</translation>
    </message>
    <message>
        <source>Any task type</source>
        <translation>任意任务类型</translation>
    </message>
    <message>
        <source>Any tool</source>
        <translation>任意工具</translation>
    </message>
    <message>
        <source>Available once agent runs are recorded in this store.</source>
        <translation>在此存储库记录了智能体运行后可用。</translation>
    </message>
    <message>
        <source>Reason (optional, kept in the history)</source>
        <translation>原因（可选，保存在历史记录中）</translation>
    </message>
    <message>
        <source>Age:</source>
        <translation>时长：</translation>
    </message>
    <message>
        <source>Version before:</source>
        <translation>版本早于：</translation>
    </message>
    <message>
        <source>Outcome:</source>
        <translation>结果：</translation>
    </message>
    <message>
        <source>Task type:</source>
        <translation>任务类型：</translation>
    </message>
    <message>
        <source>Tool:</source>
        <translation>工具：</translation>
    </message>
    <message>
        <source>Rule as a filter:</source>
        <translation>规则对应的筛选器：</translation>
    </message>
    <message>
        <source>%1 active records match this rule.</source>
        <translation>%1 条活动记录符合此规则。</translation>
    </message>
    <message numerus="yes">
        <source>Archive %n Record(s)</source>
        <translation>
            <numerusform>归档 %n 条记录</numerusform>
        </translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>归档</translation>
    </message>
    <message numerus="yes">
        <source>Archive %n stale lesson(s)</source>
        <translation>
            <numerusform>归档 %n 条过时经验</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>memscope::ui::BreakdownModel</name>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>–  (%1)</source>
        <translation>–  (%1)</translation>
    </message>
    <message>
        <source>%1%  (%2)</source>
        <translation>%1%  (%2)</translation>
    </message>
    <message>
        <source>No records</source>
        <translation>无记录</translation>
    </message>
    <message>
        <source>%1 × %2
Success %3 · Partial %4 · Failure %5 · Unknown %6
Success rate %7 of %8 judged records
Double-click to open these records</source>
        <translation>%1 × %2
成功 %3 · 部分成功 %4 · 失败 %5 · 未知 %6
%8 条已判定记录的成功率为 %7
双击打开这些记录</translation>
    </message>
    <message>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
</context>
<context>
    <name>memscope::ui::CurationActions</name>
    <message>
        <source>Mark as %1</source>
        <translation>标记为%1</translation>
    </message>
    <message>
        <source>Mark as %1 with a Reason…</source>
        <translation>标记为%1并填写原因…</translation>
    </message>
    <message>
        <source>&amp;Archive</source>
        <translation>归档(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>恢复(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>删除(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Edit Record…</source>
        <translation>编辑记录(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Tags…</source>
        <translation>标签(&amp;T)…</translation>
    </message>
    <message>
        <source>Relabel</source>
        <translation>重新标注</translation>
    </message>
    <message numerus="yes">
        <source>Mark %n record(s) as %1?</source>
        <translation>
            <numerusform>将 %n 条记录标记为%1？</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n record(s)? They disappear from searches and agents&apos; prompts; the deletion can be undone or reverted from the history.</source>
        <translation>
            <numerusform>删除 %n 条记录？它们将从搜索和智能体的提示词中消失；删除可以撤销，也可以在历史记录中还原。</numerusform>
        </translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>归档</translation>
    </message>
    <message numerus="yes">
        <source>Archive %n record(s)?</source>
        <translation>
            <numerusform>归档 %n 条记录？</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>memscope::ui::CurationController</name>
    <message>
        <source>No database is open.</source>
        <translation>没有打开的数据库。</translation>
    </message>
    <message>
        <source>%1 is open read-only: changes are off.</source>
        <translation>%1 以只读方式打开：无法修改。</translation>
    </message>
    <message>
        <source>Nothing to change: %1</source>
        <translation>无需更改：%1</translation>
    </message>
    <message>
        <source>undo/redo</source>
        <translation>撤销/重做</translation>
    </message>
    <message numerus="yes">
        <source>Relabel %n record(s) as %1</source>
        <translation>
            <numerusform>将 %n 条记录重新标注为%1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Archive %n record(s)</source>
        <translation>
            <numerusform>归档 %n 条记录</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Restore %n record(s)</source>
        <translation>
            <numerusform>恢复 %n 条记录</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n record(s)</source>
        <translation>
            <numerusform>删除 %n 条记录</numerusform>
        </translation>
    </message>
    <message>
        <source>Edit record %1</source>
        <translation>编辑记录 %1</translation>
    </message>
    <message numerus="yes">
        <source>Tag %n record(s) with %1</source>
        <translation>
            <numerusform>为 %n 条记录添加标签 %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove tags %1 from %n record(s)</source>
        <translation>
            <numerusform>从 %n 条记录移除标签 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Revert change #%1</source>
        <translation>还原更改 #%1</translation>
    </message>
</context>
<context>
    <name>memscope::ui::DetailPane</name>
    <message>
        <source>Revert this change</source>
        <translation>还原此更改</translation>
    </message>
    <message>
        <source>Select a record to see its lesson, history and similar lessons.</source>
        <translation>选择一条记录以查看其经验、历史记录和相似经验。</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>键</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Put back the values this change replaced (itself a change, kept in the history)</source>
        <translation>恢复此更改所替换的值（这本身也是一次更改，会保存在历史记录中）</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <source>Similar lessons</source>
        <translation>相似经验</translation>
    </message>
    <message>
        <source>unlabelled</source>
        <translation>未标注</translation>
    </message>
    <message numerus="yes">
        <source>%n records selected</source>
        <translation>
            <numerusform>已选择 %n 条记录</numerusform>
        </translation>
    </message>
    <message>
        <source>
(outcomes of the first %1)</source>
        <translation>
（前 %1 条的结果）</translation>
    </message>
    <message>
        <source>This record is no longer in the store.</source>
        <translation>此记录已不在存储库中。</translation>
    </message>
    <message>
        <source>Unlabelled</source>
        <translation>未标注</translation>
    </message>
    <message>
        <source>ARCHIVED</source>
        <translation>已归档</translation>
    </message>
    <message>
        <source>DELETED</source>
        <translation>已删除</translation>
    </message>
    <message>
        <source>no user</source>
        <translation>无用户</translation>
    </message>
    <message>
        <source>user %1</source>
        <translation>用户 %1</translation>
    </message>
    <message>
        <source>stored %1</source>
        <translation>存储于 %1</translation>
    </message>
    <message>
        <source>updated %1</source>
        <translation>更新于 %1</translation>
    </message>
    <message>
        <source>Retrieved by</source>
        <translation>被检索于</translation>
    </message>
    <message>
        <source>Retrieved by (%1+)</source>
        <translation>被检索于（%1+）</translation>
    </message>
    <message>
        <source>Retrieved by (%1)</source>
        <translation>被检索于（%1）</translation>
    </message>
</context>
<context>
    <name>memscope::ui::EditRecordDialog</name>
    <message>
        <source>Metadata is not valid JSON: %1</source>
        <translation>元数据不是有效的 JSON：%1</translation>
    </message>
    <message>
        <source>Metadata must be a JSON object.</source>
        <translation>元数据必须是 JSON 对象。</translation>
    </message>
    <message>
        <source>outcome_type must be success, failure, partial or unknown.</source>
        <translation>outcome_type 必须是 success、failure、partial 或 unknown。</translation>
    </message>
    <message>
        <source>tags must be a list of strings.</source>
        <translation>tags 必须是字符串列表。</translation>
    </message>
    <message>
        <source>Edit Record</source>
        <translation>编辑记录</translation>
    </message>
    <message>
        <source>Reason (optional, kept in the history)</source>
        <translation>原因（可选，保存在历史记录中）</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Record:</source>
        <translation>记录：</translation>
    </message>
    <message>
        <source>Lesson:</source>
        <translation>经验：</translation>
    </message>
    <message>
        <source>Metadata:</source>
        <translation>元数据：</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <source>The lesson text cannot be empty.</source>
        <translation>经验文本不能为空。</translation>
    </message>
</context>
<context>
    <name>memscope::ui::ErrorBanner</name>
    <message>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Dismiss message</source>
        <translation>关闭消息</translation>
    </message>
</context>
<context>
    <name>memscope::ui::ExportDialog</name>
    <message>
        <source>All records (every state)</source>
        <translation>所有记录（任意状态）</translation>
    </message>
    <message>
        <source>Records matching the current filter</source>
        <translation>符合当前筛选器的记录</translation>
    </message>
    <message numerus="yes">
        <source>The %n selected record(s)</source>
        <translation>
            <numerusform>选中的 %n 条记录</numerusform>
        </translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Export Records</source>
        <translation>导出记录</translation>
    </message>
    <message>
        <source>JSON Lines (.jsonl) — imports back unchanged</source>
        <translation>JSON Lines (.jsonl) — 可原样重新导入</translation>
    </message>
    <message>
        <source>CSV (.csv) — for spreadsheets</source>
        <translation>CSV (.csv) — 用于电子表格</translation>
    </message>
    <message>
        <source>Records:</source>
        <translation>记录：</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl)</source>
        <translation>JSON Lines (*.jsonl)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>Exporting… %1 records</source>
        <translation>正在导出… %1 条记录</translation>
    </message>
    <message>
        <source>Export cancelled; no file was left behind.</source>
        <translation>导出已取消；未留下任何文件。</translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
    <message>
        <source>%1 records written to %2</source>
        <translation>已将 %1 条记录写入 %2</translation>
    </message>
</context>
<context>
    <name>memscope::ui::FacetModel</name>
    <message>
        <source>Collections</source>
        <translation>集合</translation>
    </message>
    <message>
        <source>Users and scopes</source>
        <translation>用户和范围</translation>
    </message>
    <message>
        <source>Task types</source>
        <translation>任务类型</translation>
    </message>
    <message>
        <source>Tools</source>
        <translation>工具</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Outcomes</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>%1 (%2 selected)</source>
        <translation>%1（已选 %2 项）</translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation>（未设置）</translation>
    </message>
    <message>
        <source>%1 = %2: %3 records</source>
        <translation>%1 = %2：%3 条记录</translation>
    </message>
</context>
<context>
    <name>memscope::ui::FacetSidebar</name>
    <message>
        <source>Clear facets</source>
        <translation>清除分面</translation>
    </message>
    <message>
        <source>Facets</source>
        <translation>分面</translation>
    </message>
</context>
<context>
    <name>memscope::ui::HistoryModel</name>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>更改</translation>
    </message>
    <message>
        <source>By</source>
        <translation>操作者</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>更改内容</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>created</source>
        <translation>已创建</translation>
    </message>
    <message>
        <source>removed for good (the record is kept here, so this can be reverted)</source>
        <translation>已永久移除（记录保留在此处，因此可以还原）</translation>
    </message>
</context>
<context>
    <name>memscope::ui::ImportDialog</name>
    <message>
        <source>All or nothing: import nothing if any record is refused</source>
        <translation>全部或全不：只要有一条记录被拒绝，就不导入任何记录</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Undo This Import</source>
        <translation>撤销此次导入</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Import Records</source>
        <translation>导入记录</translation>
    </message>
    <message>
        <source>File: %1 (%2)</source>
        <translation>文件：%1（%2）</translation>
    </message>
    <message>
        <source>JSONL (one record per line), a JSON array of records, or Mem0&apos;s {&quot;results&quot;: [...]}.</source>
        <translation>JSONL（每行一条记录）、记录的 JSON 数组，或 Mem0 的 {&quot;results&quot;: [...]}。</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Why it was refused</source>
        <translation>拒绝原因</translation>
    </message>
    <message>
        <source>%1 is open read-only.</source>
        <translation>%1 以只读方式打开。</translation>
    </message>
    <message>
        <source>import of %1</source>
        <translation>导入 %1</translation>
    </message>
    <message>
        <source>Stopping after the current record…</source>
        <translation>将在当前记录后停止…</translation>
    </message>
    <message>
        <source>Importing… %1 added, %2 duplicates skipped, %3 refused (%4 of %5 read)</source>
        <translation>正在导入… 已添加 %1 条，跳过 %2 条重复，拒绝 %3 条（已读取 %5 中的 %4）</translation>
    </message>
    <message>
        <source>
The import was undone.</source>
        <translation>
导入已撤销。</translation>
    </message>
    <message>
        <source>
The import could not be undone: %1</source>
        <translation>
无法撤销导入：%1</translation>
    </message>
    <message>
        <source>the store refused the change; see the main window</source>
        <translation>存储库拒绝了此更改；请查看主窗口</translation>
    </message>
    <message>
        <source>undo import</source>
        <translation>撤销导入</translation>
    </message>
    <message>
        <source>Nothing was imported: %1 records were refused and the import was all or nothing.</source>
        <translation>未导入任何记录：有 %1 条记录被拒绝，且导入设置为全部或全不。</translation>
    </message>
    <message>
        <source>%1 records added, %2 duplicates skipped, %3 refused.</source>
        <translation>已添加 %1 条记录，跳过 %2 条重复，拒绝 %3 条。</translation>
    </message>
    <message>
        <source> Cancelled: the records committed before the cancel were kept.</source>
        <translation> 已取消：取消前已提交的记录被保留。</translation>
    </message>
    <message>
        <source> (The first %1 refused lines are listed.)</source>
        <translation>（列出了前 %1 条被拒绝的行。）</translation>
    </message>
    <message numerus="yes">
        <source>Import %n record(s)</source>
        <translation>
            <numerusform>导入 %n 条记录</numerusform>
        </translation>
    </message>
    <message>
        <source>The import failed: %1</source>
        <translation>导入失败：%1</translation>
    </message>
</context>
<context>
    <name>memscope::ui::LearningCurvePanel</name>
    <message>
        <source>A batch of runs; those run with &apos;Learning curve&apos; have both lines</source>
        <translation>一批运行；勾选“学习曲线”运行的批次有两条曲线</translation>
    </message>
    <message>
        <source>No batches yet. Run a pack with &apos;Learning curve&apos; checked to compare the success rate by episode with memory and without it (Run Task…, or memscope-cli run --pack NAME --episodes N --curve).</source>
        <translation>还没有批次。勾选“学习曲线”运行一个任务包，即可按回合比较有记忆与无记忆的成功率（运行任务…，或 memscope-cli run --pack NAME --episodes N --curve）。</translation>
    </message>
    <message>
        <source>&amp;Batch:</source>
        <translation>批次(&amp;B)：</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %2 · %n episode(s)</source>
        <translation>
            <numerusform>%1 · %2 · %n 个回合</numerusform>
        </translation>
    </message>
    <message>
        <source> · memory only</source>
        <translation> · 仅有记忆</translation>
    </message>
    <message>
        <source> · without memory only</source>
        <translation> · 仅无记忆</translation>
    </message>
    <message>
        <source>The batches could not be listed: %1</source>
        <translation>无法列出批次：%1</translation>
    </message>
    <message>
        <source>The learning curve could not be computed: %1</source>
        <translation>无法计算学习曲线：%1</translation>
    </message>
    <message numerus="yes">
        <source>With memory %1 % · without %2 % · %3 points over %n episode(s)</source>
        <translation>
            <numerusform>有记忆 %1 % · 无记忆 %2 % · %n 个回合相差 %3 个百分点</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>With memory %1 % over %n episode(s); no runs without memory to compare with</source>
        <translation>
            <numerusform>%n 个回合有记忆成功率 %1 %；没有无记忆的运行可供比较</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Without memory %1 % over %n episode(s); no runs with memory to compare with</source>
        <translation>
            <numerusform>%n 个回合无记忆成功率 %1 %；没有有记忆的运行可供比较</numerusform>
        </translation>
    </message>
    <message>
        <source>No run of this batch has been judged yet.</source>
        <translation>该批次尚无已评估的运行。</translation>
    </message>
    <message numerus="yes">
        <source> · %n run(s) left out (failed, cancelled or still running)</source>
        <translation>
            <numerusform> · 略去 %n 次运行（失败、已取消或仍在运行）</numerusform>
        </translation>
    </message>
    <message>
        <source>Episode</source>
        <translation>回合</translation>
    </message>
    <message>
        <source>Success rate</source>
        <translation>成功率</translation>
    </message>
    <message numerus="yes">
        <source>Cumulative success rate by episode (dashed: the last %n episode(s))</source>
        <translation>
            <numerusform>按回合的累计成功率（虚线：最近 %n 个回合）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>last %n</source>
        <translation>
            <numerusform>最近 %n</numerusform>
        </translation>
    </message>
    <message>
        <source>With memory</source>
        <translation>有记忆</translation>
    </message>
    <message>
        <source>Without memory</source>
        <translation>无记忆</translation>
    </message>
    <message>
        <source>With memory, %1</source>
        <translation>有记忆，%1</translation>
    </message>
    <message>
        <source>Without memory, %1</source>
        <translation>无记忆，%1</translation>
    </message>
    <message>
        <source>%1 · episode %2: %3 %</source>
        <translation>%1 · 第 %2 回合：%3 %</translation>
    </message>
</context>
<context>
    <name>memscope::ui::LessonEffectivenessModel</name>
    <message>
        <source>%1% of %2</source>
        <translation>%2 次中 %1%</translation>
    </message>
    <message>
        <source>%1%2 pp</source>
        <translation>%1%2 个百分点</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>经验</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Task type</source>
        <translation>任务类型</translation>
    </message>
    <message>
        <source>Retrieved</source>
        <translation>检索次数</translation>
    </message>
    <message>
        <source>Runs that retrieved it</source>
        <translation>检索到它的运行</translation>
    </message>
    <message>
        <source>Runs that did not</source>
        <translation>未检索到它的运行</translation>
    </message>
    <message>
        <source>Lift</source>
        <translation>提升</translation>
    </message>
</context>
<context>
    <name>memscope::ui::LessonEffectivenessPanel</name>
    <message>
        <source>Lesson effectiveness could not be computed: %1</source>
        <translation>无法计算经验的有效性：%1</translation>
    </message>
    <message>
        <source>No lesson has been retrieved by a run yet. Agent runs (the Runs tab, or memscope-cli run) and outside agents searching with --run-id fill this in.</source>
        <translation>尚无运行检索过任何经验。智能体运行（“运行”标签页或 memscope-cli run）以及使用 --run-id 搜索的外部智能体会填充此表。</translation>
    </message>
    <message>
        <source>Success rate of the runs that retrieved each lesson against the runs of its task type that did not. Double-click a lesson to open it.</source>
        <translation>检索到各条经验的运行的成功率，与同一任务类型中未检索到它的运行相比。双击经验即可打开。</translation>
    </message>
    <message>
        <source>Lessons of task type %1: success rate of the runs that retrieved each against the runs that did not. Double-click a lesson to open it.</source>
        <translation>任务类型 %1 的经验：检索到各条经验的运行与未检索到的运行的成功率对比。双击经验即可打开。</translation>
    </message>
</context>
<context>
    <name>memscope::ui::LlmEndpointEditor</name>
    <message>
        <source>LLM endpoints (agent runs)</source>
        <translation>LLM 端点（智能体运行）</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>List Models</source>
        <translation>列出模型</translation>
    </message>
    <message>
        <source>Find Local Ollama</source>
        <translation>查找本地 Ollama</translation>
    </message>
    <message>
        <source>The endpoint agent runs use unless the Run Task dialog picks another</source>
        <translation>智能体运行使用的端点，除非“运行任务”对话框选择了其他端点</translation>
    </message>
    <message>
        <source>none yet: add one, or find a local Ollama</source>
        <translation>尚无：添加一个，或查找本地 Ollama</translation>
    </message>
    <message>
        <source>Ask the endpoint which models it serves</source>
        <translation>询问端点提供哪些模型</translation>
    </message>
    <message>
        <source>Look for Ollama on this computer (%1) and add it as an endpoint</source>
        <translation>在本机查找 Ollama（%1）并将其添加为端点</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>未更改</translation>
    </message>
    <message>
        <source>set it in the environment</source>
        <translation>请在环境变量中设置</translation>
    </message>
    <message>
        <source>Endpoint:</source>
        <translation>端点：</translation>
    </message>
    <message>
        <source>Base URL:</source>
        <translation>基础 URL：</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>模型：</translation>
    </message>
    <message>
        <source>API key:</source>
        <translation>API 密钥：</translation>
    </message>
    <message>
        <source>Add Endpoint</source>
        <translation>添加端点</translation>
    </message>
    <message>
        <source>Name of the new endpoint:</source>
        <translation>新端点的名称：</translation>
    </message>
    <message>
        <source>An endpoint needs a name of its own.</source>
        <translation>端点需要一个独有的名称。</translation>
    </message>
    <message>
        <source>Add an endpoint to set its key.</source>
        <translation>添加端点后才能设置其密钥。</translation>
    </message>
    <message>
        <source>Looking…</source>
        <translation>正在查找…</translation>
    </message>
    <message>
        <source>Asking %1 for its models…</source>
        <translation>正在向 %1 询问其模型…</translation>
    </message>
    <message>
        <source>No model list from %1: %2</source>
        <translation>未能从 %1 获取模型列表：%2</translation>
    </message>
    <message numerus="yes">
        <source>%n model(s) at %1.</source>
        <translation>
            <numerusform>%1 上有 %n 个模型。</numerusform>
        </translation>
    </message>
    <message>
        <source>Looking for Ollama at %1…</source>
        <translation>正在 %1 查找 Ollama…</translation>
    </message>
    <message>
        <source>No Ollama answered at %1. Start it with &quot;ollama serve&quot; (and &quot;ollama pull llama3.1&quot; for a model), or set OLLAMA_HOST.</source>
        <translation>%1 上没有 Ollama 响应。请用“ollama serve”启动它（并用“ollama pull llama3.1”获取模型），或设置 OLLAMA_HOST。</translation>
    </message>
    <message>
        <source>Ollama is running at %1 but has no models: run &quot;ollama pull llama3.1&quot;.</source>
        <translation>Ollama 正在 %1 运行，但没有模型：请运行“ollama pull llama3.1”。</translation>
    </message>
    <message numerus="yes">
        <source>Ollama is running at %1 with %n model(s).</source>
        <translation>
            <numerusform>Ollama 正在 %1 运行，有 %n 个模型。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>memscope::ui::MainWindow</name>
    <message>
        <source>Memscope</source>
        <translation>Memscope</translation>
    </message>
    <message>
        <source>&amp;Records</source>
        <translation>记录(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Trends</source>
        <translation>趋势(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open Database…</source>
        <translation>打开数据库(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;New Database…</source>
        <translation>新建数据库(&amp;N)…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>Load &amp;Demo History</source>
        <translation>加载演示历史(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Archive Stale Lessons…</source>
        <translation>归档过时经验(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;About Memscope</source>
        <translation>关于 Memscope(&amp;A)</translation>
    </message>
    <message>
        <source>Import Records</source>
        <translation>导入记录</translation>
    </message>
    <message>
        <source>Records (*.jsonl *.json *.ndjson);;All files (*)</source>
        <translation>记录 (*.jsonl *.json *.ndjson);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Exported %1 records to %2</source>
        <translation>已将 %1 条记录导出到 %2</translation>
    </message>
    <message>
        <source>The API key was not stored: %1</source>
        <translation>API key 未保存：%1</translation>
    </message>
    <message>
        <source>%1 (missing)</source>
        <translation>%1（缺失）</translation>
    </message>
    <message>
        <source>No recent databases</source>
        <translation>没有最近打开的数据库</translation>
    </message>
    <message>
        <source>Clear Menu</source>
        <translation>清除菜单</translation>
    </message>
    <message>
        <source>The configured embedder cannot be used (%1); the built-in one is used instead.</source>
        <translation>无法使用已配置的嵌入器（%1）；改用内置嵌入器。</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Preparing search by meaning…</source>
        <translation>正在准备语义搜索…</translation>
    </message>
    <message>
        <source>Embedding records for search by meaning: %1 of %2</source>
        <translation>正在为语义搜索嵌入记录：%1 / %2</translation>
    </message>
    <message>
        <source>Embedding stopped; search by meaning covers the records embedded so far.</source>
        <translation>嵌入已停止；语义搜索仅覆盖目前已嵌入的记录。</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) embedded for search by meaning.</source>
        <translation>
            <numerusform>已为语义搜索嵌入 %n 条记录。</numerusform>
        </translation>
    </message>
    <message>
        <source>Records could not be embedded: %1</source>
        <translation>无法嵌入记录：%1</translation>
    </message>
    <message>
        <source>Opened read-only: browsing works, changes are off.</source>
        <translation>已以只读方式打开：可以浏览，无法修改。</translation>
    </message>
    <message>
        <source>Open Memory Store</source>
        <translation>打开记忆存储库</translation>
    </message>
    <message>
        <source>Memscope databases (*.db *.sqlite);;All files (*)</source>
        <translation>Memscope 数据库 (*.db *.sqlite);;所有文件 (*)</translation>
    </message>
    <message>
        <source>New Memory Store</source>
        <translation>新建记忆存储库</translation>
    </message>
    <message>
        <source>Memscope databases (*.db)</source>
        <translation>Memscope 数据库 (*.db)</translation>
    </message>
    <message>
        <source>Writing the demo history…</source>
        <translation>正在写入演示历史…</translation>
    </message>
    <message>
        <source>demo history</source>
        <translation>演示历史</translation>
    </message>
    <message numerus="yes">
        <source>Demo history loaded: %n record(s).</source>
        <translation>
            <numerusform>演示历史已加载：%n 条记录。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — Memscope</source>
        <translation>%1 — Memscope</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>The demo history could not be written</source>
        <translation>无法写入演示历史</translation>
    </message>
    <message>
        <source>R&amp;uns</source>
        <translation>运行(&amp;U)</translation>
    </message>
    <message>
        <source>Showing record %1</source>
        <translation>正在显示记录 %1</translation>
    </message>
</context>
<context>
    <name>memscope::ui::NeighbourModel</name>
    <message>
        <source>Similarity</source>
        <translation>相似度</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Task type</source>
        <translation>任务类型</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>经验</translation>
    </message>
    <message>
        <source>possible duplicate</source>
        <translation>可能重复</translation>
    </message>
    <message>
        <source>conflicting outcome</source>
        <translation>结果冲突</translation>
    </message>
</context>
<context>
    <name>memscope::ui::QueryBar</name>
    <message>
        <source>Apply filter</source>
        <translation>应用筛选器</translation>
    </message>
    <message>
        <source>Search lessons by words and meaning…  (Enter)</source>
        <translation>按关键词和语义搜索经验…  (Enter)</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>全部时间</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>过去 24 小时</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>过去 7 天</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>过去 30 天</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>过去 90 天</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>今年</translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation>自定义…</translation>
    </message>
    <message>
        <source>Time range (by the time a record was stored)</source>
        <translation>时间范围（按记录的存储时间）</translation>
    </message>
    <message>
        <source>Filter JSON</source>
        <translation>筛选器 JSON</translation>
    </message>
    <message>
        <source>Write a Mem0 filter: AND/OR/NOT, eq ne in nin gt gte lt lte contains icontains</source>
        <translation>编写 Mem0 筛选器：AND/OR/NOT、eq ne in nin gt gte lt lte contains icontains</translation>
    </message>
    <message>
        <source>Saved views</source>
        <translation>已保存的视图</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>视图</translation>
    </message>
    <message>
        <source>Save current view…</source>
        <translation>保存当前视图…</translation>
    </message>
    <message>
        <source>Delete selected view</source>
        <translation>删除所选视图</translation>
    </message>
    <message>
        <source>Apply the filter (Ctrl+Enter)</source>
        <translation>应用筛选器 (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Clear all</source>
        <translation>全部清除</translation>
    </message>
    <message>
        <source>The filter must be a JSON object, such as {&quot;task_type&quot;: &quot;sql_query_debug&quot;}.</source>
        <translation>筛选器必须是 JSON 对象，例如 {&quot;task_type&quot;: &quot;sql_query_debug&quot;}。</translation>
    </message>
    <message>
        <source>Not valid JSON at line %1, column %2.</source>
        <translation>第 %1 行第 %2 列不是有效的 JSON。</translation>
    </message>
    <message>
        <source>No filter.</source>
        <translation>无筛选器。</translation>
    </message>
    <message>
        <source>Valid filter.</source>
        <translation>筛选器有效。</translation>
    </message>
    <message>
        <source>Time Range</source>
        <translation>时间范围</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>从：</translation>
    </message>
    <message>
        <source>Until:</source>
        <translation>至：</translation>
    </message>
    <message>
        <source>Save View</source>
        <translation>保存视图</translation>
    </message>
    <message>
        <source>Name of this view:</source>
        <translation>此视图的名称：</translation>
    </message>
    <message>
        <source>search &quot;%1&quot;</source>
        <translation>搜索“%1”</translation>
    </message>
    <message>
        <source>filter %1</source>
        <translation>筛选器 %1</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>从 %1</translation>
    </message>
    <message>
        <source>until %1</source>
        <translation>至 %1</translation>
    </message>
    <message>
        <source>Showing active records; no filters.</source>
        <translation>显示活动记录；无筛选器。</translation>
    </message>
    <message>
        <source>Filters: %1</source>
        <translation>筛选器：%1</translation>
    </message>
</context>
<context>
    <name>memscope::ui::ReasonDialog</name>
    <message>
        <source>Reason (optional, kept in the history)</source>
        <translation>原因（可选，保存在历史记录中）</translation>
    </message>
</context>
<context>
    <name>memscope::ui::RecordRunsModel</name>
    <message>
        <source>Retrieved</source>
        <translation>检索时间</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Run outcome</source>
        <translation>运行结果</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Retrieved by an outside agent&apos;s search (source &quot;%1&quot;, run id %2); Memscope has no trace of that run.</source>
        <translation>由外部智能体的搜索检索（来源“%1”，运行 ID %2）；Memscope 没有该运行的记录。</translation>
    </message>
    <message>
        <source>Double-click to inspect run %1</source>
        <translation>双击以检查运行 %1</translation>
    </message>
    <message>
        <source>outside agent search</source>
        <translation>外部智能体搜索</translation>
    </message>
</context>
<context>
    <name>memscope::ui::RecordTableModel</name>
    <message>
        <source>(no longer in the store)</source>
        <translation>（已不在存储库中）</translation>
    </message>
</context>
<context>
    <name>memscope::ui::RecordTableView</name>
    <message>
        <source>Reset columns</source>
        <translation>重置列</translation>
    </message>
</context>
<context>
    <name>memscope::ui::RecordsView</name>
    <message>
        <source>Searching…</source>
        <translation>正在搜索…</translation>
    </message>
    <message numerus="yes">
        <source>%n best match(es)</source>
        <translation>
            <numerusform>%n 个最佳匹配</numerusform>
        </translation>
    </message>
    <message>
        <source>Listing… %1 records so far</source>
        <translation>正在列出… 目前 %1 条记录</translation>
    </message>
    <message>
        <source>%1 records</source>
        <translation>%1 条记录</translation>
    </message>
</context>
<context>
    <name>memscope::ui::RetrievedMemoryModel</name>
    <message>
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Semantic</source>
        <translation>语义</translation>
    </message>
    <message>
        <source>Keyword</source>
        <translation>关键词</translation>
    </message>
    <message>
        <source>Recency</source>
        <translation>时效</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>令牌</translation>
    </message>
    <message>
        <source>In prompt</source>
        <translation>进入提示</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>经验</translation>
    </message>
    <message>
        <source>Double-click to open record %1</source>
        <translation>双击打开记录 %1</translation>
    </message>
    <message>
        <source>used</source>
        <translation>已使用</translation>
    </message>
    <message>
        <source>cut</source>
        <translation>已截掉</translation>
    </message>
</context>
<context>
    <name>memscope::ui::RunCompareDialog</name>
    <message>
        <source>Compare Runs — %1</source>
        <translation>比较运行 — %1</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation>%1 与 %2</translation>
    </message>
    <message>
        <source>A: %1 · B: %2 · changes are B − A; green is better for B, red worse.</source>
        <translation>A：%1 · B：%2 · 变化为 B − A；绿色表示 B 更好，红色表示更差。</translation>
    </message>
    <message>
        <source>These runs are of different tasks (A: %1, B: %2): their differences are not only memory&apos;s or the version&apos;s.</source>
        <translation>这些运行属于不同任务（A：%1，B：%2）：它们的差异不只来自记忆或版本。</translation>
    </message>
    <message>
        <source>Run A</source>
        <translation>运行 A</translation>
    </message>
    <message>
        <source>Run B</source>
        <translation>运行 B</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>on</source>
        <translation>开</translation>
    </message>
    <message>
        <source>off (ablation)</source>
        <translation>关（消融）</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>已变化</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>记忆</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>better</source>
        <translation>更好</translation>
    </message>
    <message>
        <source>worse</source>
        <translation>更差</translation>
    </message>
    <message>
        <source>same</source>
        <translation>相同</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>延迟</translation>
    </message>
    <message>
        <source>Prompt tokens</source>
        <translation>提示词元</translation>
    </message>
    <message>
        <source>Completion tokens</source>
        <translation>补全词元</translation>
    </message>
    <message>
        <source>  “%1” section</source>
        <translation>  “%1”部分</translation>
    </message>
    <message>
        <source>Steps (tool calls)</source>
        <translation>步骤（工具调用）</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Retrieved (in prompt)</source>
        <translation>已检索（在提示中）</translation>
    </message>
    <message>
        <source>Neither run retrieved any memory.</source>
        <translation>两次运行都没有检索到记忆。</translation>
    </message>
    <message>
        <source>Only run A retrieved %1, only run B %2, both %3 (%4 of them at another rank).</source>
        <translation>仅运行 A 检索到 %1 条，仅运行 B %2 条，两者都有 %3 条（其中 %4 条排名不同）。</translation>
    </message>
    <message>
        <source>Double-click a memory to open its record.</source>
        <translation>双击记忆以打开其记录。</translation>
    </message>
    <message>
        <source>Retrieved context</source>
        <translation>检索到的上下文</translation>
    </message>
    <message>
        <source>No answer.</source>
        <translation>没有回答。</translation>
    </message>
    <message>
        <source>Answer of run A</source>
        <translation>运行 A 的回答</translation>
    </message>
    <message>
        <source>Answer of run B</source>
        <translation>运行 B 的回答</translation>
    </message>
</context>
<context>
    <name>memscope::ui::RunComparisonModel</name>
    <message>
        <source>Whether run A, run B or both retrieved the memory</source>
        <translation>检索到该记忆的是运行 A、运行 B 还是两者</translation>
    </message>
    <message>
        <source>The memory&apos;s label in the run&apos;s prompt ([L1] first); cut: did not fit the budget</source>
        <translation>该记忆在运行提示中的标签（[L1] 在前）；截去：超出预算</translation>
    </message>
    <message>
        <source>The retrieval score in that run (relevance and recency)</source>
        <translation>该运行中的检索得分（相关性与时效性）</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>Rank A</source>
        <translation>排名 A</translation>
    </message>
    <message>
        <source>Rank B</source>
        <translation>排名 B</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Score A</source>
        <translation>得分 A</translation>
    </message>
    <message>
        <source>Score B</source>
        <translation>得分 B</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>经验</translation>
    </message>
    <message>
        <source>L%1 (cut)</source>
        <translation>L%1（截去）</translation>
    </message>
    <message>
        <source>− only A</source>
        <translation>− 仅 A</translation>
    </message>
    <message>
        <source>+ only B</source>
        <translation>+ 仅 B</translation>
    </message>
    <message>
        <source>↑ up %1</source>
        <translation>↑ 上升 %1</translation>
    </message>
    <message>
        <source>↓ down %1</source>
        <translation>↓ 下降 %1</translation>
    </message>
    <message>
        <source>= both</source>
        <translation>= 两者</translation>
    </message>
    <message>
        <source>Run %1 did not retrieve it.</source>
        <translation>运行 %1 没有检索到它。</translation>
    </message>
    <message>
        <source>Run %1 retrieved it as [L%2], in the prompt.</source>
        <translation>运行 %1 以 [L%2] 检索到它，已放入提示。</translation>
    </message>
    <message>
        <source>Run %1 retrieved it as [L%2], but it did not fit the token budget.</source>
        <translation>运行 %1 以 [L%2] 检索到它，但超出了词元预算。</translation>
    </message>
    <message>
        <source>Only run A retrieved this memory.</source>
        <translation>只有运行 A 检索到该记忆。</translation>
    </message>
    <message>
        <source>Only run B retrieved this memory.</source>
        <translation>只有运行 B 检索到该记忆。</translation>
    </message>
    <message>
        <source>Both runs retrieved it, at different ranks.</source>
        <translation>两次运行都检索到它，排名不同。</translation>
    </message>
    <message>
        <source>Both runs retrieved it, at the same rank.</source>
        <translation>两次运行都检索到它，排名相同。</translation>
    </message>
    <message>
        <source>Double-click to open record %1</source>
        <translation>双击以打开记录 %1</translation>
    </message>
</context>
<context>
    <name>memscope::ui::RunInspector</name>
    <message>
        <source>Retrieved Context</source>
        <translation>检索到的上下文</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Output &amp;&amp; Evaluation</source>
        <translation>输出和评估</translation>
    </message>
    <message>
        <source>Select a run to see what it retrieved, its prompt, its steps and its result.</source>
        <translation>选择一个运行，查看它检索到的内容、提示、步骤和结果。</translation>
    </message>
    <message>
        <source>Double-click a memory to open its record.</source>
        <translation>双击一条记忆以打开其记录。</translation>
    </message>
    <message>
        <source>Select a step to see its arguments and output.</source>
        <translation>选择一个步骤以查看其参数和输出。</translation>
    </message>
    <message>
        <source>No answer yet.</source>
        <translation>尚无回答。</translation>
    </message>
    <message>
        <source>Open the lesson&apos;s record</source>
        <translation>打开该经验的记录</translation>
    </message>
    <message>
        <source>Evaluation:</source>
        <translation>评估：</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>理由：</translation>
    </message>
    <message>
        <source>Lesson:</source>
        <translation>经验：</translation>
    </message>
    <message>
        <source>episode %1</source>
        <translation>第 %1 轮</translation>
    </message>
    <message>
        <source>version %1</source>
        <translation>版本 %1</translation>
    </message>
    <message>
        <source>%1 + %2 tokens</source>
        <translation>%1 + %2 个令牌</translation>
    </message>
    <message>
        <source>memory on</source>
        <translation>记忆开启</translation>
    </message>
    <message>
        <source>memory off (ablation)</source>
        <translation>记忆关闭（消融）</translation>
    </message>
    <message>
        <source>user %1</source>
        <translation>用户 %1</translation>
    </message>
    <message>
        <source>The run failed: %1</source>
        <translation>运行失败：%1</translation>
    </message>
    <message>
        <source>The run was cancelled: %1</source>
        <translation>运行已取消：%1</translation>
    </message>
    <message>
        <source>Memory was off for this run (the ablation): nothing was retrieved.</source>
        <translation>此运行关闭了记忆（消融）：未检索任何内容。</translation>
    </message>
    <message>
        <source>%1 retrieved, %2 in the prompt (%3 of %4 tokens). Filter: %5</source>
        <translation>检索到 %1 条，%2 条进入提示（%3 / %4 个令牌）。筛选器：%5</translation>
    </message>
    <message>
        <source>Retrieved Context (%1)</source>
        <translation>检索到的上下文（%1）</translation>
    </message>
    <message>
        <source>%1: %2 tokens</source>
        <translation>%1：%2 个令牌</translation>
    </message>
    <message>
        <source>The prompt is not built yet.</source>
        <translation>提示尚未构建。</translation>
    </message>
    <message>
        <source>Sections — %1 (%2 tokens in all)</source>
        <translation>各部分 — %1（共 %2 个令牌）</translation>
    </message>
    <message>
        <source>%1, score %2</source>
        <translation>%1，得分 %2</translation>
    </message>
    <message>
        <source>Not evaluated yet.</source>
        <translation>尚未评估。</translation>
    </message>
    <message>
        <source>Not evaluated.</source>
        <translation>未评估。</translation>
    </message>
    <message>
        <source>written by the model</source>
        <translation>由模型撰写</translation>
    </message>
    <message>
        <source>written by the evaluator</source>
        <translation>由评估器撰写</translation>
    </message>
    <message>
        <source>queued for writeback</source>
        <translation>已排队等待写回</translation>
    </message>
    <message>
        <source>stored as a record</source>
        <translation>已存储为记录</translation>
    </message>
    <message>
        <source>not stored</source>
        <translation>未存储</translation>
    </message>
    <message>
        <source>Open Record %1</source>
        <translation>打开记录 %1</translation>
    </message>
</context>
<context>
    <name>memscope::ui::RunListModel</name>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Task type</source>
        <translation>任务类型</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>记忆</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>延迟</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>令牌</translation>
    </message>
    <message>
        <source>Retrieved</source>
        <translation>检索数</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 (#%2)</source>
        <translation>%1（第 %2 轮）</translation>
    </message>
    <message>
        <source>on</source>
        <translation>开</translation>
    </message>
    <message>
        <source>off</source>
        <translation>关</translation>
    </message>
    <message>
        <source>Pack %1, run %2</source>
        <translation>任务包 %1，运行 %2</translation>
    </message>
    <message>
        <source>%1 prompt + %2 completion tokens</source>
        <translation>%1 个提示令牌 + %2 个补全令牌</translation>
    </message>
</context>
<context>
    <name>memscope::ui::RunStepModel</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>令牌</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Model call</source>
        <translation>模型调用</translation>
    </message>
    <message>
        <source>Tool call</source>
        <translation>工具调用</translation>
    </message>
    <message>
        <source>Evaluation</source>
        <translation>评估</translation>
    </message>
    <message>
        <source>Judge</source>
        <translation>评审</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>经验</translation>
    </message>
    <message>
        <source>Limit reached</source>
        <translation>已达上限</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>错误：%1</translation>
    </message>
    <message>
        <source>Arguments:</source>
        <translation>参数：</translation>
    </message>
    <message>
        <source>Output:</source>
        <translation>输出：</translation>
    </message>
    <message>
        <source>(the output was cut to the pack&apos;s limit)</source>
        <translation>（输出已按任务包的上限截断）</translation>
    </message>
    <message>
        <source>Request:</source>
        <translation>请求：</translation>
    </message>
    <message>
        <source>Answer:</source>
        <translation>回答：</translation>
    </message>
    <message>
        <source>Details:</source>
        <translation>详情：</translation>
    </message>
    <message>
        <source>Result:</source>
        <translation>结果：</translation>
    </message>
    <message>
        <source>Log: %1</source>
        <translation>日志：%1</translation>
    </message>
    <message>
        <source>%1 + %2</source>
        <translation>%1 + %2</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>error</source>
        <translation>错误</translation>
    </message>
</context>
<context>
    <name>memscope::ui::RunTaskDialog</name>
    <message>
        <source>Use memory: prefetch the lessons of earlier runs into the prompt</source>
        <translation>使用记忆：将先前运行的经验预取到提示中</translation>
    </message>
    <message>
        <source>Run Task</source>
        <translation>运行任务</translation>
    </message>
    <message>
        <source>Whose lessons join the global ones in the prompt, and who owns the new lesson</source>
        <translation>哪个用户的经验与全局经验一起进入提示，以及新经验归谁所有</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>&amp;Pack:</source>
        <translation>任务包(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Task:</source>
        <translation>任务(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>用户(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Episodes:</source>
        <translation>轮数(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Version tag:</source>
        <translation>版本标记(&amp;V)：</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>运行(&amp;R)</translation>
    </message>
    <message>
        <source>No task packs found. Folders searched: %1</source>
        <translation>未找到任务包。已搜索的文件夹：%1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>the pack&apos;s version (%1)</source>
        <translation>任务包的版本（%1）</translation>
    </message>
    <message>
        <source>This pack cannot be used: %1</source>
        <translation>无法使用此任务包：%1</translation>
    </message>
    <message numerus="yes">
        <source>All tasks, in turn (%n)</source>
        <translation>
            <numerusform>依次运行全部任务（%n 个）</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Learning curve: run each episode with and without memory</source>
        <translation>学习曲线(&amp;L)：每个回合分别在有记忆和无记忆下运行</translation>
    </message>
    <message>
        <source>E&amp;ndpoint:</source>
        <translation>端点(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Queue the lessons (written in the background after each run)</source>
        <translation>将经验加入队列(&amp;Q)（每次运行后在后台写入）</translation>
    </message>
    <message>
        <source>For each episode, run the task with memory and then the same task without memory (a control that writes no lesson), and chart both success rates by episode: the continual-learning curve</source>
        <translation>每个回合先在有记忆下运行任务，再在无记忆下运行同一任务（不写经验的对照组），并按回合绘制两者的成功率：持续学习曲线</translation>
    </message>
    <message>
        <source>The LLM endpoint (provider profile) the runs use</source>
        <translation>运行使用的 LLM 端点（提供方配置）</translation>
    </message>
    <message>
        <source>&amp;Advanced</source>
        <translation>高级(&amp;A)</translation>
    </message>
    <message>
        <source>The prefetch&apos;s budget and filters, and where the lessons go</source>
        <translation>预取的预算与过滤条件，以及经验的去向</translation>
    </message>
    <message>
        <source> tokens</source>
        <translation> 词元</translation>
    </message>
    <message>
        <source>The most tokens the lessons may take in the prompt; lessons that do not fit are cut</source>
        <translation>经验在提示中最多可占的词元数；放不下的经验会被截去</translation>
    </message>
    <message>
        <source>How many successes and how many failures the prefetch retrieves, before the budget</source>
        <translation>预取在应用预算前分别检索多少条成功和失败经验</translation>
    </message>
    <message>
        <source>any tool</source>
        <translation>任意工具</translation>
    </message>
    <message>
        <source>Retrieve only lessons whose tool_name is this</source>
        <translation>只检索 tool_name 为此值的经验</translation>
    </message>
    <message>
        <source>any version</source>
        <translation>任意版本</translation>
    </message>
    <message>
        <source>Retrieve only lessons whose version is this</source>
        <translation>只检索 version 为此值的经验</translation>
    </message>
    <message>
        <source>any age</source>
        <translation>任意时间</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Retrieve only lessons written in the last N days (0: any age)</source>
        <translation>只检索最近 N 天写入的经验（0：不限）</translation>
    </message>
    <message>
        <source>Hand each lesson to the persistent writeback queue instead of writing it inline; the queue is drained after each run, so the next episode can retrieve the lesson</source>
        <translation>将每条经验交给持久化写回队列，而不是直接写入；每次运行后清空队列，下一回合即可检索到该经验</translation>
    </message>
    <message>
        <source>Lesson &amp;budget:</source>
        <translation>经验预算(&amp;B)：</translation>
    </message>
    <message>
        <source>Lessons per &amp;outcome:</source>
        <translation>每种结果的经验数(&amp;O)：</translation>
    </message>
    <message>
        <source>Only &amp;tool:</source>
        <translation>仅限工具(&amp;T)：</translation>
    </message>
    <message>
        <source>Only v&amp;ersion:</source>
        <translation>仅限版本(&amp;E)：</translation>
    </message>
    <message>
        <source>Written &amp;within:</source>
        <translation>写入时间范围(&amp;W)：</translation>
    </message>
    <message>
        <source>&amp;Run Both</source>
        <translation>两者都运行(&amp;R)</translation>
    </message>
</context>
<context>
    <name>memscope::ui::RunsView</name>
    <message>
        <source>All task types</source>
        <translation>所有任务类型</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>任意状态</translation>
    </message>
    <message>
        <source>Any outcome</source>
        <translation>任意结果</translation>
    </message>
    <message>
        <source>Run Tas&amp;k…</source>
        <translation>运行任务(&amp;K)…</translation>
    </message>
    <message>
        <source>Re-ru&amp;n</source>
        <translation>重新运行(&amp;N)</translation>
    </message>
    <message>
        <source>Re-run with&amp;out Memory</source>
        <translation>无记忆重新运行(&amp;O)</translation>
    </message>
    <message>
        <source>Cance&amp;l Run</source>
        <translation>取消运行(&amp;L)</translation>
    </message>
    <message>
        <source>Run id, task, pack, model or error</source>
        <translation>运行 ID、任务、任务包、模型或错误</translation>
    </message>
    <message>
        <source>Run the selected run&apos;s task again, with memory</source>
        <translation>使用记忆再次运行所选运行的任务</translation>
    </message>
    <message>
        <source>Run the selected run&apos;s task again without memory, to see what the lessons change</source>
        <translation>不使用记忆再次运行所选运行的任务，以查看经验带来的变化</translation>
    </message>
    <message>
        <source>The runs could not be listed: %1</source>
        <translation>无法列出运行：%1</translation>
    </message>
    <message>
        <source>No store is open.</source>
        <translation>没有打开的存储库。</translation>
    </message>
    <message>
        <source>Running %1 of %2…</source>
        <translation>正在运行第 %1 个，共 %2 个…</translation>
    </message>
    <message>
        <source>Cancelled after %1 of %2 run(s).</source>
        <translation>在 %2 个运行中的第 %1 个之后已取消。</translation>
    </message>
    <message>
        <source>The runs could not start: %1</source>
        <translation>无法启动运行：%1</translation>
    </message>
    <message>
        <source>No LLM endpoint is configured, so agent runs cannot start: set its base URL and model in Edit → Preferences (or OPENAI_BASE_URL and MEMSCOPE_MODEL in the environment). Recorded runs can be inspected as usual.</source>
        <translation>未配置 LLM 端点，因此无法启动智能体运行：请在 编辑 → 首选项 中设置其基础 URL 和模型（或在环境中设置 OPENAI_BASE_URL 和 MEMSCOPE_MODEL）。已记录的运行仍可照常查看。</translation>
    </message>
    <message>
        <source>No model is set for the LLM endpoint %1: set one in Edit → Preferences (or MEMSCOPE_MODEL in the environment).</source>
        <translation>LLM 端点 %1 未设置模型：请在 编辑 → 首选项 中设置（或在环境中设置 MEMSCOPE_MODEL）。</translation>
    </message>
    <message>
        <source>Preferences…</source>
        <translation>首选项…</translation>
    </message>
    <message>
        <source>No runs match.</source>
        <translation>没有匹配的运行。</translation>
    </message>
    <message>
        <source>No agent runs are recorded yet: Run Task… starts one.</source>
        <translation>尚未记录任何智能体运行：“运行任务…”可启动一个。</translation>
    </message>
    <message>
        <source>Select a run.</source>
        <translation>请选择一个运行。</translation>
    </message>
    <message>
        <source>The run could not be read: %1</source>
        <translation>无法读取运行：%1</translation>
    </message>
    <message>
        <source>Runs write to the store: open it writable to run tasks.</source>
        <translation>运行会写入存储库：请以可写方式打开它以运行任务。</translation>
    </message>
    <message>
        <source>A run is already in progress: wait or cancel it first.</source>
        <translation>已有一个运行正在进行：请等待或先取消它。</translation>
    </message>
    <message>
        <source>Listing runs…</source>
        <translation>正在列出运行…</translation>
    </message>
    <message numerus="yes">
        <source>%n run(s)</source>
        <translation>
            <numerusform>%n 个运行</numerusform>
        </translation>
    </message>
    <message>
        <source>The newest %1 runs</source>
        <translation>最新的 %1 个运行</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <source>Com&amp;pare…</source>
        <translation>比较(&amp;P)…</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Learning curve</source>
        <translation>学习曲线</translation>
    </message>
    <message numerus="yes">
        <source>No LLM endpoint is configured, but Ollama is running on this computer at %1 with %n model(s). Use it with %2, or choose another in Edit → Preferences.</source>
        <translation>
            <numerusform>尚未配置 LLM 端点，但本机 %1 上正在运行 Ollama，有 %n 个模型。可使用 %2，或在 编辑 → 首选项 中选择其他端点。</numerusform>
        </translation>
    </message>
    <message>
        <source>Use Ollama</source>
        <translation>使用 Ollama</translation>
    </message>
    <message>
        <source>Agent runs now use %1 (%2) at %3.</source>
        <translation>智能体运行现在使用 %3 上的 %1（%2）。</translation>
    </message>
    <message>
        <source>Run %1 is not in this store.</source>
        <translation>此存储中没有运行 %1。</translation>
    </message>
    <message>
        <source>Ablation run finished: %1 without memory.</source>
        <translation>消融运行已完成：%1（无记忆）。</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <source>The runs could not be compared: %1</source>
        <translation>无法比较这些运行：%1</translation>
    </message>
    <message>
        <source>The endpoint &quot;%1&quot; has no base URL or model: set them in Edit → Preferences.</source>
        <translation>端点“%1”没有基础 URL 或模型：请在 编辑 → 首选项 中设置。</translation>
    </message>
    <message>
        <source>Compare the selected run with the newest other run of its task (%1)</source>
        <translation>将所选运行与其任务的最新另一次运行比较（%1）</translation>
    </message>
    <message>
        <source>Compare two runs side by side: select two runs, or one whose task has other runs</source>
        <translation>并排比较两次运行：选择两次运行，或选择一次其任务还有其他运行的运行</translation>
    </message>
</context>
<context>
    <name>memscope::ui::SettingsDialog</name>
    <message>
        <source>Save and Re-embed Now</source>
        <translation>保存并立即重新嵌入</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <source>Your changes are recorded in the history as human:&lt;name&gt;.</source>
        <translation>您的更改会以 human:&lt;name&gt; 的身份记录在历史记录中。</translation>
    </message>
    <message>
        <source>the default store in your data folder</source>
        <translation>数据文件夹中的默认存储库</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Default Database</source>
        <translation>默认数据库</translation>
    </message>
    <message>
        <source>Memscope databases (*.db)</source>
        <translation>Memscope 数据库 (*.db)</translation>
    </message>
    <message>
        <source>Built-in, offline (no key, no network)</source>
        <translation>内置，离线（无需密钥，无需网络）</translation>
    </message>
    <message>
        <source>OpenAI-compatible endpoint</source>
        <translation>OpenAI 兼容端点</translation>
    </message>
    <message>
        <source>Search by meaning needs every record embedded again with the new embedder. This happens in the background when the database is opened next, or now:</source>
        <translation>语义搜索需要用新的嵌入器重新嵌入每条记录。这会在下次打开数据库时在后台进行，也可以现在进行：</translation>
    </message>
    <message>
        <source>Changing the embedder means embedding every record again.</source>
        <translation>更换嵌入器意味着需要重新嵌入每条记录。</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <source>Your name:</source>
        <translation>您的姓名：</translation>
    </message>
    <message>
        <source>Default database:</source>
        <translation>默认数据库：</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <source>Embeddings (search by meaning)</source>
        <translation>嵌入（语义搜索）</translation>
    </message>
    <message>
        <source>Embedder:</source>
        <translation>嵌入器：</translation>
    </message>
    <message>
        <source>Base URL:</source>
        <translation>基础 URL：</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>模型：</translation>
    </message>
    <message>
        <source>API key:</source>
        <translation>API key：</translation>
    </message>
    <message>
        <source>Saves, reopens the database with the new embedder and embeds every record in the background (progress and Stop in the status bar).</source>
        <translation>保存设置，用新的嵌入器重新打开数据库，并在后台嵌入每条记录（进度和停止按钮位于状态栏）。</translation>
    </message>
    <message>
        <source>No system keychain is available here, so Memscope cannot store API keys. Set OPENAI_API_KEY (and MEMSCOPE_EMBED_API_KEY for a separate embedding key) in the environment instead.</source>
        <translation>此处没有可用的系统钥匙串，因此 Memscope 无法存储 API key。请改为在环境变量中设置 OPENAI_API_KEY（如需单独的嵌入密钥，另设 MEMSCOPE_EMBED_API_KEY）。</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>未更改</translation>
    </message>
    <message>
        <source>set it in the environment</source>
        <translation>请在环境变量中设置</translation>
    </message>
    <message>
        <source>Looking…</source>
        <translation>正在查找…</translation>
    </message>
    <message>
        <source>The new language applies the next time Memscope starts.</source>
        <translation>新语言将在 Memscope 下次启动时生效。</translation>
    </message>
</context>
<context>
    <name>memscope::ui::ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
</context>
<context>
    <name>memscope::ui::StartPage</name>
    <message>
        <source>Load the demo history</source>
        <translation>加载演示历史</translation>
    </message>
    <message>
        <source>Import a file…</source>
        <translation>导入文件…</translation>
    </message>
    <message>
        <source>Open another database…</source>
        <translation>打开其他数据库…</translation>
    </message>
    <message>
        <source>Create a new database…</source>
        <translation>新建数据库…</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Open read-only</source>
        <translation>以只读方式打开</translation>
    </message>
    <message>
        <source>Start empty</source>
        <translation>从空白开始</translation>
    </message>
    <message>
        <source>Opening the memory store…</source>
        <translation>正在打开记忆存储库…</translation>
    </message>
    <message>
        <source>This memory store is empty</source>
        <translation>此记忆存储库为空</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <source>This database is damaged</source>
        <translation>此数据库已损坏</translation>
    </message>
    <message>
        <source>SQLite could not read the file as a database. Memscope did not change it. Restore it from a backup, or open or create another database.</source>
        <translation>SQLite 无法将该文件作为数据库读取。Memscope 未做任何修改。请从备份恢复，或打开、新建其他数据库。</translation>
    </message>
    <message>
        <source>The database is busy</source>
        <translation>数据库正忙</translation>
    </message>
    <message>
        <source>Another program holds a lock on this file (an import or an agent writing to it). Try again in a moment, or open it read-only to browse.</source>
        <translation>另一个程序锁定了此文件（正在导入或有智能体正在写入）。请稍后重试，或以只读方式打开进行浏览。</translation>
    </message>
    <message>
        <source>The database cannot be written</source>
        <translation>无法写入数据库</translation>
    </message>
    <message>
        <source>The file or its folder is read-only. You can browse it read-only (curation is then off), or open another database.</source>
        <translation>该文件或其所在文件夹为只读。您可以以只读方式浏览（此时无法整理），或打开其他数据库。</translation>
    </message>
    <message>
        <source>This database is from a newer Memscope</source>
        <translation>此数据库来自更新版本的 Memscope</translation>
    </message>
    <message>
        <source>It uses a schema this version does not know. It was not changed; open it with a newer Memscope, or open another database.</source>
        <translation>它使用了此版本无法识别的架构。数据库未被修改；请用更新版本的 Memscope 打开，或打开其他数据库。</translation>
    </message>
    <message>
        <source>This is not a Memscope database</source>
        <translation>这不是 Memscope 数据库</translation>
    </message>
    <message>
        <source>The file is an SQLite database of another application. Memscope did not change it. Import records from a JSONL or JSON export instead, or open another database.</source>
        <translation>该文件是其他应用程序的 SQLite 数据库。Memscope 未做任何修改。请改为从 JSONL 或 JSON 导出文件导入记录，或打开其他数据库。</translation>
    </message>
    <message>
        <source>The database could not be opened</source>
        <translation>无法打开数据库</translation>
    </message>
    <message>
        <source>Check that the folder exists and that you may read and write it.</source>
        <translation>请检查文件夹是否存在，以及您是否有读写权限。</translation>
    </message>
    <message>
        <source>%1

Details: %2</source>
        <translation>%1

详细信息：%2</translation>
    </message>
    <message>
        <source>Configure an LLM endpoint…</source>
        <translation>配置 LLM 端点…</translation>
    </message>
    <message>
        <source>Memscope keeps the lessons your agents learn: what worked, what failed and why. Load a realistic demo history to explore the workbench, import records exported from Mem0 or another store (JSONL, JSON), or open another database. Agent runs need an LLM endpoint: OpenAI, or a local Ollama, llama.cpp or vLLM server.</source>
        <translation>Memscope 保存智能体学到的经验：哪些奏效、哪些失败以及原因。加载一份逼真的演示历史来探索工作台，导入从 Mem0 或其他存储库导出的记录（JSONL、JSON），或打开其他数据库。智能体运行需要一个 LLM 端点：OpenAI，或本地的 Ollama、llama.cpp 或 vLLM 服务器。</translation>
    </message>
</context>
<context>
    <name>memscope::ui::TagsDialog</name>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>comma-separated, e.g. stale, needs-review</source>
        <translation>以逗号分隔，例如 stale, needs-review</translation>
    </message>
    <message>
        <source>comma-separated</source>
        <translation>以逗号分隔</translation>
    </message>
    <message>
        <source>optional, kept in the history</source>
        <translation>可选，保存在历史记录中</translation>
    </message>
    <message numerus="yes">
        <source>Change the tags of %n record(s).</source>
        <translation>
            <numerusform>更改 %n 条记录的标签。</numerusform>
        </translation>
    </message>
    <message>
        <source>Add:</source>
        <translation>添加：</translation>
    </message>
    <message>
        <source>Remove:</source>
        <translation>移除：</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>原因：</translation>
    </message>
</context>
<context>
    <name>memscope::ui::TrendsView</name>
    <message>
        <source>Day</source>
        <translation>天</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>周</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <source>Nothing</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Task type</source>
        <translation>任务类型</translation>
    </message>
    <message>
        <source>Tool</source>
        <translation>工具</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Task type × tool</source>
        <translation>任务类型 × 工具</translation>
    </message>
    <message>
        <source>Task type × version</source>
        <translation>任务类型 × 版本</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Charts as PNG…</source>
        <translation>图表导出为 PNG…</translation>
    </message>
    <message>
        <source>Charts as SVG…</source>
        <translation>图表导出为 SVG…</translation>
    </message>
    <message>
        <source>Trend Data as CSV…</source>
        <translation>趋势数据导出为 CSV…</translation>
    </message>
    <message>
        <source>Table Data as CSV…</source>
        <translation>表格数据导出为 CSV…</translation>
    </message>
    <message>
        <source>Per:</source>
        <translation>间隔：</translation>
    </message>
    <message>
        <source>Success rate by:</source>
        <translation>成功率分组：</translation>
    </message>
    <message>
        <source>Table:</source>
        <translation>表格：</translation>
    </message>
    <message>
        <source>The trends could not be computed: %1</source>
        <translation>无法计算趋势：%1</translation>
    </message>
    <message>
        <source>%1
%2: %3 of %4 records
Success rate: %5
Click to open these records</source>
        <translation>%1
%2：%4 条记录中的 %3 条
成功率：%5
单击打开这些记录</translation>
    </message>
    <message>
        <source>%1 % of %2 judged</source>
        <translation>%2 条已判定记录中占 %1%</translation>
    </message>
    <message>
        <source>none judged</source>
        <translation>无已判定记录</translation>
    </message>
    <message>
        <source>%1, %2
Success rate %3 of %4 judged records (%5 success, %6 partial, %7 failure)
Click to open these records</source>
        <translation>%1，%2
%4 条已判定记录的成功率为 %3（成功 %5，部分成功 %6，失败 %7）
单击打开这些记录</translation>
    </message>
    <message>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <source>%1 records of %2</source>
        <translation>%2 中的 %1 条记录</translation>
    </message>
    <message>
        <source>Records of %1</source>
        <translation>%1 的记录</translation>
    </message>
    <message>
        <source>Records of %1, %2</source>
        <translation>%1、%2 的记录</translation>
    </message>
    <message>
        <source>Records of %1 × %2</source>
        <translation>%1 × %2 的记录</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <source>%1 records</source>
        <translation>%1 条记录</translation>
    </message>
    <message>
        <source> · success rate %1 %</source>
        <translation> · 成功率 %1%</translation>
    </message>
    <message>
        <source> · %1 ms</source>
        <translation> · %1 毫秒</translation>
    </message>
    <message>
        <source> · the search text is not applied here</source>
        <translation> · 此处不应用搜索文本</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>SVG images (*.svg)</source>
        <translation>SVG 图像 (*.svg)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>There is nothing to export yet.</source>
        <translation>尚无可导出的内容。</translation>
    </message>
    <message>
        <source>Memscope trends</source>
        <translation>Memscope 趋势</translation>
    </message>
    <message>
        <source>%1 could not be written. Check that the folder exists and may be written.</source>
        <translation>无法写入 %1。请检查文件夹是否存在且可写。</translation>
    </message>
    <message>
        <source>%1 could not be written: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Success rate breakdown</source>
        <translation>成功率细分</translation>
    </message>
    <message>
        <source>Lesson effectiveness</source>
        <translation>经验有效性</translation>
    </message>
</context>
</TS>
