// K-TARGET 目标分解 (DOMAIN §9) through targets.get / targets.save / targets.of, as the people of a
// small sales department: a year's target split into months (quarters shown as their sums) and by
// region, channel, product line and rep. The parts must add up to the whole: one fen off is refused
// naming the dimension, the period, the sum and the expected total (Chinese first), and nothing is
// written; exact is accepted. Only the heads save; a rep sees the totals and his own target.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelInput } from '../../shared/api';
import { hasChinese, teamCore, teamTemplate, type TeamCore, type TeamTemplate } from '../support/core';

let template: TeamTemplate;
let t: TeamCore;
beforeAll(async () => {
  template = await teamTemplate();
});
afterAll(() => template?.cleanup());
afterEach(() => t?.cleanup());

const NOW = new Date('2026-11-23T04:00:00.000Z');
async function setup() {
  t = await teamCore(template, { now: () => NOW });
  return t.team;
}

type Plan = ChannelInput<'targets.save'>;
const k = (n: number) => n * 1_000;
// ¥12,000.00 for 2026: Q1 270k, Q2 310k, Q3 300k, Q4 320k (fen).
const MONTHS = [80, 90, 100, 100, 100, 110, 100, 100, 100, 110, 100, 110].map(k);
const DEALER = [30, 40, 40, 40, 40, 50, 40, 40, 40, 50, 40, 50].map(k);
const DIRECT = MONTHS.map((m, i) => m - DEALER[i]!);

/** A plan that adds up: channels split by month, regions, the line and reps for the year only. */
function plan(): Plan & { breakdowns: NonNullable<Plan['breakdowns']> } {
  return {
    year: 2026,
    version: 0,
    totalFen: k(1_200),
    monthsFen: [...MONTHS],
    breakdowns: {
      region: [
        { key: '华东', yearFen: k(800) },
        { key: '华南', yearFen: k(400) },
      ],
      channel: [
        { key: 'direct', yearFen: k(700), monthsFen: [...DIRECT] },
        { key: 'dealer', yearFen: k(500), monthsFen: [...DEALER] },
      ],
      line: [{ key: '聚乙烯', yearFen: k(1_200) }],
      rep: [
        { key: String(template.ids.repA), yearFen: k(500) },
        { key: String(template.ids.repB), yearFen: k(400) },
        { key: String(template.ids.supervisor), yearFen: k(300) },
      ],
    },
  };
}

async function refused(input: unknown, expected: { field: string; texts: string[] }) {
  const before = t.snapshot();
  const error = await t.team.manager.fail('targets.save', input);
  expect(error.code).toBe('VALIDATION');
  expect(hasChinese(error.message)).toBe(true);
  const issue = error.issues.find((i) => i.field === expected.field);
  expect(issue, JSON.stringify(error.issues)).toBeDefined();
  for (const text of expected.texts) expect(issue!.message).toContain(text);
  expect(issue!.messageEn).toMatch(/[a-z]/);
  expect(t.snapshot()).toBe(before);
  return error;
}

