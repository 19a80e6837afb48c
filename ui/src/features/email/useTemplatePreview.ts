import type { MailPreview } from "../../bindings/MailPreview";
import { formRefusal } from "../../lib/errors";
import { useDebounced } from "../../lib/useDebounced";
import { useFetched } from "../../lib/useFetched";
import { mailApi } from "./api";
import { TEMPLATE_LABELS, templateFieldOf, type TemplateDraft, type TemplateErrors } from "./templateDraft";

/** How long typing must pause before the preview is asked for. */
export const PREVIEW_DELAY_MS = 300;

type Request = TemplateDraft & { name: string; partnerId: number | null };

export type TemplatePreviewState = {
  /** The last preview the core made (kept while the next one loads). */
  preview: MailPreview | null;
  /** What the core refused in the draft, by field: the same checks as saving. */
  errors: TemplateErrors;
  /** Any other reason there is no preview ("add a partner…"). */
  problem: string | null;
  /** The draft changed since the preview shown. */
  pending: boolean;
};

/** The message a partner would get from the unsaved draft, asked for once typing pauses. */
export function useTemplatePreview(name: string, draft: TemplateDraft, partnerId: number | null): TemplatePreviewState {
  const request: Request = { name, ...draft, partnerId };
  const key = JSON.stringify(request);
  const asked = useDebounced(key, PREVIEW_DELAY_MS);
  const fetched = useFetched(`preview:${asked}`, () => {
    const r = JSON.parse(asked) as Request;
    return mailApi.preview(r.name, r, r.partnerId);
  });
  const refusal = fetched.error ? formRefusal(fetched.error, templateFieldOf, TEMPLATE_LABELS) : null;
  return {
    preview: fetched.data,
    errors: refusal?.errors ?? {},
    problem: refusal?.banner ?? null,
    pending: fetched.loading || asked !== key,
  };
}
