/**
 * The analyst's tools on the organisation page (issue 12), in one place so the
 * page itself gains a single line: why the number (provenance), what would
 * change it (next grade), and how much its rank depends on the weights.
 */
import type { Dashboard } from '../../data/dashboard';
import type { I18n } from '../../i18n';
import { NextGradePanel } from './NextGradePanel';
import { ProvenancePanel } from './ProvenancePanel';
import { RobustnessPanel } from './RobustnessPanel';
import './analyst.css';

export function AnalystPanels({ d, id, i18n }: { d: Dashboard; id: string; i18n: I18n }) {
  return (
    <div className="analyst-grid">
      <ProvenancePanel d={d} id={id} i18n={i18n} />
      <div className="analyst-side">
        <NextGradePanel d={d} id={id} i18n={i18n} />
        <RobustnessPanel d={d} id={id} i18n={i18n} />
      </div>
    </div>
  );
}
