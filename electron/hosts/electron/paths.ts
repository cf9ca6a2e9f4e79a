/**
 * Where the app keeps its things. The user-data folder is pinned to the ASCII name
 * "DoiThoai" (from db/location.ts, which the browser host and CLI use too, so all three
 * open the same database) instead of following the display name "Đối Thoại": non-ASCII
 * folder names trip up some Windows tools and backups, and a rename must not lose data.
 */
import path from 'node:path';
import { APP_FOLDER_NAME, resolveDbPath } from '../../db/location';

export const LOG_FILE_NAME = 'doithoai.log';

/** `--db PATH` or `--db=PATH` from the command line, if given (last one wins). */
export function dbArgument(argv: readonly string[]): string | undefined {
  let found: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--db' && i + 1 < argv.length) found = argv[++i];
    else if (arg.startsWith('--db=')) found = arg.slice('--db='.length);
  }
  return found && found.length > 0 ? found : undefined;
}

export interface AppPaths {
  userData: string;
  dbPath: string;
  logFile: string;
}

/**
 * Resolves the folders and files. `DOITHOAI_USER_DATA` (tests, portable use) replaces the
 * user-data folder so a test app never shares the single-instance lock or the log of the
 * app the secretary has open. The database is `--db`, else `DOITHOAI_DB`, else
 * `<userData>/doithoai.sqlite`; relative paths are taken from the working directory.
 */
export function resolveAppPaths(input: { argv: readonly string[]; env: NodeJS.ProcessEnv; appDataDir: string; cwd: string }): AppPaths {
  const userData = input.env.DOITHOAI_USER_DATA
    ? path.resolve(input.cwd, input.env.DOITHOAI_USER_DATA)
    : path.join(input.appDataDir, APP_FOLDER_NAME);
  const explicit = dbArgument(input.argv);
  const dbPath = resolveDbPath(explicit === undefined ? undefined : path.resolve(input.cwd, explicit), input.env, userData);
  return { userData, dbPath, logFile: path.join(userData, LOG_FILE_NAME) };
}
