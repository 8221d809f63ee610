#include "demo/DemoCatalog.h"

// The task-type tables of the demo vocabulary (syntax in DemoCatalog.h). Slot lists put their most common
// words first. One raw string per task type keeps every literal well under compiler limits.

namespace memscope {

namespace {

const char* const kSql = R"(
[task sql_query_debug]
meta agent=sql agents=3 weight=0.20 success=0.79
tools pg_connector:5 query_explainer:3 schema_inspector:2
tags sql postgres query-plan indexing performance locks migrations
$table = orders | order_items | customers | invoices | payments | events | subscriptions | shipments | sessions | page_views | inventory_levels | product_variants | refunds | ledger_entries | audit_log | user_accounts | campaign_touches | support_tickets | warehouse_moves | price_history | fx_rates | loyalty_points
$column = customer_id | created_at | order_id | status | account_id | updated_at | tenant_id | sku | email | region_code | invoice_date | session_id | external_ref | deleted_at | shipped_at | currency
$report = monthly revenue | churn cohort | daily active users | late shipments | top customers | refund rate | inventory aging | funnel conversion | MRR by plan | unpaid invoices | SLA breach | weekly signups | basket size | dunning
$pg_err = SQLSTATE 57014 statement timeout | SQLSTATE 40P01 deadlock detected | SQLSTATE 42703 column does not exist | SQLSTATE 23505 duplicate key on {table}_pkey | SQLSTATE 53200 out of memory | SQLSTATE 42P01 relation does not exist | SQLSTATE 22012 division by zero | SQLSTATE 55P03 lock not available | SQLSTATE 25P02 transaction aborted | SQLSTATE 22P02 invalid input syntax for type uuid
$plan = Seq Scan | Nested Loop with {n:10-90}k loops | Hash Join spilling to disk | Bitmap Heap Scan with lossy pages | Sort Method external merge | Index Scan on the wrong index | parallel Seq Scan | Merge Join on unsorted input
$fix = adding an index on {table}({column}) | rewriting the correlated subquery as a LATERAL join | replacing NOT IN with NOT EXISTS | splitting the CTE so predicates get pushed down | adding a partial index WHERE {column} IS NOT NULL | running ANALYZE {table} to refresh stale statistics | raising work_mem to {n:64-512}MB for the session | moving the date filter into the join condition | casting {column} to match the index type | batching the DELETE into chunks of {n:1-20}k rows | switching COUNT(DISTINCT) to a HyperLogLog sketch | adding a covering index INCLUDE ({column})
success: Fixed the slow {report} query by {fix}; EXPLAIN showed a {plan} on {table}.
success: Resolved {pg_err} in the {report} job by {fix}.
success: The {report} query dropped from {n:12-240}s to {n:1-9}.{n:0-9}s after {fix}.
success: @query_explainer EXPLAIN ANALYZE pointed at a {plan} over {n:2-90}M rows of {table}; {fix} brought it under {n:2-9}s.
success: @schema_inspector Found the missing foreign key between {table} and {+table}; the {report} join now uses the {column} index.
success: @pg_connector Ran the {report} query through {tool} against the read replica in {n:2-15}s, {n:3-900}k rows back.
success: Debugged the {report} dashboard for the {team} team: {fix} removed the {plan}.
success: Unblocked the {team} migration on {table}; {pg_err} went away after {fix}.
failure: Failed: the {report} query still hit {pg_err} after {fix}.
failure: @pg_connector Failed: {tool} gave up on the {report} query after {secs}s with {pg_err}.
failure: Failed: could not reproduce the slow {report} query on staging because {table} has only {n:2-90}k rows there.
failure: @pg_connector Failed: {tool} dropped the connection mid-transaction while updating {table}; {pg_err}.
failure: @query_explainer Failed: EXPLAIN ANALYZE on {table} ran past the {secs}s statement timeout and was cancelled.
failure: @schema_inspector Failed: {tool} could not read the {table} schema; the role lacks USAGE on schema analytics.
failure: Rewrote the {report} query {n:2-4} times but the {plan} on {table} stayed; gave up.
partial: Partially fixed the {report} query: {fix} cut runtime by {n:20-60}%, but the {plan} on {table} is still there.
partial: The {report} numbers load now, but totals differ from the finance export by {n:1-9}.{n:0-9}%; {table} needs a second pass.
partial: Worked around {pg_err} by retrying; the root cause in {table} is still unknown.
note: The planner estimated {n:10-900} rows but got {n:1-90}M.
note: Autovacuum had not touched {table} for {n:3-40} days.
note: The slow path only shows up for tenants with more than {n:1-50}k {table}.
note: Row estimates were off because {column} is heavily skewed.
cause: Root cause: {column} on {table} is not indexed and the filter is not sargable.
cause: The lock came from a migration holding ACCESS EXCLUSIVE on {table} for {n:3-40} minutes.
cause: Statistics on {table} were stale after a bulk load of {n:2-40}M rows.
cause: The ORM generated an IN list with {n:2-30}k ids.
lesson: {lesson_intro} check the plan before rewriting joins.
lesson: {lesson_intro} run EXPLAIN (ANALYZE, BUFFERS) on the replica first, never on the primary during business hours.
lesson: {lesson_intro} look at pg_stat_statements before guessing which query is slow.
lesson: {lesson_intro} batch large deletes on {table} and watch replication lag.
lesson: {lesson_intro} compare estimated and actual rows; a big gap means stale statistics.
lesson: {lesson_intro} set statement_timeout to {secs}s for exploratory queries.
lesson: {lesson_intro} confirm with EXPLAIN that the new index on {table} is used, not just that it exists.
)";

const char* const kReport = R"(
[task report_generation]
meta agent=report agents=2 weight=0.17 success=0.70
tools chart_builder:4 pdf_renderer:3 warehouse_query:3
tags reporting charts pdf kpi dashboards weekly-report
$report_name = weekly KPI | monthly board | quarterly business review | {region} sales | marketing attribution | cash flow | support SLA | cloud cost | hiring pipeline | NPS trend | product usage | inventory turnover | partner payout
$chart = stacked bar chart | line chart | cohort heatmap | waterfall chart | funnel chart | scatter plot | small multiples grid | sparkline table | donut chart | geo map | bullet chart
$metric = ARR | net revenue retention | gross margin | DAU/MAU | ticket backlog | CAC payback | on-time delivery | conversion rate | average order value | burn multiple | logo churn | first response time | cost per query
$rep_err = the warehouse query returned 0 rows for {quarter} | wkhtmltopdf exited with code 1 | WeasyPrint ran out of memory on page {n:12-80} | a NaN in {metric} broke the axis scaling | the chart exceeded the 10 MB image limit | the Jinja template referenced a missing kpi_delta field | a timezone mismatch shifted {metric} by one day | the matplotlib font cache rebuild stalled | the FX table had no rate for {n:2-9} currencies
success: Generated the {report_name} report with a {chart} for {metric}; the {team} lead approved it without edits.
success: Built the {quarter} {report_name} deck in {n:3-14} minutes; {metric} and {+metric} now come from one warehouse query.
success: @pdf_renderer Rendered the {report_name} report to PDF ({n:4-60} pages) with {tool}; fonts embedded, links intact.
success: @chart_builder Replaced the pie chart with a {chart} for {metric}; the {team} team finally read the numbers right.
success: @warehouse_query Pulled {metric} for {region} in {n:2-40}s with {tool} and reconciled it with finance to the cent.
success: Shipped the {report_name} report on time; reused last week's layout and only refreshed {metric}.
success: Delivered the {report_name} summary with {n:3-9} KPIs and a {chart}; {metric} up {n:2-30}% quarter over quarter.
failure: Failed: {tool} crashed while building the {report_name} report because {rep_err}.
failure: Failed to deliver the {report_name} report: {rep_err}.
failure: The {report_name} report went out with wrong {metric} figures; {rep_err}.
failure: @pdf_renderer Failed: {tool} timed out after {secs}s on the {report_name} PDF with {n:40-300} embedded charts.
failure: @warehouse_query Failed: {tool} returned stale {metric} numbers from yesterday's snapshot for the {report_name} report.
failure: @chart_builder Failed: the {chart} for {metric} rendered blank because {rep_err}.
partial: Delivered the {report_name} report without the {chart}; {rep_err}.
partial: The {report_name} report was sent {n:1-6} hours late after a rerun of {tool}.
partial: The {metric} numbers were right, but the {team} team asked for a different layout of the {report_name} report.
note: The {team} team reads it on mobile, so charts must stay under 800 px wide.
note: Finance and sales define {metric} differently; used the finance definition.
note: The template now caches the warehouse extract for {n:1-24} hours.
cause: The source table for {metric} was mid-refresh when the job ran at 06:00 UTC.
cause: A new {region} subsidiary had no currency mapping.
cause: @pdf_renderer The {tool} engine loads every chart into memory before writing the PDF.
lesson: {lesson_intro} validate {metric} against the last period before rendering; a {n:20-60}% jump is usually a data bug.
lesson: {lesson_intro} render charts as SVG for the {report_name} report; PNGs blow past the size limit.
lesson: {lesson_intro} pin the reporting timezone to UTC and say so in the footer.
lesson: {lesson_intro} state the {metric} definition in a footnote.
lesson: {lesson_intro} schedule the job after the 05:30 warehouse refresh, not before.
)";

