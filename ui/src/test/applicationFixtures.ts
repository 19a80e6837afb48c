// Applications for tests: a plausible applicant, changed by `patch`.
import type { Application } from "../bindings/Application";
import type { CheckResult } from "../bindings/CheckResult";

export function checkResult(check: string, severity: CheckResult["severity"], label: string, evidence = ""): CheckResult {
  return { check, label, severity, evidence };
}

export function application(id: number, patch: Partial<Application> = {}): Application {
  return {
    id,
    name: `Applicant ${id}`,
    email: `applicant${id}@example.com`,
    website: `https://site${id}.example`,
    domain: `site${id}.example`,
    social_profiles: [],
    country: "FR",
    audience_size: 12000,
    promotion: "A weekly newsletter about cooking.",
    categories: ["cooking"],
    answers: {},
    payout_account: "",
    status: "pending",
    score: 80,
    red_flags: 0,
    checks: [checkResult("free_mail", "pass", "Free-mail address for a business program", "site domain")],
    screened_at: "2026-03-02T10:00:00Z",
    reason: null,
    decided_at: null,
    partner_id: null,
    submissions: 1,
    created_at: "2026-03-01T09:00:00Z",
    updated_at: "2026-03-02T10:00:00Z",
    ...patch,
  };
}
