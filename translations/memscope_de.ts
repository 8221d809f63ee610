<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>OutcomeStyle</name>
    <message>
        <source>Success</source>
        <translation>Erfolg</translation>
    </message>
    <message>
        <source>Failure</source>
        <translation>Fehlschlag</translation>
    </message>
    <message>
        <source>Partial</source>
        <translation>Teilerfolg</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Success rate</source>
        <translation>Erfolgsquote</translation>
    </message>
    <message>
        <source>week of %1</source>
        <translation>Woche ab %1</translation>
    </message>
    <message>
        <source>Outcomes per %1</source>
        <translation>Ergebnisse pro %1</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Einträge</translation>
    </message>
    <message>
        <source>Success rate by %1 (the %2 largest of %3)</source>
        <translation>Erfolgsquote nach %1 (die %2 größten von %3)</translation>
    </message>
    <message>
        <source>Success rate by %1</source>
        <translation>Erfolgsquote nach %1</translation>
    </message>
    <message>
        <source>day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>week</source>
        <translation>Woche</translation>
    </message>
    <message>
        <source>month</source>
        <translation>Monat</translation>
    </message>
    <message>
        <source>task_type</source>
        <translation>Aufgabentyp</translation>
    </message>
    <message>
        <source>tool_name</source>
        <translation>Werkzeug</translation>
    </message>
    <message>
        <source>version</source>
        <translation>Version</translation>
    </message>
</context>
<context>
    <name>RecordTableModel</name>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Task type</source>
        <translation>Aufgabentyp</translation>
    </message>
    <message>
        <source>Tool</source>
        <translation>Werkzeug</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>Erkenntnis</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Collection</source>
        <translation>Sammlung</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Aktualisiert</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Relevanz</translation>
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
        <translation>Das Langzeitgedächtnis von LLM-Agenten untersuchen und pflegen.</translation>
    </message>
    <message>
        <source>Open this database (default: the user&apos;s store).</source>
        <translation>Diese Datenbank öffnen (Standard: der Speicher des Benutzers).</translation>
    </message>
    <message>
        <source>Open the database read-only.</source>
        <translation>Die Datenbank schreibgeschützt öffnen.</translation>
    </message>
    <message>
        <source>Render the window to a PNG file and exit.</source>
        <translation>Das Fenster in eine PNG-Datei zeichnen und beenden.</translation>
    </message>
    <message>
        <source>Window size for --screenshot, as WxH.</source>
        <translation>Fenstergröße für --screenshot, als BxH (WxH).</translation>
    </message>
    <message>
        <source>Use a dark palette (Fusion style), whatever the desktop&apos;s.</source>
        <translation>Eine dunkle Farbpalette (Fusion-Stil) verwenden, unabhängig vom Desktop.</translation>
    </message>
    <message>
        <source>The view to show first (records, trends, lessons, runs, curve, compare).</source>
        <translation>Die zuerst gezeigte Ansicht (records, trends, lessons, runs, curve, compare).</translation>
    </message>
</context>
<context>
    <name>memscope::ui::AboutDialog</name>
    <message>
        <source>About Memscope</source>
        <translation>Über Memscope</translation>
    </message>
    <message>
        <source>Memscope %1</source>
        <translation>Memscope %1</translation>
    </message>
    <message>
        <source>Inspect and curate the long-term memory of LLM agents: the lessons they learn from each task, what worked and what failed.</source>
        <translation>Das Langzeitgedächtnis von LLM-Agenten untersuchen und pflegen: die Erkenntnisse aus jeder Aufgabe, was funktioniert hat und was nicht.</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Qt %1 (built with %2)</source>
        <translation>Qt %1 (erstellt mit %2)</translation>
    </message>
</context>
<context>
    <name>memscope::ui::AgentRunLauncher</name>
    <message>
        <source>A run is already in progress.</source>
        <translation>Ein Lauf ist bereits im Gange.</translation>
    </message>
    <message>
        <source>No store is open.</source>
        <translation>Kein Speicher ist geöffnet.</translation>
    </message>
</context>
<context>
    <name>memscope::ui::ApiKeyStore</name>
    <message>
        <source>from the system keychain</source>
        <translation>aus dem Schlüsselbund des Systems</translation>
    </message>
    <message>
        <source>from the environment variable %1</source>
        <translation>aus der Umgebungsvariablen %1</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>nicht gesetzt</translation>
    </message>
    <message>
        <source>No system keychain is available; set the key in an environment variable instead.</source>
        <translation>Kein Schlüsselbund des Systems verfügbar; setzen Sie den Schlüssel stattdessen in einer Umgebungsvariablen.</translation>
    </message>
</context>
<context>
    <name>memscope::ui::ArchiveStaleDialog</name>
    <message>
        <source>Older than</source>
        <translation>Älter als</translation>
    </message>
    <message>
        <source>Not retrieved by any agent run in the last 30 days</source>
        <translation>In den letzten 30 Tagen von keinem Agentenlauf abgerufen</translation>
    </message>
    <message>
        <source>Archive Stale Lessons</source>
        <translation>Veraltete Erkenntnisse archivieren</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source>Any version</source>
        <translation>Jede Version</translation>
    </message>
    <message>
        <source>Any task type</source>
        <translation>Jeder Aufgabentyp</translation>
    </message>
    <message>
        <source>Any tool</source>
        <translation>Jedes Werkzeug</translation>
    </message>
    <message>
        <source>Available once agent runs are recorded in this store.</source>
        <translation>Verfügbar, sobald Agentenläufe in diesem Speicher aufgezeichnet sind.</translation>
    </message>
    <message>
        <source>Reason (optional, kept in the history)</source>
        <translation>Begründung (optional, wird im Verlauf gespeichert)</translation>
    </message>
    <message>
        <source>Age:</source>
        <translation>Alter:</translation>
    </message>
    <message>
        <source>Version before:</source>
        <translation>Version vor:</translation>
    </message>
    <message>
        <source>Outcome:</source>
        <translation>Ergebnis:</translation>
    </message>
    <message>
        <source>Task type:</source>
        <translation>Aufgabentyp:</translation>
    </message>
    <message>
        <source>Tool:</source>
        <translation>Werkzeug:</translation>
    </message>
    <message>
        <source>Rule as a filter:</source>
        <translation>Regel als Filter:</translation>
    </message>
    <message>
        <source>%1 active records match this rule.</source>
        <translation>%1 aktive Einträge entsprechen dieser Regel.</translation>
    </message>
    <message numerus="yes">
        <source>Archive %n Record(s)</source>
        <translation>
            <numerusform>%n Eintrag archivieren</numerusform>
            <numerusform>%n Einträge archivieren</numerusform>
        </translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Zählen…</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>Archivieren</translation>
    </message>
    <message numerus="yes">
        <source>Archive %n stale lesson(s)</source>
        <translation>
            <numerusform>%n veraltete Erkenntnis archivieren</numerusform>
            <numerusform>%n veraltete Erkenntnisse archivieren</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>memscope::ui::BreakdownModel</name>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>–  (%1)</source>
        <translation>–  (%1)</translation>
    </message>
    <message>
        <source>%1%  (%2)</source>
        <translation>%1 %  (%2)</translation>
    </message>
    <message>
        <source>No records</source>
        <translation>Keine Einträge</translation>
    </message>
    <message>
        <source>%1 × %2
Success %3 · Partial %4 · Failure %5 · Unknown %6
Success rate %7 of %8 judged records
Double-click to open these records</source>
        <translation>%1 × %2
Erfolg %3 · Teilerfolg %4 · Fehlschlag %5 · Unbekannt %6
Erfolgsquote %7 von %8 bewerteten Einträgen
Doppelklicken, um diese Einträge zu öffnen</translation>
    </message>
    <message>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
</context>
<context>
    <name>memscope::ui::CurationActions</name>
    <message>
        <source>Mark as %1</source>
        <translation>Als %1 markieren</translation>
    </message>
    <message>
        <source>Mark as %1 with a Reason…</source>
        <translation>Mit Begründung als %1 markieren…</translation>
    </message>
    <message>
        <source>&amp;Archive</source>
        <translation>&amp;Archivieren</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>Wieder&amp;herstellen</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <source>&amp;Edit Record…</source>
        <translation>Eintrag &amp;bearbeiten…</translation>
    </message>
    <message>
        <source>&amp;Tags…</source>
        <translation>&amp;Tags…</translation>
    </message>
    <message>
        <source>Relabel</source>
        <translation>Neu kennzeichnen</translation>
    </message>
    <message numerus="yes">
        <source>Mark %n record(s) as %1?</source>
        <translation>
            <numerusform>%n Eintrag als %1 markieren?</numerusform>
            <numerusform>%n Einträge als %1 markieren?</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n record(s)? They disappear from searches and agents&apos; prompts; the deletion can be undone or reverted from the history.</source>
        <translation>
            <numerusform>%n Eintrag löschen? Er verschwindet aus Suchen und aus den Prompts der Agenten; das Löschen kann rückgängig gemacht oder im Verlauf zurückgenommen werden.</numerusform>
            <numerusform>%n Einträge löschen? Sie verschwinden aus Suchen und aus den Prompts der Agenten; das Löschen kann rückgängig gemacht oder im Verlauf zurückgenommen werden.</numerusform>
        </translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>Archivieren</translation>
    </message>
    <message numerus="yes">
        <source>Archive %n record(s)?</source>
        <translation>
            <numerusform>%n Eintrag archivieren?</numerusform>
            <numerusform>%n Einträge archivieren?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>memscope::ui::CurationController</name>
    <message>
        <source>No database is open.</source>
        <translation>Keine Datenbank geöffnet.</translation>
    </message>
    <message>
        <source>%1 is open read-only: changes are off.</source>
        <translation>%1 ist schreibgeschützt geöffnet: Änderungen sind deaktiviert.</translation>
    </message>
    <message>
        <source>Nothing to change: %1</source>
        <translation>Nichts zu ändern: %1</translation>
    </message>
    <message>
        <source>undo/redo</source>
        <translation>Rückgängig/Wiederholen</translation>
    </message>
    <message numerus="yes">
        <source>Relabel %n record(s) as %1</source>
        <translation>
            <numerusform>%n Eintrag als %1 kennzeichnen</numerusform>
            <numerusform>%n Einträge als %1 kennzeichnen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Archive %n record(s)</source>
        <translation>
            <numerusform>%n Eintrag archivieren</numerusform>
            <numerusform>%n Einträge archivieren</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Restore %n record(s)</source>
        <translation>
            <numerusform>%n Eintrag wiederherstellen</numerusform>
            <numerusform>%n Einträge wiederherstellen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n record(s)</source>
        <translation>
            <numerusform>%n Eintrag löschen</numerusform>
            <numerusform>%n Einträge löschen</numerusform>
        </translation>
    </message>
    <message>
        <source>Edit record %1</source>
        <translation>Eintrag %1 bearbeiten</translation>
    </message>
    <message numerus="yes">
        <source>Tag %n record(s) with %1</source>
        <translation>
            <numerusform>%n Eintrag mit %1 taggen</numerusform>
            <numerusform>%n Einträge mit %1 taggen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove tags %1 from %n record(s)</source>
        <translation>
            <numerusform>Tags %1 von %n Eintrag entfernen</numerusform>
            <numerusform>Tags %1 von %n Einträgen entfernen</numerusform>
        </translation>
    </message>
    <message>
        <source>Revert change #%1</source>
        <translation>Änderung #%1 zurücknehmen</translation>
    </message>
