// Types for start-lib.mjs (plain JS so `node scripts/start.mjs` runs without a build step).
export interface FsProbe {
  exists(file: string): boolean;
}
export interface PlatformInput {
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  home: string;
}
export type RuntimeDetection = { path: string } | { path: null; reason: string };

export function electronExecutableName(platform: NodeJS.Platform): string;
export function detectElectronRuntime(input: {
  electronDir: string;
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
  exists(file: string): boolean;
  readFile(file: string): string;
}): RuntimeDetection;
export function appDataDir(input: PlatformInput): string;
export function browserProfileDir(input: PlatformInput): string;
export function browserCandidates(input: PlatformInput): string[];
export function resolveExecutable(
  candidate: string,
  input: { platform: NodeJS.Platform; env: Record<string, string | undefined>; exists(file: string): boolean },
): string | null;
export function findBrowser(input: PlatformInput & FsProbe): string | null;
export function browserArgs(url: string, profileDir: string, options?: { asRoot?: boolean }): string[];
export function electronArgs(mainFile: string, forwarded: readonly string[], options?: { asRoot?: boolean }): string[];
export function findHostUrl(line: string): string | null;
export const BROWSER_HANDOFF_MS: number;
export const NO_RUNTIME_LINE: string;
