import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isoDateToText, parseDate, parseTime, type Parsed } from './date-entry.js';

interface FieldProps {
  label: string;
  /** `yyyy-MM-dd` (date) or `HH:mm` (time); '' while nothing valid is typed. */
  value: string;
  onChange(value: string): void;
  required?: boolean;
  /** Show "required" for an empty field (after a submit attempt). */
  showMissing?: boolean;
  testId?: string;
}

function TypedField({ kind, label, value, onChange, required, showMissing, testId }: FieldProps & { kind: 'date' | 'time' }) {
  const { t } = useTranslation();
  const id = useId();
  const parse: (text: string) => Parsed<string> = kind === 'date' ? parseDate : parseTime;
  const toText = (v: string) => (kind === 'date' ? isoDateToText(v) : v);
  const [text, setText] = useState(() => toText(value));
  const [touched, setTouched] = useState(false);
  // A value set from outside (a reset, another control) replaces what is typed.
  useEffect(() => {
    const parsed = parse(text);
    if ((parsed.ok ? parsed.value : '') !== value) setText(toText(value));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);
  const parsed = parse(text);
  const problem = !parsed.ok && ((parsed.reason !== 'empty' && touched) || (parsed.reason === 'empty' && required && showMissing)) ? parsed.reason : undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        className={kind === 'date' ? 'date-input' : 'time-input'}
        placeholder={t(`dateEntry.${kind}Placeholder`)}
        value={text}
        required={required}
        aria-invalid={problem ? true : undefined}
        aria-describedby={`${id}-hint`}
        data-testid={testId}
        onChange={(e) => {
          setText(e.target.value);
          const next = parse(e.target.value);
          onChange(next.ok ? next.value : '');
        }}
        onBlur={() => setTouched(true)}
      />
      <small id={`${id}-hint`} className={problem ? 'error' : 'muted'}>
        {problem ? t(`dateEntry.${kind}_${problem}`) : t(`dateEntry.${kind}Hint`)}
      </small>
    </div>
  );
}

/** A date typed dd/MM/yyyy in every language, checked as it is typed. */
export function DateField(props: FieldProps) {
  return <TypedField kind="date" {...props} />;
}

/** A time typed HH:mm (24-hour) in every language. */
export function TimeField(props: FieldProps) {
  return <TypedField kind="time" {...props} />;
}
