// Sessions live in the main process: they expire after an idle time and can be ended per user.
import { describe, expect, it } from 'vitest';
import { SessionStore } from '../../electron/core/api/sessions';

function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('SessionStore', () => {
  it('resolves a started session to its user; unknown and empty tokens to null', () => {
    const store = new SessionStore();
    const token = store.start(7);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(store.resolve(token)).toBe(7);
    expect(store.resolve(null)).toBeNull();
    expect(store.resolve(undefined)).toBeNull();
    expect(store.resolve('')).toBeNull();
    expect(store.resolve(token + 'x')).toBeNull();
  });

  it('gives every sign-in its own unguessable token', () => {
    const store = new SessionStore();
    const tokens = new Set(Array.from({ length: 200 }, () => store.start(1)));
    expect(tokens.size).toBe(200);
  });

  it('expires after the idle time, not before', () => {
    const c = clock();
    const store = new SessionStore(1000, c.now);
    const token = store.start(3);
    c.advance(1000);
    expect(store.resolve(token)).toBe(3);
    c.advance(1001);
    expect(store.resolve(token)).toBeNull();
    c.advance(-5000); // a clock going back does not revive it: it was removed
    expect(store.resolve(token)).toBeNull();
  });

  it('slides: each use restarts the idle timer', () => {
    const c = clock();
    const store = new SessionStore(1000, c.now);
    const token = store.start(3);
    for (let i = 0; i < 10; i++) {
      c.advance(900);
      expect(store.resolve(token)).toBe(3);
    }
    c.advance(1001);
    expect(store.resolve(token)).toBeNull();
  });

  it('defaults to a 12-hour idle limit', () => {
    const c = clock();
    const store = new SessionStore(undefined, c.now);
    const token = store.start(1);
    c.advance(12 * 60 * 60 * 1000);
    expect(store.resolve(token)).toBe(1);
    c.advance(12 * 60 * 60 * 1000 + 1);
    expect(store.resolve(token)).toBeNull();
  });

  it('ends one session without touching others', () => {
    const store = new SessionStore();
    const a = store.start(1);
    const b = store.start(1);
    store.end(a);
    store.end(null);
    expect(store.resolve(a)).toBeNull();
    expect(store.resolve(b)).toBe(1);
  });

  it('endAllFor signs one user out everywhere and nobody else', () => {
    const store = new SessionStore();
    const mine = [store.start(5), store.start(5), store.start(5)];
    const other = store.start(6);
    store.endAllFor(5);
    for (const token of mine) expect(store.resolve(token)).toBeNull();
    expect(store.resolve(other)).toBe(6);
  });
});
