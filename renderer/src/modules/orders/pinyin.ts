// Pinyin initials of Chinese text without a dictionary: the zh-CN pinyin collation orders Han
// characters by reading, so the first character of each initial's block ("阿" for A, "八" for B …)
// bounds it. Good for the common characters of company names; heteronyms take one reading (重庆 → ZQ).
// Electron's and Chromium's full ICU carry the collation; without it the initials are simply empty.

const LETTERS = 'ABCDEFGHJKLMNOPQRSTWXYZ';
/** The first character read with each initial in LETTERS (no Han syllable starts with I, U or V). */
const BOUNDS = '阿八嚓哒妸发旮哈讥咔垃痳拏噢妑七呥扨它穵夕丫帀';

let collator: Intl.Collator | null | undefined;
function zhCollator(): Intl.Collator | null {
  if (collator === undefined) {
    try {
      const c = new Intl.Collator('zh-CN-u-co-pinyin');
      // Without pinyin collation data 八 (B) does not sort after 阿 (A): give up rather than guess.
      collator = c.compare('八', '阿') > 0 && c.compare('帀', '丫') > 0 ? c : null;
    } catch {
      collator = null;
    }
  }
  return collator;
}

function initialOf(ch: string): string {
  if (/[A-Za-z0-9]/.test(ch)) return ch.toUpperCase();
  if (!/[\u4e00-\u9fff]/.test(ch)) return '';
  const c = zhCollator();
  if (!c) return '';
  let letter = '';
  for (let i = 0; i < LETTERS.length; i++) {
    if (c.compare(ch, BOUNDS[i]!) >= 0) letter = LETTERS[i]!;
    else break;
  }
  return letter;
}

const cache = new Map<string, string>();

/** "苏州恒达化工" → "SZHDHG" (letters and digits kept, other signs dropped). */
export function pinyinInitials(text: string): string {
  let initials = cache.get(text);
  if (initials === undefined) {
    initials = [...text].map(initialOf).join('');
    if (cache.size > 5000) cache.clear();
    cache.set(text, initials);
  }
  return initials;
}

/** Whether typed letters ("szhd") are the start of, or inside, the initials of any of the texts. */
export function matchesInitials(typed: string, ...texts: string[]): boolean {
  const q = typed.trim().toUpperCase();
  if (!/^[A-Z]{2,}$/.test(q)) return false;
  return texts.some((text) => pinyinInitials(text).includes(q));
}
