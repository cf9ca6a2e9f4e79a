/**
 * Where the database lives when no host says otherwise: the OS user-data folder, the
 * same one Electron's app.getPath('userData') gives for our app name, so the browser host
 * and the CLI open the very database the desktop app uses.
 */
import os from 'node:os';
import path from 'node:path';

export const APP_FOLDER_NAME = 'DoiThoai';
export const DB_FILE_NAME = 'doithoai.sqlite';
export const DB_ENV_VAR = 'DOITHOAI_DB';

export function defaultUserDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_FOLDER_NAME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_FOLDER_NAME);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_FOLDER_NAME);
}

/** `--db PATH` wins, then DOITHOAI_DB, then the user-data folder. */
export function resolveDbPath(explicit: string | undefined, env: NodeJS.ProcessEnv = process.env, userDataDir = defaultUserDataDir()): string {
  const chosen = explicit ?? env[DB_ENV_VAR];
  return path.resolve(chosen && chosen.length > 0 ? chosen : path.join(userDataDir, DB_FILE_NAME));
}
