/**
 * An ASCII file name for an action plan's chart, e.g. `plan-13-chart.png`. Apart from the
 * renderer so that naming a chart does not load ECharts and resvg.
 */
export function chartFileName(actionPlanNumber: number, extension: 'png' | 'svg' = 'png'): string {
  return `plan-${String(actionPlanNumber).padStart(2, '0')}-chart.${extension}`;
}
