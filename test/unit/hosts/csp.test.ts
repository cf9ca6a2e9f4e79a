// One CSP: the constant in shared/security.ts is what both hosts send, and the meta tag in
// renderer/index.html (read by the Vite dev server and kept in the build) must not drift from it.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { withCsp } from '../../../electron/hosts/electron/security';
import { CONTENT_SECURITY_POLICY } from '../../../shared/security';

/** Directives a browser ignores in a meta tag (CSP Level 3 §3.3): only a header can carry them. */
const HEADER_ONLY = ['frame-ancestors', 'report-uri', 'sandbox'];

describe('Content-Security-Policy', () => {
  it('is the same in renderer/index.html, less what only a header can carry', () => {
    const html = fs.readFileSync(path.resolve(__dirname, '../../../renderer/index.html'), 'utf8');
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(html);
    expect(meta, 'renderer/index.html has a CSP meta tag').not.toBeNull();
    const forMeta = CONTENT_SECURITY_POLICY.split('; ')
      .filter((directive) => !HEADER_ONLY.includes(directive.split(' ')[0]!))
      .join('; ');
    expect(meta![1]).toBe(forMeta);
  });

  // The app:// responses and the browser host's are compared in static-parity.test.ts.
  it('is what the Electron session stamps on every response', () => {
    expect(withCsp({ 'content-security-policy': ['default-src *'] })).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });
});
