// The demo customers as plain values: a pure function of the seed, the demo's "today" and the team,
// so the same seed always gives the same customer files (tested in test/integration/demo.test.ts).
import type { CustomerFields } from '../../../shared/customers';
import type { Channel, CustomerStatus, Grade, RequestStatus, Role, SettlementType } from '../../../shared/domain';
import type { SeededRandom } from './random';
import type { City, Industry, RegionPlaces, Vocabulary } from './vocabulary';

/** A salesperson who may own demo customers. */
export interface DemoOwner {
  id: number;
  role: Role;
  region: string;
  channel: Channel | null;
  managerId: number | null;
  /** The manager who approves this owner's customer requests (C-NEW, C-CHANGE). */
  approverId: number;
}

export interface PlanOptions {
  count: number;
  /** The demo's today (YYYY-MM-DD, China time): customers were created before it. */
  asOf: string;
  /** Number of the first customer: 1 → C000001. */
  firstNumber: number;
  owners: readonly DemoOwner[];
  /** Assistants (内勤) who enter some customer files on the reps' behalf. */
  assistantIds: readonly number[];
  /** Names already in the database; demo names never repeat them. */
  takenNames: ReadonlySet<string>;
}

/** A customer row as inserted (everything but the id). */
export type DemoCustomerRow = CustomerFields & {
  archivedAt: string | null;
  version: number;
  createdBy: number;
  createdAt: string;
  updatedAt: string;
};

export interface DemoApplication {
  /** Index into `customers`. */
  customer: number;
  appliedBy: number;
  appliedAt: string;
  month: string;
  reason: string;
  status: RequestStatus;
  decidedBy: number | null;
  decidedAt: string | null;
  comment: string;
}

export interface DemoChangeRequest {
  customer: number;
  requestedBy: number;
  requestedAt: string;
  changes: { field: keyof CustomerFields; before: unknown; after: unknown }[];
  reason: string;
}

export interface DemoPlan {
  customers: DemoCustomerRow[];
  applications: DemoApplication[];
  /** All pending, so the approvals inbox has work in it. */
  changeRequests: DemoChangeRequest[];
}