</context>
<context>
    <name>memscope::ui::DetailPane</name>
    <message>
        <source>Revert this change</source>
        <translation>Diese Änderung zurücknehmen</translation>
    </message>
    <message>
        <source>Select a record to see its lesson, history and similar lessons.</source>
        <translation>Wählen Sie einen Eintrag, um seine Erkenntnis, seinen Verlauf und ähnliche Erkenntnisse zu sehen.</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Put back the values this change replaced (itself a change, kept in the history)</source>
        <translation>Die von dieser Änderung ersetzten Werte zurückholen (selbst eine Änderung, die im Verlauf bleibt)</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Similar lessons</source>
        <translation>Ähnliche Erkenntnisse</translation>
    </message>
    <message>
        <source>unlabelled</source>
        <translation>ohne Kennzeichnung</translation>
    </message>
    <message numerus="yes">
        <source>%n records selected</source>
        <translation>
            <numerusform>%n Eintrag ausgewählt</numerusform>
            <numerusform>%n Einträge ausgewählt</numerusform>
        </translation>
    </message>
    <message>
        <source>
(outcomes of the first %1)</source>
        <translation>
(Ergebnisse der ersten %1)</translation>
    </message>
    <message>
        <source>This record is no longer in the store.</source>
        <translation>Dieser Eintrag ist nicht mehr im Speicher.</translation>
    </message>
    <message>
        <source>Unlabelled</source>
        <translation>Ohne Kennzeichnung</translation>
    </message>
    <message>
        <source>ARCHIVED</source>
        <translation>ARCHIVIERT</translation>
    </message>
    <message>
        <source>DELETED</source>
        <translation>GELÖSCHT</translation>
    </message>
    <message>
        <source>no user</source>
        <translation>kein Benutzer</translation>
    </message>
    <message>
        <source>user %1</source>
        <translation>Benutzer %1</translation>
    </message>
    <message>
        <source>stored %1</source>
        <translation>gespeichert %1</translation>
    </message>
    <message>
        <source>updated %1</source>
        <translation>aktualisiert %1</translation>
    </message>
    <message>
        <source>Retrieved by</source>
        <translation>Abgerufen von</translation>
    </message>
    <message>
        <source>Retrieved by (%1+)</source>
        <translation>Abgerufen von (%1+)</translation>
    </message>
    <message>
        <source>Retrieved by (%1)</source>
        <translation>Abgerufen von (%1)</translation>
    </message>
</context>
<context>
    <name>memscope::ui::EditRecordDialog</name>
    <message>
        <source>Metadata is not valid JSON: %1</source>
        <translation>Die Metadaten sind kein gültiges JSON: %1</translation>
    </message>
    <message>
        <source>Metadata must be a JSON object.</source>
        <translation>Die Metadaten müssen ein JSON-Objekt sein.</translation>
    </message>
    <message>
        <source>outcome_type must be success, failure, partial or unknown.</source>
        <translation>outcome_type muss success, failure, partial oder unknown sein.</translation>
    </message>
    <message>
        <source>tags must be a list of strings.</source>
        <translation>tags muss eine Liste von Zeichenketten sein.</translation>
    </message>
    <message>
        <source>Edit Record</source>
        <translation>Eintrag bearbeiten</translation>
    </message>
    <message>
        <source>Reason (optional, kept in the history)</source>
        <translation>Begründung (optional, wird im Verlauf gespeichert)</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Record:</source>
        <translation>Eintrag:</translation>
    </message>
    <message>
        <source>Lesson:</source>
        <translation>Erkenntnis:</translation>
    </message>
    <message>
        <source>Metadata:</source>
        <translation>Metadaten:</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Begründung:</translation>
    </message>
    <message>
        <source>The lesson text cannot be empty.</source>
        <translation>Der Text der Erkenntnis darf nicht leer sein.</translation>
    </message>
</context>
<context>
    <name>memscope::ui::ErrorBanner</name>
    <message>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Dismiss message</source>
        <translation>Meldung schließen</translation>
    </message>
</context>
<context>
    <name>memscope::ui::ExportDialog</name>
    <message>
        <source>All records (every state)</source>
        <translation>Alle Einträge (jeder Status)</translation>
    </message>
    <message>
        <source>Records matching the current filter</source>
        <translation>Einträge, die dem aktuellen Filter entsprechen</translation>
    </message>
    <message numerus="yes">
        <source>The %n selected record(s)</source>
        <translation>
            <numerusform>Der %n ausgewählte Eintrag</numerusform>
            <numerusform>Die %n ausgewählten Einträge</numerusform>
        </translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Export Records</source>
        <translation>Einträge exportieren</translation>
    </message>
    <message>
        <source>JSON Lines (.jsonl) — imports back unchanged</source>
        <translation>JSON Lines (.jsonl) — lässt sich unverändert wieder importieren</translation>
    </message>
    <message>
        <source>CSV (.csv) — for spreadsheets</source>
        <translation>CSV (.csv) — für Tabellenkalkulationen</translation>
    </message>
    <message>
        <source>Records:</source>
        <translation>Einträge:</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl)</source>
        <translation>JSON Lines (*.jsonl)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Exporting… %1 records</source>
        <translation>Exportieren… %1 Einträge</translation>
    </message>
    <message>
        <source>Export cancelled; no file was left behind.</source>
        <translation>Export abgebrochen; es wurde keine Datei zurückgelassen.</translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation>Der Export ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>%1 records written to %2</source>
        <translation>%1 Einträge in %2 geschrieben</translation>
    </message>
</context>
<context>
    <name>memscope::ui::FacetModel</name>
    <message>
        <source>Collections</source>
        <translation>Sammlungen</translation>
    </message>
    <message>
        <source>Users and scopes</source>
        <translation>Benutzer und Bereiche</translation>
    </message>
    <message>
        <source>Task types</source>
        <translation>Aufgabentypen</translation>
    </message>
    <message>
        <source>Tools</source>
        <translation>Werkzeuge</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Versionen</translation>
    </message>
    <message>
        <source>Outcomes</source>
        <translation>Ergebnisse</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>%1 (%2 selected)</source>
        <translation>%1 (%2 ausgewählt)</translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation>(nicht gesetzt)</translation>
    </message>
    <message>
        <source>%1 = %2: %3 records</source>
        <translation>%1 = %2: %3 Einträge</translation>
    </message>
</context>
<context>
    <name>memscope::ui::FacetSidebar</name>
    <message>
        <source>Clear facets</source>
        <translation>Facetten zurücksetzen</translation>
    </message>
    <message>
        <source>Facets</source>
        <translation>Facetten</translation>
    </message>
</context>
<context>
    <name>memscope::ui::HistoryModel</name>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Begründung</translation>
    </message>
    <message>
        <source>created</source>
        <translation>erstellt</translation>
    </message>
    <message>
        <source>removed for good (the record is kept here, so this can be reverted)</source>
        <translation>endgültig entfernt (der Eintrag bleibt hier erhalten, daher lässt sich das zurücknehmen)</translation>
    </message>
</context>
<context>
    <name>memscope::ui::ImportDialog</name>
    <message>
        <source>All or nothing: import nothing if any record is refused</source>
        <translation>Alles oder nichts: nichts importieren, wenn ein Eintrag abgelehnt wird</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Undo This Import</source>
        <translation>Diesen Import rückgängig machen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Import Records</source>
        <translation>Einträge importieren</translation>
    </message>
    <message>
        <source>File: %1 (%2)</source>
        <translation>Datei: %1 (%2)</translation>
    </message>
    <message>
        <source>JSONL (one record per line), a JSON array of records, or Mem0&apos;s {&quot;results&quot;: [...]}.</source>
        <translation>JSONL (ein Eintrag pro Zeile), ein JSON-Array von Einträgen oder das {&quot;results&quot;: [...]} von Mem0.</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>Why it was refused</source>
        <translation>Grund der Ablehnung</translation>
    </message>
    <message>
        <source>%1 is open read-only.</source>
        <translation>%1 ist schreibgeschützt geöffnet.</translation>
    </message>
    <message>
        <source>import of %1</source>
        <translation>Import von %1</translation>
    </message>
    <message>
        <source>Stopping after the current record…</source>
        <translation>Anhalten nach dem aktuellen Eintrag…</translation>
    </message>
    <message>
        <source>Importing… %1 added, %2 duplicates skipped, %3 refused (%4 of %5 read)</source>
        <translation>Importieren… %1 hinzugefügt, %2 Duplikate übersprungen, %3 abgelehnt (%4 von %5 gelesen)</translation>
    </message>
    <message>
        <source>
The import was undone.</source>
        <translation>
Der Import wurde rückgängig gemacht.</translation>
    </message>
    <message>
        <source>
The import could not be undone: %1</source>
        <translation>
