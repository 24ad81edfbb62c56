// @vitest-environment node
/**
 * The import direction is enforced by ESLint (eslint.config.js): these lint
 * small sources as if they sat in a layer, so a rule that stopped firing fails here.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function restricted(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages
    .filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports' || m.ruleId === 'no-restricted-syntax')
    .map((m) => m.message);
}

describe('layers', () => {
  it('rejects an import against the direction', async () => {
    expect(
      await restricted('src/engine/x.ts', "import { ChartCard } from '../charts/ChartCard';\nexport const y = ChartCard;\n"),
    ).toHaveLength(1);
    expect(
      await restricted('src/data/x.ts', "import { RankingCard } from '../charts/cards';\nexport const y = RankingCard;\n"),
    ).toHaveLength(1);
    expect(
      await restricted('src/ui/x.ts', "import { useOrgDrill } from '../charts/useOrgDrill';\nexport const y = useOrgDrill;\n"),
    ).toHaveLength(1);
    expect(await restricted('src/api/x.ts', "import { computeIndex } from '../engine';\nexport const y = computeIndex;\n")).toHaveLength(1);
  });

  it('lets the engine take types, and only types, from the contract', async () => {
    expect(await restricted('src/engine/x.ts', "import type { Org } from '../api/schemas';\nexport type Y = Org;\n")).toHaveLength(0);
    expect(await restricted('src/engine/x.ts', "import { orgSchema } from '../api/schemas';\nexport const y = orgSchema;\n")).toHaveLength(
      1,
    );
  });

  it('keeps features apart and off the engine arrays', async () => {
    expect(
      await restricted('src/features/org/x.tsx', "import { OrgsPage } from '../orgs/OrgsPage';\nexport const y = OrgsPage;\n"),
    ).toHaveLength(1);
    expect(
      await restricted('src/features/org/x.tsx', "import { ReadModel } from '../../data/model';\nexport const y = ReadModel;\n"),
    ).toHaveLength(0);
    expect(await restricted('src/features/org/x.tsx', 'export const f = (d: { ds: { orgs: unknown[] } }) => d.ds.orgs;\n')).toHaveLength(1);
  });

  it('allows the direction downwards', async () => {
    expect(
      await restricted(
        'src/app/x.tsx',
        "import { OverviewPage } from '../features/overview/OverviewPage';\nexport const y = OverviewPage;\n",
      ),
    ).toHaveLength(0);
    expect(await restricted('src/charts/x.tsx', "import { OrgLink } from '../ui/OrgLink';\nexport const y = OrgLink;\n")).toHaveLength(0);
  });
});
