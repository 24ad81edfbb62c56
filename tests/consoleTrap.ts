import { afterEach, beforeEach } from 'vitest';

// epic-stack habit: a console.error or console.warn in a test is a bug (act, key and React warnings included).
const failures: string[] = [];
const original = { error: console.error, warn: console.warn };
beforeEach(() => {
  failures.length = 0;
  console.error = (...args: unknown[]) => {
    failures.push(`console.error: ${args.map(String).join(' ')}`);
    original.error(...args);
  };
  console.warn = (...args: unknown[]) => {
    failures.push(`console.warn: ${args.map(String).join(' ')}`);
    original.warn(...args);
  };
});
afterEach(() => {
  console.error = original.error;
  console.warn = original.warn;
  if (failures.length) throw new Error(`Test wrote to the console:\n${failures.join('\n')}`);
});
