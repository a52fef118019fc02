import helmet from '@fastify/helmet';
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

/**
 * Security headers on every response, pages, API and files alike. `https` (FAZHI_SECURE_COOKIES)
 * says the site is served over HTTPS, the only case where HSTS means anything.
 */
export async function installSecurityHeaders(app: FastifyInstance, options: { https: boolean }): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy(options.https) },
    // The tracking page's address carries the tracking code: no other site may learn it from a link.
    referrerPolicy: { policy: 'no-referrer' },
    // frame-ancestors says the same to current browsers; this is for the older ones some offices still run.
    frameguard: { action: 'deny' },
    crossOriginOpenerPolicy: { policy: 'same-origin' },
    crossOriginResourcePolicy: { policy: 'same-origin' },
    crossOriginEmbedderPolicy: false,
    strictTransportSecurity: options.https ? { maxAge: 31_536_000, includeSubDomains: false } : false,
  });
}
