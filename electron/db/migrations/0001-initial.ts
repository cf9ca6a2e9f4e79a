// Shipped migrations are never edited; a change is a new numbered file.
export default {
  version: 1,
  name: 'initial',
  sql: /* sql */ `
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE units (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  name_folded TEXT NOT NULL,
  level TEXT NOT NULL,
  code TEXT,
  parent_id TEXT REFERENCES units(id),
  document_style TEXT NOT NULL DEFAULT 'party' CHECK (document_style IN ('party', 'government')),
  header_parent_line TEXT NOT NULL DEFAULT '',
  header_issuer_line TEXT NOT NULL DEFAULT '',
  place_name TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
) STRICT;
CREATE INDEX units_name_folded ON units(name_folded);

CREATE TABLE fields (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  name_folded TEXT NOT NULL,
  position INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
) STRICT;

CREATE TABLE agencies (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  name_folded TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
) STRICT;
CREATE UNIQUE INDEX agencies_name_folded ON agencies(name_folded) WHERE deleted_at IS NULL;

CREATE TABLE conferences (
  id TEXT PRIMARY KEY,
  unit_id TEXT NOT NULL REFERENCES units(id),
  title TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('periodic', 'thematic', 'adHoc')),
  date TEXT NOT NULL,
  start_time TEXT NOT NULL,
  end_time TEXT,
  location TEXT NOT NULL DEFAULT '',
  plan_ref TEXT NOT NULL DEFAULT '',
  chairs TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(chairs)),
  secretary TEXT NOT NULL DEFAULT '{"name":"","position":""}' CHECK (json_valid(secretary)),
  guests TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(guests)),
  attendee_count INTEGER,
  attendance_note TEXT NOT NULL DEFAULT '',
  report TEXT NOT NULL DEFAULT '',
  conclusion TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'live', 'closed')),
  revision INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
) STRICT;
CREATE INDEX conferences_unit_date ON conferences(unit_id, date);

CREATE TABLE speakers (
  id TEXT PRIMARY KEY,
  conference_id TEXT NOT NULL REFERENCES conferences(id),
  name TEXT NOT NULL DEFAULT '',
  name_folded TEXT NOT NULL DEFAULT '',
  position TEXT NOT NULL DEFAULT '',
  organization TEXT NOT NULL DEFAULT '',
  address TEXT NOT NULL DEFAULT '',
  registration_order INTEGER,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
) STRICT;
CREATE INDEX speakers_conference ON speakers(conference_id, registration_order);
CREATE INDEX speakers_name_folded ON speakers(name_folded);

CREATE TABLE turns (
  id TEXT PRIMARY KEY,
  conference_id TEXT NOT NULL REFERENCES conferences(id),
  speaker_id TEXT NOT NULL REFERENCES speakers(id),
  seq INTEGER NOT NULL,
  started_at TEXT NOT NULL,
  summary TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
) STRICT;
CREATE INDEX turns_conference ON turns(conference_id, seq);
CREATE INDEX turns_speaker ON turns(speaker_id);

CREATE TABLE concerns (
  id TEXT PRIMARY KEY,
  conference_id TEXT NOT NULL REFERENCES conferences(id),
  turn_id TEXT REFERENCES turns(id),
  source TEXT NOT NULL CHECK (source IN ('turn', 'precollected')),
  seq INTEGER NOT NULL,
  field_id TEXT REFERENCES fields(id),
  text TEXT NOT NULL DEFAULT '',
  text_folded TEXT NOT NULL DEFAULT '',
  handling TEXT CHECK (handling IS NULL OR handling IN ('answered', 'assigned', 'forwarded', 'noted')),
  answered_by TEXT NOT NULL DEFAULT '',
  answer TEXT NOT NULL DEFAULT '',
  agency_id TEXT REFERENCES agencies(id),
  deadline TEXT,
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'inProgress', 'resolved')),
  note TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT,
  CHECK ((source = 'turn') = (turn_id IS NOT NULL))
) STRICT;
CREATE INDEX concerns_conference ON concerns(conference_id, turn_id, seq);
`,
};
