/** SHA-256 as lower-case hex: what the manifest lists for each entry, and what the import log keeps of a file. */
import crypto from 'node:crypto';

export const sha256 = (data: Buffer): string => crypto.createHash('sha256').update(data).digest('hex');
