import type { FeedbackReport, Tally } from '../store/report.js';

/** Text from the store (questions, module ids) made inert in HTML, quotes included for attributes. */
function html(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 100)}%`);

const BAR_HEIGHT = 18;
const LABEL_WIDTH = 110;
const BAR_WIDTH = 360;

/** One horizontal bar per row: helpful (green) and not it (red) side by side, scaled to the largest row; inline SVG, no script. */
function verdictChart(title: string, tallies: Record<string, Tally>): string {
  const rows = Object.entries(tallies);
  const most = Math.max(1, ...rows.map(([, t]) => t.helpful + t.not_it));
  const height = rows.length * (BAR_HEIGHT + 6) + 4;
  const bars = rows
    .map(([name, t], i) => {
      const y = i * (BAR_HEIGHT + 6) + 2;
      const helpful = (t.helpful / most) * BAR_WIDTH;
      const notIt = (t.not_it / most) * BAR_WIDTH;
      return [
        `<text x="${LABEL_WIDTH - 6}" y="${y + 13}" text-anchor="end">${html(name)}</text>`,
        `<rect class="helpful" x="${LABEL_WIDTH}" y="${y}" width="${helpful.toFixed(1)}" height="${BAR_HEIGHT}"><title>${t.helpful} helpful</title></rect>`,
        `<rect class="not-it" x="${(LABEL_WIDTH + helpful).toFixed(1)}" y="${y}" width="${notIt.toFixed(1)}" height="${BAR_HEIGHT}"><title>${t.not_it} not it</title></rect>`,
        `<text x="${(LABEL_WIDTH + helpful + notIt + 6).toFixed(1)}" y="${y + 13}">${t.helpful}/${t.not_it} · ${percent(t.helpfulRate)}</text>`,
      ].join('');
    })
    .join('');
  const svg = `<svg role="img" aria-label="${html(title)}" width="${LABEL_WIDTH + BAR_WIDTH + 120}" height="${height}" xmlns="http://www.w3.org/2000/svg">${bars}</svg>`;
  return `<figure><figcaption>${html(title)}</figcaption>${rows.length === 0 ? '<p>No verdicts yet.</p>' : svg}</figure>`;
}

function tallyTable(caption: string, tallies: Record<string, Tally>): string {
  const rows = Object.entries(tallies)
    .map(([name, t]) => `<tr><th scope="row">${html(name)}</th><td>${t.answers}</td><td>${t.helpful}</td><td>${t.not_it}</td><td>${percent(t.helpfulRate)}</td></tr>`)
    .join('');
  return `<table><caption>${html(caption)}</caption><thead><tr><th></th><th>Answers</th><th>Helpful</th><th>Not it</th><th>Helpful rate</th></tr></thead><tbody>${rows}</tbody></table>`;
}

const STYLE = `body{font:15px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#1d1d1f}
h1{font-size:1.5rem}table{border-collapse:collapse;margin:1rem 0}th,td{padding:.25rem .75rem;border-bottom:1px solid #ddd;text-align:right}
th[scope=row],td.text{text-align:left}caption{text-align:left;font-weight:600;padding:.25rem 0}figure{margin:1rem 0}figcaption{font-weight:600}
svg text{font:12px system-ui,sans-serif;fill:#333}.helpful{fill:#2e7d32}.not-it{fill:#c62828}.summary{font-size:1.1rem}`;

/** `feedback report --format html`: one self-contained page (inline CSS and SVG, no script, nothing fetched), readable offline. */
export function renderReportHtml(report: FeedbackReport): string {
  const corrections = report.corrections
    .map((c) => `<tr><td class="text">${html(c.answered ?? '(none)')}</td><td class="text">${html(c.correct)}</td><td>${c.count}</td></tr>`)
    .join('');
  const recent = report.recentNotIt
    .map(
      (n) =>
        `<tr><td class="text">${html(n.at.slice(0, 16).replace('T', ' '))}</td><td class="text">${html(n.platform)}</td><td class="text">${html(n.lang)}</td><td class="text">${html(n.answered ?? '(none)')}</td><td class="text">${html(n.correct ?? '—')}</td><td class="text">${html(n.question ?? '')}</td></tr>`,
    )
    .join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>campaign-module feedback report</title><style>${STYLE}</style></head>
<body><h1>Feedback report</h1>
<p>${html(report.since.slice(0, 10))} to ${html(report.until.slice(0, 10))}</p>
<p class="summary" id="summary">${report.answers} answers · ${report.verdicts.helpful} helpful · ${report.verdicts.not_it} not it · helpful rate ${percent(report.helpfulRate)}</p>
${verdictChart('Verdicts by module answered', report.byModule)}
${verdictChart('Verdicts by language', report.byLang)}
${tallyTable('By module answered', report.byModule)}
${tallyTable('By language', report.byLang)}
<table id="corrections"><caption>Corrections (answered → should be)${report.abstentionsCorrected > 0 ? `, ${report.abstentionsCorrected} where no module was named` : ''}</caption><thead><tr><th>Answered</th><th>Should be</th><th>Count</th></tr></thead><tbody>${corrections}</tbody></table>
<table id="recent"><caption>Recent “Not it”</caption><thead><tr><th>When (UTC)</th><th>Where</th><th>Lang</th><th>Answered</th><th>Should be</th><th>Question</th></tr></thead><tbody>${recent}</tbody></table>
</body></html>
`;
}