const char* const kEmail = R"(
[task email_drafting]
meta agent=email agents=2 weight=0.16 success=0.80
tools email_toolkit:6 crm_lookup:2.5 calendar_api:1.5
tags email outreach follow-up templates deliverability
$email_kind = renewal reminder | follow-up after the demo | meeting recap | overdue invoice notice | onboarding welcome | price change notice | apology for the outage | partnership intro | webinar invite | contract redline summary | quarterly check-in | referral thank-you
$contact = procurement lead at Acme | CTO of Globex | finance contact at Initech | ops manager at Umbrella Logistics | head of data at Hooli | buyer at Stark Retail | founder of a seed-stage fintech | legal counsel at Wayne Capital | IT admin at Soylent Foods | VP sales at Vandelay Imports | office manager at Dunder Paper
$mail_err = SMTP 421 too many connections | SMTP 552 message size exceeds limit | an SPF softfail for the sending domain | a DKIM signature mismatch | the attachment scan flagging a macro in the .xlsm | the 100 messages/min rate limit | a full mailbox bounce | a CRM contact with no primary email
success: Drafted the {email_kind} for the {contact}; they replied within {n:2-48} hours.
success: @email_toolkit Sent the {email_kind} through {tool}; open rate {n:30-80}% across {n:12-400} recipients.
success: @crm_lookup Pulled the account history from {tool} before drafting the {email_kind}, which avoided re-pitching a plan the {contact} had cancelled.
success: @calendar_api Offered {n:2-4} slots from {tool} in the {email_kind}; the {contact} booked the first one.
success: Rewrote the {email_kind} in {n:80-180} words with one clear ask; the {contact} signed off.
success: Personalised the {email_kind} with their last ticket #{n:10000-99999}; it got a positive reply.
failure: @email_toolkit Failed: the {tool} send call timed out after {secs}s {retries}; retry with smaller attachments next time.
failure: Failed: the {email_kind} to the {contact} bounced because of {mail_err}.
failure: @crm_lookup The {email_kind} went to the wrong {contact} because {tool} matched on first name only.
failure: @calendar_api Failed: {tool} booked the meeting in UTC instead of the {contact}'s local time.
failure: @crm_lookup Failed: {tool} returned a stale owner, so the {email_kind} went out under the wrong account manager.
failure: Failed: review rejected the {email_kind} for promising a {n:10-40}% discount that does not exist.
partial: Drafted the {email_kind}, but the {contact} asked for a shorter version; the second draft was accepted.
partial: Sent the {email_kind} to {n:40-300} recipients, but {n:2-30} bounced because of {mail_err}.
partial: The {email_kind} went out, but the {contact}'s gateway stripped the tracking links.
note: Subject lines under {n:30-50} characters did better.
note: The {contact} prefers plain text over HTML.
note: Attachments over {n:5-20} MB get blocked by their gateway.
cause: The root cause was {mail_err}.
cause: @email_toolkit The {tool} client retries synchronously and blocks the worker for {secs}s.
lesson: {lesson_intro} keep the {email_kind} under {n:120-200} words and put the ask in the first line.
lesson: {lesson_intro} check the CRM owner before sending on someone's behalf.
lesson: {lesson_intro} link large files instead of attaching them.
lesson: {lesson_intro} confirm the recipient's timezone before proposing times.
)";

