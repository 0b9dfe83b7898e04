/** Case files: the format, its schema, and the merchant report made from one. */
import type { SnippetLang } from '../snippets';
import type { CaseFile } from './format';
import { buildMerchantReport, DEFAULT_REPORT_LANGS } from './report-model';
import { reportHtml, reportMarkdown } from './report-render';

export * from './format';
export { looksLikeCase, readCaseText } from './schema';
export { buildMerchantReport, DEFAULT_REPORT_LANGS, type MerchantReport } from './report-model';
export { reportHtml, reportMarkdown } from './report-render';

export const REPORT_FORMATS = ['md', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The merchant report of a case, as Markdown or a self-contained HTML page. */
export function caseReport(file: CaseFile, format: ReportFormat, langs: readonly SnippetLang[] = DEFAULT_REPORT_LANGS): string {
  const report = buildMerchantReport(file, langs);
  return format === 'html' ? reportHtml(report) : reportMarkdown(report);
}

/** The report's file name beside its case: `case-….upicase.json` → `case-….report.md`. */
export function reportFileName(caseName: string, format: ReportFormat): string {
  return `${caseName.replace(/\.upicase\.json$|\.json$/i, '')}.report.${format}`;
}