Der Import konnte nicht rückgängig gemacht werden: %1</translation>
    </message>
    <message>
        <source>the store refused the change; see the main window</source>
        <translation>der Speicher hat die Änderung abgelehnt; siehe Hauptfenster</translation>
    </message>
    <message>
        <source>undo import</source>
        <translation>Import rückgängig machen</translation>
    </message>
    <message>
        <source>Nothing was imported: %1 records were refused and the import was all or nothing.</source>
        <translation>Nichts wurde importiert: %1 Einträge wurden abgelehnt, und der Import war „alles oder nichts“.</translation>
    </message>
    <message>
        <source>%1 records added, %2 duplicates skipped, %3 refused.</source>
        <translation>%1 Einträge hinzugefügt, %2 Duplikate übersprungen, %3 abgelehnt.</translation>
    </message>
    <message>
        <source> Cancelled: the records committed before the cancel were kept.</source>
        <translation> Abgebrochen: die vor dem Abbruch gespeicherten Einträge wurden behalten.</translation>
    </message>
    <message>
        <source> (The first %1 refused lines are listed.)</source>
        <translation> (Die ersten %1 abgelehnten Zeilen sind aufgeführt.)</translation>
    </message>
    <message numerus="yes">
        <source>Import %n record(s)</source>
        <translation>
            <numerusform>%n Eintrag importieren</numerusform>
            <numerusform>%n Einträge importieren</numerusform>
        </translation>
    </message>
    <message>
        <source>The import failed: %1</source>
        <translation>Der Import ist fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>memscope::ui::LearningCurvePanel</name>
    <message>
        <source>A batch of runs; those run with &apos;Learning curve&apos; have both lines</source>
        <translation>Eine Serie von Läufen; mit „Lernkurve“ gestartete haben beide Linien</translation>
    </message>
    <message>
        <source>No batches yet. Run a pack with &apos;Learning curve&apos; checked to compare the success rate by episode with memory and without it (Run Task…, or memscope-cli run --pack NAME --episodes N --curve).</source>
        <translation>Noch keine Serien. Führen Sie ein Paket mit „Lernkurve“ aus, um die Erfolgsquote je Episode mit und ohne Gedächtnis zu vergleichen (Aufgabe ausführen… oder memscope-cli run --pack NAME --episodes N --curve).</translation>
    </message>
    <message>
        <source>&amp;Batch:</source>
        <translation>&amp;Serie:</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %2 · %n episode(s)</source>
        <translation>
            <numerusform>%1 · %2 · %n Episode</numerusform>
            <numerusform>%1 · %2 · %n Episoden</numerusform>
        </translation>
    </message>
    <message>
        <source> · memory only</source>
        <translation> · nur mit Gedächtnis</translation>
    </message>
    <message>
        <source> · without memory only</source>
        <translation> · nur ohne Gedächtnis</translation>
    </message>
    <message>
        <source>The batches could not be listed: %1</source>
        <translation>Die Serien konnten nicht aufgelistet werden: %1</translation>
    </message>
    <message>
        <source>The learning curve could not be computed: %1</source>
        <translation>Die Lernkurve konnte nicht berechnet werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>With memory %1 % · without %2 % · %3 points over %n episode(s)</source>
        <translation>
            <numerusform>Mit Gedächtnis %1 % · ohne %2 % · %3 Punkte über %n Episode</numerusform>
            <numerusform>Mit Gedächtnis %1 % · ohne %2 % · %3 Punkte über %n Episoden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>With memory %1 % over %n episode(s); no runs without memory to compare with</source>
        <translation>
            <numerusform>Mit Gedächtnis %1 % über %n Episode; keine Läufe ohne Gedächtnis zum Vergleich</numerusform>
            <numerusform>Mit Gedächtnis %1 % über %n Episoden; keine Läufe ohne Gedächtnis zum Vergleich</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Without memory %1 % over %n episode(s); no runs with memory to compare with</source>
        <translation>
            <numerusform>Ohne Gedächtnis %1 % über %n Episode; keine Läufe mit Gedächtnis zum Vergleich</numerusform>
            <numerusform>Ohne Gedächtnis %1 % über %n Episoden; keine Läufe mit Gedächtnis zum Vergleich</numerusform>
        </translation>
    </message>
    <message>
        <source>No run of this batch has been judged yet.</source>
        <translation>Noch kein Lauf dieser Serie wurde bewertet.</translation>
    </message>
    <message numerus="yes">
        <source> · %n run(s) left out (failed, cancelled or still running)</source>
        <translation>
            <numerusform> · %n Lauf ausgelassen (fehlgeschlagen, abgebrochen oder noch laufend)</numerusform>
            <numerusform> · %n Läufe ausgelassen (fehlgeschlagen, abgebrochen oder noch laufend)</numerusform>
        </translation>
    </message>
    <message>
        <source>Episode</source>
        <translation>Episode</translation>
    </message>
    <message>
        <source>Success rate</source>
        <translation>Erfolgsquote</translation>
    </message>
    <message numerus="yes">
        <source>Cumulative success rate by episode (dashed: the last %n episode(s))</source>
        <translation>
            <numerusform>Kumulierte Erfolgsquote je Episode (gestrichelt: die letzte %n Episode)</numerusform>
            <numerusform>Kumulierte Erfolgsquote je Episode (gestrichelt: die letzten %n Episoden)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>last %n</source>
        <translation>
            <numerusform>letzte %n</numerusform>
            <numerusform>letzte %n</numerusform>
        </translation>
    </message>
    <message>
        <source>With memory</source>
        <translation>Mit Gedächtnis</translation>
    </message>
    <message>
        <source>Without memory</source>
        <translation>Ohne Gedächtnis</translation>
    </message>
    <message>
        <source>With memory, %1</source>
        <translation>Mit Gedächtnis, %1</translation>
    </message>
    <message>
        <source>Without memory, %1</source>
        <translation>Ohne Gedächtnis, %1</translation>
    </message>
    <message>
        <source>%1 · episode %2: %3 %</source>
        <translation>%1 · Episode %2: %3 %</translation>
    </message>
</context>
<context>
    <name>memscope::ui::LessonEffectivenessModel</name>
    <message>
        <source>%1% of %2</source>
        <translation>%1 % von %2</translation>
    </message>
    <message>
        <source>%1%2 pp</source>
        <translation>%1%2 Pp.</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>Erkenntnis</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Task type</source>
        <translation>Aufgabentyp</translation>
    </message>
    <message>
        <source>Retrieved</source>
        <translation>Abgerufen</translation>
    </message>
    <message>
        <source>Runs that retrieved it</source>
        <translation>Läufe mit Abruf</translation>
    </message>
    <message>
        <source>Runs that did not</source>
        <translation>Läufe ohne Abruf</translation>
    </message>
    <message>
        <source>Lift</source>
        <translation>Zugewinn</translation>
    </message>
</context>
<context>
    <name>memscope::ui::LessonEffectivenessPanel</name>
    <message>
        <source>Lesson effectiveness could not be computed: %1</source>
        <translation>Die Wirksamkeit der Erkenntnisse konnte nicht berechnet werden: %1</translation>
    </message>
    <message>
        <source>No lesson has been retrieved by a run yet. Agent runs (the Runs tab, or memscope-cli run) and outside agents searching with --run-id fill this in.</source>
        <translation>Noch kein Lauf hat eine Erkenntnis abgerufen. Agentenläufe (der Reiter Läufe oder memscope-cli run) und externe Agenten, die mit --run-id suchen, füllen diese Tabelle.</translation>
    </message>
    <message>
        <source>Success rate of the runs that retrieved each lesson against the runs of its task type that did not. Double-click a lesson to open it.</source>
        <translation>Erfolgsquote der Läufe, die eine Erkenntnis abgerufen haben, gegenüber den Läufen desselben Aufgabentyps ohne sie. Doppelklick öffnet die Erkenntnis.</translation>
    </message>
    <message>
        <source>Lessons of task type %1: success rate of the runs that retrieved each against the runs that did not. Double-click a lesson to open it.</source>
        <translation>Erkenntnisse des Aufgabentyps %1: Erfolgsquote der Läufe mit Abruf gegenüber den Läufen ohne. Doppelklick öffnet die Erkenntnis.</translation>
    </message>
