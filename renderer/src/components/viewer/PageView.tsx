// One page drawn at a given width: the page image (or, for formats without one, the page's words
// placed on a white page), an SVG overlay scaled from PDF points for boxes, the recognised text as a
// selectable layer, and optionally a rectangle the user drags to pick words off the page.
import { useMemo, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import type { PageDto } from '../../../../shared/api/documents';
import type { BBox } from '../../../../shared/domain';
import { textLines } from './text-layer';
import { imageWidthBucket, usePageImage } from './usePageImage';

export type BoxKind = 'hit' | 'source' | 'value' | 'selected';

export interface OverlayBox {
  bbox: BBox;
  kind: BoxKind;
  label?: string;
  id?: string;
}

export interface PageViewProps {
  documentId: string;
  page: PageDto;
  displayWidth: number;
  boxes?: OverlayBox[];
  /** The scan, its recognised text (selectable and copyable), or both; only pages with an image have a choice. */
  textMode?: TextMode;
  /** When set, dragging on the page draws a rectangle and reports it in PDF points. */
  onSelectRect?: (bbox: BBox) => void;
  onBoxPress?: (id: string) => void;
  label?: string;
}

/** What a scanned page shows: the scan, its recognised text alone, or the text over a faded scan. */
export type TextMode = 'image' | 'text' | 'both';

let measureContext: CanvasRenderingContext2D | null = null;
const LAYER_FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

/** The width of a text at 100px in the layer's font (0 where no canvas can measure). */
function widthAt100(text: string): number {
  measureContext ??= document.createElement('canvas').getContext('2d');
  if (!measureContext) return 0;
  measureContext.font = `100px ${LAYER_FONT}`;
  return measureContext.measureText(text).width;
}

/** The recognised text in printed lines: each run on its line, its font sized to the line and stretched to the run's width. */
function WordLayer({ page, scale, className }: { page: PageDto; scale: number; className: string }) {
  const lines = useMemo(() => textLines(page.words), [page.words]);
  return (
    <div className={className} style={{ fontFamily: LAYER_FONT }}>
      {lines.map((line, i) =>
        line.runs.map((run, j) => {
          const fontSize = line.height * scale * 0.8;
          const natural = (widthAt100(run.text) * fontSize) / 100;
          const width = (run.bbox[2] - run.bbox[0]) * scale;
          const stretch = natural > 0 ? Math.min(3, Math.max(0.3, width / natural)) : 1;
          return (
            <span
              key={`${i}-${j}`}
              style={{ left: run.bbox[0] * scale, top: run.bbox[1] * scale, fontSize, lineHeight: `${line.height * scale}px`, transform: `scaleX(${stretch.toFixed(3)})` }}
            >
              {run.text}
              {j === line.runs.length - 1 ? '\n' : ' '}
            </span>
          );
        }),
      )}
    </div>
  );
}

export function PageView({ documentId, page, displayWidth, boxes = [], textMode = 'image', onSelectRect, onBoxPress, label }: PageViewProps) {
  const image = usePageImage(documentId, page.pageNumber, imageWidthBucket(displayWidth));
  const scale = displayWidth / page.width;
  const height = page.height * scale;
  const svgRef = useRef<SVGSVGElement>(null);
  const [drag, setDrag] = useState<{ x0: number; y0: number; x1: number; y1: number } | null>(null);

  const toPoints = (e: ReactPointerEvent) => {
    const r = svgRef.current!.getBoundingClientRect();
    return { x: ((e.clientX - r.left) / r.width) * page.width, y: ((e.clientY - r.top) / r.height) * page.height };
  };
  const selecting = Boolean(onSelectRect);

  return (
    <div className={`page-view mode-${textMode}`} style={{ width: displayWidth, height }} role="group" aria-label={label ?? `Page ${page.pageNumber}`}>
      {image.status === 'image' && textMode !== 'text' && <img src={image.url} alt={`Page ${page.pageNumber}`} className="page-image" draggable={false} />}
      {image.status === 'none' && <WordLayer page={page} scale={scale} className="page-words drawn" />}
      {image.status === 'loading' && <div className="page-loading" aria-busy="true" />}
      {image.status === 'error' && (
        <p role="alert" className="error page-error">
          {image.message}
        </p>
      )}
      {textMode !== 'image' && image.status === 'image' && <WordLayer page={page} scale={scale} className="page-words shown" />}
      <svg
        ref={svgRef}
        className={`page-overlay${selecting ? ' selecting' : ''}`}
        viewBox={`0 0 ${page.width} ${page.height}`}
        preserveAspectRatio="none"
        aria-hidden={boxes.length === 0 ? true : undefined}
        role={boxes.length ? 'img' : undefined}
        aria-label={boxes.length ? `${boxes.length} marked ${boxes.length === 1 ? 'area' : 'areas'} on page ${page.pageNumber}` : undefined}
        onPointerDown={
          selecting
            ? (e) => {
                const p = toPoints(e);
                (e.target as Element).setPointerCapture?.(e.pointerId);
                setDrag({ x0: p.x, y0: p.y, x1: p.x, y1: p.y });
              }
            : undefined
        }
        onPointerMove={selecting && drag ? (e) => setDrag({ ...drag, x1: toPoints(e).x, y1: toPoints(e).y }) : undefined}
        onPointerUp={
          selecting && drag
            ? () => {
                const box: BBox = [Math.min(drag.x0, drag.x1), Math.min(drag.y0, drag.y1), Math.max(drag.x0, drag.x1), Math.max(drag.y0, drag.y1)];
                setDrag(null);
                if (box[2] - box[0] > 2 && box[3] - box[1] > 2) onSelectRect?.(box);
              }
            : undefined
        }
      >
        {boxes.map((b, i) => (
          <rect
            key={b.id ?? i}
            data-kind={b.kind}
            className={`box box-${b.kind}`}
            x={b.bbox[0] - 1.5}
            y={b.bbox[1] - 1.5}
            width={b.bbox[2] - b.bbox[0] + 3}
            height={b.bbox[3] - b.bbox[1] + 3}
            vectorEffect="non-scaling-stroke"
            onClick={b.id && onBoxPress ? () => onBoxPress(b.id!) : undefined}
          >
            {b.label && <title>{b.label}</title>}
          </rect>
        ))}
        {drag && (
          <rect className="box box-drag" x={Math.min(drag.x0, drag.x1)} y={Math.min(drag.y0, drag.y1)} width={Math.abs(drag.x1 - drag.x0)} height={Math.abs(drag.y1 - drag.y0)} vectorEffect="non-scaling-stroke" />
        )}
      </svg>
    </div>
  );
}

/** The words whose centre lies inside a rectangle, in reading order. */
export function wordsInside(page: PageDto, box: BBox): PageDto['words'] {
  return page.words
    .filter((w) => {
      const cx = (w.bbox[0] + w.bbox[2]) / 2;
      const cy = (w.bbox[1] + w.bbox[3]) / 2;
      return cx >= box[0] && cx <= box[2] && cy >= box[1] && cy <= box[3];
    })
    .sort((a, b) => (Math.abs(a.bbox[1] - b.bbox[1]) > 3 ? a.bbox[1] - b.bbox[1] : a.bbox[0] - b.bbox[0]));
}

/** The smallest box around some words. */
export function unionBox(words: PageDto['words']): BBox | null {
  if (!words.length) return null;
  return [Math.min(...words.map((w) => w.bbox[0])), Math.min(...words.map((w) => w.bbox[1])), Math.max(...words.map((w) => w.bbox[2])), Math.max(...words.map((w) => w.bbox[3]))];
}