describe('saving and reading a plan', () => {
  it('saves the whole year and reads it back with quarters, names, version and who saved it', async () => {
    const { manager, gm } = await setup();
    const saved = await manager.call('targets.save', plan());
    expect(saved.version).toBe(1);
    const got = await gm.call('targets.get', { year: 2026 });
    expect(got).toEqual(saved);
    expect(got.totalFen).toBe(1_200_000);
    expect(got.monthsFen).toEqual(MONTHS);
    expect(got.quartersFen).toEqual([270_000, 310_000, 300_000, 320_000]);
    expect(got.updatedBy).toEqual({ id: t.ids.manager, name: '王经理' });
    expect(got.updatedAt).toBe(NOW.toISOString());
    expect(got.repScope).toBe('all');
    expect(got.breakdowns.channel).toEqual([
      { key: 'direct', name: '直销', yearFen: 700_000, monthsFen: DIRECT },
      { key: 'dealer', name: '代理商', yearFen: 500_000, monthsFen: DEALER },
    ]);
    expect(got.breakdowns.region.map((r) => [r.name, r.yearFen, r.monthsFen])).toEqual([
      ['华东', 800_000, null],
      ['华南', 400_000, null],
    ]);
    expect(got.breakdowns.line).toEqual([{ key: '聚乙烯', name: '聚乙烯', yearFen: 1_200_000, monthsFen: null }]);
    expect(got.breakdowns.rep.map((r) => [r.name, r.yearFen])).toEqual([
      ['张伟', 500_000],
      ['李娜', 400_000],
      ['孙主管', 300_000],
    ]);
    // 1 + 12 total cells, 2 region, 2 × 13 channel, 1 line, 3 rep
    expect(t.count('target_cells')).toBe(13 + 2 + 26 + 1 + 3);
  });

  it('writes one audit row per save; a second save replaces the plan and needs the version it started from', async () => {
    const { manager, director, gm } = await setup();
    await manager.call('targets.save', plan());
    const audit = await gm.call('audit.list', { entity: 'target_plans' });
    expect(audit.rows.map((r) => [r.action, r.entityId, r.userName])).toEqual([['targets.save', '2026', '王经理']]);
    expect(audit.rows[0]!.before).toBeNull();

    // someone who loaded the empty year saves over it: conflict, nothing written
    const before = t.snapshot();
    const conflict = await director.fail('targets.save', { ...plan(), totalFen: 0, monthsFen: Array(12).fill(0), breakdowns: {} });
    expect(conflict.code).toBe('CONFLICT');
    expect(conflict.message).toContain('王经理');
    expect(t.snapshot()).toBe(before);

    const smaller = await director.call('targets.save', { year: 2026, version: 1, totalFen: 12, monthsFen: Array(12).fill(1) });
    expect(smaller.version).toBe(2);
    expect(smaller.breakdowns).toEqual({ region: [], channel: [], line: [], rep: [] });
    expect(t.count('target_cells')).toBe(13);
    const after = await gm.call('audit.list', { entity: 'target_plans' });
    expect(after.rows).toHaveLength(2);
    const second = after.rows.find((r) => r.userName === '钱总监')!;
    expect(second.before).toMatchObject({ version: 1, totalFen: 1_200_000 });
    expect(second.after).toMatchObject({ version: 2, totalFen: 12 });
  });

  it('a year without a plan reads as version 0 with nothing in it', async () => {
    const { repA } = await setup();
    const got = await repA.call('targets.get', { year: 2027 });
    expect(got).toMatchObject({ year: 2027, version: 0, totalFen: 0, updatedBy: null, quartersFen: [0, 0, 0, 0] });
    expect((await repA.call('targets.of', { year: 2027, month: 1 })).totalFen).toBeNull();
  });
});