</context>
<context>
    <name>memscope::ui::LlmEndpointEditor</name>
    <message>
        <source>LLM endpoints (agent runs)</source>
        <translation>LLM-Endpunkte (Agentenläufe)</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Hinzufügen…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>List Models</source>
        <translation>Modelle auflisten</translation>
    </message>
    <message>
        <source>Find Local Ollama</source>
        <translation>Lokales Ollama suchen</translation>
    </message>
    <message>
        <source>The endpoint agent runs use unless the Run Task dialog picks another</source>
        <translation>Der Endpunkt, den Agentenläufe verwenden, sofern der Dialog „Aufgabe ausführen“ keinen anderen wählt</translation>
    </message>
    <message>
        <source>none yet: add one, or find a local Ollama</source>
        <translation>noch keiner: fügen Sie einen hinzu oder suchen Sie ein lokales Ollama</translation>
    </message>
    <message>
        <source>Ask the endpoint which models it serves</source>
        <translation>Den Endpunkt fragen, welche Modelle er anbietet</translation>
    </message>
    <message>
        <source>Look for Ollama on this computer (%1) and add it as an endpoint</source>
        <translation>Auf diesem Computer nach Ollama suchen (%1) und es als Endpunkt hinzufügen</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>unverändert</translation>
    </message>
    <message>
        <source>set it in the environment</source>
        <translation>in der Umgebung setzen</translation>
    </message>
    <message>
        <source>Endpoint:</source>
        <translation>Endpunkt:</translation>
    </message>
    <message>
        <source>Base URL:</source>
        <translation>Basis-URL:</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>Modell:</translation>
    </message>
    <message>
        <source>API key:</source>
        <translation>API-Schlüssel:</translation>
    </message>
    <message>
        <source>Add Endpoint</source>
        <translation>Endpunkt hinzufügen</translation>
    </message>
    <message>
        <source>Name of the new endpoint:</source>
        <translation>Name des neuen Endpunkts:</translation>
    </message>
    <message>
        <source>An endpoint needs a name of its own.</source>
        <translation>Ein Endpunkt braucht einen eigenen Namen.</translation>
    </message>
    <message>
        <source>Add an endpoint to set its key.</source>
        <translation>Fügen Sie einen Endpunkt hinzu, um seinen Schlüssel zu setzen.</translation>
    </message>
    <message>
        <source>Looking…</source>
        <translation>Suche…</translation>
    </message>
    <message>
        <source>Asking %1 for its models…</source>
        <translation>Frage %1 nach seinen Modellen…</translation>
    </message>
    <message>
        <source>No model list from %1: %2</source>
        <translation>Keine Modellliste von %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n model(s) at %1.</source>
        <translation>
            <numerusform>%n Modell bei %1.</numerusform>
            <numerusform>%n Modelle bei %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Looking for Ollama at %1…</source>
        <translation>Suche Ollama unter %1…</translation>
    </message>
    <message>
        <source>No Ollama answered at %1. Start it with &quot;ollama serve&quot; (and &quot;ollama pull llama3.1&quot; for a model), or set OLLAMA_HOST.</source>
        <translation>Unter %1 hat kein Ollama geantwortet. Starten Sie es mit „ollama serve“ (und „ollama pull llama3.1“ für ein Modell) oder setzen Sie OLLAMA_HOST.</translation>
    </message>
    <message>
        <source>Ollama is running at %1 but has no models: run &quot;ollama pull llama3.1&quot;.</source>
        <translation>Ollama läuft unter %1, hat aber keine Modelle: führen Sie „ollama pull llama3.1“ aus.</translation>
    </message>
    <message numerus="yes">
        <source>Ollama is running at %1 with %n model(s).</source>
        <translation>
            <numerusform>Ollama läuft unter %1 mit %n Modell.</numerusform>
            <numerusform>Ollama läuft unter %1 mit %n Modellen.</numerusform>
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
        <translation>&amp;Einträge</translation>
    </message>
    <message>
        <source>&amp;Trends</source>
        <translation>&amp;Trends</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Open Database…</source>
        <translation>Datenbank ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>&amp;New Database…</source>
        <translation>&amp;Neue Datenbank…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>Load &amp;Demo History</source>
        <translation>&amp;Demo-Verlauf laden</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importieren…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Werkzeuge</translation>
    </message>
    <message>
        <source>&amp;Archive Stale Lessons…</source>
        <translation>Veraltete Erkenntnisse &amp;archivieren…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>&amp;About Memscope</source>
        <translation>Ü&amp;ber Memscope</translation>
    </message>
    <message>
        <source>Import Records</source>
        <translation>Einträge importieren</translation>
    </message>
    <message>
        <source>Records (*.jsonl *.json *.ndjson);;All files (*)</source>
        <translation>Einträge (*.jsonl *.json *.ndjson);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Exported %1 records to %2</source>
        <translation>%1 Einträge nach %2 exportiert</translation>
    </message>
    <message>
        <source>The API key was not stored: %1</source>
        <translation>Der API key wurde nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>%1 (missing)</source>
        <translation>%1 (fehlt)</translation>
    </message>
    <message>
        <source>No recent databases</source>
        <translation>Keine zuletzt geöffneten Datenbanken</translation>
    </message>
    <message>
        <source>Clear Menu</source>
        <translation>Menü leeren</translation>
    </message>
    <message>
        <source>The configured embedder cannot be used (%1); the built-in one is used instead.</source>
        <translation>Der eingestellte Embedder kann nicht verwendet werden (%1); stattdessen wird der eingebaute verwendet.</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Preparing search by meaning…</source>
        <translation>Bedeutungssuche wird vorbereitet…</translation>
    </message>
    <message>
        <source>Embedding records for search by meaning: %1 of %2</source>
        <translation>Einträge für die Bedeutungssuche einbetten: %1 von %2</translation>
    </message>
    <message>
        <source>Embedding stopped; search by meaning covers the records embedded so far.</source>
        <translation>Einbetten angehalten; die Bedeutungssuche umfasst die bisher eingebetteten Einträge.</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) embedded for search by meaning.</source>
        <translation>
            <numerusform>%n Eintrag für die Bedeutungssuche eingebettet.</numerusform>
            <numerusform>%n Einträge für die Bedeutungssuche eingebettet.</numerusform>
        </translation>
    </message>
    <message>
        <source>Records could not be embedded: %1</source>
        <translation>Einträge konnten nicht eingebettet werden: %1</translation>
    </message>
    <message>
        <source>Opened read-only: browsing works, changes are off.</source>
        <translation>Schreibgeschützt geöffnet: Durchsuchen geht, Änderungen sind deaktiviert.</translation>
    </message>
    <message>
        <source>Open Memory Store</source>
        <translation>Gedächtnisspeicher öffnen</translation>
    </message>
    <message>
        <source>Memscope databases (*.db *.sqlite);;All files (*)</source>
        <translation>Memscope-Datenbanken (*.db *.sqlite);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>New Memory Store</source>
        <translation>Neuer Gedächtnisspeicher</translation>
    </message>
    <message>
        <source>Memscope databases (*.db)</source>
        <translation>Memscope-Datenbanken (*.db)</translation>
    </message>
    <message>
        <source>Writing the demo history…</source>
        <translation>Demo-Verlauf wird geschrieben…</translation>
    </message>
    <message>
        <source>demo history</source>
        <translation>Demo-Verlauf</translation>
    </message>
    <message numerus="yes">
        <source>Demo history loaded: %n record(s).</source>
        <translation>
            <numerusform>Demo-Verlauf geladen: %n Eintrag.</numerusform>
            <numerusform>Demo-Verlauf geladen: %n Einträge.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — Memscope</source>
        <translation>%1 — Memscope</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Hauptleiste</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>The demo history could not be written</source>
        <translation>Der Demo-Verlauf konnte nicht geschrieben werden</translation>
    </message>
    <message>
        <source>R&amp;uns</source>
        <translation>Lä&amp;ufe</translation>
    </message>
    <message>
        <source>Showing record %1</source>
        <translation>Eintrag %1 wird angezeigt</translation>
    </message>
</context>
<context>
    <name>memscope::ui::NeighbourModel</name>
    <message>
        <source>Similarity</source>
        <translation>Ähnlichkeit</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Task type</source>
        <translation>Aufgabentyp</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>Erkenntnis</translation>
    </message>
    <message>
        <source>possible duplicate</source>
        <translation>mögliches Duplikat</translation>
    </message>
    <message>
        <source>conflicting outcome</source>
        <translation>widersprüchliches Ergebnis</translation>
    </message>
