// The case's left navigation. Features add their section component here.
import type { ComponentType } from 'react';
import type { CaseDto } from '../../../shared/api/cases';
import { OverviewSection } from './overview/OverviewSection';
import { GoalsSection } from './goals/GoalsSection';
import { ScoresSection } from './scores/ScoresSection';
import { DocumentsSection } from './documents/DocumentsSection';
import { ReviewSection } from './review/ReviewSection';
import { DeadlinesSection } from './deadlines/DeadlinesSection';
import { LettersSection } from './letters/LettersSection';
import { ServicesSection } from './services/ServicesSection';
import { PacketSection } from './packet/PacketSection';

export interface SectionProps {
  caseData: CaseDto;
  rest: string[];
  reload(): void;
}

export const caseSections: { id: string; label: string; component: ComponentType<SectionProps> }[] = [
  { id: 'overview', label: 'Overview', component: OverviewSection },
  { id: 'documents', label: 'Documents', component: DocumentsSection },
  { id: 'review', label: 'Review', component: ReviewSection },
  { id: 'goals', label: 'Goals & timeline', component: GoalsSection },
  { id: 'services', label: 'Services', component: ServicesSection },
  { id: 'scores', label: 'Scores', component: ScoresSection },
  { id: 'deadlines', label: 'Deadlines', component: DeadlinesSection },
  { id: 'letters', label: 'Letters', component: LettersSection },
  { id: 'packet', label: 'Packet', component: PacketSection },
];
