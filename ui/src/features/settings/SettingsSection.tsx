import type { ReactNode } from "react";

type Props = { title: string; description: string; testId?: string; children: ReactNode };

/** One part of Settings: a heading and a line on the left, its fields on the right. */
export function SettingsSection({ title, description, testId, children }: Props) {
  return (
    <section className="settings-section" data-testid={testId}>
      <div className="settings-section-head">
        <h2>{title}</h2>
        <p>{description}</p>
      </div>
      <div className="settings-section-body">{children}</div>
    </section>
  );
}
