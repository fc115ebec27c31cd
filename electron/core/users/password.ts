// scrypt password hashes: "scrypt$N$r$p$salt$hash" (base64url), compared in constant time.
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

const N = 16384;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;

export function hashPassword(password: string): string {
  const salt = randomBytes(16);
  const hash = scryptSync(password.normalize('NFKC'), salt, KEY_LENGTH, { N, r: R, p: P });
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64url')}$${hash.toString('base64url')}`;
}

/** A damaged stored hash never verifies (and never throws): parameters and lengths are checked first. */
export function verifyPassword(password: string, stored: string): boolean {
  const [scheme, n, r, p, salt, hash, ...rest] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !hash || rest.length) return false;
  const [cost, blockSize, parallel] = [Number(n), Number(r), Number(p)];
  const powerOfTwo = Number.isSafeInteger(cost) && cost >= 1024 && cost <= 1 << 20 && (cost & (cost - 1)) === 0;
  if (!powerOfTwo || !Number.isInteger(blockSize) || blockSize < 1 || blockSize > 32 || !Number.isInteger(parallel) || parallel < 1 || parallel > 16) {
    return false;
  }
  const expected = Buffer.from(hash, 'base64url');
  if (expected.length !== KEY_LENGTH) return false;
  try {
    const actual = scryptSync(password.normalize('NFKC'), Buffer.from(salt, 'base64url'), KEY_LENGTH, {
      N: cost,
      r: blockSize,
      p: parallel,
      maxmem: 256 * cost * blockSize + 1024 * 1024,
    });
    return timingSafeEqual(actual, expected);
  } catch {
    return false;
  }
}

/** A hash that never verifies, so an unknown user costs the same time as a wrong password. */
export const DUMMY_HASH = hashPassword(randomBytes(16).toString('hex'));
