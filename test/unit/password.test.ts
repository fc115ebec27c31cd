// Password hashes (scrypt): a right password verifies, a wrong one does not, and a damaged stored
// hash never lets anybody in.
import { describe, expect, it } from 'vitest';
import { DUMMY_HASH, hashPassword, verifyPassword } from '../../electron/core/users/password';

const stored = hashPassword('correct horse 电池');

describe('hashPassword / verifyPassword', () => {
  it('stores scrypt parameters, salt and hash, never the password', () => {
    expect(stored).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(stored).not.toContain('correct');
  });

  it('verifies the right password and refuses wrong ones', () => {
    expect(verifyPassword('correct horse 电池', stored)).toBe(true);
    for (const wrong of ['correct horse 电', 'Correct horse 电池', 'correct horse 电池 ', '', 'x'.repeat(200)]) {
      expect(verifyPassword(wrong, stored), wrong).toBe(false);
    }
  });

  it('salts every hash, so the same password hashes differently', () => {
    const again = hashPassword('correct horse 电池');
    expect(again).not.toBe(stored);
    expect(verifyPassword('correct horse 电池', again)).toBe(true);
  });

  it('treats compatibility forms alike (NFKC): full-width letters typed by a Chinese IME match', () => {
    const ascii = hashPassword('Pass-1234');
    expect(verifyPassword('Ｐａｓｓ－１２３４', ascii)).toBe(true);
  });

  it('the dummy hash used for unknown users verifies nothing', () => {
    for (const guess of ['', 'admin', 'admin-pass', 'password']) expect(verifyPassword(guess, DUMMY_HASH)).toBe(false);
  });

  it.each([
    '',
    'plain-text-password',
    'bcrypt$10$abc$def',
    'scrypt$16384$8$1$salt',
    'scrypt$$8$1$salt$hash',
    stored.replace(/\$[^$]+$/, '$AAAA'),
    stored.replace('scrypt$', 'SCRYPT$'),
  ])('refuses a malformed stored hash %j', (malformed) => {
    expect(verifyPassword('anything', malformed)).toBe(false);
  });

  it('never accepts any password when the stored hash part decodes to nothing (BUG electron/core/users/password.ts:18-24)', () => {
    // "scrypt$16384$8$1$<salt>$!!": the hash part decodes to 0 bytes, scrypt derives 0 bytes,
    // and timingSafeEqual of two empty buffers is true — every password "verifies".
    expect(verifyPassword('anything at all', 'scrypt$16384$8$1$c2FsdA$!!')).toBe(false);
    expect(verifyPassword('anything at all', 'scrypt$16384$8$1$c2FsdA$=')).toBe(false);
  });

  it('answers false rather than throwing for damaged scrypt parameters (BUG electron/core/users/password.ts:19)', () => {
    // Number("abc") is NaN and 1000 is not a power of two: scryptSync throws, and sign-in fails
    // with INTERNAL instead of BAD_CREDENTIALS.
    expect(verifyPassword('x', 'scrypt$abc$8$1$c2FsdA$AAAA')).toBe(false);
    expect(verifyPassword('x', 'scrypt$1000$8$1$c2FsdA$AAAA')).toBe(false);
  });
});
