/**
 * The renderer's Content Security Policy, the same in the Electron window (header and meta tag) and
 * in browser mode. `style-src 'unsafe-inline'` is the one concession: Ant Design injects its
 * CSS-in-JS as <style> elements. Scripts, frames, objects and remote origins stay closed.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
