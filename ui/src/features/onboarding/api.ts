import { invoke } from "@tauri-apps/api/core";
import type { OnboardingChange } from "../../bindings/OnboardingChange";
import type { OnboardingRow } from "../../bindings/OnboardingRow";
import type { TermsVersion } from "../../bindings/TermsVersion";

/** A change that records nothing; spread what is recorded over it. */
export const NO_CHANGE: OnboardingChange = { terms: null, tax_form: null, tax_form_expires: null, vat_id: null, welcome_sent: false };

export const onboardingApi = {
  /** Partners still onboarding, longest waiting first; everyone when `all`. */
  list: (all: boolean) => invoke<OnboardingRow[]>("onboarding_list", { all }),
  set: (partnerId: number, change: Partial<OnboardingChange>) =>
    invoke<OnboardingRow>("onboarding_set", { partnerId, change: { ...NO_CHANGE, ...change } }),
  /** Queues a reminder to partners stuck `days` or more; returns how many. */
  remind: (days: number) => invoke<number>("onboarding_remind", { days }),
  /** Newest first. */
  terms: () => invoke<TermsVersion[]>("terms_list"),
  publishTerms: (version: string, body: string) => invoke<TermsVersion>("terms_publish", { version, body }),
};
