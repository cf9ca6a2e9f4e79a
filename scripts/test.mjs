// `npm test`: every check in one command — types, lint, build, then all vitest projects
// (unit, end-to-end in Chromium, the Electron suite that skips itself without a runtime).
// Ends with one plain line "tests: N passed, N failed, N skipped".
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const run = (cmd, args, env = {}) => spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;
const step = (name, cmd, args) => {
  console.log(`\n── ${name}`);
  const status = run(cmd, args);
  if (status !== 0) {
    console.log(`\n${name} thất bại (mã ${status}).`);
    console.log('tests: 0 passed, 1 failed');
    process.exit(1);
  }
};

step('Kiểm tra kiểu (tsc)', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']);
step('Lint (eslint)', 'npx', ['eslint', '.', '--max-warnings', '0']);
step('Build', 'node', ['scripts/build.mjs', '--quiet']);

fs.mkdirSync('test-results', { recursive: true });
const report = 'test-results/vitest.json';
fs.rmSync(report, { force: true });
console.log('\n── Vitest: unit, e2e, electron-app');
const status = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]);

let passed = 0;
let failed = 0;
let skipped = 0;
if (fs.existsSync(report)) {
  const results = JSON.parse(fs.readFileSync(report, 'utf8'));
  passed = results.numPassedTests;
  failed = results.numFailedTests;
  skipped = results.numPendingTests + results.numTodoTests;
}
if (status !== 0 && failed === 0) failed = 1;
console.log(`\ntests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(status === 0 && passed > 0 ? 0 : 1);
