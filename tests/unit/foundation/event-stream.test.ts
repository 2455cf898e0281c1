// The browser client's reading of the host's server-sent events (renderer/src/api/client.ts).
import { describe, expect, it } from 'vitest';
import { readEventStream } from '../../../renderer/src/api/client';

/** A byte stream that delivers the text in the given pieces, as a network read might split it. */
function streamOf(pieces: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const p of pieces) controller.enqueue(encoder.encode(p));
      controller.close();
    },
  });
}

async function read(pieces: string[]): Promise<Array<[string, unknown]>> {
  const got: Array<[string, unknown]> = [];
  await readEventStream(streamOf(pieces), (event, payload) => got.push([event, payload]));
  return got;
}

describe('server-sent events in the browser client', () => {
  it('joins data spread over several lines into one payload', async () => {
    const text = 'event: job.progress\ndata: {"jobId": 7,\ndata:  "done": 3,\ndata: "total": 9}\n\n';
    expect(await read([text])).toEqual([['job.progress', { jobId: 7, done: 3, total: 9 }]]);
  });

  it('reads events split across reads, with CRLF line ends, comments and pings between them', async () => {
    const text =
      ': connected\r\n\r\nevent: case.changed\r\ndata: {"caseId":"c1"}\r\n\r\n: ping\n\nevent: job.progress\ndata: {"jobId":1,\ndata: "note":"a \\u00e9 b"}\n\n';
    const bytes = [...text];
    const pieces = [bytes.slice(0, 5), bytes.slice(5, 31), bytes.slice(31, 60), bytes.slice(60, 97), bytes.slice(97)].map((p) => p.join(''));
    expect(await read(pieces)).toEqual([
      ['case.changed', { caseId: 'c1' }],
      ['job.progress', { jobId: 1, note: 'a é b' }],
    ]);
  });

  it('hands on nothing for an event without data or data without an event name, nor for an unfinished block', async () => {
    expect(await read(['event: case.changed\n\ndata: {"caseId":"c1"}\n\nevent: case.changed\ndata: {"caseId":"c2"}'])).toEqual([]);
  });

  it('keeps a character split between two reads whole', async () => {
    const bytes = new TextEncoder().encode('event: case.changed\ndata: {"name":"Zoë"}\n\n');
    const cut = bytes.indexOf(0xc3) + 1;
    const got: Array<[string, unknown]> = [];
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.slice(0, cut));
        controller.enqueue(bytes.slice(cut));
        controller.close();
      },
    });
    await readEventStream(stream, (event, payload) => got.push([event, payload]));
    expect(got).toEqual([['case.changed', { name: 'Zoë' }]]);
  });
});
