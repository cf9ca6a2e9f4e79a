// The documents screen's settings, kept (issue 8): number, date, "Nơi nhận" and signer of
// each conference's minutes and report, saved as the secretary types them. At the parent
// unit, what a package brought so that the documents rendered there are the unit's own:
// the unit's document settings as it exported them (style, header lines, place, names) and
// the signed minutes.docx / report.xlsx exactly as they came.
export default {
  version: 4,
  name: 'document-settings',
  sql: /* sql */ `
CREATE TABLE document_settings (
  conference_id TEXT NOT NULL REFERENCES conferences(id),
  kind TEXT NOT NULL CHECK (kind IN ('minutes', 'report')),
  number TEXT,
  recipients TEXT,
  date TEXT,
  signer TEXT,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (conference_id, kind)
) STRICT;

CREATE TABLE imported_document_units (
  conference_id TEXT PRIMARY KEY REFERENCES conferences(id),
  unit TEXT NOT NULL
) STRICT;

CREATE TABLE imported_files (
  conference_id TEXT NOT NULL REFERENCES conferences(id),
  name TEXT NOT NULL CHECK (name IN ('minutes.docx', 'report.xlsx')),
  content BLOB NOT NULL,
  sha256 TEXT NOT NULL,
  PRIMARY KEY (conference_id, name)
) STRICT;
`,
};
