// The requests service's hook registry (onRequestDecided): what another module does when a request
// of its kind is finally approved, rejected or withdrawn runs inside the decision's transaction —
// its writes commit with the decision, and its error refuses the decision with nothing written.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import { recordAudit } from '../../electron/core/audit/audit';
import { onRequestDecided, type RequestDecided } from '../../electron/core/requests/service';
import { teamCore, teamTemplate, type Caller, type TeamCore, type TeamTemplate } from '../support/core';

let template: TeamTemplate;
let t: TeamCore;
const unregister: (() => void)[] = [];
beforeAll(async () => {
  template = await teamTemplate();
});
afterAll(() => template?.cleanup());
afterEach(() => {
  while (unregister.length) unregister.pop()!();
  t?.cleanup();
});

async function setup() {
  t = await teamCore(template, { now: () => new Date('2026-11-23T04:00:00.000Z') });
  return t.team;
}

/** Records every event of `kind` (and writes an audit row in the decision's transaction). */
function recorder(kind: string): RequestDecided[] {
  const seen: RequestDecided[] = [];
  unregister.push(
    onRequestDecided(kind, (tx, event) => {
      seen.push(event);
      recordAudit(tx, { userId: event.actor.id, action: 'test.hook', entity: 'hook', entityId: event.requestId, after: { outcome: event.outcome }, at: event.at });
    }),
  );
  return seen;
}

/** An expense (type 'other': the policy kind 'expense') filed through expenses.create; its policy request. */
async function submit(caller: Caller, amount: number) {
  const filed = await caller.call('expenses.create', { type: 'other', purpose: '客户拜访', fields: { amount } });
  return caller.call('requests.get', { id: filed.requestId });
}
const decide = (caller: Caller, request: { id: number; version: number }, decision: 'approve' | 'reject') =>
  caller.call('requests.decide', { id: request.id, version: request.version, decision, comment: decision === 'reject' ? '不同意' : '' });
const hookRows = () => t.core.database.sqlite.prepare("SELECT entity_id AS id, after_json AS after FROM audit_log WHERE action = 'test.hook' ORDER BY id").all();

describe('onRequestDecided', () => {
  it('runs once, when the last step approves, with the approver; its writes commit with the decision', async () => {
    const { repB, manager, gm } = await setup();
    const seen = recorder('expense');
    const other = recorder('leave');
    const request = await submit(repB, 600_000); // manager, then gm
    const first = await decide(manager, request, 'approve');
    expect(seen).toEqual([]);
    await decide(gm, first, 'approve');
    expect(seen).toEqual([{ requestId: request.id, kind: 'expense', outcome: 'approved', actor: expect.objectContaining({ id: gm.id, role: 'gm' }), at: new Date('2026-11-23T04:00:00.000Z') }]);
    expect(other).toEqual([]);
    expect(hookRows()).toEqual([{ id: String(request.id), after: '{"outcome":"approved"}' }]);
  });

  it('runs on a rejection and on a withdrawal', async () => {
    const { repB, manager } = await setup();
    const seen = recorder('expense');
    await decide(manager, await submit(repB, 100_000), 'reject');
    const withdrawn = await submit(repB, 100_000);
    await repB.call('requests.withdraw', { id: withdrawn.id, version: withdrawn.version });
    expect(seen.map((e) => [e.outcome, e.actor.id])).toEqual([
      ['rejected', manager.id],
      ['withdrawn', repB.id],
    ]);
  });

  it('an error in the hook refuses the decision and nothing is written', async () => {
    const { repB, manager } = await setup();
    const request = await submit(repB, 100_000);
    recorder('expense');
    unregister.push(
      onRequestDecided('expense', () => {
        throw new AppError('CONFLICT', '订单已变化，不能批准', 'The order changed; cannot approve');
      }),
    );
    const before = t.snapshot();
    const error = await manager.fail('requests.decide', { id: request.id, version: request.version, decision: 'approve', comment: '' });
    expect(error).toMatchObject({ code: 'CONFLICT', message: '订单已变化，不能批准' });
    expect(t.snapshot()).toBe(before);
  });

  it('an unregistered hook is not called; registering the same function twice calls it once', async () => {
    const { repB, manager } = await setup();
    const calls: number[] = [];
    const hook = (_tx: unknown, event: RequestDecided) => void calls.push(event.requestId);
    const off = onRequestDecided('expense', hook);
    unregister.push(onRequestDecided('expense', hook));
    const first = await submit(repB, 100_000);
    await decide(manager, first, 'approve');
    expect(calls).toEqual([first.id]);
    off();
    await decide(manager, await submit(repB, 100_000), 'approve');
    expect(calls).toEqual([first.id]);
  });
});
