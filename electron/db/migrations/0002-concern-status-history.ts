// Follow-up: each change of a concern's status is kept with its date, note and the
// reference document (số văn bản trả lời), as reports months later must cite them.
export default {
  version: 2,
  name: 'concern-status-history',
  sql: /* sql */ `
CREATE TABLE concern_status_changes (
  id TEXT PRIMARY KEY,
  concern_id TEXT NOT NULL REFERENCES concerns(id),
  status TEXT NOT NULL CHECK (status IN ('open', 'inProgress', 'resolved')),
  changed_on TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  reference_doc TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX concern_status_changes_concern ON concern_status_changes(concern_id, changed_on);
`,
};
