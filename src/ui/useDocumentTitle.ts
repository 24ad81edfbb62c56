import { useEffect } from 'react';

/** `document.title` is text, never markup: names are safe here. */
export function useDocumentTitle(...parts: (string | undefined)[]) {
  const title = parts.filter(Boolean).join(' · ');
  useEffect(() => {
    document.title = title;
  }, [title]);
}
