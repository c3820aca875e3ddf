import type { Messages } from '../messages/index.ts';
import { renderChartPng } from './chart/index.ts';
import { chartPictures, type ChartResult } from './chart-spec.ts';

export interface ChartFile {
  bytes: Buffer;
  filename: string;
  title: string;
  altText: string;
}

/** The chart drawn: PNGs (1600×900) with their names; what Slack uploads and the CLI writes. */
export interface DrawnChart {
  title: string;
  grade: string;
  files: ChartFile[];
}

/** Draws every picture of the chart (about 150–300 ms each, on the calling thread). */
export function drawChart(result: ChartResult, m: Messages): DrawnChart {
  const { title, grade, pictures } = chartPictures(result, m);
  return {
    title,
    grade,
    files: pictures.map(({ spec, filename, title: fileTitle, altText }) => ({
      bytes: renderChartPng(spec),
      filename,
      title: fileTitle,
      altText,
    })),
  };
}
