// A home screen's answers for the tests (not used by the app).
import type { Attention } from "../../bindings/Attention";
import type { Home } from "../../bindings/Home";
import type { Money } from "../../bindings/Money";

export const usd = (minor: number): Money => ({ minor, currency: "USD" });
export const eur = (minor: number): Money => ({ minor, currency: "EUR" });

const MONTHS = ["2025-12", "2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10", "2026-11"];

/** November 2026 against October, in USD and a little EUR. */
export function homeFixture(patch: Partial<Home> = {}): Home {
  return {
    from: "2026-11",
    to: "2026-11",
    previous_from: "2026-10",
    previous_to: "2026-10",
    setup: { partners: 57, sales: 1200, plan_set: true },
    numbers: {
      revenue: { now: [eur(50000), usd(1200000)], before: [usd(1000000)] },
      sales: { now: 120, before: 100 },
      new_customers: { now: 30, before: 40 },
      earned: { now: [usd(120000)], before: [usd(100000)] },
      given_back: { now: [usd(-2000)], before: [usd(-1000)] },
      refunded: { now: [usd(30000)], before: [usd(10000)] },
      refunds: { now: 6, before: 2 },
      unattributed: { now: [usd(5000)], before: [usd(5000)] },
      new_partners: { now: 4, before: 0 },
      active_partners: 57,
    },
    trend: MONTHS.map((month, i) => ({
      month,
      revenue: i === 11 ? [eur(50000), usd(1200000)] : [usd(100000 * (i + 1))],
      commission: i === 11 ? [usd(118000)] : [usd(10000 * (i + 1))],
    })),
    partners: {
      top: [
        {
          currency: "USD",
          partners: [
            { partner_id: 9, name: "Zoe Okafor", sales: 40, refunds: 1, revenue: [usd(700000)], commission: [usd(70000)] },
            { partner_id: 4, name: "Bram de Vries", sales: 30, refunds: 5, revenue: [usd(300000)], commission: [usd(30000)] },
            { partner_id: 12, name: "Chen Wei", sales: 20, refunds: 0, revenue: [usd(200000)], commission: [usd(18000)] },
          ],
        },
        {
          currency: "EUR",
          partners: [{ partner_id: 21, name: "Élodie Martin", sales: 2, refunds: 0, revenue: [eur(50000)], commission: [] }],
        },
      ],
      groups: [
        { group_id: 2, name: "Creators", partners: 14, revenue: [usd(900000)], commission: [usd(90000)] },
        { group_id: null, name: "(no group)", partners: 3, revenue: [eur(50000), usd(300000)], commission: [usd(28000)] },
      ],
      refund_rates: [
        { partner_id: 4, name: "Bram de Vries", sales: 30, refunds: 5 },
        { partner_id: 9, name: "Zoe Okafor", sales: 40, refunds: 1 },
      ],
      floor: 10,
    },
    funnel: { applied: 12, approved: 8, first_sale: 6, paid: 2 },
    ...patch,
  };
}

export function attentionFixture(patch: Partial<Attention> = {}): Attention {
  return {
    pending: [usd(45000)],
    approved: [usd(120000)],
    next_run: { through: "2026-11-15", partners: 14, paid: 11, total: usd(98000) },
    applications_waiting: 3,
    onboarding_stuck: 0,
    stuck_days: 7,
    outbox_failed: 2,
    risk_holding: 0,
    ...patch,
  };
}

/** Nothing waiting anywhere. */
export function quietAttention(): Attention {
  return attentionFixture({
    pending: [],
    approved: [],
    next_run: { through: "2026-11-15", partners: 0, paid: 0, total: usd(0) },
    applications_waiting: 0,
    outbox_failed: 0,
  });
}
