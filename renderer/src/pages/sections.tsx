// The case's left navigation. Features add their section component here.
import type { ComponentType } from 'react';
import type { CaseDto } from '../../../shared/api/cases';
import { OverviewSection } from './OverviewSection';

export interface SectionProps {
  caseData: CaseDto;
  rest: string[];
  reload(): void;
}

function Placeholder({ label }: { label: string }) {
  return <p className="empty">{label} will appear here once the family's documents are imported.</p>;
}

const placeholder = (label: string): ComponentType<SectionProps> =>
  function PlaceholderSection() {
    return <Placeholder label={label} />;
  };

export const caseSections: { id: string; label: string; component: ComponentType<SectionProps> }[] = [
  { id: 'overview', label: 'Overview', component: OverviewSection },
  { id: 'documents', label: 'Documents', component: placeholder('Documents') },
  { id: 'review', label: 'Review', component: placeholder('Values to review') },
  { id: 'goals', label: 'Goals & timeline', component: placeholder('Goals and the timeline') },
  { id: 'services', label: 'Services', component: placeholder('Services and missed minutes') },
  { id: 'scores', label: 'Scores', component: placeholder('Test scores') },
  { id: 'deadlines', label: 'Deadlines', component: placeholder('Deadlines') },
  { id: 'letters', label: 'Letters', component: placeholder('Letters') },
  { id: 'packet', label: 'Packet', component: placeholder('The evidence packet') },
];
