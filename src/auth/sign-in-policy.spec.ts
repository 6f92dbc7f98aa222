import {
  afterFailedSignIn,
  afterRightPassword,
  isLocked,
  idleCutoff,
  LOCKOUT_MS,
  MAX_FAILED_SIGN_INS,
  newSessionTimes,
  SESSION_IDLE_MS,
  SESSION_MAX_AGE_MS,
} from './sign-in-policy';
import type { LockoutState } from './sign-in-policy';

const NOW = new Date('2026-03-02T09:00:00Z');
const later = (ms: number) => new Date(NOW.getTime() + ms);

describe('afterFailedSignIn', () => {
  it('counts failures and locks for 15 minutes at the fifth', () => {
    let state: LockoutState = { failedSignIns: 0, lockedUntil: null };
    for (let attempt = 1; attempt < MAX_FAILED_SIGN_INS; attempt++) {
      state = afterFailedSignIn(state, NOW);
      expect(state).toEqual({ failedSignIns: attempt, lockedUntil: null });
      expect(isLocked(state, NOW)).toBe(false);
    }
    state = afterFailedSignIn(state, NOW);
    expect(state).toEqual({ failedSignIns: 5, lockedUntil: later(LOCKOUT_MS) });
    expect(isLocked(state, later(LOCKOUT_MS - 1))).toBe(true);
    expect(isLocked(state, later(LOCKOUT_MS))).toBe(false);
  });

  it('does not extend a lock with attempts made during it', () => {
    const locked = { failedSignIns: 5, lockedUntil: later(LOCKOUT_MS) };
    expect(afterFailedSignIn(locked, later(60_000))).toBe(locked);
  });

  it('starts counting again once a lock has run out', () => {
    const expired = { failedSignIns: 5, lockedUntil: NOW };
    expect(afterFailedSignIn(expired, later(1))).toEqual({ failedSignIns: 1, lockedUntil: null });
  });
});

describe('afterRightPassword', () => {
  it('clears the count, but not a lock that is still on', () => {
    expect(afterRightPassword({ failedSignIns: 3, lockedUntil: null }, NOW)).toEqual({
      failedSignIns: 0,
      lockedUntil: null,
    });
    const locked = { failedSignIns: 5, lockedUntil: later(1) };
    expect(afterRightPassword(locked, NOW)).toBe(locked);
    const clean = { failedSignIns: 0, lockedUntil: null };
    expect(afterRightPassword(clean, NOW)).toBe(clean);
  });
});

describe('session times', () => {
  it('ends a session 7 days after sign-in, or once it has been idle for 12 hours', () => {
    expect(newSessionTimes(NOW)).toEqual({
      createdAt: NOW,
      expiresAt: later(SESSION_MAX_AGE_MS),
      lastSeenAt: NOW,
    });
    expect(idleCutoff(later(SESSION_IDLE_MS))).toEqual(NOW);
  });
});
