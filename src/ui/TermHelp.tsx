/**
 * A (?) toggletip that explains a term where it appears: a real button
 * (keyboard, touch, aria-expanded) and a live region that receives the
 * explanation when opened, so screen readers announce it. Escape or a press
 * outside closes it.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useI18n } from '../i18n';
import './yoy.css';

export function TermHelp({ term, text, align = 'center' }: { term: string; text: string; align?: 'start' | 'center' | 'end' }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const id = useId();
  const root = useRef<HTMLSpanElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const outside = (e: PointerEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) setOpen(false);
    };
    const escape = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        setOpen(false);
        button.current?.focus();
      }
    };
    document.addEventListener('pointerdown', outside);
    document.addEventListener('keydown', escape);
    return () => {
      document.removeEventListener('pointerdown', outside);
      document.removeEventListener('keydown', escape);
    };
  }, [open]);

  return (
    <span className="term" ref={root}>
      <button
        ref={button}
        type="button"
        className="term-button"
        aria-expanded={open}
        aria-controls={id}
        aria-label={t('term.about', { term })}
        onClick={(e) => {
          // inside a sortable header or a link: explaining is not sorting or following
          e.stopPropagation();
          e.preventDefault();
          setOpen((v) => !v);
        }}
      >
        ?
      </button>
      <span id={id} role="status" className="term-live">
        {open ? <span className={`term-tip${align !== 'center' ? ` align-${align}` : ''}`}>{text}</span> : null}
      </span>
    </span>
  );
}
