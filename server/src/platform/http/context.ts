import type {} from '@fastify/cookie';
import type {} from '@fastify/swagger';
import type { Actor } from '../actor.js';
import type { Database } from '../db/database.js';
import type { SmsSender } from '../sms.js';
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
  /** Open311: requests each API key may submit per minute (FAZHI_OPEN311_RATE_LIMIT, 60 by default). */
  open311RateLimitPerMinute?: number;
  /** Serve the built web pages from this folder when it exists. */
  webDist: string | null;
  /** Mark session cookies Secure (behind HTTPS). */
  secureCookies: boolean;
  /**
   * Where text messages to citizens go (none when the county has no gateway). The app sends
   * through the gateway an administrator saved (messaging module), this one until then.
   */
  sms?: SmsSender;
  /** Whether `sms` is a gateway the server was started with (FAZHI_SMS_WEBHOOK_URL), for the settings page. */
  smsFromEnvironment?: boolean;
  /**
   * Addresses or CIDR ranges of the reverse proxies in front of the app (FAZHI_TRUSTED_PROXIES).
   * Only requests from these may name the real client in X-Forwarded-For; none by default.
   */
  trustedProxies?: readonly string[];
  /** The demo county runs on known passwords; anywhere else a known or weak one must be changed at sign-in. */
  demo?: boolean;
  /**
   * How old this server's copy of reference data (categories, regions, duty lists, models, the
   * county's switches) may grow before it is read again: a change made on another app server
   * shows here within this time. 60 s unless a test says otherwise.
   */
  referenceMaxAgeMs?: number;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The route performs a citizen's own act (rating an answer): a signed-in staff member is
     * refused even when they hold the citizen's proof, so staff can never act as a citizen.
     */
    citizenAct?: boolean;
  }
  interface FastifyRequest {
    actor: Actor;
    /** The signed-in session's details the pages show, with its CSRF token; null for citizens. */
    staffSession: { csrfToken: string; username: string; unitName: string; mustChangePassword: boolean } | null;
    /** How the caller proved who they are: none (citizen), cookie (web) or bearer (programs). */
    authVia: 'none' | 'cookie' | 'bearer';
  }
}
