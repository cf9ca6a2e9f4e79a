/**
 * Writes an exported document so that a failure never leaves half a file: the bytes go to
 * a temporary file in the same folder (same disk, so the rename is atomic), are flushed,
 * and only then take the final name. An existing file of that name is replaced whole.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export async function saveDocumentFile(target: string, data: Buffer): Promise<void> {
  const dir = path.dirname(path.resolve(target));
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let handle: fs.promises.FileHandle | null = null;
  try {
    handle = await fs.promises.open(temp, 'wx');
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
    handle = null;
    await fs.promises.rename(temp, target);
  } catch (error) {
    await handle?.close().catch(() => {});
    await fs.promises.rm(temp, { force: true }).catch(() => {});
    throw error;
  }
}
