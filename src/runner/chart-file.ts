/**
 * The Chart.yaml beside a values file: the chart the values are for. Helm charts keep `values.yaml`
 * next to `Chart.yaml`; a fork of the openmetadata chart that kept the name (clemlabprojects/trino-charts
 * `charts/openmetadata`) tells itself apart there by its version and appVersion. Read only when a
 * Helm model asks, at most once per lint; an unreadable or odd Chart.yaml counts as none.
 */
import * as path from 'path';
import type { ChartFile } from '../layouts/model';
import { parseSource } from '../source/parse';
import { readSourceFile, type ReadLimits } from '../source/read';
import { isPlainMap, type Plain } from '../types';

/** Chart.yaml is a few hundred bytes; one far larger is not a chart's. */
const MAX_CHART_FILE_BYTES = 64 * 1024;

/** A reader of the Chart.yaml beside `valuesFile` that reads it on first call only. */
export function chartFileBeside(valuesFile: string, limits: ReadLimits): () => ChartFile | undefined {
  let read = false;
  let chart: ChartFile | undefined;
  return () => {
    if (!read) {
      read = true;
      chart = readChartFile(path.join(path.dirname(valuesFile), 'Chart.yaml'), limits);
    }
    return chart;
  };
}

function readChartFile(filePath: string, limits: ReadLimits): ChartFile | undefined {
  let text: string;
  try {
    text = readSourceFile(filePath, { maxBytes: Math.min(limits.maxBytes, MAX_CHART_FILE_BYTES) });
  } catch {
    return undefined;
  }
  const parsed = parseSource(text, filePath);
  const document = parsed.syntaxErrors.length === 0 ? parsed.documents[0] : undefined;
  let plain: Plain | undefined;
  try {
    plain = document?.plain();
  } catch {
    return undefined;
  }
  if (!isPlainMap(plain) || typeof plain.name !== 'string') return undefined;
  const asText = (value: Plain | undefined): string | undefined => (typeof value === 'string' || typeof value === 'number' ? String(value) : undefined);
  return { filePath, name: plain.name, version: asText(plain.version), appVersion: asText(plain.appVersion) };
}
