/**
 * `npm run bench`: prints figures and ratios measured in this run;
 * nothing here passes or fails on a timing. `npm run bench -- ui` runs only the named parts.
 */
import { benchApiVsBare } from './api-vs-bare';
import { benchDocuments } from './documents';
import { benchFollowup } from './followup';
import { benchImport } from './import';
import { benchUi } from './ui';

const parts: Record<string, () => unknown> = { api: benchApiVsBare, documents: () => benchDocuments(), import: () => benchImport(), ui: benchUi, followup: benchFollowup };
const chosen = process.argv.slice(2).filter((a) => a in parts);

console.log('Đối Thoại — đo hiệu năng');
for (const [name, run] of Object.entries(parts)) {
  if (chosen.length === 0 || chosen.includes(name)) await run();
}
