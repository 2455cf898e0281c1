// Page objects for the case overview, Goals & timeline and Scores, named as a person would name them.
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/** The data-series colour of progress data points in shared/timeline/chart.ts (Okabe-Ito blue). */
const DATA_POINT_FILL = '#0072B2';

export class OverviewPage {
  constructor(readonly page: Page) {}
  flagsSection(): Locator {
    return this.page.getByRole('region', { name: /Red flags/ });
  }
  openFlags(): Locator {
    return this.flagsSection().locator('ul.flag-list').first().locator(':scope > li');
  }
  flag(title: string | RegExp): Locator {
    return this.openFlags().filter({ has: this.page.getByRole('heading', { name: title }) });
  }
  async dismiss(title: string | RegExp, reason: string) {
    await this.flag(title).first().getByRole('button', { name: /^Dismiss/ }).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByLabel('Why is this flag not a concern?').fill(reason);
    await dialog.getByRole('button', { name: 'Dismiss flag' }).click();
    await dialog.waitFor({ state: 'detached' });
  }
  async openDismissed(): Promise<Locator> {
    const toggle = this.flagsSection().getByRole('button', { name: /^Dismissed \(\d+\)/ });
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    return this.flagsSection().locator('.dismissed-flag');
  }
}

export class GoalsPage {
  constructor(readonly page: Page) {}
  timeline(): Locator {
    return this.page.getByRole('group', { name: /Case timeline/ });
  }
  timelineItems(): Locator {
    return this.timeline().locator('.tl-item a');
  }
  lineageTab(name: string | RegExp): Locator {
    return this.page.getByRole('tab', { name });
  }
  goalChart(): Locator {
    return this.page.locator('.lineage .chart-canvas').first();
  }
  goalChartSvg(): Locator {
    return this.goalChart().locator('svg').first();
  }
  /** The chart's data point symbols (circles in the data colour), leaving out the legend's sample. */
  async dataPointCentres(): Promise<Array<{ x: number; y: number }>> {
    // Viewport coordinates, for a mouse click: the chart must be on screen.
    await this.goalChart().scrollIntoViewIfNeeded();
    const legendTop = await this.goalChartSvg().evaluate((svg) => {
      const texts = [...svg.querySelectorAll('text')].filter((t) => t.textContent === 'Progress data');
      return texts.length ? texts[0].getBoundingClientRect().top - 4 : Infinity;
    });
    const boxes = await this.goalChartSvg()
      .locator(`path[fill="${DATA_POINT_FILL}"]`)
      .evaluateAll((paths) => paths.filter((p) => /A/.test(p.getAttribute('d') ?? '')).map((p) => p.getBoundingClientRect().toJSON() as DOMRect));
    return boxes.filter((b) => b.top < legendTop).map((b) => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 }));
  }
  /** The goal chart once it is drawn and still (its animation and any resize done): its points stay put. */
  settledGoalChart(): Locator {
    return this.page.locator('.lineage .chart-canvas[data-settled="true"]').first();
  }
  /**
   * Points at the first data point of the settled chart until its tooltip names it, then clicks it.
   * If the chart is redrawn under the pointer (a late resize) before the tooltip shows, it aims again.
   */
  async clickDataPoint(): Promise<string> {
    const tooltip = this.goalChart().getByText(/ on \w{3} \d{1,2}, \d{4}/);
    for (let attempt = 0; attempt < 5; attempt++) {
      await this.settledGoalChart().waitFor();
      const [point] = await this.dataPointCentres();
      if (!point) throw new Error('the goal chart has no data point');
      await this.page.mouse.move(point.x, point.y);
      let outcome = '';
      await expect
        .poll(async () => (outcome = (await this.goalChart().getAttribute('data-settled')) === 'false' ? 'moved' : (await tooltip.isVisible()) ? 'shown' : ''))
        .not.toBe('');
      if (outcome === 'moved') continue;
      const text = (await tooltip.textContent()) ?? '';
      await this.page.mouse.click(point.x, point.y);
      return text;
    }
    throw new Error('the goal chart kept being redrawn under the pointer');
  }
  async aimLinePaths(): Promise<number> {
    return this.goalChartSvg().locator('path[stroke="#000000"][stroke-dasharray]').count();
  }
  async checkGoal(text: string) {
    const checker = this.page.getByRole('region', { name: 'Check a proposed goal' });
    await checker.getByLabel('Proposed goal').fill(text);
    await checker.getByRole('button', { name: 'Check goal' }).click();
    return checker;
  }
}