/** How far back the demo's customer files go. */
const HISTORY_DAYS = 3 * 365;
/** S-MONTHLY: monthly settlement needs ≥ 50 t/month (or famous / audited) and an agreement. */
const MONTHLY_MIN_VOLUME_MILLI = 50_000;
/** S-CREDIT defaults by grade. */
const CREDIT_DAYS: Record<Grade, number> = { strategic: 60, core: 30, ordinary: 0 };
const MOBILE_PREFIXES = ['130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '153', '155', '156', '157', '158', '159', '180', '181', '182', '183', '185', '186', '187', '188', '189'];
const APPLICATION_REASONS = ['新开发客户，本月有业务', '展会结识，已报价', '老客户介绍', '网络询盘转化', '竞争对手的客户转入', '陌生拜访开发'];
const APPROVAL_COMMENTS = ['同意', '同意，请跟进首单', '情况属实，同意', '同意，注意回款'];

// —— dates: business time is China time (UTC+8), stored as UTC ISO timestamps. Days are counted
// from 1970-01-01 so the generator does arithmetic on integers, not on date strings. ——

const DAY_MS = 86_400_000;

/** Day number of a YYYY-MM-DD date. */
function dayOf(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

/** YYYY-MM-DD of a day number. */
function dateOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** A moment of office hours (08:30–18:00 China time) on a day, as a UTC ISO timestamp. */
function officeTime(random: SeededRandom, day: number): string {
  const seconds = random.int((8 * 60 + 30) * 60, 18 * 3600);
  return new Date(day * DAY_MS + (seconds - 8 * 3600) * 1000).toISOString();
}

// —— people, companies, places ——

class DemoNames {
  /** Surnames are listed by frequency: the common ones come up more often. */
  private readonly surnames: readonly { surname: string; weight: number }[];

  constructor(
    private readonly random: SeededRandom,
    private readonly words: Vocabulary['words'],
  ) {
    this.surnames = words.surnames.map((surname, rank) => ({ surname, weight: 1 / (rank + 8) }));
  }

  /** A Chinese personal name: common surnames more often, one- or two-character given names. */
  person(): string {
    const { surname } = this.random.weighted(this.surnames, (s) => s.weight);
    const second = this.random.pick(this.words.givenSecond);
    return this.random.chance(0.35) ? surname + second : surname + this.random.pick(this.words.givenFirst) + second;
  }

  surname(): string {
    return this.random.pick(this.words.surnames.slice(0, 40));
  }

  /** A 字号 of two (rarely three) different characters, e.g. 恒达. */
  brand(length = 2): string {
    let brand = '';
    while (brand.length < length) {
      const ch = this.random.pick(this.words.brandCharacters);
      if (!brand.includes(ch)) brand += ch;
    }
    return brand;
  }
}

function mobile(random: SeededRandom): string {
  return random.pick(MOBILE_PREFIXES) + random.digits(8);
}

function landline(random: SeededRandom, city: City): string {
  const number = `${city.areaCode}-${random.int(2, 8)}${random.digits(7)}`;
  return random.chance(0.12) ? `${number}转${random.int(800, 8999)}` : number;
}

function address(random: SeededRandom, city: City, roads: readonly string[]): string {
  const building = random.chance(0.2) ? `${random.int(1, 12)}幢` : '';
  return `${city.province}${city.city}市${random.pick(city.districts)}${random.pick(roads)}${random.int(1, 999)}号${building}`;
}

// —— the plan ——

interface OwnerPool {
  reps: DemoOwner[];
  supervisors: DemoOwner[];
}

function ownerPools(owners: readonly DemoOwner[]): (region: string) => OwnerPool {
  const reps = owners.filter((o) => o.role === 'rep');
  const byId = new Map(owners.map((o) => [o.id, o]));
  const pools = new Map<string, OwnerPool>();
  for (const rep of reps) {
    const pool = pools.get(rep.region) ?? { reps: [], supervisors: [] };
    pool.reps.push(rep);
    const superior = rep.managerId === null ? undefined : byId.get(rep.managerId);
    if (superior?.role === 'supervisor' && !pool.supervisors.includes(superior)) pool.supervisors.push(superior);
    pools.set(rep.region, pool);
  }
  const everyone: OwnerPool = { reps: reps.length ? reps : [...owners], supervisors: [] };
  return (region) => pools.get(region) ?? everyone;
}

export function customerNo(n: number): string {
  return `C${String(n).padStart(6, '0')}`;
}

interface Draft {
  row: DemoCustomerRow;
  /** Day the file was opened (China time). */
  day: number;
  approverId: number;
  ownerRole: Role;
}

export function planDemo(random: SeededRandom, vocab: Vocabulary, options: PlanOptions): DemoPlan {
  if (options.owners.length === 0) throw new Error('The demo needs at least one salesperson to own customers');
  const { places, words } = vocab;
  const names = new DemoNames(random, words);
  const poolOf = ownerPools(options.owners);
  const taken = new Set(options.takenNames);
  const today = dayOf(options.asOf);
  const monthStart = dayOf(`${options.asOf.slice(0, 7)}-01`);

  // C-NEW: customers filed this month still wait for their application's approval.
  const pendingApplications = Math.min(options.count, Math.max(3, Math.min(25, Math.round(options.count * 0.002))));
  const established = options.count - pendingApplications;

  const drafts: Draft[] = [];
  for (let i = 0; i < options.count; i++) {
    const isNew = i >= established;
    const region = random.weighted(places.regions, (r) => r.weight);
    const city = random.weighted(region.cities, (c) => c.weight);
    const industry = random.weighted(words.industries, (x) => x.weight);
    const pool = poolOf(region.region);
    const owner = pool.supervisors.length && random.chance(0.1) ? random.pick(pool.supervisors) : random.pick(pool.reps);

    const day = isNew ? random.int(monthStart, today) : random.int(today - HISTORY_DAYS, monthStart - 1);
    const createdAt = officeTime(random, day);
    const createdBy = options.assistantIds.length && random.chance(0.3) ? random.pick(options.assistantIds) : owner.id;
    const status: CustomerStatus = isNew
      ? random.choose({ prospect: 6, active: 4 })
      : random.choose({ active: 55, prospect: 22, dormant: 13, lost: 10 });
    const updatedDay = isNew ? day : random.int(day, today - 1);
    const updatedAt = updatedDay === day ? createdAt : officeTime(random, updatedDay);
    const archivedAt = status === 'lost' && random.chance(0.3) ? updatedAt : null;
    const row = customerRow(random, names, vocab, {
      region, city, industry, owner, status, isNew, taken, day, today,
      stamps: { archivedAt, version: 0, createdBy, createdAt, updatedAt },
    });
    drafts.push({ row, day, approverId: owner.approverId, ownerRole: owner.role });
  }

  // Oldest first, so customer numbers follow the order in which the files were opened.
  const openedAt = drafts.map((d) => d.row.createdAt);
  const sorted = drafts
    .map((_, i) => i)
    .sort((a, b) => compareText(openedAt[a]!, openedAt[b]!) || a - b)
    .map((i) => drafts[i]!);
  sorted.forEach((draft, i) => (draft.row.customerNo = customerNo(options.firstNumber + i)));

  const applications: DemoApplication[] = sorted.map(({ row, day, approverId }, i) => {
    const pending = day >= monthStart;
    return {
      customer: i,
      appliedBy: row.createdBy,
      appliedAt: row.createdAt,
      month: dateOf(day).slice(0, 7),
      reason: random.pick(APPLICATION_REASONS),
      status: pending ? 'pending' : 'approved',
      decidedBy: pending ? null : approverId,
      decidedAt: pending ? null : maxIso(officeTime(random, random.int(day, Math.min(day + 3, today - 1))), row.createdAt),
      comment: pending ? '' : random.pick(APPROVAL_COMMENTS),
    };
  });

  const changeRequests = planChangeRequests(random, names, vocab, sorted, today, monthStart);
  return { customers: sorted.map((d) => d.row), applications, changeRequests };
}

/** Code-point order (ISO timestamps sort this way); localeCompare is far slower. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** 12160 → "12,160" without Intl (fast and the same everywhere). */
function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function maxIso(a: string, b: string): string {
  return a > b ? a : b;
}

interface CustomerContext {
  region: RegionPlaces;
  city: City;
  industry: Industry;
  owner: DemoOwner;
  status: CustomerStatus;
  isNew: boolean;
  taken: Set<string>;
  /** Day the file was opened, and the demo's today. */
  day: number;
  today: number;
  stamps: Pick<DemoCustomerRow, 'archivedAt' | 'version' | 'createdBy' | 'createdAt' | 'updatedAt'>;
}

/** One customer row, built as a single object literal (fast, and every field is set). */
function customerRow(random: SeededRandom, names: DemoNames, vocab: Vocabulary, ctx: CustomerContext): DemoCustomerRow {
  const { words, places } = vocab;
  const { city, industry, owner, status } = ctx;

  const grade: Grade =
    status === 'active' && !ctx.isNew
      ? random.choose({ ordinary: 80, core: 15, strategic: 5 })
      : status === 'dormant'
        ? random.choose({ ordinary: 92, core: 8 })
        : 'ordinary';
  const channel: Channel =
    owner.channel === 'dealer'
      ? random.choose({ dealer: 70, direct: 25, other: 5 })
      : owner.channel === 'other'
        ? random.choose({ other: 50, direct: 40, dealer: 10 })
        : random.choose({ direct: 85, dealer: 10, other: 5 });
  const businessType = channel === 'dealer' && random.chance(0.8) ? '贸易商' : random.pick(words.businessTypes);
  const trading = businessType === '贸易商';

  // 苏州 + 恒达 + 化工 + 有限公司; traders: 苏州恒达化工贸易有限公司. Unique across the file.
  const stockCompany = random.chance(grade === 'strategic' ? 0.5 : grade === 'core' ? 0.25 : 0.06) && !trading;
  const suffix = stockCompany ? '股份有限公司' : '有限公司';
  let brand = '';
  let name = '';
  for (let attempt = 0; attempt < 40 && (name === '' || ctx.taken.has(name)); attempt++) {
    brand = names.brand(attempt < 20 ? 2 : 3);
    const trade = trading ? `${industry.industry}贸易` : random.pick(industry.words);
    name = `${city.city}${brand}${trade}${suffix}`;
  }
  for (let n = 2; ctx.taken.has(name); n++) name = `${city.city}${brand}${industry.industry}（${n}）${suffix}`;
  ctx.taken.add(name);

  const volumeTons =
    grade === 'strategic' ? random.logUniform(80, 600) : grade === 'core' ? random.logUniform(20, 150) : random.logUniform(0.5, 40);
  const monthlyVolume = Math.max(1, Math.round(volumeTons * 10)) * 100;
  const famousCompany = random.chance(grade === 'strategic' ? 0.4 : grade === 'core' ? 0.15 : 0.02);
  let factoryAuditPassed = status !== 'prospect' && random.chance(grade === 'strategic' ? 0.7 : grade === 'core' ? 0.4 : 0.08);
  const pricePerTon = Math.round(random.int(industry.pricePerTonYuan[0], industry.pricePerTonYuan[1]) / 100) * 100;

  // S-DEFAULT / S-MONTHLY / S-CREDIT: established strategic and core customers mostly settle
  // monthly on their grade's credit terms, with a signed agreement and a reason that qualifies.
  let settlementType: SettlementType = random.chance(0.15) ? 'prepaid' : 'cash';
  let creditDays = 0;
  let creditLimitFen = 0;
  let monthlyAgreementDate: string | null = null;
  if (grade !== 'ordinary' && (status === 'active' || status === 'dormant') && random.chance(0.9)) {
    settlementType = 'monthly';
    creditDays = CREDIT_DAYS[grade];
    creditLimitFen = creditLimitFor(grade, monthlyVolume, pricePerTon, creditDays) * 100;
    monthlyAgreementDate = dateOf(random.int(ctx.day, Math.min(ctx.day + 90, ctx.today - 1)));
    if (monthlyVolume < MONTHLY_MIN_VOLUME_MILLI && !famousCompany) factoryAuditPassed = true;
  }

  const detailed = grade !== 'ordinary' || (status === 'active' && random.chance(0.3));
  const two = (list: readonly string[]): [string, string] => {
    const first = random.pick(list);
    let second = random.pick(list);
    while (second === first && list.length > 1) second = random.pick(list);
    return [first, second];
  };
  const [downstreamA, downstreamB] = two(words.downstreamIndustries);
  const supplierCity = random.pick(random.pick(places.regions).cities).city;

  return {
    customerNo: '',
    name,
    shortName: `${brand}${industry.industry}`,
    address: address(random, city, places.roads),
    contactPerson: names.person(),
    phone: random.chance(0.55) ? mobile(random) : landline(random, city),
    industry: industry.industry,
    businessType,
    downstreamCustomers: detailed ? `下游主要为${ctx.region.region}地区的${downstreamA}和${downstreamB}企业` : '',
    industryStanding: detailed ? random.pick(words.industryStandings) : '',
    organizationNotes: detailed ? `采购部${names.surname()}经理负责询价比价，${names.surname()}总最终拍板` : '',
    currentSupplier:
      detailed || status === 'prospect'
        ? `${supplierCity}${names.brand()}${industry.industry}，约 ¥${thousands(Math.round((pricePerTon * random.int(95, 108)) / 100))}/吨`
        : '',
    selectionCriteria: detailed ? random.pick(words.selectionCriteria) : '',
    settlementProcess:
      settlementType === 'monthly'
        ? `每月 25 日对账，开票后 ${creditDays} 天内付款`
        : settlementType === 'prepaid'
          ? '预付 30% 货款，发货前付清余款'
          : detailed
            ? '款到发货'
            : '',
    serviceRequirements: grade !== 'ordinary' && random.chance(0.5) ? random.pick(words.serviceRequirements) : '',
    projectPrices: grade === 'strategic' && random.chance(0.4) ? `年度框架价 ¥${thousands(pricePerTon)}/吨，按季度调价` : '',
    region: ctx.region.region,
    channel,
    ownerId: owner.id,
    grade,
    leadTemperature: status === 'prospect' ? random.choose({ hot: 20, warm: 45, cold: 35 }) : null,
    settlementType,
    creditLimitFen,
    creditDays,
    monthlyVolume,
    volumeUnit: '吨',
    famousCompany,
    factoryAuditPassed,
    monthlyAgreementDate,
    status,
    notes: random.chance(0.15) ? random.pick(words.notes) : '',
    archivedAt: ctx.stamps.archivedAt,
    version: ctx.stamps.version,
    createdBy: ctx.stamps.createdBy,
    createdAt: ctx.stamps.createdAt,
    updatedAt: ctx.stamps.updatedAt,
  };
}

/** About 1.5 × the sales of the credit period, in whole 50,000 yuan, with a floor per grade (yuan). */
function creditLimitFor(grade: Grade, monthlyVolumeMilli: number, pricePerTonYuan: number, creditDays: number): number {
  const salesPerMonth = (monthlyVolumeMilli / 1000) * pricePerTonYuan;
  const limit = Math.ceil((salesPerMonth * (creditDays / 30) * 1.5) / 50_000) * 50_000;
  return Math.max(limit, grade === 'strategic' ? 300_000 : 100_000);
}

type ChangeKind = 'contact' | 'phone' | 'address' | 'monthly';

/** C-CHANGE: a few pending change requests by the owner reps, for the managers' inbox. */
function planChangeRequests(
  random: SeededRandom,
  names: DemoNames,
  vocab: Vocabulary,
  customers: readonly Draft[],
  today: number,
  monthStart: number,
): DemoChangeRequest[] {
  const eligible: { row: DemoCustomerRow; index: number }[] = [];
  customers.forEach(({ row, day, ownerRole }, index) => {
    if (row.status === 'active' && row.archivedAt === null && ownerRole === 'rep' && day < monthStart) eligible.push({ row, index });
  });
  const wanted = Math.min(eligible.length, Math.max(3, Math.min(25, Math.round(customers.length * 0.002))));
  const chosen = new Set<number>();
  while (chosen.size < wanted) chosen.add(random.int(0, eligible.length - 1));

  return [...chosen].sort((a, b) => a - b).map((e) => {
    const { row, index } = eligible[e]!;
    const qualifiesMonthly =
      row.settlementType !== 'monthly' && (row.monthlyVolume >= MONTHLY_MIN_VOLUME_MILLI || row.famousCompany || row.factoryAuditPassed);
    const kind: ChangeKind = random.choose<ChangeKind>({ contact: 4, phone: 3, address: 2, monthly: qualifiesMonthly ? 4 : 0 });
    const requestedDay = today - random.int(1, 6);
    const requestedAt = officeTime(random, requestedDay);
    const change = <F extends keyof CustomerFields>(field: F, after: CustomerFields[F]) => ({ field, before: row[field], after });
    switch (kind) {
      case 'contact': {
        const contact = names.person();
        return {
          customer: index,
          requestedBy: row.ownerId,
          requestedAt,
          changes: [change('contactPerson', contact), change('phone', mobile(random))],
          reason: `原联系人${row.contactPerson}离职，采购改由${contact}负责`,
        };
      }
      case 'phone':
        return { customer: index, requestedBy: row.ownerId, requestedAt, changes: [change('phone', mobile(random))], reason: '客户更换了联系电话' };
      case 'address': {
        const city = vocab.places.regions.flatMap((r) => r.cities).find((c) => row.address.includes(`${c.city}市`));
        const moved = city ? address(random, city, vocab.places.roads) : row.address;
        return { customer: index, requestedBy: row.ownerId, requestedAt, changes: [change('address', moved)], reason: '客户搬迁至新厂区' };
      }
      case 'monthly': {
        const limitYuan = Math.max(100_000, Math.ceil(row.monthlyVolume / 1000 / 10) * 50_000);
        return {
          customer: index,
          requestedBy: row.ownerId,
          requestedAt,
          changes: [
            change('settlementType', 'monthly'),
            change('creditDays', 30),
            change('creditLimitFen', limitYuan * 100),
            change('monthlyAgreementDate', dateOf(requestedDay)),
          ],
          reason: '客户已签订月结协议（符合 S-MONTHLY 条件），申请改为月结 30 天',
        };
      }
    }
  });
}
