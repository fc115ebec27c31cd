// Filled by issue 3's rule work: this family's rules (by rule id) and request kinds.
import type { KindDef } from '../kind';

export const rules = {} as const;
export const kinds: readonly KindDef[] = [];
