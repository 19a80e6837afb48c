import { useState } from "react";
import type { PartnerRef } from "../../components/PartnerSearchSelect";
import { RetryBanner } from "../../components/RetryBanner";
import { Spinner } from "../../components/Spinner";
import { cx } from "../../lib/cx";
import { useFetched } from "../../lib/useFetched";
import { mailApi } from "./api";
import { templateDescription, templateLabel } from "./labels";
import { TemplateEditor } from "./TemplateEditor";
import { useTemplateDrafts } from "./useTemplateDrafts";

/** The templates the program sends, one at a time in the editor. */
export function TemplatesTab() {
  const list = useFetched("mail-templates", mailApi.templates);
  const drafts = useTemplateDrafts();
  const [selected, setSelected] = useState<string | null>(null);
  const [partner, setPartner] = useState<PartnerRef | null>(null);
  const templates = list.data;
  const current = templates?.find((t) => t.name === selected) ?? templates?.[0] ?? null;
  const entry = current ? drafts.entryOf(current) : null;

  return (
    <div className="em-templates">
      {list.error && <RetryBanner error={list.error} onRetry={list.reload} />}
      {templates === null ? (
        <div className="em-center">{list.loading && <Spinner size={20} label="Loading the templates" />}</div>
      ) : (
        <div className="em-templates-body">
          <ul className="em-template-list" aria-label="Templates">
            {templates.map((t) => (
              <li key={t.name}>
                <button
                  type="button"
                  className={cx("em-template-item", t.name === current?.name && "em-template-on")}
                  aria-current={t.name === current?.name || undefined}
                  onClick={() => setSelected(t.name)}
                  data-testid="template-item"
                  data-name={t.name}
                >
                  <span className="em-template-name">
                    {templateLabel(t.name)}
                    {drafts.isDirty(t) && <span className="em-template-unsaved">Unsaved</span>}
                  </span>
                  <span className="em-template-text">{templateDescription(t.name)}</span>
                </button>
              </li>
            ))}
          </ul>
          {current && entry && (
            <TemplateEditor
              key={current.name}
              base={entry.base}
              draft={entry.draft}
              onChange={(d) => drafts.edit(entry.base, d)}
              onSaved={drafts.saved}
              partner={partner}
              onPartner={setPartner}
            />
          )}
        </div>
      )}
    </div>
  );
}
