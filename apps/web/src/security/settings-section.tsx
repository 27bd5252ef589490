import type { ReactNode } from 'react';

/** One card of the settings page with its heading; `id` makes it linkable (`#password`). */
export function SettingsSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section
      className="card settings-section"
      id={id}
      aria-labelledby={`${id}-title`}
      data-testid={`section-${id}`}
    >
      <h2 id={`${id}-title`} className="settings-title">
        {title}
      </h2>
      {children}
    </section>
  );
}
