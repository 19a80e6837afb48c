import { useCallback, useState } from "react";
import type { MailTemplate } from "../../bindings/MailTemplate";
import { draftOf, sameDraft, type TemplateDraft } from "./templateDraft";

/** A template as last saved, and what the editor holds now. */
export type DraftEntry = { base: MailTemplate; draft: TemplateDraft };

/** Unsaved edits per template, so switching between templates keeps them. */
export function useTemplateDrafts() {
  const [entries, setEntries] = useState<Record<string, DraftEntry>>({});

  const entryOf = useCallback((t: MailTemplate): DraftEntry => entries[t.name] ?? { base: t, draft: draftOf(t) }, [entries]);
  const edit = useCallback((base: MailTemplate, draft: TemplateDraft) => setEntries((e) => ({ ...e, [base.name]: { base, draft } })), []);
  const saved = useCallback((t: MailTemplate) => setEntries((e) => ({ ...e, [t.name]: { base: t, draft: draftOf(t) } })), []);
  const isDirty = useCallback(
    (t: MailTemplate) => {
      const e = entries[t.name];
      return e !== undefined && !sameDraft(e.draft, draftOf(e.base));
    },
    [entries],
  );

  return { entryOf, edit, saved, isDirty };
}
