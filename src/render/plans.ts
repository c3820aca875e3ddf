import type { PlanSummary } from '../../commands/results.ts';
import type { Messages } from '../messages/index.ts';

/** One line per plan for `/plan plans`, shared by the text and Block Kit answers. */
export function planLines(plans: readonly PlanSummary[], m: Messages): string[] {
  return plans.map((p) => {
    const name = m.locale === 'en' && p.nameEn ? p.nameEn : p.name;
    const line = m.exchange.plans.line(name, p.code, m.exchange.plans.period(p.firstFiscalYear, p.lastFiscalYear), p.actionPlanCount);
    return p.isDefault ? `★ ${line}${m.paren(m.exchange.plans.isDefault)}` : `・${line}`;
  });
}

/** The file being built, in words: what the person sees until it arrives. */
export function exportPreparing(format: keyof Messages['exchange']['export']['formatName'], m: Messages): string {
  return m.exchange.export.preparing(m.exchange.export.formatName[format]);
}
