import type { FastifyInstance } from 'fastify';

/**
 * What the pages may load, checked in a real browser by test/browser (no violation on any
 * page, at desk and phone size, nor on the API reference at /api/docs).
 */
export function contentSecurityPolicy(https: boolean): Record<string, string[]> {
  return {
    'default-src': ["'self'"],
    // The built pages have no inline script, and neither React, antd nor ECharts needs eval.
    'script-src': ["'self'"],
    'script-src-attr': ["'none'"],
    // antd writes its styles into <style> elements at run time (CSS-in-JS), and index.html has one
    // inline block; a nonce would need every page rendered per request for little gain without scripts.
    'style-src': ["'self'", "'unsafe-inline'"],
    // A citizen's photo is previewed from a data: URL before it is sent; Swagger UI draws its icons
    // with data: images. Charts are canvas, which needs nothing here.
    'img-src': ["'self'", 'data:'],
    'font-src': ["'self'"],
    'connect-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
    // Only behind HTTPS: on a plain-HTTP intranet it would send every request to a port that is closed.
    ...(https ? { 'upgrade-insecure-requests': [] } : {}),
  };
}

/** The headers every response carries; a route may replace one (a stored photo has its own policy). */
export function securityHeaders(https: boolean): Record<string, string> {
  const csp = Object.entries(contentSecurityPolicy(https)).map(([name, values]) => [name, ...values].join(' ')).join(';');
  return {
    'content-security-policy': csp,
    'x-content-type-options': 'nosniff',
    // The tracking page's address carries the tracking code: no other site may learn it from a link.
    'referrer-policy': 'no-referrer',
    // frame-ancestors says the same to current browsers; this is for the older ones some offices still run.
    'x-frame-options': 'DENY',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'origin-agent-cluster': '?1',
    'x-dns-prefetch-control': 'off',
    'x-download-options': 'noopen',
    'x-permitted-cross-domain-policies': 'none',
    // The old XSS auditors did more harm than good; 0 turns off any that remain.
    'x-xss-protection': '0',
    ...(https ? { 'strict-transport-security': 'max-age=31536000' } : {}),
  };
}

/**
 * Security headers on every response, pages, API and files alike, from one object built at start
 * (helmet's values where we keep its defaults). @fastify/helmet built them again for every request:
 * 30–45 µs more CPU each (measured with inject), on the path of every submission. `https`
 * (FAZHI_SECURE_COOKIES) says the site is served over HTTPS, the only case where HSTS means
 * anything. Call it before any route or plugin is registered, so that all of them get the hook.
 */
export function installSecurityHeaders(app: FastifyInstance, options: { https: boolean }): void {
  const headers = securityHeaders(options.https);
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
}
