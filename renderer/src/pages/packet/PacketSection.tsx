// The packet builder: pick the exhibits (whole documents or page ranges), order and label them, set the
// Bates numbering and the sections, then build one PDF in the background. The exhibit list alone can be
// exported for the five-business-day disclosure (34 CFR 300.512(a)(3)).
import { useEffect, useMemo, useState } from 'react';
import { Button, CheckboxGroup, GridList, GridListItem, Input, Label, TextField } from 'react-aria-components';
import { Checkbox } from '../../components/ui/Checkbox';
import { BATES_POSITIONS, PACKET_SECTION_IDS, type PacketOptionsArgs } from '../../../../shared/api/packet';
import type { PeriodChoice } from '../../../../shared/api/services';
import type { CompEdMethod } from '../../../../shared/compensatory/types';
import { formatDisplayDate } from '../../../../shared/text/dates';
import { invoke } from '../../api/client';
import { personFileName } from '../../components/person-file-name';
import { useCaseQuery } from '../../components/charts/useCaseQuery';
import { ChoiceSelect } from '../documents/ChoiceSelect';
import { TYPE_LABELS } from '../documents/labels';
import type { SectionProps } from '../sections';
import { flagLabel } from '../overview/flagLabels';
import { navigate } from '../../router';
import { methodFrom } from '../services/CompEdCalculator';
import { firstLoggedYear } from '../services/ServicesSection';
import { BuildPanel } from './BuildPanel';
import { DisclosurePanel } from './DisclosurePanel';
import { downloadFile, saveText } from './download';
import { ExhibitOrder } from './ExhibitOrder';
import { ForumChoice, forumArg, NO_FORUM, type ForumState } from './ForumChoice';
import { batesExample, defaultPrefix, exhibitsArg, fromCandidate, SECTION_LABELS, type ExhibitChoice, type LabelStyle, type SectionId } from './packetModel';

const POSITION_LABELS: Record<(typeof BATES_POSITIONS)[number], string> = {
  'bottom-right': 'Bottom right',
  'bottom-left': 'Bottom left',
  'bottom-center': 'Bottom center',
  'top-right': 'Top right',
};

function CompEdChoice({ periods, period, onPeriod, kind, onKind, percent, onPercent, needs, onNeeds, rationale, onRationale }: {
  periods: PeriodChoice[]; period: number; onPeriod(i: number): void;
  kind: CompEdMethod['kind']; onKind(k: CompEdMethod['kind']): void;
  percent: string; onPercent(v: string): void; needs: string; onNeeds(v: string): void; rationale: string; onRationale(v: string): void;
}) {
  return (
    <fieldset>
      <legend>Compensatory education (section 7)</legend>
      <div className="field-row wrap">
        <ChoiceSelect label="Period" value={String(period)} choices={periods.map((p, i) => ({ id: String(i), label: p.label }))} onChange={(v) => onPeriod(Number(v))} />
        <ChoiceSelect<CompEdMethod['kind']>
          label="Method"
          value={kind}
          choices={[
            { id: 'hour_for_hour', label: 'Hour for hour' },
            { id: 'percentage', label: 'Percentage of missed time' },
            { id: 'needs_based', label: 'Needs-based (by hand)' },
          ]}
          onChange={onKind}
        />
        {kind === 'percentage' && (
          <TextField value={percent} onChange={onPercent} inputMode="decimal" className="narrow">
            <Label>Percent</Label>
            <Input />
          </TextField>
        )}
        {kind === 'needs_based' && (
          <>
            <TextField value={needs} onChange={onNeeds} inputMode="numeric" className="narrow">
              <Label>Award (minutes)</Label>
              <Input />
            </TextField>
            <TextField value={rationale} onChange={onRationale} className="grow">
              <Label>Based on</Label>
              <Input />
            </TextField>
          </>
        )}
      </div>
    </fieldset>
  );
}

