// A compact summary of an audit row's before/after: the fields that changed, or for a creation the
// fields that identify what was created. Pure, so it is easy to reason about.

export interface DiffEntry {
  key: string;
  before: unknown;
  after: unknown;
  /** The row created something (no before): show only the new value. */
  created: boolean;
}

/** Bookkeeping fields that change on every write and say nothing to a reader. */
const NOISE = new Set(['updatedAt', 'version']);
/** What names a created thing, in order of preference. */
const IDENTIFYING = ['company', 'customerNo', 'name', 'username', 'displayName', 'role', 'status', 'rows', 'passwordChanged'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** A stored change request keeps its field changes as JSON text ([{ field, before, after }]). */
function requestedChanges(value: unknown): DiffEntry[] | null {
  if (typeof value !== 'string' || !value.startsWith('[')) return null;
  try {
    const parsed: unknown = JSON.parse(value);
    if (!Array.isArray(parsed)) return null;
    const entries: DiffEntry[] = [];
    for (const item of parsed) {
      if (!isRecord(item) || typeof item.field !== 'string') return null;
      entries.push({ key: item.field, before: item.before, after: item.after, created: false });
    }
    return entries;
  } catch {
    return null;
  }
}

export function diffEntries(before: unknown, after: unknown): DiffEntry[] {
  if (isRecord(after) && (before === null || before === undefined)) {
    const requested = requestedChanges(after.changes);
    if (requested) return requested;
  }
  if (isRecord(after) && (before === null || before === undefined)) {
    const keys = Object.keys(after);
    const preferred = IDENTIFYING.filter((k) => keys.includes(k));
    const chosen = preferred.length ? preferred : keys.filter((k) => !NOISE.has(k) && k !== 'id');
    return chosen.map((key) => ({ key, before: undefined, after: after[key], created: true }));
  }
  if (isRecord(before) && isRecord(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys
      .filter((key) => !NOISE.has(key) && !same(before[key], after[key]))
      .map((key) => ({ key, before: before[key], after: after[key], created: false }));
  }
  if (same(before, after)) return [];
  return [{ key: '', before, after, created: before === null || before === undefined }];
}
