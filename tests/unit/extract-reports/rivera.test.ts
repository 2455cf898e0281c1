// The report extractors on every dev-rivera progress report, score report, the service log and the
// correspondence, measured against truth.json the way the scorer matches them.
import { expect, it } from 'vitest';
import { describeRivera } from '../../support/fixtures';
import { extractProgressReport } from '../../../main/core/extract/progress';
import { extractTestScores } from '../../../main/core/extract/scores';
import { extractServiceLog } from '../../../main/core/extract/service-log';
import { extractCorrespondence } from '../../../main/core/extract/correspondence';
import { baseName, f1, riveraPages, riveraTruth } from './compose';

describeRivera('progress reports (dev-rivera)', () => {
  it('reads dates, codes, entries without data and data points of all nine reports', async () => {
    const truth = riveraTruth();
    const gold = new Set<string>();
    const pred = new Set<string>();
    let codes = 0;
    let codesRight = 0;
    let noDataRight = 0;
    for (const report of truth.progress_reports) {
      const file = baseName(report.document);
      const pages = await riveraPages(file);
      const got = extractProgressReport(pages, file);
      expect(got.reportDate, file).toBe(report.report_date);
      expect([got.periodStart, got.periodEnd], file).toEqual([report.period_start, report.period_end]);
      expect(got.periodLabel, file).toBe(report.period);
      expect(got.legend.SP).toMatch(/sufficient progress/i);
      expect(got.entries.map((e) => e.goalNumber), file).toEqual(report.entries.map((e) => e.goal_number));
      for (const want of report.entries) {
        const entry = got.entries.find((e) => e.goalNumber === want.goal_number)!;
        codes++;
        if (entry.code === want.code) codesRight++;
        if (entry.hasData === want.has_data) noDataRight++;
        for (const p of want.data_points) gold.add(`${file}#${want.goal_number}|${p.date}|${p.value}`);
        for (const p of entry.dataPoints) {
          pred.add(`${file}#${want.goal_number}|${p.date}|${p.value}`);
          expect(p.source.page).toBeGreaterThan(0);
          expect(p.source.bbox).not.toBeNull();
        }
      }
    }
    const score = f1(pred, gold);
    console.log(`[progress] data points P=${score.precision.toFixed(3)} R=${score.recall.toFixed(3)} F1=${score.f1.toFixed(3)}; codes ${codesRight}/${codes}; hasData ${noDataRight}/${codes}`);
    expect(score.f1).toBeGreaterThanOrEqual(0.9);
    expect(codesRight / codes).toBeGreaterThanOrEqual(0.9);
    expect(noDataRight / codes).toBeGreaterThanOrEqual(0.9);
  });

  it('boxes a data point on the words it was read from', async () => {
    const file = 'Rivera_Mateo_Progress_Report_2022-12-02.pdf';
    const pages = await riveraPages(file);
    const entry = extractProgressReport(pages, file).entries[0];
    const [x0, y0, x1, y1] = entry.dataPoints[0].source.bbox!;
    const inside = pages[0].words.filter((w) => w.bbox[0] >= x0 - 0.5 && w.bbox[2] <= x1 + 0.5 && w.bbox[1] >= y0 - 0.5 && w.bbox[3] <= y1 + 0.5).map((w) => w.text);
    expect(inside).toEqual(expect.arrayContaining(['11/29/2022', '52', 'WCPM']));
  });
});

