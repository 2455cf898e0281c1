import { z } from 'zod';
import { defineCall, lazySchema } from './define';

export interface AppInfoDto {
  version: string;
  dataDir: string;
  transport: 'electron' | 'browser';
  schemaVersion: number;
}

export interface SettingsDto {
  theme: 'system' | 'light' | 'dark';
  preparedBy: string;
  batesPrefix: string;
}

/** What the start-up re-read of stored pages (a new page reading) changed, until dismissed. */
export interface UpgradeNoticeDto {
  layoutVersion: number;
  at: string;
  /** Documents whose pages were read again and re-extracted. */
  documents: Array<{ id: string; caseId: string; fileName: string }>;
  /** Extracted values that came out different. */
  valuesChanged: number;
  /** User corrections on those documents, all kept. */
  correctionsKept: number;
}

// Schemas are built at a call's first validation, not when the API table loads (issue 21).
const settingsPatch = () =>
  z
    .object({
      theme: z.enum(['system', 'light', 'dark']),
      preparedBy: z.string().trim().max(200),
      batesPrefix: z.string().trim().max(20).regex(/^[A-Za-z0-9_-]*$/, 'letters, digits, - and _ only'),
    })
    .partial();

/** An uploaded backup (files.backupUpload), read through and checked before anything is replaced. */
export interface BackupCheckDto {
  fileName: string;
  createdAt: string;
  schemaVersion: number;
  originals: number;
  packets: number;
  bytes: number;
  /** A backup of another data folder (another computer's): restored, its key is kept on this one. */
  otherFolder: boolean;
}

export interface RestoreDoneDto {
  originals: number;
  packets: number;
  /** Where the data folder as it was before the restore is kept. */
  previous: string | null;
  /** The backup was of another data folder (another computer's): its key is now kept on this one. */
  otherFolder: boolean;
}

/** A case archive imported through the UI: a new case, a copy beside it, or merged into it. */
export interface ArchiveImportDto {
  caseId: string;
  mode: 'new' | 'merge' | 'copy';
  documents: number;
  /** When merged: documents added, and those already here. */
  documentsAdded?: number;
  documentsKept?: number;
}

const stagedBackupArgs = lazySchema(() =>
  z.object({
    uploadId: z.string().uuid(),
    fileName: z.string().min(1).max(500),
    passphrase: z.string().min(1).max(1000),
  }),
);
const noArgs = () => z.undefined().optional();

export const appApi = {
  'app.info': defineCall<AppInfoDto>()(noArgs),
  'app.upgradeNotice': defineCall<UpgradeNoticeDto | null>()(noArgs),
  'app.dismissUpgradeNotice': defineCall<null>()(noArgs),
  'settings.get': defineCall<SettingsDto>()(noArgs),
  'settings.update': defineCall<SettingsDto>()(settingsPatch),
  /** Reads an uploaded backup through (every chunk, entry and checksum); refuses a damaged or truncated one. */
  'app.checkBackup': defineCall<BackupCheckDto>()(stagedBackupArgs),
  /** Replaces this data folder with the uploaded backup (the folder as it was is kept, renamed); the UI reloads after. */
  'app.restoreBackup': defineCall<RestoreDoneDto>()(stagedBackupArgs),
  /** Imports an uploaded case archive (files.backupUpload); where the case is here already, 'conflict' until a mode is chosen. */
  'app.importArchive': defineCall<ArchiveImportDto>()(() => stagedBackupArgs().extend({ mode: z.enum(['merge', 'copy']).optional() })),
};
