// Sessions live in the main process only; the renderer never sees the token (the transports keep it).
import { randomBytes } from 'node:crypto';

interface Session {
  userId: number;
  lastSeen: number;
}

export class SessionStore {
  private readonly sessions = new Map<string, Session>();

  constructor(
    private readonly idleMs = 12 * 60 * 60 * 1000,
    private readonly clock: () => number = Date.now,
  ) {}

  start(userId: number): string {
    const token = randomBytes(32).toString('base64url');
    this.sessions.set(token, { userId, lastSeen: this.clock() });
    return token;
  }

  /** The user id of a live session, refreshing its idle timer; null when unknown or expired. */
  resolve(token: string | null | undefined): number | null {
    if (!token) return null;
    const session = this.sessions.get(token);
    if (!session) return null;
    const now = this.clock();
    if (now - session.lastSeen > this.idleMs) {
      this.sessions.delete(token);
      return null;
    }
    session.lastSeen = now;
    return session.userId;
  }

  end(token: string | null | undefined): void {
    if (token) this.sessions.delete(token);
  }

  /** Signs a user out everywhere (deactivated, password reset). */
  endAllFor(userId: number): void {
    for (const [token, session] of this.sessions) if (session.userId === userId) this.sessions.delete(token);
  }
}