describe('the parts must add up (one fen off refused, exact accepted)', () => {
  it('the 12 months against the year', async () => {
    const { manager } = await setup();
    const over = plan();
    over.monthsFen[11]! += 1;
    await refused(over, { field: 'monthsFen', texts: ['2026年全年', '12 个月目标合计 ¥12,000.01', '全年目标 ¥12,000.00'] });
    const under = plan();
    under.monthsFen[0]! -= 1;
    await refused(under, { field: 'monthsFen', texts: ['¥11,999.99', '¥12,000.00'] });
    expect((await manager.call('targets.save', plan())).totalFen).toBe(1_200_000);
  });

  it.each(['region', 'channel', 'line', 'rep'] as const)('the %s breakdown of the year against the yearly total', async (dimension) => {
    const { manager } = await setup();
    const zh = { region: '按区域分解', channel: '按渠道分解', line: '按产品线分解', rep: '按客户经理分解' }[dimension];
    for (const delta of [1, -1]) {
      const off = plan();
      const row = off.breakdowns[dimension]![0]!;
      row.yearFen += delta;
      if (row.monthsFen) row.monthsFen[0]! += delta; // the row itself stays consistent: only the dimension is off
      await refused(off, { field: `breakdowns.${dimension}`, texts: [zh, '2026年全年', `合计 ${delta > 0 ? '¥12,000.01' : '¥11,999.99'}`, '总目标 ¥12,000.00'] });
    }
    const exact = plan();
    exact.breakdowns = { [dimension]: plan().breakdowns[dimension] };
    await manager.call('targets.save', exact);
  });

  it('a breakdown split by month must add up to the total of every month', async () => {
    const { manager } = await setup();
    const off = plan();
    // the parts' years still add up, March is one fen over and April one fen under
    off.breakdowns.channel![0]!.monthsFen![2]! += 1;
    off.breakdowns.channel![0]!.monthsFen![3]! -= 1;
    const error = await refused(off, { field: 'breakdowns.channel', texts: ['按渠道分解', '2026年3月', '合计 ¥1,000.01', '总目标 ¥1,000.00'] });
    expect(error.issues.map((i) => i.message).join('\n')).toContain('2026年4月：合计 ¥999.99');
    const repOff = plan();
    repOff.breakdowns.rep = [
      { key: String(t.ids.repA), yearFen: k(700), monthsFen: DIRECT.map((v, i) => (i === 0 ? v + 1 : v)) },
      { key: String(t.ids.repB), yearFen: k(500), monthsFen: DEALER.map((v, i) => (i === 0 ? v - 1 : v)) },
    ];
    await refused(repOff, { field: 'breakdowns.rep.0.monthsFen', texts: ['按客户经理「张伟」', '各月合计 ¥7,000.01'] });
    const split = plan();
    split.breakdowns.rep = [
      { key: String(t.ids.repA), yearFen: k(700), monthsFen: DIRECT },
      { key: String(t.ids.repB), yearFen: k(500), monthsFen: DEALER },
    ];
    await manager.call('targets.save', split);
  });

  it("a part's months must add up to its own year, and a breakdown is split by month in all its parts or none", async () => {
    await setup();
    const off = plan();
    off.breakdowns.channel![1]!.monthsFen![5]! += 1;
    off.breakdowns.channel![0]!.monthsFen![5]! -= 1;
    // June and the years add up; each part's months do not match its own year
    const error = await refused(off, { field: 'breakdowns.channel.1.monthsFen', texts: ['按渠道「代理商」', '各月合计 ¥5,000.01', '全年目标 ¥5,000.00'] });
    expect(error.issues.map((i) => i.field)).toEqual(['breakdowns.channel.0.monthsFen', 'breakdowns.channel.1.monthsFen']);
    const partial = plan();
    partial.breakdowns.channel![1]!.monthsFen = null;
    await refused(partial, { field: 'breakdowns.channel', texts: ['按渠道分解', '每一项都分到各月'] });
  });

  it('refuses keys that are not what their dimension keys', async () => {
    await setup();
    const channel = plan();
    channel.breakdowns.channel![1]!.key = 'online';
    await refused(channel, { field: 'breakdowns.channel.1.key', texts: ['online', '不是渠道'] });
    const notRep = plan();
    notRep.breakdowns.rep![2]!.key = String(t.ids.assistant);
    await refused(notRep, { field: 'breakdowns.rep.2.key', texts: ['不是在职的客户经理或销售主管'] });
    const unknown = plan();
    unknown.breakdowns.rep![2]!.key = '99999';
    await refused(unknown, { field: 'breakdowns.rep.2.key', texts: ['99999'] });
    const twice = plan();
    twice.breakdowns.region![1]!.key = '华东';
    await refused(twice, { field: 'breakdowns.region.1.key', texts: ['重复'] });
    const negative = plan();
    negative.monthsFen[0] = -1;
    const before = t.snapshot();
    expect((await t.team.manager.fail('targets.save', negative)).code).toBe('VALIDATION');
    expect(t.snapshot()).toBe(before);
  });
});