const char* const kSupport = R"(
[task support_triage]
meta agent=support agents=3 weight=0.17 success=0.74
tools ticket_router:5 kb_search:3.5 sentiment_classifier:1.5
tags support triage routing escalation sla
$issue = login loop after the SSO change | double charge on the annual plan | CSV export missing columns | delayed webhook deliveries | password reset email not arriving | API key rotated unexpectedly | dashboard showing stale data | mobile app crash on Android 14 | invoice PDF with the wrong VAT | rejected 2FA codes | data import stuck at {n:10-99}% | seat count mismatch after a downgrade | SAML assertion expired errors
$queue = billing | tier-2 engineering | account management | security | integrations | onboarding | mobile | trust and safety
$priority = P2 | P3 | P1 | P4
$customer = an enterprise customer | a trial user | a reseller | a nonprofit account | a long-time SMB customer | a customer on the legacy plan | a prospect in procurement | a healthcare tenant
success: Routed ticket #{n:100000-999999} ({issue}) to {queue} as {priority}; resolved in {n:1-30} hours.
success: Triaged {n:20-180} new tickets in {n:4-40} minutes; {n:2-15} went to {queue}, the rest were answered from macros.
success: @kb_search Found KB-{n:1000-9999} for the {issue} with {tool}; {customer} confirmed the fix.
success: @sentiment_classifier The {tool} model flagged {customer} as at risk; escalating to {queue} saved the renewal.
success: Merged {n:2-40} duplicate tickets about the {issue} into one incident and linked the status page.
success: Answered {customer} about the {issue} with the macro plus a workaround; closed the same day.
failure: Failed: misrouted ticket #{n:100000-999999} ({issue}) to {queue}; it breached the {priority} SLA by {n:2-30} hours.
failure: @kb_search Failed: {tool} returned an outdated article for the {issue}; {customer} reopened the ticket.
failure: @sentiment_classifier Failed: {tool} scored an angry cancellation request as neutral, so it sat in the {priority} queue.
failure: Failed: auto-closed the ticket about the {issue} as a duplicate while {customer} was still waiting.
failure: @ticket_router Triage via {tool} labelled the {issue} as a feature request; it was a bug affecting {n:10-900} accounts.
partial: Routed the {issue} to {queue} correctly, but the first reply missed the SLA by {n:5-90} minutes.
partial: Gave {customer} a workaround for the {issue}; the bug is still open as BUG-{n:1000-9999}.
note: Another {n:3-40} similar tickets arrived within the same hour.
note: The customer had already contacted support {n:2-6} times this month.
cause: The routing rules still send anything mentioning invoices to billing.
cause: The classifier was trained before the {issue} problem existed.
lesson: {lesson_intro} check the status page for an open incident before triaging {issue} tickets one by one.
lesson: {lesson_intro} escalate repeat contacts to {queue} whatever the classifier score says.
lesson: {lesson_intro} search closed tickets, not only the KB, for the {issue}.
lesson: {lesson_intro} never auto-close tickets from {customer} without a human look.
)";

