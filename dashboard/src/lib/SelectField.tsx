import type { ReactNode, SelectHTMLAttributes } from 'react';

export interface SelectOption {
  value: string;
  label: string;
}

/**
 * A labelled drop-down, as every form of the dashboard has it: the label wraps the `<select>` (its
 * accessible name), an optional first choice ("all", "the district"), then the options, then any
 * grouped options passed as children (UnitOptions).
 */
export function SelectField({
  label,
  value,
  onChange,
  options = [],
  first,
  children,
  ...select
}: { label: ReactNode; value: string | number; onChange(value: string): void; options?: readonly SelectOption[]; first?: SelectOption; children?: ReactNode } & Omit<
  SelectHTMLAttributes<HTMLSelectElement>,
  'value' | 'onChange' | 'children'
>) {
  return (
    <label className="field">
      {label}
      <select value={value} onChange={(e) => onChange(e.target.value)} {...select}>
        {first && <option value={first.value}>{first.label}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
        {children}
      </select>
    </label>
  );
}

/** Options from a list of values and how each is named. */
export const choices = <V extends string>(values: readonly V[], label: (value: V) => string): SelectOption[] => values.map((value) => ({ value, label: label(value) }));
