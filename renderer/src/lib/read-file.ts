/**
 * Reads a file the officer chose or dropped into the form the API takes: its name and its
 * bytes as base64. Packages can reach 64 MB, so the bytes are encoded a slice at a time
 * (spreading a whole file into String.fromCharCode would overflow the call stack).
 */
import type { PackageFileInput } from '../../../shared/api/types';

export { PACKAGE_MAX_BYTES } from '../../../shared/domain';

/** A multiple of 3, so every slice encodes without padding and the pieces join cleanly. */
const SLICE = 3 * 0x4000;

export function bytesToBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let at = 0; at < bytes.length; at += SLICE) {
    const slice = bytes.subarray(at, at + SLICE);
    let binary = '';
    // In steps of 4096 characters: far below any engine's argument limit.
    for (let i = 0; i < slice.length; i += 0x1000) binary += String.fromCharCode(...slice.subarray(i, i + 0x1000));
    parts.push(btoa(binary));
  }
  return parts.join('');
}

export async function readFileBase64(file: File): Promise<PackageFileInput> {
  const buffer = await file.arrayBuffer();
  return { name: file.name, base64: bytesToBase64(new Uint8Array(buffer)) };
}

/** "64,3" — megabytes with one decimal, as Vietnamese writes them. */
export function megabytes(size: number): string {
  return (size / (1024 * 1024)).toLocaleString('vi-VN', { maximumFractionDigits: 1 });
}
