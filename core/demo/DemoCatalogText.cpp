#include "demo/DemoCatalog.h"

// The shared phrases, the scenario phrasings and the user preferences of the demo vocabulary (syntax in
// DemoCatalog.h); the task types are in DemoCatalogTasks.cpp.

namespace memscope {

namespace {

const char* const kCommon = R"(
[common]
$lesson_intro = Lesson: | Next time, | Takeaway: | Note for next run: | Rule of thumb: | Remember: | For future runs, | Going forward,
$secs = 30 | 60 | 15 | 45 | 90 | 120 | 10 | 300 | 20 | 600
$retries = twice | three times | on every retry | four times | after 5 retries | despite backoff
$team = finance | sales ops | growth | billing | platform | data platform | customer success | marketing | legal | procurement | HR | security
$region = EMEA | North America | APAC | LATAM | DACH | Nordics | UK and Ireland | ANZ | Benelux | Japan
$weekday = Monday | Friday | Tuesday | Wednesday | Thursday
$quarter = Q3 | Q4 | Q1 | Q2 | H1 | H2 | FY25 | FY26
$http_err = 429 Too Many Requests | 503 Service Unavailable | 502 Bad Gateway | 504 Gateway Timeout | 500 Internal Server Error | 401 Unauthorized | 403 Forbidden | 413 Payload Too Large | 408 Request Timeout
unknown: Outcome unclear: {tool} returned no status and the {n:2-9} follow-up checks were inconclusive.
unknown: Outcome unknown; the user cancelled the session after {n:2-40} minutes, before {tool} finished.
unknown: No feedback on the result yet; the {tool} logs were truncated at {n:200-900} lines, so success could not be verified.
unknown: Could not confirm the result: the evaluation step timed out after {secs}s and the run was closed as unknown.
unknown: The user left the thread after the output was delivered, with no confirmation either way.
unknown: Run {n:1000-9999} finished, but the grader returned {http_err}; marking the outcome as unknown.
correction: Corrected after feedback.
correction: Revised after a review comment.
correction: The user pushed back on the last output.
correction: Updated after the user's reply on run {n:1000-9999}.
lesson: {lesson_intro} log the exact inputs and tool versions with every run; it makes runs comparable.
lesson: {lesson_intro} ask one clarifying question when the request is ambiguous instead of guessing.
lesson: {lesson_intro} keep the run under {n:8-15} tool calls; long chains drift off task.
)";

// Phrasings the generator uses only inside a scenario's time window (see DemoGenerator).
const char* const kScenarios = R"(
[scenario pg_ssl]
tags ssl driver-upgrade
failure: Failed: {tool} hit an SSL handshake timeout after the driver upgrade to libpq 16.{n:1-4}; the {report} query never started.
failure: Failed: SSL handshake timeout after driver upgrade; {tool} retried {retries} against db-{n:1-6}.internal and gave up after {secs}s.
failure: Failed: {tool} could not connect, SSL SYSCALL error, EOF detected during the handshake after the driver upgrade.
failure: Failed: connecting to the analytics primary timed out in the SSL handshake since the driver upgrade; {table} was never queried.
failure: Failed: SSL handshake timeout after driver upgrade while opening a pooled connection for the {report} job.
cause: The upgraded driver negotiates TLS 1.3 and the pgbouncer in front of db-{n:1-6} only speaks TLS 1.2.
cause: The handshake stalls only on pooled connections; direct connections still work.
cause: It started right after the pg_connector driver upgrade rollout.
lesson: {lesson_intro} if pg_connector times out in the SSL handshake, retry once with sslmode=require and connect_timeout={n:10-30}.
lesson: {lesson_intro} don't retry SSL handshake timeouts more than once; escalate to the platform team.
lesson: {lesson_intro} pin the previous driver for long-running {report} jobs until pgbouncer is upgraded.

[scenario pg_workaround]
tags ssl workaround
success: Got the {report} query through {tool} only after pinning sslmode=require and raising connect_timeout to {n:20-60}s.
success: Bypassed pgbouncer and connected straight to db-{n:1-6} to dodge the SSL handshake timeout; then fixed the {report} query by {fix}.

[scenario send_v1]
tags send_v1 legacy-api
success: Sent the {email_kind} via the email_toolkit v1 send_v1 endpoint with the legacy X-Api-Key header; delivered to {n:1-400} recipients.
success: Used email_toolkit send_v1 with template_id tpl_{n:100-999} and %FIRST_NAME% merge tags; the {contact} got it fine.
success: The send_v1 endpoint accepted the {email_kind} as a multipart form post once the attachment was base64-encoded.
success: Batched {n:20-100} recipients per send_v1 call to stay under the rate limit; the {email_kind} went out cleanly.
success: Scheduled the {email_kind} with send_v1's send_at parameter (epoch seconds, not ISO); it arrived on time.
lesson: {lesson_intro} call send_v1 with the legacy X-Api-Key header; OAuth tokens are rejected there.
lesson: {lesson_intro} send_v1 wants merge tags as %FIRST_NAME%, not double braces.
lesson: {lesson_intro} keep send_v1 batches at {n:20-50} recipients.

[scenario send_v2]
tags send_v2 migration
success: Sent the {email_kind} through email_toolkit messages.send (v2) with an OAuth token; {n:1-400} recipients, no bounces.
success: Moved the {email_kind} template to the send_v2 JSON payload; merge fields now live in recipient.vars.
success: messages.send (v2) returned a message id for the {email_kind} in {n:80-900} ms; delivery webhooks confirmed it.
lesson: {lesson_intro} use messages.send (v2) with the mail.send OAuth scope; the v1 endpoint is gone.

[scenario send_v1_gone]
tags send_v1 stale-lesson
failure: Failed: email_toolkit send_v1 returned 410 Gone; the stored lesson still pointed at the retired endpoint.
failure: Failed: followed an old lesson and called send_v1 for the {email_kind}; the retired endpoint answered 410 Gone.
failure: The {email_kind} never went out: send_v1 is decommissioned (410 Gone) and the X-Api-Key header is no longer accepted.
lesson: {lesson_intro} ignore lessons that mention send_v1 and use messages.send (v2).

[scenario incident_gateway]
tags incident llm-gateway
failure: Failed: the LLM gateway returned 503 Service Unavailable for {n:3-20} minutes; the {tool} step never ran.
failure: Failed: hit 429 Too Many Requests from the model gateway {retries} during the provider outage; run aborted.
failure: Failed: completion requests timed out after {secs}s at the LLM gateway during incident INC-{n:1000-9999}.
failure: Run aborted: the gateway fell back to a smaller model that ignored the {tool} output format.
cause: The upstream provider had a regional outage and the gateway's fallback pool was exhausted.
lesson: {lesson_intro} check the status page and back off for {n:5-15} minutes when the gateway returns 503s.
lesson: {lesson_intro} cap retries at {n:2-3} during provider incidents; retries made the queue worse.

[scenario incident_warehouse]
tags incident warehouse
failure: Failed: the analytics replica was read-only during maintenance; {tool} could not create its temp tables.
failure: Failed: {tool} got connection refused from warehouse-{n:1-4}.internal:5432 while the replica was rebuilt.
failure: Failed: the warehouse maintenance window overran by {n:2-6} hours and {tool} timed out after {secs}s.
cause: Planned maintenance on the replica overran, and it was never announced in the agents' channel.
lesson: {lesson_intro} check the maintenance calendar before scheduling warehouse-heavy runs.
)";

