// Demo expenses (DOMAIN §6): a year of the salespeople's expense requests through the expense and
// request services, in time order, exactly as people would file them: customer dinners applied for
// before the event (a few verbally approved and filed afterwards), trips with travel advances paid
// out by finance, transport and lodging filed after the trip and reimbursed with their invoices
// (the advance offset), samples and project expenses; a few rejected. The last weeks are left in
// flight: requests waiting for approval, approved ones not yet claimed, claims awaiting payment.
import { count, eq } from 'drizzle-orm';
import type { User } from '../../../shared/users';
import type { Actor } from '../../core/api/context';
import { createClaim, payClaim } from '../../core/expenses/claims';
import { createExpense, disburseAdvance } from '../../core/expenses/service';
import { expenseInvoices, expenses } from '../../core/expenses/schema';
import type { Core } from '../../core/index';
import { decide, requestById } from '../../core/requests/service';
import { SeededRandom } from './random';
import { Timeline } from './timeline';

export interface ExpenseDemoResult {
  requests: number;
  claims: number;
  paid: number;
  pending: number;
}

const DAY = 86_400_000;
/** 10:00 in Shanghai of a day (ms at UTC midnight) plus some minutes. */
const officeHour = (day: number, minutes: number) => day + 2 * 3_600_000 + minutes * 60_000;
const dayMs = (date: string) => Date.parse(`${date}T00:00:00Z`);
const dateOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

const CITIES = [
  { city: '上海', hours: 1.5 },
  { city: '杭州', hours: 2.5 },
  { city: '南京', hours: 2 },
  { city: '合肥', hours: 4 },
  { city: '济南', hours: 5 },
  { city: '武汉', hours: 6 },
  { city: '广州', hours: 8 },
  { city: '宁波', hours: 3.5 },
];

