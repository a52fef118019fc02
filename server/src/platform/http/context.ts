import type {} from '@fastify/cookie';
import type {} from '@fastify/swagger';
import type { Actor } from '../actor.js';
import type { Database } from '../db/database.js';
import type { TimeSource } from '../time.js';

/** What every module's routes get from the app: the database, time, and settings. */
export interface AppContext {
  database: Database;
  time: TimeSource;
  config: AppConfig;
}

export interface AppConfig {
  /** Public intake: submissions per client per minute. */
  intakeRateLimitPerMinute: number;
  /** Serve the built web pages from this folder when it exists. */
  webDist: string | null;
  /** Mark session cookies Secure (behind HTTPS). */
  secureCookies: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
    /** The signed-in session's details the pages show, with its CSRF token; null for citizens. */
    staffSession: { csrfToken: string; username: string; unitName: string } | null;
    /** How the caller proved who they are: none (citizen), cookie (web) or bearer (programs). */
    authVia: 'none' | 'cookie' | 'bearer';
  }
}