const char* const kReview = R"(
[task code_review]
meta agent=review agents=2 weight=0.12 success=0.72
tools github_diff:5 static_analyzer:3 test_runner:2
tags code-review security tests refactoring ci
$repo = payments-api | web-frontend | ingest-worker | auth-service | mobile-ios | billing-cron | search-indexer | infra-terraform | data-pipeline | notification-hub | feature-flags
$finding = an unchecked null in the retry path | SQL built by string concatenation | a race on the shared cache map | a missing await on the save call | an off-by-one in pagination | secrets logged at debug level | an N+1 query in the serializer | a catch-all that swallows timeouts | a blocking call inside the event loop | an unbounded goroutine per request | a float used for currency | a TOCTOU race on the temp file
$lint_rule = CWE-89 | CWE-79 | CWE-502 | S2095 resource leak | B608 SQL injection | no-floating-promises | E1101 no-member | SA1019 deprecated call | unused-variable | cyclomatic complexity {n:25-60}
success: Reviewed PR #{n:100-9999} in {repo}: caught {finding} before merge; the author fixed it in one commit.
success: Approved PR #{n:100-9999} on {repo} after {n:2-6} rounds; {n:2-40} files, mostly mechanical renames.
success: @static_analyzer The {tool} pass flagged {lint_rule} in {repo}; confirmed it was real and suggested a parameterized query.
success: @test_runner Ran the {repo} suite with {tool} ({n:300-5000} tests, {n:2-20} min); the flaky test is now quarantined.
success: @github_diff Summarised a {n:400-3000}-line diff in {repo} with {tool} and pointed the author at {finding}.
failure: Failed: approved PR #{n:100-9999} in {repo} that shipped {finding}; it caused an incident {n:2-9} days later.
failure: @static_analyzer Failed: {tool} reported {n:40-400} warnings for {repo}, mostly {lint_rule}; the real bug was buried.
failure: @test_runner Failed: {tool} timed out after {n:20-60} minutes on {repo}; the review went out without test results.
failure: @github_diff Failed: {tool} truncated the diff at {n:3000-5000} lines, so the review missed changes in {repo}/src.
failure: Failed: review comments on {repo} were ignored because they mixed style nits with {finding}.
partial: Reviewed PR #{n:100-9999} in {repo} but only covered the backend half; the frontend was left for a human.
partial: Flagged {finding} in {repo}, but missed a second occurrence in the tests.
note: The PR touched {n:20-120} files, {n:1-9} of them generated.
note: The {repo} repo has no CODEOWNERS entry for the migrations folder.
cause: The diff mixed a refactor with a behaviour change.
cause: Checks for {lint_rule} are disabled in the {repo} CI config.
lesson: {lesson_intro} ask for refactors and behaviour changes in separate PRs.
lesson: {lesson_intro} lead with issues like {finding} and batch the nits at the end.
lesson: {lesson_intro} run the {repo} checks locally before trusting a green CI badge.
lesson: {lesson_intro} read the test diff as carefully as the code diff.
)";

