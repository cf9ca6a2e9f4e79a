// @ts-check
// The layering policy for local/code-layering (see code-layering.js for the option format),
// also checked on the whole import graph by test/unit/architecture/imports.test.ts.
// Paths are from the repository root: a folder ends in '/', a file carries its extension.
// The arrows, and why, are in docs/architecture.md: hosts & cli → backend → services → db;
// services → documents, package; worker → documents, package. Type imports count.

const HOSTS_AND_CLI = ['electron/hosts/', 'electron/cli/'];

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
    from: ['electron/db/', 'electron/services/', 'electron/documents/', 'electron/package/', 'electron/worker/', 'electron/backend.ts', 'electron/cli/', 'electron/hosts/web/'],
    deny: ['electron/hosts/electron/'],
    reason: 'the backend, the CLI and the browser host run without Electron',
  },
  {
    from: ['electron/db/', 'electron/services/', 'electron/documents/', 'electron/package/', 'electron/worker/', 'electron/backend.ts'],
    deny: HOSTS_AND_CLI,
    reason: 'the backend does not know which host called it',
  },
  {
    from: ['electron/hosts/'],
    allow: ['electron/hosts/', 'shared/', 'electron/backend.ts', 'electron/db/location.ts', 'electron/db/errors.ts'],
    reason: 'a host receives a backend (electron/backend.ts) and translates its transport to dispatch; of the rest it may know only where the database lives and how opening it fails',
  },
  {
    from: ['electron/cli/'],
    allow: ['electron/cli/', 'shared/', 'electron/backend.ts', 'electron/db/location.ts', 'electron/db/errors.ts'],
    reason: 'the command line is a host: every command goes through the backend\'s dispatch; of the rest it may know only where the database lives and how opening it fails',
  },
  {
    from: ['electron/documents/'],
    allow: ['electron/documents/', 'shared/'],
    reason: 'documents/ renders only: a plain model in, bytes out; it imports only shared/ and its own files (building the model from the database is a service)',
  },
  {
    from: ['electron/package/'],
    allow: ['electron/package/', 'shared/', 'docs/package-format.schema.json'],
    reason: 'package/ is the .doithoai file format alone (ZIP, JSON, schema, signatures); it imports only shared/, its own files and the published schema (its database side is a service)',
  },
  {
    from: ['electron/services/'],
    deny: ['electron/backend.ts', 'electron/worker/'],
    reason: 'services declare the interfaces they need; backend.ts composes them with the worker that implements them',
  },
  {
    from: ['electron/worker/'],
    deny: ['electron/db/', 'electron/backend.ts'],
    reason: 'the worker lays documents out and checks package bytes without the database; backend.ts starts it',
  },
  {
    from: ['electron/db/'],
    deny: ['electron/services/', 'electron/documents/', 'electron/package/', 'electron/worker/', 'electron/backend.ts'],
    reason: 'db/ is the connection and migrations, below every other backend layer',
  },
  {
    from: ['electron/'],
    deny: ['renderer/'],
    reason: 'the backend never reaches into the UI',
  },
];
