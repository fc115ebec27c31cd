// Versioned policy parameters: a request is judged by the version in force on its day.
import { afterEach, describe, expect, it } from 'vitest';
import { paramHistory, paramsInForce, setParams } from '../../electron/core/policy/params';
import { testCore, type TestCore } from '../support/core';

let t: TestCore;
afterEach(() => t?.cleanup());

describe('policy parameters', () => {
  it('defaults come from the domain book until a version takes effect, then that version', async () => {
    t = await testCore();
    const db = t.core.database.db;
    const admin = { id: 1, username: 'admin', displayName: '系统管理员', role: 'admin' as const, managerId: null };
    expect(paramsInForce(db, 'E-ADVANCE', '2026-11-30')).toEqual({ maxFen: 50_000 });
    setParams(db, admin, 'E-ADVANCE', { maxFen: 80_000 }, '2026-12-01', '上调借款上限', new Date());
    expect(paramsInForce(db, 'E-ADVANCE', '2026-11-30')).toEqual({ maxFen: 50_000 }); // day before
    expect(paramsInForce(db, 'E-ADVANCE', '2026-12-01')).toEqual({ maxFen: 80_000 }); // the day itself
    setParams(db, admin, 'E-ADVANCE', { maxFen: 60_000 }, '2027-01-01', '', new Date());
    expect(paramsInForce(db, 'E-ADVANCE', '2026-12-31')).toEqual({ maxFen: 80_000 });
    expect(paramsInForce(db, 'E-ADVANCE', '2027-06-01')).toEqual({ maxFen: 60_000 });
    expect(paramHistory(db, 'E-ADVANCE').map((r) => r.effectiveFrom)).toEqual(['2026-12-01', '2027-01-01']);
  });

  it('refuses invalid parameters and writes nothing', async () => {
    t = await testCore();
    const db = t.core.database.db;
    const admin = { id: 1, username: 'admin', displayName: '系统管理员', role: 'admin' as const, managerId: null };
    expect(() => setParams(db, admin, 'E-TRANSPORT', { withDealShare: 1.5 }, '2026-12-01', '', new Date())).toThrow();
    expect(paramHistory(db, 'E-TRANSPORT')).toEqual([]);
  });
});
