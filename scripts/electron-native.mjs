// Builds better-sqlite3 for the installed Electron into build/electron-native/, leaving
// node_modules/better-sqlite3 built for Node, so vitest, the CLI and the browser host keep
// working on the same checkout. The Electron main process loads this copy through the
// backend's `nativeBinding` option (electron/hosts/electron/native.ts).
//
// Needs the network once: a prebuilt binary from better-sqlite3's releases (prebuild-install),
// or else Electron's headers to compile from source (node-gyp, with a C++ toolchain).
//
//   node scripts/electron-native.mjs            build if missing or built for another version
//   node scripts/electron-native.mjs --force    build again
//   node scripts/electron-native.mjs --from-source   skip the prebuilt download
//   node scripts/electron-native.mjs --check    only say whether the present copy is current
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const outDir = path.join(root, 'build', 'electron-native');
const outFile = path.join(outDir, 'better_sqlite3.node');
const stampFile = path.join(outDir, 'stamp.json');
const workDir = path.join(outDir, 'work', 'better-sqlite3');
const sourceDir = path.join(root, 'node_modules', 'better-sqlite3');

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));
// Read the version from package.json: `require('electron')` would try to download the binary.
const electronVersion = readJson(path.join(root, 'node_modules', 'electron', 'package.json')).version;
const sqliteVersion = readJson(path.join(sourceDir, 'package.json')).version;
const wanted = { electron: electronVersion, betterSqlite3: sqliteVersion, platform: process.platform, arch: process.arch };

const current = () => {
  if (!existsSync(outFile) || !existsSync(stampFile)) return false;
  try {
    const stamp = readJson(stampFile);
    return Object.entries(wanted).every(([key, value]) => stamp[key] === value);
  } catch {
    return false;
  }
};

if (args.has('--check')) {
  const ok = current();
  console.log(ok ? `OK: ${outFile} (Electron ${electronVersion})` : `Cần build / needs a build: node scripts/electron-native.mjs`);
  process.exit(ok ? 0 : 1);
}
if (current() && !args.has('--force')) {
  console.log(`better-sqlite3 ${sqliteVersion} cho Electron ${electronVersion} đã có / already built: ${outFile}`);
  process.exit(0);
}

// npm passes its config to node-gyp through npm_config_* variables; a nodedir or target
// meant for Node (this machine sets nodedir) would silently build for the wrong runtime.
const env = Object.fromEntries(
  Object.entries(process.env).filter(([key]) => !/^npm_config_(nodedir|target|runtime|disturl|dist_url|arch|build_from_source)$/i.test(key)),
);

function run(label, command, commandArgs) {
  console.log(`\n> ${label}: ${[command, ...commandArgs].join(' ')}`);
  const result = spawnSync(command, commandArgs, { cwd: workDir, env, stdio: 'inherit' });
  return result.status === 0;
}

console.log(`Build better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (${process.platform}-${process.arch})`);
rmSync(path.join(outDir, 'work'), { recursive: true, force: true });
mkdirSync(workDir, { recursive: true });
// A private copy of the package: building in node_modules would replace the Node build.
for (const entry of ['package.json', 'binding.gyp', 'src', 'deps', 'lib']) {
  cpSync(path.join(sourceDir, entry), path.join(workDir, entry), { recursive: true });
}

const built = path.join(workDir, 'build', 'Release', 'better_sqlite3.node');
let method = null;
if (!args.has('--from-source')) {
  const ok = run('prebuilt', process.execPath, [
    path.join(root, 'node_modules', 'prebuild-install', 'bin.js'),
    '--runtime=electron',
    `--target=${electronVersion}`,
    `--arch=${process.arch}`,
    `--platform=${process.platform}`,
    '--verbose',
  ]);
  if (ok && existsSync(built)) method = 'prebuild-install';
}
if (!method) {
  const ok = run('from source', process.execPath, [
    path.join(root, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    'rebuild',
    '--release',
    `--target=${electronVersion}`,
    `--arch=${process.arch}`,
    '--dist-url=https://electronjs.org/headers',
    `--devdir=${path.join(outDir, 'headers')}`,
  ]);
  if (ok && existsSync(built)) method = 'node-gyp';
}

if (!method) {
  rmSync(path.join(outDir, 'work'), { recursive: true, force: true });
  console.error(
    [
      '',
      'Không build được better-sqlite3 cho Electron (cần mạng để tải bản dựng sẵn hoặc header của Electron, và trình biên dịch C++ nếu build từ mã nguồn).',
      'Could not build better-sqlite3 for Electron: this needs the network (a prebuilt binary from GitHub, or',
      "Electron's headers from electronjs.org) and, when compiling, a C++ toolchain. node_modules was not touched.",
    ].join('\n'),
  );
  process.exit(1);
}

copyFileSync(built, outFile);
writeFileSync(stampFile, `${JSON.stringify({ ...wanted, method, builtAt: new Date().toISOString() }, null, 2)}\n`);
rmSync(path.join(outDir, 'work'), { recursive: true, force: true });
console.log(`\nOK: ${outFile} (${method})`);
