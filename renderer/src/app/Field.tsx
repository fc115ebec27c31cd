// A labelled form field with its error message under it.
import type { ReactNode } from 'react';

export function Field(props: { label: string; error?: string; hint?: string; children: ReactNode; wide?: boolean }) {
  return (
    <label className={`field${props.wide ? ' field-wide' : ''}${props.error ? ' field-invalid' : ''}`}>
      <span className="field-label">{props.label}</span>
      {props.children}
      {props.error ? <span className="field-error" role="alert">{props.error}</span> : props.hint ? <span className="field-hint">{props.hint}</span> : null}
    </label>
  );
}