describe('who saves and who sees what', () => {
  it.each(['repA', 'supervisor', 'assistant', 'finance'] as const)('%s cannot save, nothing is written', async (member) => {
    await setup();
    const before = t.snapshot();
    const error = await t.team[member].fail('targets.save', plan());
    expect(error.code).toBe('FORBIDDEN');
    expect(t.snapshot()).toBe(before);
  });

  it('a rep who has left keeps the target the plan gave him when it is saved again; a new one cannot be given one', async () => {
    const { manager } = await setup();
    await manager.call('targets.save', plan());
    await t.admin.call('users.update', { id: t.ids.repB, patch: { active: false } });
    const again = await manager.call('targets.save', { ...plan(), version: 1 });
    expect(again.breakdowns.rep.map((r) => r.name)).toContain('李娜');
    const next = plan();
    next.year = 2027;
    await refused(next, { field: 'breakdowns.rep.1.key', texts: ['不是在职的客户经理或销售主管'] });
  });

  it('the gm and the director save like the manager', async () => {
    const { gm, director } = await setup();
    await gm.call('targets.save', plan());
    await director.call('targets.save', { ...plan(), version: 1 });
    expect((await gm.call('targets.get', { year: 2026 })).updatedBy?.name).toBe('钱总监');
  });

  it('a rep sees the totals and his own target; a supervisor his own and his team’s; finance everyone’s', async () => {
    const { manager, repA, repB, supervisor, finance } = await setup();
    await manager.call('targets.save', plan());
    const own = await repA.call('targets.get', { year: 2026 });
    expect(own.repScope).toBe('own');
    expect(own.totalFen).toBe(1_200_000);
    expect(own.breakdowns.channel).toHaveLength(2);
    expect(own.breakdowns.rep.map((r) => r.name)).toEqual(['张伟']);
    expect((await repB.call('targets.get', { year: 2026 })).breakdowns.rep.map((r) => r.name)).toEqual(['李娜']);
    const team = await supervisor.call('targets.get', { year: 2026 });
    expect(team.repScope).toBe('team');
    expect(team.breakdowns.rep.map((r) => r.name)).toEqual(['张伟', '孙主管']);
    expect((await finance.call('targets.get', { year: 2026 })).breakdowns.rep).toHaveLength(3);
  });
});

describe("a period's targets (targets.of)", () => {
  it('gives the stored month where the plan splits by month, and shares the month by the years where it does not', async () => {
    const { manager, repA } = await setup();
    await manager.call('targets.save', plan());
    const january = await manager.call('targets.of', { year: 2026, month: 1 });
    expect(january.totalFen).toBe(80_000);
    expect(january.channel).toEqual({ derived: false, rows: [
      { key: 'direct', name: '直销', amountFen: 50_000 },
      { key: 'dealer', name: '代理商', amountFen: 30_000 },
    ] });
    // 80,000 by 5:4:3 = 33,333.33 / 26,666.67 / 20,000 → the one fen left goes to the largest remainder
    expect(january.rep.derived).toBe(true);
    expect(january.rep.rows.map((r) => [r.name, r.amountFen])).toEqual([
      ['张伟', 33_333],
      ['李娜', 26_667],
      ['孙主管', 20_000],
    ]);
    // 80,000 by 2:1 = 53,333.33 / 26,666.67
    expect(january.region.rows.map((r) => r.amountFen)).toEqual([53_333, 26_667]);
    expect(january.line.rows).toEqual([{ key: '聚乙烯', name: '聚乙烯', amountFen: 80_000 }]);
    for (const month of [1, 6, 12]) {
      const of = await manager.call('targets.of', { year: 2026, month });
      for (const d of ['region', 'channel', 'line', 'rep'] as const) expect(of[d].rows.reduce((s, r) => s + r.amountFen, 0)).toBe(MONTHS[month - 1]);
    }
    const year = await manager.call('targets.of', { year: 2026 });
    expect(year).toMatchObject({ month: null, totalFen: 1_200_000 });
    expect(year.rep).toEqual({ derived: false, rows: expect.arrayContaining([{ key: String(t.ids.repB), name: '李娜', amountFen: 400_000 }]) });
    // a rep gets his own row only
    expect((await repA.call('targets.of', { year: 2026, month: 1 })).rep.rows).toEqual([{ key: String(t.ids.repA), name: '张伟', amountFen: 33_333 }]);
  });
});
