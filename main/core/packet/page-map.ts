// Packet page numbers. Everything after the front matter sits at a fixed offset from its end, so the
// front matter is laid out once with "late" page numbers (functions read after layout) and the map is
// settled when its length is known. Whether a target exists never depends on the numbers, only on
// which sections and exhibits the packet includes, so link colours can be chosen during layout.
import type { ExhibitPlan } from './plan';
import type { PacketSection } from './types';

/** A packet page number (1-based) that can be read once the front matter is laid out. */
export type LatePage = () => number;

export class PacketPages {
  readonly withExhibits: boolean;
  /** Offsets from the end of the front matter. */
  private readonly slipOffset: number[] = [];
  private readonly batesOffset = new Map<number, number>();
  private readonly afterFront: number;
  private front: { pages: number; starts: Map<PacketSection, number> } | null = null;

  /** `slips`: a slip sheet opens each exhibit (the forum's binder may have none). */
  constructor(private readonly sections: readonly PacketSection[], plans: ExhibitPlan[], readonly slips = true) {
    this.withExhibits = sections.includes('exhibits') && plans.length > 0;
    const slip = slips ? 1 : 0;
    let offset = 1;
    for (const plan of plans) {
      this.slipOffset.push(offset);
      plan.bates.forEach((b, k) => this.batesOffset.set(b, offset + slip + k));
      offset += slip + plan.pages.length;
    }
    this.afterFront = this.withExhibits ? offset - 1 : 0;
  }

  /** Fixes the front matter's length and where each of its sections starts (0-based pages). */
  settle(frontPages: number, sectionStarts: Map<PacketSection, number>): void {
    this.front = { pages: frontPages, starts: new Map(sectionStarts) };
  }

  private get settled(): { pages: number; starts: Map<PacketSection, number> } {
    if (!this.front) throw new Error('Packet page numbers read before the front matter was laid out');
    return this.front;
  }

  get frontPages(): number {
    return this.settled.pages;
  }

  get totalPages(): number {
    return this.settled.pages + this.afterFront;
  }

  section(id: PacketSection): number | null {
    if (!this.hasSection(id)) return null;
    const { pages, starts } = this.settled;
    if (id === 'exhibits') return pages + 1;
    const start = starts.get(id);
    return start == null ? null : start + 1;
  }

  /** The exhibit's slip sheet; null when the packet has none. */
  slipPage(exhibitIndex: number): number | null {
    return this.withExhibits && this.slips ? this.settled.pages + this.slipOffset[exhibitIndex] : null;
  }

  /** Where the exhibit opens: its slip sheet, or its first stamped page without slip sheets. */
  openingPage(exhibitIndex: number): number | null {
    return this.withExhibits ? this.settled.pages + this.slipOffset[exhibitIndex] : null;
  }

  batesPage(bates: number): number | null {
    const offset = this.withExhibits ? this.batesOffset.get(bates) : undefined;
    return offset == null ? null : this.settled.pages + offset;
  }

  private hasSection(id: PacketSection): boolean {
    return id === 'exhibits' ? this.withExhibits : this.sections.includes(id);
  }

  lateSection(id: PacketSection): LatePage | null {
    return this.hasSection(id) ? () => this.section(id)! : null;
  }

  lateOpeningPage(exhibitIndex: number): LatePage | null {
    return this.withExhibits ? () => this.openingPage(exhibitIndex)! : null;
  }

  lateBatesPage(bates: number): LatePage | null {
    return this.withExhibits && this.batesOffset.has(bates) ? () => this.batesPage(bates)! : null;
  }
}
