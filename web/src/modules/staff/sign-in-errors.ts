import { ApiError, errorMessage } from '../../api/client';
import { formatClockTime, formatDateTime } from '../../ui/format';
import { staffStrings as s } from './strings';

export interface SignInRefusal {
  title: string;
  detail?: string;
  /** LOGIN_TOO_FAST: the next try is checked only after this many seconds. */
  waitSeconds?: number;
  /** The lock's end as HH:mm in Beijing time. */
  lockedUntil?: string;
}

function detail<T>(err: ApiError, key: string): T | undefined {
  return typeof err.details === 'object' && err.details !== null ? ((err.details as Record<string, unknown>)[key] as T | undefined) : undefined;
}

/** What to tell a person whose sign-in (or password check) was refused, with its numbers. */
export function signInRefusal(err: unknown): SignInRefusal {
  if (!(err instanceof ApiError)) return { title: errorMessage(err) };
  switch (err.code) {
    case 'LOGIN_FAILED': {
      const left = detail<number>(err, 'attemptsLeft');
      if (typeof left !== 'number') return { title: err.message };
      return { title: err.message, detail: left > 0 ? s.login.attemptsLeft(left) : s.login.nowLocked };
    }
    case 'LOGIN_TOO_FAST': {
      const seconds = detail<number>(err, 'retryAfterSeconds');
      return { title: err.message, ...(typeof seconds === 'number' && seconds > 0 ? { waitSeconds: seconds } : {}) };
    }
    case 'ACCOUNT_LOCKED':
    case 'CLIENT_LOCKED': {
      const until = detail<string>(err, 'lockedUntil');
      if (!until) return { title: err.message };
      const at = formatClockTime(until);
      return err.code === 'ACCOUNT_LOCKED'
        ? { title: s.login.accountLocked(at), detail: s.login.accountLockedHint, lockedUntil: at }
        : { title: s.login.clientLocked(at), detail: s.login.clientLockedHint, lockedUntil: at };
    }
    case 'ACCOUNT_LOCKED_BY_ADMIN': {
      // An administrator's lock may last days: the date with the time.
      const until = detail<string>(err, 'lockedUntil');
      return until ? { title: s.login.lockedByAdmin(formatDateTime(until)), detail: s.login.lockedByAdminHint } : { title: err.message };
    }
    default:
      return { title: err.message };
  }
}
