/**
 * A calendar date field that reads YYYY-MM-DD in every language (a native
 * date input shows the browser locale's mm/dd/yyyy) and commits only when the
 * person is done: Enter, leaving the field, or a pick from the calendar. While
 * typing nothing is committed, so `03152025` never becomes a date on its way
 * and the history gets one entry per chosen date.
 */
import { useId, useRef, useState } from 'react';
import { isCalendarDate } from '../data/search';
import { useI18n } from '../i18n';
import './yoy.css';

interface DateFieldProps {
  label: string;
  value: string;
  min: string;
  max: string;
  onCommit: (date: string) => void;
  /** Shown under the field (e.g. "data complete to …"). */
  note?: string;
  noteTitle?: string;
}

/** `20250315` → `2025-03-15`; anything else as typed. */
const normalise = (text: string) => {
  const v = text.trim();
  return /^\d{8}$/.test(v) ? `${v.slice(0, 4)}-${v.slice(4, 6)}-${v.slice(6)}` : v;
};

export function DateField({ label, value, min, max, onCommit, note, noteTitle }: DateFieldProps) {
  const { t } = useI18n();
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const [invalid, setInvalid] = useState(false);
  const picker = useRef<HTMLInputElement>(null);

  const commit = () => {
    if (draft === null) return;
    const v = normalise(draft);
    if (v === value) {
      setDraft(null);
      setInvalid(false);
      return;
    }
    if (isCalendarDate(v) && v >= min && v <= max) {
      setDraft(null);
      setInvalid(false);
      onCommit(v);
    } else setInvalid(true);
  };

  const openPicker = () => {
    const el = picker.current;
    if (!el) return;
    try {
      el.showPicker();
    } catch {
      // no programmatic picker (older browsers): the text field still takes the date
      el.focus();
    }
  };

  const errorId = `${id}-error`;
  const noteId = `${id}-note`;
  const describedBy = [invalid ? errorId : null, note ? noteId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="date-field">
      <label htmlFor={id}>{label}</label>
      <span className="date-field-input">
        <input
          id={id}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          placeholder={t('date.placeholder')}
          pattern="\d{4}-\d{2}-\d{2}"
          size={10}
          maxLength={10}
          value={draft ?? value}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          onChange={(e) => {
            setDraft(e.target.value);
            setInvalid(false);
          }}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              commit();
            } else if (e.key === 'Escape') {
              setDraft(null);
              setInvalid(false);
            }
          }}
        />
        <button type="button" className="date-picker-button" onClick={openPicker} aria-label={t('date.picker')} title={t('date.picker')}>
          <svg aria-hidden="true" viewBox="0 0 16 16" width="14" height="14">
            <path
              fill="currentColor"
              d="M4 1h1v2h6V1h1v2h2.5c.3 0 .5.2.5.5v11c0 .3-.2.5-.5.5h-13a.5.5 0 0 1-.5-.5v-11c0-.3.2-.5.5-.5H4V1zM2 6v8h12V6H2zm2 2h2v2H4V8z"
            />
          </svg>
        </button>
        {/* the browser's calendar, opened by the button; a pick commits at once */}
        <input
          ref={picker}
          type="date"
          className="date-picker-native"
          tabIndex={-1}
          aria-hidden="true"
          value={value}
          min={min}
          max={max}
          onChange={(e) => {
            const v = e.target.value;
            if (isCalendarDate(v) && v >= min && v <= max && v !== value) {
              setDraft(null);
              setInvalid(false);
              onCommit(v);
            }
          }}
        />
      </span>
      {invalid ? (
        <span id={errorId} className="date-field-error" role="alert">
          {t('date.invalid', { min, max })}
        </span>
      ) : null}
      {note ? (
        <span id={noteId} className="date-field-note" role="status" title={noteTitle}>
          {note}
        </span>
      ) : null}
    </div>
  );
}
