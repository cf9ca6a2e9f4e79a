import m0001 from './0001-initial';
import m0002 from './0002-concern-status-history';
import m0003 from './0003-packages';
import m0004 from './0004-document-settings';
import m0005 from './0005-followup';
import m0006 from './0006-responses';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** In order; `version` is what PRAGMA user_version holds once it has run. */
export const MIGRATIONS: readonly Migration[] = [m0001, m0002, m0003, m0004, m0005, m0006];
export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