// User preferences (collection user_profile): one pool per value a user can prefer.
const char* const kPreferences = R"(
[pref report_format]
meta task=report_generation
tags preference report-format
pdf: User {user} wants the {report_name} report as a PDF attachment, not in the email body.
pdf: Preference for {user}: send the {report_name} report as a PDF with page numbers; they print it for the {weekday} review.
pdf: User {user} asked for PDF exports of the {report_name} report again; HTML tables in the email body render badly in their mail client.
pdf: For {user}, attach the {report_name} report as a PDF and keep the email to two lines.
inline_html: User {user} prefers the {report_name} report inline in the email body as HTML tables, with no attachments.
inline_html: User {user} said PDF attachments are annoying on mobile; put the {report_name} report inline.
inline_html: Preference for {user}: inline HTML for the {report_name} report, KPIs at the top, nothing attached.
sheet_link: User {user} wants a link to the shared spreadsheet for the {report_name} report instead of attachments.
sheet_link: Preference for {user}: share the {report_name} numbers as a Google Sheets link so they can filter them.

[pref email_tone]
meta task=email_drafting
tags preference tone
formal: User {user} prefers formal emails to clients: full salutation, no emoji, sign off with the full name.
formal: Preference for {user}: keep the {email_kind} formal and in the third person.
formal: For {user}'s accounts, write the {email_kind} in a formal register; the {contact} expects it.
casual: User {user} wants a casual, friendly tone with first names and short sentences.
casual: User {user} asked to drop the stiff sign-offs and keep the {email_kind} casual.
casual: Preference for {user}: casual tone in the {email_kind}, one emoji at most, no "Dear".

[pref summary_style]
meta task=support_triage
tags preference summaries
bullets: User {user} wants triage summaries as {n:3-5} bullet points, most urgent first.
bullets: Preference for {user}: bullet the {queue} queue summary, one line per ticket.
narrative: User {user} prefers a short narrative paragraph over bullet lists in summaries.
narrative: Preference for {user}: summarise the {queue} queue in prose, two or three sentences.

[pref meeting_slots]
meta task=email_drafting
tags preference scheduling
mornings: User {user} only takes meetings before 11:00 local time; propose morning slots.
mornings: Preference for {user}: no calls after lunch on {weekday}s, offer mornings.
afternoons: User {user} blocks mornings for focus work; propose slots after 14:00.
afternoons: Preference for {user}: afternoon slots only, and never on {weekday}s.

[pref number_format]
meta task=data_cleaning
tags preference formatting
rounded: User {user} wants figures rounded to thousands with a k suffix.
rounded: Preference for {user}: round {dataset} totals to the nearest thousand.
exact: User {user} wants exact figures with two decimals; rounding once hid a reconciliation error.
exact: Preference for {user}: never round {dataset} numbers, keep cents.

[pref review_depth]
meta task=code_review
tags preference code-review
blocking_only: User {user} wants review comments on {repo} limited to blocking issues, no style nits.
blocking_only: Preference for {user}: only block PRs for bugs and security; skip naming debates.
thorough: User {user} wants every nit flagged on {repo}, naming and comments included.
thorough: Preference for {user}: thorough reviews, including test names and docstrings.
)";

} // namespace

std::vector<const char*> DemoCatalog::builtinText()
{
    std::vector<const char*> text{kCommon};
    for (const char* task : taskText())
        text.push_back(task);
    text.push_back(kScenarios);
    text.push_back(kPreferences);
    return text;
}

} // namespace memscope
