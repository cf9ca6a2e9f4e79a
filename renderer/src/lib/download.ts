/**
 * Hands a finished file to the user. In the browser host this is a download; in Electron
 * the same anchor click raises the main process's save dialog (will-download), so the
 * renderer has one way for both.
 */
import type { RenderedDocument } from '../../../shared/api/types';

export function saveDownload(file: RenderedDocument): void {
  const binary = atob(file.base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mimeType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked later: the download reads the blob after the click returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
