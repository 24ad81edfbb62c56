import { describe, expect, it } from 'vitest';
import { queueMount } from './mountQueue';

const nextTask = () => new Promise<void>((done) => setTimeout(done, 0));

describe('queueMount', () => {
  it('mounts one chart per task, and only once what it needs has arrived, even when they all waited for it', async () => {
    let arrive: () => void = () => undefined;
    const code = new Promise<void>((done) => (arrive = done));
    const mounted: number[] = [];
    for (const k of [1, 2, 3])
      queueMount(
        () => mounted.push(k),
        () => code,
      );
    await nextTask();
    await nextTask();
    expect(mounted).toEqual([]);
    arrive();
    await code;
    await nextTask();
    expect(mounted).toEqual([1]);
    await nextTask();
    expect(mounted).toEqual([1, 2]);
    await nextTask();
    expect(mounted).toEqual([1, 2, 3]);
  });

  it('a cancelled chart is not mounted', async () => {
    const mounted: string[] = [];
    const cancel = queueMount(() => mounted.push('a'));
    queueMount(() => mounted.push('b'));
    cancel();
    await nextTask();
    await nextTask();
    expect(mounted).toEqual(['b']);
  });
});
