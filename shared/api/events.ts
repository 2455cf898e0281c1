// Events pushed from main to the renderer (progress of long work). The second map of the API.

export interface JobProgressEvent {
  jobId: string;
  caseId: string;
  kind: 'import' | 'ocr' | 'extract' | 'packet';
  /** 0-1 for the whole job. */
  fraction: number;
  message: string;
  done: boolean;
  error?: string;
}

/** Desktop app only: the engine process stopped unexpectedly and is restarting, is back, or gave up. */
export interface EngineStatusEvent {
  state: 'running' | 'restarting' | 'failed';
  message: string;
}

export interface ApiEvents {
  'job.progress': JobProgressEvent;
  'case.changed': { caseId: string; what: string };
  'app.engine': EngineStatusEvent;
}
