// Builds everything `npm start` and the tests run: the renderer (Vite) and the Node-side
// entry points (esbuild, CommonJS, better-sqlite3 and electron left external).
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';

const quiet = process.argv.includes('--quiet');

await viteBuild({ configFile: 'vite.config.ts', logLevel: quiet ? 'warn' : 'info' });

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  external: ['electron', 'better-sqlite3'],
  logLevel: quiet ? 'warning' : 'info',
};

await Promise.all([
  esbuild({ ...common, entryPoints: ['electron/hosts/web/main.ts'], outfile: 'dist/electron/web-host.cjs' }),
  esbuild({ ...common, entryPoints: ['electron/cli/main.ts'], outfile: 'dist/electron/cli.cjs' }),
  esbuild({ ...common, entryPoints: ['electron/hosts/electron/main.ts'], outfile: 'dist/electron/main.cjs' }),
  // Documents are laid out and packages checked in a worker thread, so typing never waits on them.
  esbuild({ ...common, entryPoints: ['electron/worker/main.ts'], outfile: 'dist/electron/background-worker.cjs' }),
  // The sandboxed preload may require only 'electron': everything else is bundled in.
  esbuild({ ...common, entryPoints: ['electron/hosts/electron/preload.ts'], outfile: 'dist/electron/preload.cjs', platform: 'browser', external: ['electron'] }),
]);