const char* const kData = R"(
[task data_cleaning]
meta agent=data agents=2 weight=0.10 success=0.71
tools pandas_runner:4.5 schema_validator:3 dedupe_engine:2.5
tags data-quality etl dedupe schemas csv
$dataset = leads_export.csv | crm_contacts | web_events_2024 | supplier_catalog.xlsx | payroll_extract | survey_responses | product_feed.json | store_transactions | clinic_appointments | iot_readings.parquet | ad_spend_daily | shipping_addresses | vendor_master
$dq_issue = mixed date formats (DD/MM vs MM/DD) | trailing whitespace in ids | duplicate rows with different casing | currency symbols in numeric columns | UTF-8 mojibake in names | null-like strings such as N/A and -- | phone numbers without country codes | negative quantities | timestamps without a timezone | outliers {n:100-999}x above the median | zip codes losing leading zeros | rows split by embedded newlines
success: Cleaned {dataset}: normalised {dq_issue} across {n:10-900}k rows in {n:2-40}s.
success: @dedupe_engine Removed {n:1-90}k duplicates from {dataset} with {tool} using fuzzy matching at {n:85-97}% similarity.
success: @schema_validator The {tool} check caught {dq_issue} in {dataset} before the load; fixed upstream in the export job.
success: @pandas_runner Rewrote the {dataset} cleanup in {tool} with vectorised ops; runtime went from {n:10-60} minutes to {n:20-200}s.
success: Standardised {dataset} for the {team} team: fixed {dq_issue} and {+dq_issue}.
failure: Failed: {tool} ran out of memory on {dataset} ({n:2-40} GB); needs chunked reads.
failure: Failed: the cleanup of {dataset} silently dropped {n:1-40}k rows because of {dq_issue}.
failure: @dedupe_engine Failed: {tool} merged distinct customers with the same name in {dataset}; had to roll back.
failure: @schema_validator Failed: {tool} rejected the whole {dataset} batch over one row with {dq_issue}.
failure: Failed: {dq_issue} in {dataset} broke the downstream join; {n:2-30}% of rows went unmatched.
partial: Cleaned most of {dataset}, but {n:1-12}% of rows still have {dq_issue}.
partial: Fixed {dq_issue} in {dataset}; left {+dq_issue} for a follow-up because the source owner is out.
note: The {dataset} export changes its column order every few weeks.
note: About {n:1-20}% of the rows came from a legacy system.
cause: The upstream export switched its encoding to Windows-1252.
cause: @pandas_runner The {tool} job infers dtypes from the first {n:100-1000} rows only.
lesson: {lesson_intro} profile {dataset} before cleaning; the worst issue is rarely the first one you see.
lesson: {lesson_intro} keep a quarantine table for rejected rows instead of failing the batch.
lesson: {lesson_intro} parse dates with an explicit format string.
lesson: {lesson_intro} dedupe on normalised email plus phone, never on the name alone.
)";