describeRivera('score reports (dev-rivera)', () => {
  it('finds every score with its date, value and percentile', async () => {
    const truth = riveraTruth();
    const files = [...new Set(truth.test_scores.map((s) => baseName(s.document)))];
    let predicted = 0;
    let matched = 0;
    let valuesRight = 0;
    for (const file of files) {
      const got = extractTestScores(await riveraPages(file), file);
      predicted += got.length;
      for (const want of truth.test_scores.filter((s) => baseName(s.document) === file)) {
        // The measure as printed, or its canonical alias ("ELA" for "English Language Arts/Literacy").
        const hit = got.find((g) => g.date === want.test_date && [g.subtest, g.alias].some((n) => n?.toLowerCase() === want.subtest.toLowerCase()));
        if (!hit) continue;
        matched++;
        if (hit.score === want.score && hit.percentile === want.percentile) valuesRight++;
        expect(hit.source.bbox).not.toBeNull();
      }
    }
    const precision = matched / predicted;
    const recall = matched / truth.test_scores.length;
    const score = (2 * precision * recall) / (precision + recall);
    console.log(`[scores] F1=${score.toFixed(3)} values ${valuesRight}/${matched}`);
    expect(score).toBeGreaterThanOrEqual(0.95);
    expect(valuesRight / matched).toBeGreaterThanOrEqual(0.95);
  });
});

describeRivera('service log (dev-rivera)', () => {
  it('adds up required, delivered and missed minutes exactly, split by responsibility', async () => {
    const truth = riveraTruth().service_delivery;
    const file = baseName(truth.document);
    const got = extractServiceLog(await riveraPages(file), file);
    expect(got.sessions).toHaveLength(truth.sessions.length);
    const sum = (k: 'minutesRequired' | 'minutesDelivered' | 'minutesMissed' | 'minutesMissedDistrictResponsible' | 'minutesMissedStudentAbsence') => got.summaries.reduce((a, s) => a + s[k], 0);
    expect(sum('minutesRequired')).toBe(truth.totals.minutes_required);
    expect(sum('minutesDelivered')).toBe(truth.totals.minutes_delivered);
    expect(sum('minutesMissed')).toBe(2890);
    expect(sum('minutesMissedDistrictResponsible')).toBe(2605);
    expect(sum('minutesMissedStudentAbsence')).toBe(truth.totals.minutes_missed_student_absence);
    for (const want of truth.services) {
      const s = got.summaries.find((x) => x.minutesRequired === want.minutes_required)!;
      expect([s.minutesDelivered, s.minutesMissed, s.minutesMissedDistrictResponsible]).toEqual([want.minutes_delivered, want.minutes_missed_total, want.minutes_missed_district_responsible]);
      expect([s.periodStart, s.periodEnd]).toEqual([truth.period_start, truth.period_end]);
      expect(s.discrepancies).toEqual([]);
    }
    const wrong = truth.sessions.filter((w) => {
      const g = got.sessions.find((s) => s.date === w.date && s.scheduledMinutes === w.scheduled_minutes);
      const responsibility = w.responsibility === null ? 'delivered' : w.responsibility === 'student' ? 'student_absence' : w.responsibility;
      return !g || g.deliveredMinutes !== w.delivered_minutes || g.responsibility !== responsibility;
    });
    expect(wrong).toEqual([]);
  });
});

describeRivera('correspondence (dev-rivera)', () => {
  it('reads sender, recipients, date and subject of the emails and the prior written notice', async () => {
    const truth = riveraTruth();
    for (const doc of truth.documents.filter((d) => d.type === 'correspondence')) {
      const file = baseName(doc.file);
      const got = extractCorrespondence(await riveraPages(file), file);
      expect(got.date, file).toBe(doc.date);
      expect(got.from, file).toBeTruthy();
      expect(got.to, file).toBeTruthy();
      expect(got.subject, file).toBeTruthy();
    }
    const reply = extractCorrespondence(await riveraPages('Email_2024-02-02_Castellanos_reply.pdf'), 'x');
    expect(reply.from).toMatch(/^Robert Castellanos/);
    expect(reply.subject).toMatch(/^RE: /);
    const pwn = extractCorrespondence(await riveraPages('scan_20240311_0845.pdf'), 'x');
    expect(pwn.subject).toMatch(/prior written notice/i);
    expect(pwn.from).toMatch(/Holloway/);
    expect(pwn.cc).toMatch(/Nuñez/);
  });
});