</context>
<context>
    <name>memscope::ui::QueryBar</name>
    <message>
        <source>Apply filter</source>
        <translation>Filter anwenden</translation>
    </message>
    <message>
        <source>Search lessons by words and meaning…  (Enter)</source>
        <translation>Erkenntnisse nach Wörtern und Bedeutung suchen…  (Eingabe)</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>Gesamter Zeitraum</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Letzte 24 Stunden</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>Letzte 90 Tage</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>Dieses Jahr</translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation>Benutzerdefiniert…</translation>
    </message>
    <message>
        <source>Time range (by the time a record was stored)</source>
        <translation>Zeitraum (nach dem Zeitpunkt, zu dem ein Eintrag gespeichert wurde)</translation>
    </message>
    <message>
        <source>Filter JSON</source>
        <translation>Filter-JSON</translation>
    </message>
    <message>
        <source>Write a Mem0 filter: AND/OR/NOT, eq ne in nin gt gte lt lte contains icontains</source>
        <translation>Einen Mem0-Filter schreiben: AND/OR/NOT, eq ne in nin gt gte lt lte contains icontains</translation>
    </message>
    <message>
        <source>Saved views</source>
        <translation>Meine Ansichten</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>Ansichten</translation>
    </message>
    <message>
        <source>Save current view…</source>
        <translation>Aktuelle Ansicht speichern…</translation>
    </message>
    <message>
        <source>Delete selected view</source>
        <translation>Ausgewählte Ansicht löschen</translation>
    </message>
    <message>
        <source>Apply the filter (Ctrl+Enter)</source>
        <translation>Den Filter anwenden (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>Clear all</source>
        <translation>Alles zurücksetzen</translation>
    </message>
    <message>
        <source>The filter must be a JSON object, such as {&quot;task_type&quot;: &quot;sql_query_debug&quot;}.</source>
        <translation>Der Filter muss ein JSON-Objekt sein, etwa {&quot;task_type&quot;: &quot;sql_query_debug&quot;}.</translation>
    </message>
    <message>
        <source>Not valid JSON at line %1, column %2.</source>
        <translation>Kein gültiges JSON in Zeile %1, Spalte %2.</translation>
    </message>
    <message>
        <source>No filter.</source>
        <translation>Kein Filter.</translation>
    </message>
    <message>
        <source>Valid filter.</source>
        <translation>Gültiger Filter.</translation>
    </message>
    <message>
        <source>Time Range</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>Von:</translation>
    </message>
    <message>
        <source>Until:</source>
        <translation>Bis:</translation>
    </message>
    <message>
        <source>Save View</source>
        <translation>Ansicht speichern</translation>
    </message>
    <message>
        <source>Name of this view:</source>
        <translation>Name dieser Ansicht:</translation>
    </message>
    <message>
        <source>search &quot;%1&quot;</source>
        <translation>Suche „%1“</translation>
    </message>
    <message>
        <source>filter %1</source>
        <translation>Filter %1</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>ab %1</translation>
    </message>
    <message>
        <source>until %1</source>
        <translation>bis %1</translation>
    </message>
    <message>
        <source>Showing active records; no filters.</source>
        <translation>Aktive Einträge werden angezeigt; keine Filter.</translation>
    </message>
    <message>
        <source>Filters: %1</source>
        <translation>Filter: %1</translation>
    </message>
</context>
<context>
    <name>memscope::ui::ReasonDialog</name>
    <message>
        <source>Reason (optional, kept in the history)</source>
        <translation>Begründung (optional, wird im Verlauf gespeichert)</translation>
    </message>
</context>
<context>
    <name>memscope::ui::RecordRunsModel</name>
    <message>
        <source>Retrieved</source>
        <translation>Abgerufen</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>Rang</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Run outcome</source>
        <translation>Ergebnis des Laufs</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>Retrieved by an outside agent&apos;s search (source &quot;%1&quot;, run id %2); Memscope has no trace of that run.</source>
        <translation>Von der Suche eines externen Agenten abgerufen (Quelle „%1“, Lauf-ID %2); Memscope hat keine Aufzeichnung dieses Laufs.</translation>
    </message>
    <message>
        <source>Double-click to inspect run %1</source>
        <translation>Doppelklicken, um Lauf %1 zu untersuchen</translation>
    </message>
    <message>
        <source>outside agent search</source>
        <translation>Suche eines externen Agenten</translation>
    </message>
</context>
<context>
    <name>memscope::ui::RecordTableModel</name>
    <message>
        <source>(no longer in the store)</source>
        <translation>(nicht mehr im Speicher)</translation>
    </message>
</context>
<context>
    <name>memscope::ui::RecordTableView</name>
    <message>
        <source>Reset columns</source>
        <translation>Spalten zurücksetzen</translation>
    </message>
</context>
<context>
    <name>memscope::ui::RecordsView</name>
    <message>
        <source>Searching…</source>
        <translation>Suchen…</translation>
    </message>
    <message numerus="yes">
        <source>%n best match(es)</source>
        <translation>
            <numerusform>%n bester Treffer</numerusform>
            <numerusform>%n beste Treffer</numerusform>
        </translation>
    </message>
    <message>
        <source>Listing… %1 records so far</source>
        <translation>Auflisten… bisher %1 Einträge</translation>
    </message>
    <message>
        <source>%1 records</source>
        <translation>%1 Einträge</translation>
    </message>
</context>
<context>
    <name>memscope::ui::RetrievedMemoryModel</name>
    <message>
        <source>Rank</source>
        <translation>Rang</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Relevanz</translation>
    </message>
    <message>
        <source>Semantic</source>
        <translation>Semantisch</translation>
    </message>
    <message>
        <source>Keyword</source>
        <translation>Stichwort</translation>
    </message>
    <message>
        <source>Recency</source>
        <translation>Aktualität</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <source>In prompt</source>
        <translation>Im Prompt</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>Erkenntnis</translation>
    </message>
    <message>
        <source>Double-click to open record %1</source>
        <translation>Doppelklicken, um Eintrag %1 zu öffnen</translation>
    </message>
    <message>
        <source>used</source>
        <translation>verwendet</translation>
    </message>
    <message>
        <source>cut</source>
        <translation>gekürzt</translation>
    </message>
</context>
<context>
    <name>memscope::ui::RunCompareDialog</name>
    <message>
        <source>Compare Runs — %1</source>
        <translation>Läufe vergleichen — %1</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation>%1 und %2</translation>
    </message>
    <message>
        <source>A: %1 · B: %2 · changes are B − A; green is better for B, red worse.</source>
        <translation>A: %1 · B: %2 · Änderungen sind B − A; grün ist besser für B, rot schlechter.</translation>
    </message>
    <message>
        <source>These runs are of different tasks (A: %1, B: %2): their differences are not only memory&apos;s or the version&apos;s.</source>
        <translation>Diese Läufe gehören zu verschiedenen Aufgaben (A: %1, B: %2): Ihre Unterschiede liegen nicht nur am Gedächtnis oder an der Version.</translation>
    </message>
    <message>
        <source>Run A</source>
        <translation>Lauf A</translation>
    </message>
    <message>
        <source>Run B</source>
        <translation>Lauf B</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>on</source>
        <translation>an</translation>
    </message>
    <message>
        <source>off (ablation)</source>
        <translation>aus (Ablation)</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>geändert</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Gedächtnis</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keins</translation>
    </message>
    <message>
        <source>better</source>
        <translation>besser</translation>
    </message>
    <message>
        <source>worse</source>
        <translation>schlechter</translation>
    </message>
    <message>
        <source>same</source>
        <translation>gleich</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latenz</translation>
    </message>
    <message>
        <source>Prompt tokens</source>
        <translation>Prompt-Tokens</translation>
    </message>
    <message>
        <source>Completion tokens</source>
        <translation>Antwort-Tokens</translation>
    </message>
    <message>
        <source>  “%1” section</source>
        <translation>  Abschnitt „%1“</translation>
    </message>
    <message>
        <source>Steps (tool calls)</source>
        <translation>Schritte (Werkzeugaufrufe)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Retrieved (in prompt)</source>
        <translation>Abgerufen (im Prompt)</translation>
    </message>
    <message>
        <source>Neither run retrieved any memory.</source>
        <translation>Keiner der Läufe hat eine Erinnerung abgerufen.</translation>
    </message>
    <message>
        <source>Only run A retrieved %1, only run B %2, both %3 (%4 of them at another rank).</source>
        <translation>Nur Lauf A rief %1 ab, nur Lauf B %2, beide %3 (%4 davon auf einem anderen Rang).</translation>
    </message>
    <message>
        <source>Double-click a memory to open its record.</source>
        <translation>Doppelklicken Sie auf eine Erinnerung, um ihren Datensatz zu öffnen.</translation>
    </message>
    <message>
        <source>Retrieved context</source>
        <translation>Abgerufener Kontext</translation>
    </message>
    <message>
        <source>No answer.</source>
        <translation>Keine Antwort.</translation>
    </message>
    <message>
        <source>Answer of run A</source>
        <translation>Antwort von Lauf A</translation>
    </message>
    <message>
        <source>Answer of run B</source>
        <translation>Antwort von Lauf B</translation>
    </message>
</context>
<context>
    <name>memscope::ui::RunComparisonModel</name>
    <message>
        <source>Whether run A, run B or both retrieved the memory</source>
        <translation>Ob Lauf A, Lauf B oder beide die Erinnerung abgerufen haben</translation>
    </message>
    <message>
        <source>The memory&apos;s label in the run&apos;s prompt ([L1] first); cut: did not fit the budget</source>
        <translation>Die Marke der Erinnerung im Prompt des Laufs ([L1] zuerst); gekürzt: passte nicht ins Budget</translation>
    </message>
    <message>
        <source>The retrieval score in that run (relevance and recency)</source>
        <translation>Der Abrufwert in diesem Lauf (Relevanz und Aktualität)</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Rank A</source>
        <translation>Rang A</translation>
    </message>
    <message>
        <source>Rank B</source>
        <translation>Rang B</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Score A</source>
        <translation>Wert A</translation>
    </message>
    <message>
        <source>Score B</source>
        <translation>Wert B</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>Erkenntnis</translation>
    </message>
    <message>
        <source>L%1 (cut)</source>
        <translation>L%1 (gekürzt)</translation>
    </message>
    <message>
        <source>− only A</source>
        <translation>− nur A</translation>
    </message>
    <message>
        <source>+ only B</source>
        <translation>+ nur B</translation>
    </message>
    <message>
        <source>↑ up %1</source>
        <translation>↑ %1 höher</translation>
    </message>
    <message>
        <source>↓ down %1</source>
        <translation>↓ %1 tiefer</translation>
    </message>
    <message>
        <source>= both</source>
        <translation>= beide</translation>
    </message>
    <message>
        <source>Run %1 did not retrieve it.</source>
        <translation>Lauf %1 hat sie nicht abgerufen.</translation>
    </message>
    <message>
        <source>Run %1 retrieved it as [L%2], in the prompt.</source>
        <translation>Lauf %1 rief sie als [L%2] ab, im Prompt.</translation>
    </message>
    <message>
        <source>Run %1 retrieved it as [L%2], but it did not fit the token budget.</source>
        <translation>Lauf %1 rief sie als [L%2] ab, aber sie passte nicht ins Token-Budget.</translation>
    </message>
    <message>
        <source>Only run A retrieved this memory.</source>
        <translation>Nur Lauf A hat diese Erinnerung abgerufen.</translation>
    </message>
    <message>
        <source>Only run B retrieved this memory.</source>
        <translation>Nur Lauf B hat diese Erinnerung abgerufen.</translation>
    </message>
    <message>
        <source>Both runs retrieved it, at different ranks.</source>
        <translation>Beide Läufe riefen sie ab, auf verschiedenen Rängen.</translation>
    </message>
    <message>
        <source>Both runs retrieved it, at the same rank.</source>
        <translation>Beide Läufe riefen sie ab, auf demselben Rang.</translation>
    </message>
    <message>
        <source>Double-click to open record %1</source>
        <translation>Doppelklicken, um Datensatz %1 zu öffnen</translation>
    </message>
</context>
<context>
    <name>memscope::ui::RunInspector</name>
    <message>
        <source>Retrieved Context</source>
        <translation>Abgerufener Kontext</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <source>Output &amp;&amp; Evaluation</source>
        <translation>Ausgabe &amp;&amp; Bewertung</translation>
    </message>
    <message>
        <source>Select a run to see what it retrieved, its prompt, its steps and its result.</source>
        <translation>Wählen Sie einen Lauf, um zu sehen, was er abgerufen hat, seinen Prompt, seine Schritte und sein Ergebnis.</translation>
    </message>
    <message>
        <source>Double-click a memory to open its record.</source>
        <translation>Doppelklicken Sie auf eine Erinnerung, um ihren Eintrag zu öffnen.</translation>
    </message>
    <message>
        <source>Select a step to see its arguments and output.</source>
        <translation>Wählen Sie einen Schritt, um seine Argumente und Ausgabe zu sehen.</translation>
    </message>
    <message>
        <source>No answer yet.</source>
        <translation>Noch keine Antwort.</translation>
    </message>
    <message>
        <source>Open the lesson&apos;s record</source>
        <translation>Den Eintrag der Erkenntnis öffnen</translation>
    </message>
    <message>
        <source>Evaluation:</source>
        <translation>Bewertung:</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Begründung:</translation>
    </message>
    <message>
        <source>Lesson:</source>
        <translation>Erkenntnis:</translation>
    </message>
    <message>
        <source>episode %1</source>
        <translation>Episode %1</translation>
    </message>
    <message>
        <source>version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>%1 + %2 tokens</source>
        <translation>%1 + %2 Tokens</translation>
    </message>
    <message>
        <source>memory on</source>
        <translation>Gedächtnis an</translation>
    </message>
    <message>
        <source>memory off (ablation)</source>
        <translation>Gedächtnis aus (Ablation)</translation>
    </message>
    <message>
        <source>user %1</source>
        <translation>Benutzer %1</translation>
    </message>
    <message>
        <source>The run failed: %1</source>
        <translation>Der Lauf ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>The run was cancelled: %1</source>
        <translation>Der Lauf wurde abgebrochen: %1</translation>
    </message>
    <message>
        <source>Memory was off for this run (the ablation): nothing was retrieved.</source>
        <translation>Das Gedächtnis war für diesen Lauf aus (die Ablation): Es wurde nichts abgerufen.</translation>
    </message>
    <message>
        <source>%1 retrieved, %2 in the prompt (%3 of %4 tokens). Filter: %5</source>
        <translation>%1 abgerufen, %2 im Prompt (%3 von %4 Tokens). Filter: %5</translation>
    </message>
    <message>
        <source>Retrieved Context (%1)</source>
        <translation>Abgerufener Kontext (%1)</translation>
    </message>
    <message>
        <source>%1: %2 tokens</source>
        <translation>%1: %2 Tokens</translation>
    </message>
    <message>
        <source>The prompt is not built yet.</source>
        <translation>Der Prompt ist noch nicht erstellt.</translation>
    </message>
    <message>
        <source>Sections — %1 (%2 tokens in all)</source>
        <translation>Abschnitte — %1 (insgesamt %2 Tokens)</translation>
    </message>
    <message>
        <source>%1, score %2</source>
        <translation>%1, Bewertung %2</translation>
    </message>
    <message>
        <source>Not evaluated yet.</source>
        <translation>Noch nicht bewertet.</translation>
    </message>
    <message>
        <source>Not evaluated.</source>
        <translation>Nicht bewertet.</translation>
    </message>
    <message>
        <source>written by the model</source>
        <translation>vom Modell geschrieben</translation>
    </message>
    <message>
        <source>written by the evaluator</source>
        <translation>vom Bewerter geschrieben</translation>
    </message>
    <message>
        <source>queued for writeback</source>
        <translation>zum Zurückschreiben eingereiht</translation>
    </message>
    <message>
        <source>stored as a record</source>
        <translation>als Eintrag gespeichert</translation>
    </message>
    <message>
        <source>not stored</source>
        <translation>nicht gespeichert</translation>
    </message>
    <message>
        <source>Open Record %1</source>
        <translation>Eintrag %1 öffnen</translation>
    </message>
</context>
<context>
    <name>memscope::ui::RunListModel</name>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>Task type</source>
        <translation>Aufgabentyp</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Gedächtnis</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latenz</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <source>Retrieved</source>
        <translation>Abgerufen</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 (#%2)</source>
        <translation>%1 (Nr. %2)</translation>
    </message>
    <message>
        <source>on</source>
        <translation>an</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>Pack %1, run %2</source>
        <translation>Paket %1, Lauf %2</translation>
    </message>
    <message>
        <source>%1 prompt + %2 completion tokens</source>
        <translation>%1 Prompt- + %2 Antwort-Tokens</translation>
    </message>
</context>
<context>
    <name>memscope::ui::RunStepModel</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultat</translation>
    </message>
    <message>
        <source>Model call</source>
        <translation>Modellaufruf</translation>
    </message>
    <message>
        <source>Tool call</source>
        <translation>Werkzeugaufruf</translation>
    </message>
    <message>
        <source>Evaluation</source>
        <translation>Bewertung</translation>
    </message>
    <message>
        <source>Judge</source>
        <translation>Richter</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>Erkenntnis</translation>
    </message>
    <message>
        <source>Limit reached</source>
        <translation>Grenze erreicht</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>Arguments:</source>
        <translation>Argumente:</translation>
    </message>
    <message>
        <source>Output:</source>
        <translation>Ausgabe:</translation>
    </message>
    <message>
        <source>(the output was cut to the pack&apos;s limit)</source>
        <translation>(die Ausgabe wurde auf die Grenze des Pakets gekürzt)</translation>
    </message>
    <message>
        <source>Request:</source>
        <translation>Anfrage:</translation>
    </message>
    <message>
        <source>Answer:</source>
        <translation>Antwort:</translation>
    </message>
    <message>
        <source>Details:</source>
        <translation>Details:</translation>
    </message>
    <message>
        <source>Result:</source>
        <translation>Resultat:</translation>
    </message>
    <message>
        <source>Log: %1</source>
        <translation>Protokoll: %1</translation>
    </message>
    <message>
        <source>%1 + %2</source>
        <translation>%1 + %2</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
</context>
<context>
    <name>memscope::ui::RunTaskDialog</name>
    <message>
        <source>Use memory: prefetch the lessons of earlier runs into the prompt</source>
        <translation>Gedächtnis nutzen: die Erkenntnisse früherer Läufe vorab in den Prompt laden</translation>
    </message>
    <message>
        <source>Run Task</source>
        <translation>Aufgabe ausführen</translation>
    </message>
    <message>
        <source>Whose lessons join the global ones in the prompt, and who owns the new lesson</source>
        <translation>Wessen Erkenntnisse zu den globalen in den Prompt kommen und wem die neue Erkenntnis gehört</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>&amp;Pack:</source>
        <translation>&amp;Paket:</translation>
    </message>
    <message>
        <source>&amp;Task:</source>
        <translation>&amp;Aufgabe:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Benutzer:</translation>
    </message>
    <message>
        <source>&amp;Episodes:</source>
        <translation>&amp;Episoden:</translation>
    </message>
    <message>
        <source>&amp;Version tag:</source>
        <translation>&amp;Versionskennung:</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Ausführen</translation>
    </message>
    <message>
        <source>No task packs found. Folders searched: %1</source>
        <translation>Keine Aufgabenpakete gefunden. Durchsuchte Ordner: %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>the pack&apos;s version (%1)</source>
        <translation>die Version des Pakets (%1)</translation>
    </message>
    <message>
        <source>This pack cannot be used: %1</source>
        <translation>Dieses Paket kann nicht verwendet werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>All tasks, in turn (%n)</source>
        <translation>
            <numerusform>Alle Aufgaben nacheinander (%n)</numerusform>
            <numerusform>Alle Aufgaben nacheinander (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Learning curve: run each episode with and without memory</source>
        <translation>&amp;Lernkurve: jede Episode mit und ohne Gedächtnis ausführen</translation>
    </message>
    <message>
        <source>E&amp;ndpoint:</source>
        <translation>E&amp;ndpunkt:</translation>
    </message>
    <message>
        <source>&amp;Queue the lessons (written in the background after each run)</source>
        <translation>Erkenntnisse in die &amp;Warteschlange (nach jedem Lauf im Hintergrund geschrieben)</translation>
    </message>
    <message>
        <source>For each episode, run the task with memory and then the same task without memory (a control that writes no lesson), and chart both success rates by episode: the continual-learning curve</source>
        <translation>Für jede Episode die Aufgabe mit Gedächtnis und dann dieselbe Aufgabe ohne Gedächtnis ausführen (eine Kontrolle, die keine Erkenntnis schreibt) und beide Erfolgsquoten je Episode zeichnen: die Kurve des kontinuierlichen Lernens</translation>
    </message>
    <message>
        <source>The LLM endpoint (provider profile) the runs use</source>
        <translation>Der LLM-Endpunkt (Anbieterprofil), den die Läufe verwenden</translation>
    </message>
    <message>
        <source>&amp;Advanced</source>
        <translation>&amp;Erweitert</translation>
    </message>
    <message>
        <source>The prefetch&apos;s budget and filters, and where the lessons go</source>
        <translation>Budget und Filter des Vorabrufs und wohin die Erkenntnisse gehen</translation>
    </message>
    <message>
        <source> tokens</source>
        <translation> Tokens</translation>
    </message>
    <message>
        <source>The most tokens the lessons may take in the prompt; lessons that do not fit are cut</source>
        <translation>Die meisten Tokens, die Erkenntnisse im Prompt belegen dürfen; was nicht passt, wird gekürzt</translation>
    </message>
    <message>
        <source>How many successes and how many failures the prefetch retrieves, before the budget</source>
        <translation>Wie viele Erfolge und wie viele Fehlschläge der Vorabruf vor dem Budget abruft</translation>
    </message>
    <message>
        <source>any tool</source>
        <translation>jedes Werkzeug</translation>
    </message>
    <message>
        <source>Retrieve only lessons whose tool_name is this</source>
        <translation>Nur Erkenntnisse mit diesem tool_name abrufen</translation>
    </message>
    <message>
        <source>any version</source>
        <translation>jede Version</translation>
    </message>
    <message>
        <source>Retrieve only lessons whose version is this</source>
        <translation>Nur Erkenntnisse mit dieser Version abrufen</translation>
    </message>
    <message>
        <source>any age</source>
        <translation>jedes Alter</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source>Retrieve only lessons written in the last N days (0: any age)</source>
        <translation>Nur Erkenntnisse der letzten N Tage abrufen (0: jedes Alter)</translation>
    </message>
    <message>
        <source>Hand each lesson to the persistent writeback queue instead of writing it inline; the queue is drained after each run, so the next episode can retrieve the lesson</source>
        <translation>Jede Erkenntnis an die dauerhafte Rückschreib-Warteschlange übergeben, statt sie direkt zu schreiben; die Warteschlange wird nach jedem Lauf geleert, sodass die nächste Episode die Erkenntnis abrufen kann</translation>
    </message>
    <message>
        <source>Lesson &amp;budget:</source>
        <translation>Erkenntnis-&amp;Budget:</translation>
    </message>
    <message>
        <source>Lessons per &amp;outcome:</source>
        <translation>Erkenntnisse je &amp;Ergebnis:</translation>
    </message>
    <message>
        <source>Only &amp;tool:</source>
        <translation>Nur &amp;Werkzeug:</translation>
    </message>
    <message>
        <source>Only v&amp;ersion:</source>
        <translation>Nur V&amp;ersion:</translation>
    </message>
    <message>
        <source>Written &amp;within:</source>
        <translation>Geschrieben &amp;innerhalb:</translation>
    </message>
    <message>
        <source>&amp;Run Both</source>
        <translation>Beide &amp;ausführen</translation>
    </message>
</context>
<context>
    <name>memscope::ui::RunsView</name>
    <message>
        <source>All task types</source>
        <translation>Alle Aufgabentypen</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Jeder Status</translation>
    </message>
    <message>
        <source>Any outcome</source>
        <translation>Jedes Ergebnis</translation>
    </message>
    <message>
        <source>Run Tas&amp;k…</source>
        <translation>Auf&amp;gabe ausführen…</translation>
    </message>
    <message>
        <source>Re-ru&amp;n</source>
        <translation>&amp;Neu ausführen</translation>
    </message>
    <message>
        <source>Re-run with&amp;out Memory</source>
        <translation>&amp;Ohne Gedächtnis neu ausführen</translation>
    </message>
    <message>
        <source>Cance&amp;l Run</source>
        <translation>&amp;Lauf abbrechen</translation>
    </message>
    <message>
        <source>Run id, task, pack, model or error</source>
        <translation>Lauf-ID, Aufgabe, Paket, Modell oder Fehler</translation>
    </message>
    <message>
        <source>Run the selected run&apos;s task again, with memory</source>
        <translation>Die Aufgabe des ausgewählten Laufs erneut ausführen, mit Gedächtnis</translation>
    </message>
    <message>
        <source>Run the selected run&apos;s task again without memory, to see what the lessons change</source>
        <translation>Die Aufgabe des ausgewählten Laufs ohne Gedächtnis erneut ausführen, um zu sehen, was die Erkenntnisse bewirken</translation>
    </message>
    <message>
        <source>The runs could not be listed: %1</source>
        <translation>Die Läufe konnten nicht aufgelistet werden: %1</translation>
    </message>
    <message>
        <source>No store is open.</source>
        <translation>Kein Speicher ist geöffnet.</translation>
    </message>
    <message>
        <source>Running %1 of %2…</source>
        <translation>Lauf %1 von %2…</translation>
    </message>
    <message>
        <source>Cancelled after %1 of %2 run(s).</source>
        <translation>Nach %1 von %2 Läufen abgebrochen.</translation>
    </message>
    <message>
        <source>The runs could not start: %1</source>
        <translation>Die Läufe konnten nicht starten: %1</translation>
    </message>
    <message>
        <source>No LLM endpoint is configured, so agent runs cannot start: set its base URL and model in Edit → Preferences (or OPENAI_BASE_URL and MEMSCOPE_MODEL in the environment). Recorded runs can be inspected as usual.</source>
        <translation>Es ist kein LLM-Endpunkt eingerichtet, daher können keine Agentenläufe starten: Legen Sie Basis-URL und Modell unter Bearbeiten → Einstellungen fest (oder OPENAI_BASE_URL und MEMSCOPE_MODEL in der Umgebung). Aufgezeichnete Läufe lassen sich wie gewohnt untersuchen.</translation>
    </message>
    <message>
        <source>No model is set for the LLM endpoint %1: set one in Edit → Preferences (or MEMSCOPE_MODEL in the environment).</source>
        <translation>Für den LLM-Endpunkt %1 ist kein Modell festgelegt: Legen Sie eines unter Bearbeiten → Einstellungen fest (oder MEMSCOPE_MODEL in der Umgebung).</translation>
    </message>
    <message>
        <source>Preferences…</source>
        <translation>Einstellungen…</translation>
    </message>
    <message>
        <source>No runs match.</source>
        <translation>Keine Läufe passen.</translation>
    </message>
    <message>
        <source>No agent runs are recorded yet: Run Task… starts one.</source>
        <translation>Noch keine Agentenläufe aufgezeichnet: „Aufgabe ausführen…“ startet einen.</translation>
    </message>
    <message>
        <source>Select a run.</source>
        <translation>Wählen Sie einen Lauf.</translation>
    </message>
    <message>
        <source>The run could not be read: %1</source>
        <translation>Der Lauf konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Runs write to the store: open it writable to run tasks.</source>
        <translation>Läufe schreiben in den Speicher: Öffnen Sie ihn beschreibbar, um Aufgaben auszuführen.</translation>
    </message>
    <message>
        <source>A run is already in progress: wait or cancel it first.</source>
        <translation>Ein Lauf ist bereits im Gange: Warten Sie oder brechen Sie ihn zuerst ab.</translation>
    </message>
    <message>
        <source>Listing runs…</source>
        <translation>Läufe werden aufgelistet…</translation>
    </message>
    <message numerus="yes">
        <source>%n run(s)</source>
        <translation>
            <numerusform>%n Lauf</numerusform>
            <numerusform>%n Läufe</numerusform>
        </translation>
    </message>
    <message>
        <source>The newest %1 runs</source>
        <translation>Die neuesten %1 Läufe</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Wird gestartet…</translation>
    </message>
    <message>
        <source>Com&amp;pare…</source>
        <translation>&amp;Vergleichen…</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>Learning curve</source>
        <translation>Lernkurve</translation>
    </message>
    <message numerus="yes">
        <source>No LLM endpoint is configured, but Ollama is running on this computer at %1 with %n model(s). Use it with %2, or choose another in Edit → Preferences.</source>
        <translation>
            <numerusform>Es ist kein LLM-Endpunkt eingerichtet, aber auf diesem Computer läuft Ollama unter %1 mit %n Modell. Verwenden Sie es mit %2 oder wählen Sie unter Bearbeiten → Einstellungen einen anderen.</numerusform>
            <numerusform>Es ist kein LLM-Endpunkt eingerichtet, aber auf diesem Computer läuft Ollama unter %1 mit %n Modellen. Verwenden Sie es mit %2 oder wählen Sie unter Bearbeiten → Einstellungen einen anderen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Use Ollama</source>
        <translation>Ollama verwenden</translation>
    </message>
    <message>
        <source>Agent runs now use %1 (%2) at %3.</source>
        <translation>Agentenläufe verwenden jetzt %1 (%2) unter %3.</translation>
    </message>
    <message>
        <source>Run %1 is not in this store.</source>
        <translation>Lauf %1 ist nicht in diesem Speicher.</translation>
    </message>
    <message>
        <source>Ablation run finished: %1 without memory.</source>
        <translation>Ablationslauf beendet: %1 ohne Gedächtnis.</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Vergleichen</translation>
    </message>
    <message>
        <source>The runs could not be compared: %1</source>
        <translation>Die Läufe konnten nicht verglichen werden: %1</translation>
    </message>
    <message>
        <source>The endpoint &quot;%1&quot; has no base URL or model: set them in Edit → Preferences.</source>
        <translation>Der Endpunkt „%1“ hat keine Basis-URL oder kein Modell: Legen Sie sie unter Bearbeiten → Einstellungen fest.</translation>
    </message>
    <message>
        <source>Compare the selected run with the newest other run of its task (%1)</source>
        <translation>Den gewählten Lauf mit dem neuesten anderen Lauf seiner Aufgabe vergleichen (%1)</translation>
    </message>
    <message>
        <source>Compare two runs side by side: select two runs, or one whose task has other runs</source>
        <translation>Zwei Läufe nebeneinander vergleichen: Wählen Sie zwei Läufe oder einen, dessen Aufgabe weitere Läufe hat</translation>
    </message>
</context>
<context>
    <name>memscope::ui::SettingsDialog</name>
    <message>
        <source>Save and Re-embed Now</source>
        <translation>Speichern und jetzt neu einbetten</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Your changes are recorded in the history as human:&lt;name&gt;.</source>
        <translation>Ihre Änderungen werden im Verlauf als human:&lt;name&gt; aufgezeichnet.</translation>
    </message>
    <message>
        <source>the default store in your data folder</source>
        <translation>der Standardspeicher in Ihrem Datenordner</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Default Database</source>
        <translation>Standarddatenbank</translation>
    </message>
    <message>
        <source>Memscope databases (*.db)</source>
        <translation>Memscope-Datenbanken (*.db)</translation>
    </message>
    <message>
        <source>Built-in, offline (no key, no network)</source>
        <translation>Eingebaut, offline (kein Schlüssel, kein Netzwerk)</translation>
    </message>
    <message>
        <source>OpenAI-compatible endpoint</source>
        <translation>OpenAI-kompatibler Endpunkt</translation>
    </message>
    <message>
        <source>Search by meaning needs every record embedded again with the new embedder. This happens in the background when the database is opened next, or now:</source>
        <translation>Für die Bedeutungssuche muss jeder Eintrag mit dem neuen Embedder erneut eingebettet werden. Das geschieht im Hintergrund, wenn die Datenbank das nächste Mal geöffnet wird, oder jetzt:</translation>
    </message>
    <message>
        <source>Changing the embedder means embedding every record again.</source>
        <translation>Ein anderer Embedder bedeutet, dass jeder Eintrag erneut eingebettet wird.</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <source>Your name:</source>
        <translation>Ihr Name:</translation>
    </message>
    <message>
        <source>Default database:</source>
        <translation>Standarddatenbank:</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Sprache:</translation>
    </message>
    <message>
        <source>Embeddings (search by meaning)</source>
        <translation>Einbettungen (Bedeutungssuche)</translation>
    </message>
    <message>
        <source>Embedder:</source>
        <translation>Embedder:</translation>
    </message>
    <message>
        <source>Base URL:</source>
        <translation>Basis-URL:</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>Modell:</translation>
    </message>
    <message>
        <source>API key:</source>
        <translation>API key:</translation>
    </message>
    <message>
        <source>Saves, reopens the database with the new embedder and embeds every record in the background (progress and Stop in the status bar).</source>
        <translation>Speichert, öffnet die Datenbank mit dem neuen Embedder erneut und bettet jeden Eintrag im Hintergrund ein (Fortschritt und Anhalten in der Statusleiste).</translation>
    </message>
    <message>
        <source>No system keychain is available here, so Memscope cannot store API keys. Set OPENAI_API_KEY (and MEMSCOPE_EMBED_API_KEY for a separate embedding key) in the environment instead.</source>
        <translation>Hier ist kein Schlüsselbund des Systems verfügbar, daher kann Memscope keine API keys speichern. Setzen Sie stattdessen OPENAI_API_KEY (und MEMSCOPE_EMBED_API_KEY für einen eigenen Schlüssel zum Einbetten) in der Umgebung.</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>unverändert</translation>
    </message>
    <message>
        <source>set it in the environment</source>
        <translation>in der Umgebung setzen</translation>
    </message>
    <message>
        <source>Looking…</source>
        <translation>Wird gesucht…</translation>
    </message>
    <message>
        <source>The new language applies the next time Memscope starts.</source>
        <translation>Die neue Sprache gilt ab dem nächsten Start von Memscope.</translation>
    </message>
</context>
<context>
    <name>memscope::ui::ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
</context>
<context>
    <name>memscope::ui::StartPage</name>
    <message>
        <source>Load the demo history</source>
        <translation>Demo-Verlauf laden</translation>
    </message>
    <message>
        <source>Import a file…</source>
        <translation>Datei importieren…</translation>
    </message>
    <message>
        <source>Open another database…</source>
        <translation>Andere Datenbank öffnen…</translation>
    </message>
    <message>
        <source>Create a new database…</source>
        <translation>Neue Datenbank anlegen…</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Open read-only</source>
        <translation>Schreibgeschützt öffnen</translation>
    </message>
    <message>
        <source>Start empty</source>
        <translation>Leer beginnen</translation>
    </message>
    <message>
        <source>Opening the memory store…</source>
        <translation>Gedächtnisspeicher wird geöffnet…</translation>
    </message>
    <message>
        <source>This memory store is empty</source>
        <translation>Dieser Gedächtnisspeicher ist leer</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Datenbank: %1</translation>
    </message>
    <message>
        <source>This database is damaged</source>
        <translation>Diese Datenbank ist beschädigt</translation>
    </message>
    <message>
        <source>SQLite could not read the file as a database. Memscope did not change it. Restore it from a backup, or open or create another database.</source>
        <translation>SQLite konnte die Datei nicht als Datenbank lesen. Memscope hat sie nicht verändert. Stellen Sie sie aus einer Sicherung wieder her oder öffnen oder erstellen Sie eine andere Datenbank.</translation>
    </message>
    <message>
        <source>The database is busy</source>
        <translation>Die Datenbank ist belegt</translation>
    </message>
    <message>
        <source>Another program holds a lock on this file (an import or an agent writing to it). Try again in a moment, or open it read-only to browse.</source>
        <translation>Ein anderes Programm hält eine Sperre auf diese Datei (ein Import oder ein Agent, der hineinschreibt). Versuchen Sie es gleich noch einmal oder öffnen Sie sie schreibgeschützt zum Durchsehen.</translation>
    </message>
    <message>
        <source>The database cannot be written</source>
        <translation>In die Datenbank kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>The file or its folder is read-only. You can browse it read-only (curation is then off), or open another database.</source>
        <translation>Die Datei oder ihr Ordner ist schreibgeschützt. Sie können sie schreibgeschützt durchsehen (Pflege ist dann deaktiviert) oder eine andere Datenbank öffnen.</translation>
    </message>
    <message>
        <source>This database is from a newer Memscope</source>
        <translation>Diese Datenbank stammt von einem neueren Memscope</translation>
    </message>
    <message>
        <source>It uses a schema this version does not know. It was not changed; open it with a newer Memscope, or open another database.</source>
        <translation>Sie verwendet ein Schema, das diese Version nicht kennt. Sie wurde nicht verändert; öffnen Sie sie mit einem neueren Memscope oder öffnen Sie eine andere Datenbank.</translation>
    </message>
    <message>
        <source>This is not a Memscope database</source>
        <translation>Dies ist keine Memscope-Datenbank</translation>
    </message>
    <message>
        <source>The file is an SQLite database of another application. Memscope did not change it. Import records from a JSONL or JSON export instead, or open another database.</source>
        <translation>Die Datei ist eine SQLite-Datenbank einer anderen Anwendung. Memscope hat sie nicht verändert. Importieren Sie stattdessen Einträge aus einem JSONL- oder JSON-Export oder öffnen Sie eine andere Datenbank.</translation>
    </message>
    <message>
        <source>The database could not be opened</source>
        <translation>Die Datenbank konnte nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Check that the folder exists and that you may read and write it.</source>
        <translation>Prüfen Sie, ob der Ordner existiert und Sie ihn lesen und beschreiben dürfen.</translation>
    </message>
    <message>
        <source>%1

Details: %2</source>
        <translation>%1

Details: %2</translation>
    </message>
    <message>
        <source>Configure an LLM endpoint…</source>
        <translation>LLM-Endpunkt einrichten…</translation>
    </message>
    <message>
        <source>Memscope keeps the lessons your agents learn: what worked, what failed and why. Load a realistic demo history to explore the workbench, import records exported from Mem0 or another store (JSONL, JSON), or open another database. Agent runs need an LLM endpoint: OpenAI, or a local Ollama, llama.cpp or vLLM server.</source>
        <translation>Memscope bewahrt die Erkenntnisse Ihrer Agenten auf: was funktioniert hat, was nicht und warum. Laden Sie einen realistischen Demo-Verlauf, um die Werkbank zu erkunden, importieren Sie aus Mem0 oder einem anderen Speicher exportierte Einträge (JSONL, JSON) oder öffnen Sie eine andere Datenbank. Agentenläufe brauchen einen LLM-Endpunkt: OpenAI oder einen lokalen Ollama-, llama.cpp- oder vLLM-Server.</translation>
    </message>
</context>
<context>
    <name>memscope::ui::TagsDialog</name>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>comma-separated, e.g. stale, needs-review</source>
        <translation>durch Kommas getrennt, z. B. stale, needs-review</translation>
    </message>
    <message>
        <source>comma-separated</source>
        <translation>durch Kommas getrennt</translation>
    </message>
    <message>
        <source>optional, kept in the history</source>
        <translation>optional, wird im Verlauf gespeichert</translation>
    </message>
    <message numerus="yes">
        <source>Change the tags of %n record(s).</source>
        <translation>
            <numerusform>Die Tags von %n Eintrag ändern.</numerusform>
            <numerusform>Die Tags von %n Einträgen ändern.</numerusform>
        </translation>
    </message>
    <message>
        <source>Add:</source>
        <translation>Hinzufügen:</translation>
    </message>
    <message>
        <source>Remove:</source>
        <translation>Entfernen:</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Begründung:</translation>
    </message>
</context>
<context>
    <name>memscope::ui::TrendsView</name>
    <message>
        <source>Day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Woche</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Monat</translation>
    </message>
    <message>
        <source>Nothing</source>
        <translation>Nichts</translation>
    </message>
    <message>
        <source>Task type</source>
        <translation>Aufgabentyp</translation>
    </message>
    <message>
        <source>Tool</source>
        <translation>Werkzeug</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Task type × tool</source>
        <translation>Aufgabentyp × Werkzeug</translation>
    </message>
    <message>
        <source>Task type × version</source>
        <translation>Aufgabentyp × Version</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Charts as PNG…</source>
        <translation>Diagramme als PNG…</translation>
    </message>
    <message>
        <source>Charts as SVG…</source>
        <translation>Diagramme als SVG…</translation>
    </message>
    <message>
        <source>Trend Data as CSV…</source>
        <translation>Trenddaten als CSV…</translation>
    </message>
    <message>
        <source>Table Data as CSV…</source>
        <translation>Tabellendaten als CSV…</translation>
    </message>
    <message>
        <source>Per:</source>
        <translation>Pro:</translation>
    </message>
    <message>
        <source>Success rate by:</source>
        <translation>Erfolgsquote nach:</translation>
    </message>
    <message>
        <source>Table:</source>
        <translation>Tabelle:</translation>
    </message>
    <message>
        <source>The trends could not be computed: %1</source>
        <translation>Die Trends konnten nicht berechnet werden: %1</translation>
    </message>
    <message>
        <source>%1
%2: %3 of %4 records
Success rate: %5
Click to open these records</source>
        <translation>%1
%2: %3 von %4 Einträgen
Erfolgsquote: %5
Klicken, um diese Einträge zu öffnen</translation>
    </message>
    <message>
        <source>%1 % of %2 judged</source>
        <translation>%1 % von %2 bewerteten</translation>
    </message>
    <message>
        <source>none judged</source>
        <translation>keine bewertet</translation>
    </message>
    <message>
        <source>%1, %2
Success rate %3 of %4 judged records (%5 success, %6 partial, %7 failure)
Click to open these records</source>
        <translation>%1, %2
Erfolgsquote %3 von %4 bewerteten Einträgen (%5 Erfolg, %6 Teilerfolg, %7 Fehlschlag)
Klicken, um diese Einträge zu öffnen</translation>
    </message>
    <message>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <source>%1 records of %2</source>
        <translation>%1 Einträge von %2</translation>
    </message>
    <message>
        <source>Records of %1</source>
        <translation>Einträge von %1</translation>
    </message>
    <message>
        <source>Records of %1, %2</source>
        <translation>Einträge von %1, %2</translation>
    </message>
    <message>
        <source>Records of %1 × %2</source>
        <translation>Einträge von %1 × %2</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Zählen…</translation>
    </message>
    <message>
        <source>%1 records</source>
        <translation>%1 Einträge</translation>
    </message>
    <message>
        <source> · success rate %1 %</source>
        <translation> · Erfolgsquote %1 %</translation>
    </message>
    <message>
        <source> · %1 ms</source>
        <translation> · %1 ms</translation>
    </message>
    <message>
        <source> · the search text is not applied here</source>
        <translation> · der Suchtext wird hier nicht angewendet</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>SVG images (*.svg)</source>
        <translation>SVG-Bilder (*.svg)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <source>There is nothing to export yet.</source>
        <translation>Es gibt noch nichts zu exportieren.</translation>
    </message>
    <message>
        <source>Memscope trends</source>
        <translation>Memscope-Trends</translation>
    </message>
    <message>
        <source>%1 could not be written. Check that the folder exists and may be written.</source>
        <translation>%1 konnte nicht geschrieben werden. Prüfen Sie, ob der Ordner existiert und beschreibbar ist.</translation>
    </message>
    <message>
        <source>%1 could not be written: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Success rate breakdown</source>
        <translation>Erfolgsquote nach Aufschlüsselung</translation>
    </message>
    <message>
        <source>Lesson effectiveness</source>
        <translation>Wirksamkeit der Erkenntnisse</translation>
    </message>
</context>
</TS>
