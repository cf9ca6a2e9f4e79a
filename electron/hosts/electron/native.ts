/**
 * better-sqlite3 is a native module built for one runtime at a time. The copy in
 * node_modules stays built for Node (vitest, CLI, browser host); for Electron in a
 * development checkout, scripts/electron-native.mjs builds a second copy into
 * build/electron-native/, which main passes to the backend as `nativeBinding`. Packaged
 * apps carry a copy electron-builder rebuilt for Electron, so they use the default.
 */
import path from 'node:path';
import { DIALOG } from './messages';

export const ELECTRON_NATIVE_DIR = path.join('build', 'electron-native');
export const NATIVE_BINDING_FILE = 'better_sqlite3.node';
/** What to run when the Electron build of better-sqlite3 is missing or stale. */
export const NATIVE_BUILD_COMMAND = 'node scripts/electron-native.mjs';

/**
 * The Electron build of better-sqlite3 to use, or undefined for the default one
 * (packaged apps; or a checkout whose node_modules copy was rebuilt for Electron).
 */
export function locateNativeBinding(input: {
  appRoot: string;
  isPackaged: boolean;
  exists: (file: string) => boolean;
}): string | undefined {
  if (input.isPackaged) return undefined;
  const candidate = path.join(input.appRoot, ELECTRON_NATIVE_DIR, NATIVE_BINDING_FILE);
  return input.exists(candidate) ? candidate : undefined;
}

/**
 * True for the errors Node gives when a native addon is missing or built for another ABI,
 * also when wrapped (the db layer re-throws with the cause's text in its message).
 */
export function isNativeModuleError(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ERR_DLOPEN_FAILED') return true;
    const text = e.message;
    if (
      /NODE_MODULE_VERSION/.test(text) ||
      /was compiled against a different Node\.js version/.test(text) ||
      /better_sqlite3\.node/.test(text) ||
      /Could not locate the bindings file/.test(text) ||
      /invalid ELF header|not a valid Win32 application|wrong ELF class|incompatible architecture/i.test(text) ||
      (code === 'MODULE_NOT_FOUND' && /better[-_]sqlite3/.test(text))
    ) {
      return true;
    }
  }
  return false;
}

/** The dialog text for a native-module failure: what is wrong and exactly what to run. */
export function nativeModuleHelp(input: { isPackaged: boolean; electronVersion: string; logFile: string }): string {
  if (input.isPackaged) return `${DIALOG.nativePackaged}\n\n${DIALOG.logFile}: ${input.logFile}`;
  return [
    DIALOG.nativeMissing(input.electronVersion),
    '',
    DIALOG.nativeRun,
    `    ${NATIVE_BUILD_COMMAND}`,
    '',
    DIALOG.nativeEnglish(NATIVE_BUILD_COMMAND),
    '',
    `${DIALOG.logFile}: ${input.logFile}`,
  ].join('\n');
}

/** The dialog text for any other failure to open the database (its message is Vietnamese). */
export function dbOpenFailedText(input: { error: unknown; dbPath: string; logFile: string }): string {
  const message = input.error instanceof Error ? input.error.message : String(input.error);
  return [message, '', `${DIALOG.dbFile}: ${input.dbPath}`, `${DIALOG.logFile}: ${input.logFile}`].join('\n');
}
