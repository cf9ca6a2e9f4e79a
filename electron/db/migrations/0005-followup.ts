// Follow-up until resolved (issue 10). The outcome of a matter (open, inProgress, resolved)
// is its history in concern_status_changes: each entry dated, with who reported it and the
// reference of the written answer. Without an entry, a matter answered or noted at the
// conference is resolved on its date and the others are open; concerns.status keeps the
// latest outcome for quick filtering and is set here once for the rows already recorded.
// The documents screen gains a third document, the conclusion notice (Thông báo kết luận):
// SQLite cannot change a CHECK, so document_settings is rebuilt with 'notice' allowed.
export default {
  version: 5,
  name: 'followup',
  sql: /* sql */ `
ALTER TABLE concern_status_changes ADD COLUMN reported_by TEXT NOT NULL DEFAULT '';

CREATE TABLE document_settings_new (
  conference_id TEXT NOT NULL REFERENCES conferences(id),
  kind TEXT NOT NULL CHECK (kind IN ('minutes', 'report', 'notice')),
  number TEXT,
  recipients TEXT,
  date TEXT,
  signer TEXT,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (conference_id, kind)
) STRICT;
INSERT INTO document_settings_new (conference_id, kind, number, recipients, date, signer, updated_at)
  SELECT conference_id, kind, number, recipients, date, signer, updated_at FROM document_settings;
DROP TABLE document_settings;
ALTER TABLE document_settings_new RENAME TO document_settings;

UPDATE concerns SET status = COALESCE(
  (SELECT h.status FROM concern_status_changes h WHERE h.concern_id = concerns.id
    ORDER BY h.changed_on DESC, h.created_at DESC, h.id DESC LIMIT 1),
  CASE WHEN handling IN ('answered', 'noted') THEN 'resolved' ELSE 'open' END);

CREATE INDEX concerns_followup ON concerns(status, deadline) WHERE deleted_at IS NULL;
CREATE INDEX concerns_agency ON concerns(agency_id) WHERE deleted_at IS NULL;
`,
};
