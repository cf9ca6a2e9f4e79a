// @ts-check
// The layering policy for local/code-layering (see code-layering.js for the option format).
// Paths are folders from the repository root.

/** Who may import what. */
export const LAYERS = [
  {
    from: ['shared/'],
    allow: ['shared/'],
    packages: { allow: ['zod'] },
    reason: 'shared/ is the contract: it imports nothing outside shared/ (of packages, only zod)',
  },
  {
    from: ['renderer/'],
    deny: ['electron/', 'scripts/', 'eslint-rules/'],
    packages: { deny: ['electron', 'better-sqlite3'] },
    reason: 'the renderer reaches the backend only through the API in shared/',
  },
  {
    from: ['shared/', 'renderer/', 'electron/', 'scripts/'],
    except: ['electron/hosts/electron/'],
    packages: { deny: ['electron'] },
    reason: 'only electron/hosts/electron may import the electron module (under plain Node it even tries to download Electron)',
  },
  {
    from: ['electron/db/', 'electron/services/', 'electron/documents/', 'electron/package/', 'electron/cli/', 'electron/hosts/web/'],
    deny: ['electron/hosts/electron/'],
    reason: 'the backend, the CLI and the browser host run without Electron',
  },
  {
    from: ['electron/db/', 'electron/services/', 'electron/documents/', 'electron/package/'],
    deny: ['electron/hosts/', 'electron/cli/'],
    reason: 'services do not know which host called them',
  },
  {
    from: ['electron/'],
    deny: ['renderer/'],
    reason: 'the backend never reaches into the UI',
  },
];
