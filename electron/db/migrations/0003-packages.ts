// Packages sent up to the parent unit (issue 4): this unit's signing key, the keys of the
// child units pinned at their first package, the revision each conference was last
// exported with, where each imported conference came from, and a log of imports.
export default {
  version: 3,
  name: 'packages',
  sql: /* sql */ `
CREATE TABLE own_keys (
  unit_id TEXT PRIMARY KEY REFERENCES units(id),
  public_key BLOB NOT NULL,
  private_key BLOB NOT NULL,
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE unit_keys (
  unit_id TEXT PRIMARY KEY REFERENCES units(id),
  public_key BLOB NOT NULL,
  fingerprint TEXT NOT NULL,
  accepted_at TEXT NOT NULL
) STRICT;

CREATE TABLE conference_exports (
  conference_id TEXT PRIMARY KEY REFERENCES conferences(id),
  revision INTEGER NOT NULL CHECK (revision >= 1),
  content_sha256 TEXT NOT NULL,
  exported_at TEXT NOT NULL
) STRICT;

CREATE TABLE imported_conferences (
  conference_id TEXT PRIMARY KEY REFERENCES conferences(id),
  unit_id TEXT NOT NULL REFERENCES units(id),
  revision INTEGER NOT NULL CHECK (revision >= 1),
  package_sha256 TEXT NOT NULL,
  exported_at TEXT NOT NULL,
  imported_at TEXT NOT NULL
) STRICT;
CREATE INDEX imported_conferences_unit ON imported_conferences(unit_id);

CREATE TABLE package_imports (
  id TEXT PRIMARY KEY,
  imported_at TEXT NOT NULL,
  file_name TEXT NOT NULL,
  package_sha256 TEXT NOT NULL,
  unit_id TEXT NOT NULL,
  conference_id TEXT NOT NULL,
  revision INTEGER NOT NULL,
  outcome TEXT NOT NULL CHECK (outcome IN ('imported', 'replaced', 'unchanged', 'older')),
  summary TEXT NOT NULL DEFAULT ''
) STRICT;
`,
};
