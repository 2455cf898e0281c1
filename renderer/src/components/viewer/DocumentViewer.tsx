// The document viewer that opens beside the list: thumbnails, the page with its boxes, zoom, keyboard
// paging, the recognised text of OCR pages, and the original to download.
import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { Input, Label, NumberField, ToggleButton, ToggleButtonGroup } from 'react-aria-components';
import { Button } from '../ui/Button';
import type { DocumentDto, PageDto } from '../../../../shared/api/documents';
import { fetchFile, invoke } from '../../api/client';
import { PageView, type OverlayBox, type TextMode } from './PageView';
import { useMeasuredWidth } from './useElementWidth';

export function usePages(documentId: string): { pages: PageDto[] | null; error: string | null } {
  const [pages, setPages] = useState<PageDto[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    setPages(null);
    invoke('documents.pages', { documentId })
      .then((p) => live && (setPages(p), setError(null)))
      .catch((e: Error) => live && setError(e.message));
    return () => {
      live = false;
    };
  }, [documentId]);
  return { pages, error };
}

export async function downloadOriginal(doc: { id: string; fileName: string }): Promise<void> {
  const res = await fetchFile('files.original', { doc: doc.id });
  if (!res.ok) throw new Error(`${doc.fileName} could not be downloaded (${res.status}).`);
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = doc.fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function Thumbnails({ doc, pages, current, onPick }: { doc: DocumentDto; pages: PageDto[]; current: number; onPick(n: number): void }) {
  return (
    <nav className="thumbs" aria-label="Pages">
      <ol>
        {pages.map((p) => (
          <li key={p.pageNumber}>
            <Button className="thumb" aria-label={`Page ${p.pageNumber}${p.needsReview ? ', low OCR confidence' : ''}`} aria-current={p.pageNumber === current ? 'page' : undefined} onPress={() => onPick(p.pageNumber)}>
              <PageView documentId={doc.id} page={p} displayWidth={84} label={`Thumbnail of page ${p.pageNumber}`} />
              <span className="thumb-no">
                {p.pageNumber}
                {p.needsReview && <span className="warn-dot" aria-hidden="true" title="Low OCR confidence" />}
              </span>
            </Button>
          </li>
        ))}
      </ol>
    </nav>
  );
}

export interface DocumentViewerProps {
  doc: DocumentDto;
  page: number;
  boxes?: OverlayBox[];
  onPageChange(page: number): void;
  /** Header content (properties form, close button) supplied by the section. */
  header?: ReactNode;
}

export function DocumentViewer({ doc, page, boxes = [], onPageChange, header }: DocumentViewerProps) {
  const { pages, error } = usePages(doc.id);
  const [zoom, setZoom] = useState<number | 'fit'>('fit');
  const [textMode, setTextMode] = useState<TextMode>('image');
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const [scrollerRef, available, scroller] = useMeasuredWidth<HTMLDivElement>();
  const count = pages?.length ?? doc.pageCount;
  const current = Math.min(Math.max(1, page), Math.max(1, count));
  const p = pages?.find((x) => x.pageNumber === current);
  const fitWidth = Math.max(200, available - 24);
  const width = zoom === 'fit' ? fitWidth : zoom;
  // The page the last key, button or link asked for. The parent's page (the route) stays the one
  // truth, but it is drawn a task or more after a key asks for it; a key pressed meanwhile must move
  // on from the page asked for, not from the page still on screen, or a quick second PageDown is
  // lost and Home then PageDown lands on the page after the one being left.
  const asked = useRef(current);
  useLayoutEffect(() => {
    asked.current = current;
  }, [current]);
  const go = (n: number) => {
    asked.current = Math.min(Math.max(1, n), count);
    onPageChange(asked.current);
  };
  const turn = (by: number) => go(asked.current + by);

  // Bring the first box into view when the viewer opens on a hit or a value's source.
  const firstBox = boxes[0]?.bbox;
  useLayoutEffect(() => {
    if (!scroller || !p) return;
    scroller.scrollTop = firstBox ? Math.max(0, firstBox[1] * (width / p.width) - 80) : 0;
  }, [scroller, p, firstBox, width]);

  const onKeyDown = (e: React.KeyboardEvent) => {
    const keys: Record<string, () => void> = {
      PageDown: () => turn(1),
      ArrowRight: () => turn(1),
      PageUp: () => turn(-1),
      ArrowLeft: () => turn(-1),
      Home: () => go(1),
      End: () => go(count),
      '+': () => setZoom(Math.round(width * 1.25)),
      '-': () => setZoom(Math.max(200, Math.round(width / 1.25))),
    };
    const k = keys[e.key];
    if (k) {
      e.preventDefault();
      k();
    }
  };

  return (
    <section className="viewer" aria-label={`Viewer: ${doc.title}`}>
      {header}
      <div className="viewer-toolbar" role="toolbar" aria-label="Page and zoom">
        <Button aria-label="Previous page" onPress={() => turn(-1)} isDisabled={current <= 1}>
          ‹
        </Button>
        <NumberField className="page-number" value={current} minValue={1} maxValue={count} onChange={(n) => Number.isFinite(n) && go(n)} aria-label="Page number">
          <Label className="sr-only">Page number</Label>
          <Input size={3} />
        </NumberField>
        <span className="muted">of {count}</span>
        <Button aria-label="Next page" onPress={() => turn(1)} isDisabled={current >= count}>
          ›
        </Button>
        <span className="sep" />
        <Button aria-label="Zoom out" onPress={() => setZoom(Math.max(200, Math.round(width / 1.25)))}>
          −
        </Button>
        <Button onPress={() => setZoom('fit')} aria-pressed={zoom === 'fit'}>
          Fit
        </Button>
        <Button aria-label="Zoom in" onPress={() => setZoom(Math.round(width * 1.25))}>
          +
        </Button>
        {p?.source === 'ocr' && (
          <>
            <span className="sep" />
            <ToggleButtonGroup
              aria-label="Show the page as"
              selectionMode="single"
              disallowEmptySelection
              selectedKeys={[textMode]}
              onSelectionChange={(keys) => setTextMode(([...keys][0] as TextMode | undefined) ?? 'image')}
              className="segmented"
            >
              <ToggleButton id="image">Image</ToggleButton>
              <ToggleButton id="text">Text</ToggleButton>
              <ToggleButton id="both">Both</ToggleButton>
            </ToggleButtonGroup>
            <span className={p.needsReview ? 'tag warn' : 'muted'}>
              OCR confidence {p.meanConfidence === null ? '—' : `${Math.round(p.meanConfidence)}%`}
              {p.needsReview && ', check this page'}
            </span>
          </>
        )}
        <span className="sep" />
        <Button onPress={() => downloadOriginal(doc).then(() => setDownloadError(null), (e: Error) => setDownloadError(e.message))}>Download original</Button>
      </div>
      {(error || downloadError) && (
        <p role="alert" className="error">
          {error ?? downloadError}
        </p>
      )}
      <div className="viewer-body">
        {pages && pages.length > 1 && <Thumbnails doc={doc} pages={pages} current={current} onPick={go} />}
        <div
          ref={scrollerRef}
          className="viewer-page"
          tabIndex={0}
          role="region"
          aria-label={`Page ${current} of ${count}. Page Up and Page Down turn pages, plus and minus zoom.`}
          onKeyDown={onKeyDown}
        >
          {!pages && !error && <p aria-busy="true">Loading pages…</p>}
          {pages && pages.length === 0 && <p className="empty">This document has no pages with text yet{doc.status !== 'ready' ? ' (OCR is still working on it)' : ''}.</p>}
          {p && <PageView documentId={doc.id} page={p} displayWidth={width} boxes={boxes} textMode={textMode} />}
        </div>
      </div>
    </section>
  );
}
