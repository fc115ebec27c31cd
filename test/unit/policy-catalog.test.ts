// The catalog as a whole: every rule id of the issue, every parameter labelled for Settings →
// Policies, every kind documented with a working example whose fields name themselves in Chinese.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { COMPUTED_LABELS } from '../../shared/policy';
import { RULES, type CatalogRuleId } from '../../electron/core/policy/catalog';
import { describeFields } from '../../electron/core/policy/fields';
import { evaluateRequest, KINDS } from '../../electron/core/policy/kinds';
import { PARAM_INFO } from '../../electron/core/policy/paramInfo';

const ISSUE_RULES = [
  'C-NEW', 'C-CHANGE', 'C-VISIT', 'S-MONTHLY', 'S-CREDIT', 'S-BADDEBT', 'Q-PRICE', 'Q-BID', 'O-DELAY', 'E-ENTERTAIN', 'E-ADVANCE',
  'E-TRANSPORT', 'E-LODGING', 'E-PERDIEM', 'E-PROJECT', 'E-TEAM', 'E-APPROVAL', 'P-HANDLE', 'P-RESPOND', 'P-SLIP', 'P-CLOSE', 'P-MAJOR',
  'L-FORM', 'L-NOTICE', 'L-ABSENT', 'L-MONTHLY', 'A-LATE', 'A-CLOCK', 'W-LOG', 'W-VISITQ', 'K-BONUS',
  // issue 7: the rest of §9 and C-GRADE
  'W-FAKE', 'W-POLICY', 'K-SCORE', 'C-GRADE',
];
const ISSUE_KINDS = [
  'leave', 'absenteeism', 'lateness', 'entertainment', 'travel_advance', 'transport', 'lodging', 'expense', 'complaint', 'price', 'bid',
  'monthly_settlement', 'order_credit', 'new_customer', 'team_proposal',
];
const hasChinese = (s: string) => /[\u4e00-\u9fff]/.test(s);

describe('rule catalog', () => {
  it('has every rule the issue lists, each with a Chinese name and description', () => {
    for (const id of ISSUE_RULES) {
      expect(RULES, id).toHaveProperty(id);
      const rule = RULES[id as CatalogRuleId];
      expect(rule.id).toBe(id);
      expect(hasChinese(rule.name.zh) && hasChinese(rule.description.zh), id).toBe(true);
      expect(rule.name.en.length).toBeGreaterThan(0);
    }
  });
  it('labels every parameter of every rule for Settings → Policies, and nothing else', () => {
    for (const [id, rule] of Object.entries(RULES)) {
      const keys = Object.keys((rule.params as z.ZodType).parse({}) as object).sort();
      expect(Object.keys(PARAM_INFO[id as CatalogRuleId] ?? {}).sort(), id).toEqual(keys);
    }
  });
  it('gives every parameter schema a JSON schema for the editing form', () => {
    for (const rule of Object.values(RULES)) expect(() => z.toJSONSchema(rule.params as z.ZodType, { io: 'input' })).not.toThrow();
  });
});

describe('request kinds', () => {
  it('has every kind the issue lists for `salesdesk policy check`', () => {
    const kinds = KINDS.map((k) => k.kind);
    for (const kind of ISSUE_KINDS) expect(kinds).toContain(kind);
    expect(new Set(kinds).size).toBe(kinds.length);
  });
  it.each(KINDS.map((k) => [k.kind, k] as const))('%s: fields labelled in Chinese, each its own; consults known rules; its example checks', (_name, kind) => {
    const fields = describeFields(kind.schema);
    for (const field of fields) expect(hasChinese(field.label.zh), `${kind.kind}.${field.name}`).toBe(true);
    // two fields never share a label (a form with two "申请日期" is a bug)
    expect(new Set(fields.map((f) => f.label.zh)).size).toBe(fields.length);
    for (const id of kind.rules) expect(RULES, `${kind.kind} → ${id}`).toHaveProperty(id);
    const decision = evaluateRequest({ kind: kind.kind, ...(kind.example as object) }, { today: '2026-11-23' });
    for (const key of Object.keys(decision.computed)) expect(COMPUTED_LABELS, `${kind.kind} computed ${key}`).toHaveProperty(key);
    for (const f of decision.findings) expect(kind.rules, `${kind.kind} reports ${f.ruleId}`).toContain(f.ruleId);
  });
});

describe('bad input never crashes a rule', () => {
  const GARBAGE: unknown[] = ['x', '', -1, 0, 1.5, 1e308, null, true, '2026-02-30', '2026-11-23T25:00:00+08:00', '2026-11-23T09:00:00', [], {}];
  it.each(KINDS.map((k) => [k.kind, k] as const))('%s: each field replaced by garbage gives a validation error naming a field, or a decision', (_name, kind) => {
    const example = kind.example as Record<string, unknown>;
    for (const field of describeFields(kind.schema)) {
      for (const value of GARBAGE) {
        const request = { kind: kind.kind, ...example, [field.name]: value };
        try {
          const decision = evaluateRequest(request, { today: '2026-11-23' });
          expect(['allow', 'needs_approval', 'deny']).toContain(decision.decision);
        } catch (error) {
          expect((error as { code?: string }).code, `${kind.kind}.${field.name} = ${JSON.stringify(value)}: ${String(error)}`).toBe('VALIDATION');
          expect((error as { issues: { field: string }[] }).issues[0]!.field.length).toBeGreaterThan(0);
        }
      }
    }
  });
});
