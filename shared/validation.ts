// Small zod building blocks shared by every module's schemas.
import { z } from 'zod';

/** Trimmed text, at most `max` characters; may be empty. */
export const text = (max: number) => z.string().trim().max(max);
/** Trimmed text that must not be empty. */
export const requiredText = (max: number) => z.string().trim().min(1).max(max);

/** An ISO calendar date YYYY-MM-DD that exists. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
  }, bilingual('不是有效日期', 'is not a valid date'));

/** A custom check whose message is bilingual: Chinese shown first, English in params.en. */
export function bilingual(zh: string, en: string) {
  return { message: zh, params: { en } };
}

/** Text matching a pattern, with a bilingual explanation when it does not. */
export const matching = (schema: z.ZodString, pattern: RegExp, zh: string, en: string) =>
  schema.refine((value) => pattern.test(value), bilingual(zh, en));

export const id = z.int().positive();
/** Integer fen, never negative here (credit limits, prices). Bounded to stay far inside safe integers. */
export const fen = z.int().min(0).max(1_000_000_000_000);
/** Integer thousandths of a unit. */
export const milliQuantity = z.int().min(0).max(1_000_000_000_000);

/** Chinese phone numbers as people write them: 0512-66881234, 138 1234 5678, +86…, 转 for extensions. */
export const phone = matching(
  z.string().trim().max(40),
  /^[0-9+\-() ,;/转#]*$/,
  '只能包含数字、空格和 + - ( ) / 转',
  'may contain only digits, spaces and + - ( ) / ext',
);
