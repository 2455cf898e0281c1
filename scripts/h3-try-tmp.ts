import { readFileSync } from 'node:fs';
import { parseGoalSentence } from '../shared/goals/parse';
const t = JSON.parse(readFileSync('/work/shared/fixtures/cases/dev-rivera/truth.json', 'utf8'));
for (const i of t.ieps) for (const g of i.goals) {
  const p = parseGoalSentence(g.text);
  const bad = [p.targetValue !== g.target_value && `target ${p.targetValue}/${g.target_value}`, p.direction !== g.direction && `dir ${p.direction}`, p.targetDate !== g.target_date && `date ${p.targetDate}`, p.measurable !== g.measurable && `meas ${JSON.stringify(p.components)}`].filter(Boolean);
  console.log(g.goal_id, p.unit, '|', g.unit, '|', p.area, '|', p.gradeLevel, '|', p.measuredBy, bad.join(' '));
}
for (const s of process.argv.slice(2)) console.log(JSON.stringify(parseGoalSentence(s)));
