// Answers travelling back down (issue 10). At the parent: its own answers to the matters
// its units forwarded to it (Kiến nghị cấp trên), kept apart from the units' data, which a
// newer package replaces whole; no foreign key to concerns for that reason. At the unit:
// the key of the level above, pinned with its first response file (the parent is not one
// of this database's units), and a log of the response files imported.
export default {
  version: 6,
  name: 'responses',
  sql: /* sql */ `
CREATE TABLE parent_answers (
  id TEXT PRIMARY KEY,
  unit_id TEXT NOT NULL,
  conference_id TEXT NOT NULL,
  concern_id TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('open', 'inProgress', 'resolved')),
  changed_on TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  reported_by TEXT NOT NULL DEFAULT '',
  reference_doc TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX parent_answers_unit ON parent_answers(unit_id, concern_id, changed_on);

CREATE TABLE parent_keys (
  unit_id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  public_key BLOB NOT NULL,
  fingerprint TEXT NOT NULL,
  accepted_at TEXT NOT NULL
) STRICT;

CREATE TABLE response_imports (
  id TEXT PRIMARY KEY,
  imported_at TEXT NOT NULL,
  file_name TEXT NOT NULL,
  package_sha256 TEXT NOT NULL,
  from_unit_id TEXT NOT NULL,
  entries_added INTEGER NOT NULL CHECK (entries_added >= 0)
) STRICT;
`,
};
