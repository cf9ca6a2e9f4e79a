/**
 * One Content-Security-Policy for Electron and the browser host: same settings everywhere.
 * Both hosts send it as a header on every response (the Electron host also stamps it on
 * every response its session sees). renderer/index.html repeats it in a meta tag for the
 * Vite dev server, without `frame-ancestors`, which browsers ignore in a meta tag; a unit
 * test keeps the two the same.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
