import type { ApplicationInput } from "../../bindings/ApplicationInput";

/** The "Add by hand" form as typed. */
export type AddDraft = { name: string; email: string; website: string; country: string; audience: string; promotion: string };

export type AddField = keyof AddDraft;

export const EMPTY_ADD: AddDraft = { name: "", email: "", website: "", country: "", audience: "", promotion: "" };

export const ADD_LABELS: Record<string, string> = {
  name: "Name",
  email: "Email",
  website: "Website",
  country: "Country",
  audience_size: "Audience size",
  promotion: "How they will promote",
};

/** The form field a backend error names ("audience_size: …" is the audience box). */
export function addFieldOf(field: string): AddField | null {
  if (field === "audience_size") return "audience";
  return field in EMPTY_ADD ? (field as AddField) : null;
}

/** The submission to send, or what to fix first (the backend checks the rest). */
export function toInput(d: AddDraft): { input: ApplicationInput } | { errors: Partial<Record<AddField, string>> } {
  const errors: Partial<Record<AddField, string>> = {};
  if (!d.name.trim()) errors.name = "Enter the applicant's name.";
  if (!d.email.trim()) errors.email = "Enter the applicant's email.";
  const audience = d.audience.replace(/[\s,_]/g, "");
  if (audience !== "" && !/^\d+$/.test(audience)) errors.audience = "A whole number of followers, readers or subscribers.";
  if (Object.keys(errors).length > 0) return { errors };
  return {
    input: {
      name: d.name.trim(),
      email: d.email.trim(),
      website: d.website.trim(),
      social_profiles: [],
      country: d.country.trim(),
      audience_size: audience === "" ? null : Number(audience),
      promotion: d.promotion.trim(),
      categories: [],
      answers: {},
      payout_account: "",
    },
  };
}
