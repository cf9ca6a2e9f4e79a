/**
 * Writes a package's ZIP with yazl, the writing companion of the yauzl we read with: names
 * in UTF-8, sizes and checksums in the local headers (no data descriptors), every entry
 * deflated. The entries are already in memory; the result is one buffer.
 */
import { ZipFile } from 'yazl';

export interface ZipEntry {
  name: string;
  data: Buffer;
}

export function writeZip(entries: ZipEntry[], modified: Date): Promise<Buffer> {
  const zip = new ZipFile();
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
  });
  // The DOS timestamp only: the extended one would add the exporting machine's clock in UTC for nothing.
  for (const entry of entries) zip.addBuffer(entry.data, entry.name, { mtime: modified, compressionLevel: 9, forceDosTimestamp: true });
  zip.end();
  return done;
}