export function PacketSection({ caseData, rest }: SectionProps) {
  const caseId = caseData.id;
  const fileNameFor = (what: string, ext: string) => personFileName(caseData.childName || caseData.name, what, ext);
  const candidates = useCaseQuery(caseId, () => invoke('packet.candidates', { caseId }));
  const periods = useCaseQuery(caseId, () => invoke('services.periods', { caseId }));
  const [exhibits, setExhibits] = useState<ExhibitChoice[]>([]);
  const [selected, setSelected] = useState<string | null>(null);
  const [labelStyle, setLabelStyle] = useState<LabelStyle>('P-1');
  const [prefix, setPrefix] = useState(() => defaultPrefix(caseData.childName || caseData.name));
  const [start, setStart] = useState('1');
  const [digits, setDigits] = useState('6');
  const [position, setPosition] = useState<(typeof BATES_POSITIONS)[number]>('bottom-right');
  const [sections, setSections] = useState<SectionId[]>([...PACKET_SECTION_IDS]);
  const [preparedBy, setPreparedBy] = useState('');
  const [period, setPeriod] = useState(0);
  const [kind, setKind] = useState<CompEdMethod['kind']>('hour_for_hour');
  const [percent, setPercent] = useState('100');
  const [needs, setNeeds] = useState('');
  const [rationale, setRationale] = useState('');
  const [listError, setListError] = useState<string | null>(null);
  const [forumState, setForumState] = useState<ForumState>(NO_FORUM);
  const forum = forumArg(forumState);
  // Findings chosen from red flags ("Add to packet"): their keys and labels; none chosen states every open flag.
  const [findings, setFindings] = useState<Array<{ key: string; label: string }>>([]);

  // #/case/ID/packet/flag/KEY (a red flag's "Add to packet"): its documents join the exhibits, its finding the findings.
  const fromFlag = rest[0] === 'flag' ? rest[1] : undefined;
  useEffect(() => {
    if (!fromFlag || !candidates.data) return;
    let live = true;
    void invoke('flags.list', { caseId }).then((all) => {
      const flag = all.find((f) => f.key === fromFlag);
      if (!live || !flag) return;
      setExhibits((ex) => [...ex, ...candidates.data!.filter((c) => flag.documentIds.includes(c.documentId) && !ex.some((e) => e.documentId === c.documentId)).map(fromCandidate)]);
      setFindings((fs) => (fs.some((f) => f.key === flag.key) ? fs : [...fs, { key: flag.key, label: `${flagLabel(flag.type)}: ${flag.description}` }]));
      navigate({ page: 'case', caseId, section: 'packet', rest: [] });
    });
    return () => {
      live = false;
    };
  }, [fromFlag, candidates.data, caseId]);

  useEffect(() => {
    // Default to the latest school year with a service log, the usual subject of a request.
    if (!periods.data?.length) return;
    let live = true;
    void firstLoggedYear(caseId, periods.data).then((i) => live && setPeriod(i));
    return () => {
      live = false;
    };
  }, [caseId, periods.data]);

  const startNo = Number(start);
  const digitsNo = Number(digits);
  const method = methodFrom(kind, percent, needs, rationale);
  const chosenPeriod = periods.data?.[period];
  const problem =
    !/^[A-Za-z0-9_-]*$/.test(prefix) ? 'The Bates prefix may hold letters, digits, - and _ only.'
    : !Number.isInteger(startNo) || startNo < 1 ? 'The start number must be a whole number from 1.'
    : !Number.isInteger(digitsNo) || digitsNo < 1 || digitsNo > 10 ? 'Digits must be between 1 and 10.'
    : sections.length === 0 ? 'Choose at least one section.'
    : sections.includes('exhibits') && exhibits.length === 0 ? 'Add at least one exhibit, or untick "The exhibits".'
    : sections.includes('services') && typeof method === 'string' ? method
    : forum.problem;

  const options: PacketOptionsArgs = useMemo(
    () => ({
      caseId,
      bates: { prefix, start: startNo, digits: digitsNo, position },
      labelStyle,
      sections,
      exhibits: exhibitsArg(exhibits),
      preparedBy: preparedBy.trim() || undefined,
      ...(findings.length ? { findingKeys: findings.map((f) => f.key) } : {}),
      compEd: sections.includes('services') && chosenPeriod && typeof method !== 'string' ? { period: chosenPeriod, method } : null,
      forum: forum.forum,
    }),
    [caseId, prefix, startNo, digitsNo, position, labelStyle, sections, exhibits, preparedBy, chosenPeriod, method, findings, forum.forum],
  );

  const chosen = new Set(exhibits.map((e) => e.documentId));
  const setChosen = (ids: Set<string>) => {
    const kept = exhibits.filter((e) => ids.has(e.documentId));
    const added = (candidates.data ?? []).filter((c) => ids.has(c.documentId) && !chosen.has(c.documentId)).map(fromCandidate);
    setExhibits([...kept, ...added]);
  };

  const exportList = async (format: 'csv' | 'pdf') => {
    try {
      const r = await invoke('packet.exhibitList', options);
      if (format === 'csv') saveText(r.csv, fileNameFor('exhibit list', 'csv'), 'text/csv');
      else await downloadFile('files.packet', { job: r.jobId }, 'exhibit-list.pdf', fileNameFor('exhibit list', 'pdf'));
      setListError(null);
    } catch (e) {
      setListError((e as Error).message);
    }
  };

  if (candidates.error) return <p role="alert" className="error">{candidates.error}</p>;
  if (!candidates.data) return <p aria-busy="true">Loading…</p>;
  if (candidates.data.length === 0) return <p className="empty">No documents to put in a packet yet. Import the family's documents first.</p>;
  return (
    <div className="packet">
      <div className="packet-grid">
        <section className="card" aria-labelledby="candidates-heading">
          <h2 id="candidates-heading">Documents</h2>
          <div className="toolbar">
            <Button className="quiet" onPress={() => setChosen(new Set(candidates.data!.map((c) => c.documentId)))}>
              Add all
            </Button>
            <Button className="quiet" onPress={() => setChosen(new Set())} isDisabled={exhibits.length === 0}>
              Clear
            </Button>
          </div>
          <GridList
            aria-label="Documents to include as exhibits"
            className="candidate-list"
            items={candidates.data.map((c) => ({ ...c, id: c.documentId }))}
            selectionMode="multiple"
            selectedKeys={chosen}
            onSelectionChange={(keys) => setChosen(keys === 'all' ? new Set(candidates.data!.map((c) => c.documentId)) : new Set([...keys].map(String)))}
          >
            {(c) => (
              <GridListItem id={c.id} textValue={c.title} className="candidate-row">
                <Checkbox slot="selection" />
                <span className="candidate-title">{c.title}</span>
                <span className="small muted">
                  {(TYPE_LABELS as Record<string, string>)[c.type] ?? c.type} · {c.date ? formatDisplayDate(c.date) : 'undated'} · {c.pageCount} p.
                </span>
              </GridListItem>
            )}
          </GridList>
        </section>
        <section className="card" aria-labelledby="order-heading">
          <h2 id="order-heading">Exhibits in order</h2>
          <ExhibitOrder exhibits={exhibits} style={labelStyle} selected={selected} onSelect={setSelected} onChange={setExhibits} />
        </section>
      </div>
      <section className="card" aria-labelledby="settings-heading">
        <h2 id="settings-heading">Numbering and sections</h2>
        <div className="settings-grid">
          <fieldset>
            <legend>Bates numbers</legend>
            <div className="field-row wrap">
              <TextField value={prefix} onChange={setPrefix} className="narrow">
                <Label>Bates prefix</Label>
                <Input maxLength={20} />
              </TextField>
              <TextField value={start} onChange={setStart} inputMode="numeric" className="narrow">
                <Label>Start number</Label>
                <Input />
              </TextField>
              <TextField value={digits} onChange={setDigits} inputMode="numeric" className="narrow">
                <Label>Digits</Label>
                <Input />
              </TextField>
              <ChoiceSelect<(typeof BATES_POSITIONS)[number]> label="Stamp position" value={position} choices={BATES_POSITIONS.map((id) => ({ id, label: POSITION_LABELS[id] }))} onChange={setPosition} />
            </div>
            <p className="small" aria-live="polite">
              First page stamped: <strong className="bates-example">{problem?.startsWith('The Bates') || problem?.startsWith('The start') || problem?.startsWith('Digits') ? '—' : batesExample(prefix, startNo, digitsNo)}</strong>
            </p>
            <ChoiceSelect<LabelStyle>
              label="Exhibit labels"
              value={labelStyle}
              choices={[
                { id: 'P-1', label: 'P-1, P-2, P-3 …' },
                { id: 'A', label: 'A, B, C …' },
              ]}
              onChange={setLabelStyle}
            />
            <TextField value={preparedBy} onChange={setPreparedBy}>
              <Label>Prepared by (cover page)</Label>
              <Input />
            </TextField>
          </fieldset>
          <ForumChoice value={forumState} onChange={setForumState} />
          <CheckboxGroup value={sections} onChange={(v) => setSections(PACKET_SECTION_IDS.filter((id) => v.includes(id)))} className="section-picker">
            <Label>Sections</Label>
            {PACKET_SECTION_IDS.map((id, i) => (
              <Checkbox key={id} value={id}>
                {i + 1}. {SECTION_LABELS[id]}
              </Checkbox>
            ))}
          </CheckboxGroup>
          {findings.length > 0 && (
            <div className="chosen-findings">
              <p className="small">Summary of findings: the red flags added to the packet ({findings.length}).</p>
              <ul aria-label="Findings in the packet">
                {findings.map((f) => (
                  <li key={f.key}>{f.label}</li>
                ))}
              </ul>
              <Button className="quiet" onPress={() => setFindings([])}>
                State every open flag instead
              </Button>
            </div>
          )}
          {sections.includes('services') && periods.data && periods.data.length > 0 && (
            <CompEdChoice periods={periods.data} period={period} onPeriod={setPeriod} kind={kind} onKind={setKind} percent={percent} onPercent={setPercent} needs={needs} onNeeds={setNeeds} rationale={rationale} onRationale={setRationale} />
          )}
        </div>
      </section>
      <BuildPanel options={options} problem={problem} />
      <DisclosurePanel options={options} problem={problem} fileNameFor={fileNameFor} />
      <section className="card" aria-labelledby="list-heading">
        <h2 id="list-heading">Exhibit list for disclosure</h2>
        <p className="small muted">Each party must disclose its evidence at least five business days before a due-process hearing (34 CFR 300.512(a)(3)). The list gives each exhibit's label, description, date and Bates range.</p>
        <div className="toolbar">
          <Button onPress={() => void exportList('pdf')} isDisabled={exhibits.length === 0 || !!problem}>
            Export exhibit list (PDF)
          </Button>
          <Button onPress={() => void exportList('csv')} isDisabled={exhibits.length === 0 || !!problem}>
            Export exhibit list (CSV)
          </Button>
        </div>
        {listError && <p role="alert" className="error">{listError}</p>}
      </section>
    </div>
  );
}
