import { useMemo, useState } from 'react';
import { caseReport, DEFAULT_REPORT_LANGS, reportFileName } from '../../../../shared/case';
import type { CaseFile } from '../../../../shared/case/format';
import { SNIPPET_INFO, SNIPPET_LANGS, type SnippetLang } from '../../../../shared/snippets';
import { CopyButton } from '../../ui/CopyButton';
import { saveTextFile } from '../../ui/DownloadLink';

/** The merchant-ready report of a case: the stacks to write code for, Copy (Markdown), Save as Markdown or HTML, a preview. */
export function ReportSection({ file, caseName }: { file: CaseFile; caseName: string }) {
  const [langs, setLangs] = useState<SnippetLang[]>([...DEFAULT_REPORT_LANGS]);
  const markdown = useMemo(() => caseReport(file, 'md', langs), [file, langs]);
  const toggle = (lang: SnippetLang, on: boolean) => setLangs((now) => SNIPPET_LANGS.filter((l) => (l === lang ? on : now.includes(l))));
  return (
    <section className="stack case-report" aria-label="Report for the merchant">
      <h3>Report for the merchant</h3>
      <p className="muted small-text">The root cause in their words, the proof (which key signed, which key Juspay holds, the exact bytes signed), the fix and the code for their stack.</p>
      <fieldset className="row case-langs">
        <legend>Code for their stack</legend>
        {SNIPPET_LANGS.map((lang) => (
          <label key={lang} className="radio-line">
            <input type="checkbox" checked={langs.includes(lang)} onChange={(e) => toggle(lang, e.target.checked)} />
            {SNIPPET_INFO[lang].label}
          </label>
        ))}
      </fieldset>
      <div className="row">
        <CopyButton value={markdown} label="Copy report as Markdown">
          Copy report
        </CopyButton>
        <button type="button" className="small" onClick={() => saveTextFile(markdown, reportFileName(caseName, 'md'), 'text/markdown')}>
          Save Markdown
        </button>
        <button type="button" className="small" onClick={() => saveTextFile(caseReport(file, 'html', langs), reportFileName(caseName, 'html'), 'text/html')}>
          Save HTML
        </button>
      </div>
      <pre className="case-report-preview" aria-label="Report preview" tabIndex={0}>
        {markdown}
      </pre>
    </section>
  );
}