const char* const kResearch = R"(
[task web_research]
meta agent=research agents=2 weight=0.08 success=0.76
tools web_search:5.5 browser_fetch:3 pdf_extractor:1.5
tags research sources competitors citations
$topic = competitor pricing | EU AI Act obligations for chatbots | vendor SOC 2 reports | the cold-chain logistics market | open-source vector databases | GDPR retention rules | the latest Kubernetes release | battery supply chain risks | data engineer hiring trends | carbon accounting standards | stablecoin regulation
$site = the vendor's pricing page | a Gartner summary | an arXiv preprint | the official docs | a Reddit thread | the EUR-Lex text | a 10-K filing | a Hacker News discussion | the GitHub changelog | a trade association PDF
success: Researched {topic}; cited {n:3-12} sources including {site}, and the brief needed no corrections.
success: @pdf_extractor Extracted {n:3-40} tables from a {n:20-300}-page PDF with {tool}; the numbers matched the source.
success: @browser_fetch Fetched {site} with {tool} after the search snippet turned out outdated; got the current figures.
success: Compiled a one-page brief on {topic} in {n:5-30} minutes from {site} and {+site}.
failure: Failed: the brief on {topic} cited {site} from {n:2019-2022}, which was out of date.
failure: @browser_fetch Failed: {tool} got {http_err} from {site}; the page needs JavaScript.
failure: @pdf_extractor Failed: {tool} garbled a scanned PDF about {topic}; OCR confidence was {n:30-60}%.
failure: Failed: the answer on {topic} relied on a single source and the user found a contradiction.
partial: Found current data on {topic} for {n:2-4} of {n:5-8} vendors; the rest hide it behind sales calls.
partial: Summarised {topic}, but could not get past the paywall on {site}.
note: Half of the top results were SEO pages from {n:2019-2022}.
cause: The search API ranked {site} above the primary source.
lesson: {lesson_intro} check publication dates before citing anything about {topic}.
lesson: {lesson_intro} prefer primary sources like {site} over summaries.
lesson: {lesson_intro} cross-check numbers with at least two independent sources.
)";

} // namespace

std::vector<const char*> DemoCatalog::taskText()
{
    return {kSql, kReport, kEmail, kSupport, kReview, kData, kResearch};
}

} // namespace memscope