export function generateExpenses(
  core: Core,
  users: readonly User[],
  customersOf: (ownerId: number) => readonly { id: number; name: string }[],
  options: { seed: number; asOf: string },
): ExpenseDemoResult {
  const db = core.database.db;
  const random = new SeededRandom(options.seed);
  const actor = (u: User): Actor => ({ id: u.id, username: u.username, displayName: u.displayName, role: u.role, managerId: u.managerId });
  const active = users.filter((u) => u.active);
  const byId = new Map(active.map((u) => [u.id, u]));
  const finance = active.find((u) => u.role === 'finance');
  const filers = active.filter((u) => u.role === 'rep' || u.role === 'supervisor');
  if (!finance || !filers.length) return { requests: 0, claims: 0, paid: 0, pending: 0 };
  const end = dayMs(options.asOf);
  const start = end - 365 * DAY;

  // What happens up to the end of the as-of day's office hours.
  const timeline = new Timeline(end + 16 * 3_600_000 - 1);
  const at = (ms: number, run: () => void) => timeline.at(ms, run);
  const result: ExpenseDemoResult = { requests: 0, claims: 0, paid: 0, pending: 0 };

  /** Every step approved by whoever holds it (the named superior, else the first holder of the role), most of the time. */
  const approve = (requestId: number, from: number, rejectChance = 0.04) => {
    // The last days' requests mostly still wait in the approvers' inboxes.
    if (from > end - 4 * DAY && random.chance(0.7)) return;
    let when = from;
    const step = () => {
      const request = requestById(db, requestId);
      if (request.status !== 'pending') return;
      const pending = request.steps.find((s) => s.status === 'pending')!;
      const approver = pending.approverId !== null ? byId.get(pending.approverId) : active.find((u) => u.role === pending.role && u.id !== request.applicantId);
      if (!approver) return;
      const reject = random.chance(rejectChance);
      decide(
        db,
        actor(approver),
        { id: requestId, version: request.version, decision: reject ? 'reject' : 'approve', comment: reject ? random.pick(['超出预算，请重新申请', '请补充拜访计划', '本月费用已超标']) : '' },
        new Date(when),
      );
      when += random.int(2, 30) * 3_600_000;
      if (!reject) at(when, step);
    };
    at(when + random.int(2, 50) * 3_600_000, step);
  };
  const statusOf = (id: number) => db.select({ status: expenses.status }).from(expenses).where(eq(expenses.id, id)).get()?.status;
  // Invoice numbers are claimed once: number on from the invoices already in the file.
  let invoices = db.select({ n: count() }).from(expenseInvoices).get()?.n ?? 0;
  const invoiceNo = () => `${random.int(31, 44)}${String(++invoices).padStart(10, '0')}`;
  const claimAndPay = (filer: User, when: number, items: () => Parameters<typeof createClaim>[2]['items']) => {
    at(when, () => {
      const list = items().filter((item) => statusOf(item.expenseId) === 'approved');
      if (!list.length) return;
      const claim = createClaim(db, actor(filer), { items: list, note: '' }, new Date(when));
      result.claims += 1;
      const payday = when + random.int(2, 9) * DAY;
      at(payday, () => {
        payClaim(db, actor(finance), { id: claim.id, version: claim.version }, new Date(payday));
        result.paid += 1;
      });
    });
  };
  const file = (filer: User, when: number, input: Parameters<typeof createExpense>[2]) => {
    const expense = createExpense(db, actor(filer), input, new Date(when));
    result.requests += 1;
    approve(expense.requestId, when);
    return expense;
  };

  for (const filer of filers) {
    const own = customersOf(filer.id);
    for (let month = start; month < end; month += 30 * DAY) {
      // Customer dinners: applied for a few days before, the invoice of the event day afterwards.
      for (let n = random.int(0, 2); n > 0; n--) {
        const applied = officeHour(month + random.int(0, 27) * DAY, random.int(0, 400));
        const customer = own.length ? random.pick(own) : null;
        const guests = random.int(2, 6);
        const amount = guests * random.int(60, 135) * 100;
        const verbal = random.chance(0.1);
        const event = verbal ? applied - random.int(1, 2) * DAY : applied + random.int(1, 5) * DAY;
        at(applied, () => {
          const e = file(filer, applied, {
            type: 'entertainment',
            purpose: customer ? `宴请${customer.name}采购及技术人员` : '宴请潜在客户',
            customerId: customer?.id ?? null,
            orderId: null,
            tripId: null,
            fields: { amount, guests, eventDate: dateOf(event), ...(verbal ? { verbalApproval: true } : {}) },
            note: '',
          });
          const eventDay = dateOf(event);
          const spent = Math.min(amount, Math.round((amount * random.int(80, 100)) / 100));
          claimAndPay(filer, Math.max(applied, event) + random.int(3, 12) * DAY, () => [
            { expenseId: e.id, invoices: [{ invoiceNo: invoiceNo(), invoiceDate: eventDay, amountFen: spent }] },
          ]);
        });
      }
      // A trip about every other month: registration, maybe an advance, then transport and lodging.
      if (random.chance(0.5)) {
        const applied = officeHour(month + random.int(0, 20) * DAY, random.int(0, 400));
        const place = random.pick(CITIES);
        const first = applied - (applied % DAY) + random.int(2, 6) * DAY;
        const days = random.int(2, 4);
        const last = first + (days - 1) * DAY;
        const visit = own.length ? random.pick(own) : null;
        at(applied, () => {
          const trip = file(
            filer,
            applied,
            {
              type: 'travel',
              purpose: `${place.city}客户拜访${visit ? `（${visit.name}）` : ''}`,
              customerId: visit?.id ?? null,
              orderId: null,
              tripId: null,
              fields: { destination: place.city, startDate: dateOf(first), endDate: dateOf(last), ...(visit ? { customersToVisit: visit.name } : {}), estimatedCost: days * 40_000 },
              note: '',
            },
          );
          const advanceAt = applied + random.int(20, 30) * 3_600_000;
          const withAdvance = random.chance(0.5);
          at(advanceAt, () => {
            if (!withAdvance || statusOf(trip.id) !== 'approved') return;
            const advance = file(filer, advanceAt, { type: 'travel_advance', purpose: `${place.city}出差借款`, customerId: null, orderId: null, tripId: trip.id, fields: { amount: random.pick([30_000, 40_000, 50_000]) }, note: '' });
            const payOut = advanceAt + 3 * DAY;
            at(payOut, () => {
              if (statusOf(advance.id) === 'approved') disburseAdvance(db, actor(finance), advance.id, new Date(payOut));
            });
          });
          const back = officeHour(last + random.int(1, 3) * DAY, random.int(0, 300));
          at(back, () => {
            if (statusOf(trip.id) !== 'approved') return;
            const deal = random.chance(0.3) ? random.int(20, 300) * 1_000_000 : null;
            const tickets = Math.round(place.hours * random.int(90, 140)) * 100;
            const transport = file(filer, back, {
              type: 'transport',
              purpose: `${place.city}往返车票`,
              customerId: visit?.id ?? null,
              orderId: null,
              tripId: trip.id,
              fields: { transportTotal: tickets, dealSigned: deal !== null, ...(deal !== null ? { dealAmount: deal } : {}) },
              note: '',
            });
            const nights = days - 1;
            const lodging =
              place.hours > 3 && nights > 0
                ? file(filer, back + 600_000, {
                    type: 'lodging',
                    purpose: `${place.city}住宿`,
                    customerId: null,
                    orderId: null,
                    tripId: trip.id,
                    fields: { travelHoursOneWay: place.hours, sameDayReturnPossible: false, hasInvoice: true, nights },
                    note: '',
                  })
                : null;
            claimAndPay(filer, back + random.int(2, 8) * DAY, () => [
              { expenseId: transport.id, invoices: [0, 1].map((leg) => ({ invoiceNo: invoiceNo(), invoiceDate: dateOf(leg ? last : first), amountFen: tickets / 2 })) },
              ...(lodging
                ? [{ expenseId: lodging.id, invoices: Array.from({ length: nights }, (_, night) => ({ invoiceNo: invoiceNo(), invoiceDate: dateOf(first + night * DAY), amountFen: random.int(220, 420) * 100 })) }]
                : []),
            ]);
          });
        });
      }
      // Samples for a prospect now and then.
      if (own.length && random.chance(0.25)) {
        const applied = officeHour(month + random.int(0, 27) * DAY, random.int(0, 400));
        const customer = random.pick(own);
        const amount = random.int(3, 40) * 5_000;
        at(applied, () => {
          const e = file(filer, applied, { type: 'sample', purpose: `${customer.name}试用样品`, customerId: customer.id, orderId: null, tripId: null, fields: { amount }, note: '' });
          const spentOn = applied + random.int(2, 8) * DAY;
          claimAndPay(filer, spentOn + DAY, () => [{ expenseId: e.id, invoices: [{ invoiceNo: invoiceNo(), invoiceDate: dateOf(spentOn), amountFen: amount }] }]);
        });
      }
    }
  }

  timeline.run();
  result.pending = db.select({ id: expenses.id }).from(expenses).where(eq(expenses.status, 'pending')).all().length;
  return result;
}
