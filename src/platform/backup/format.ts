/** The two small JSON entries of a backup archive: the first identifies it, the last proves it is complete. */
export const BACKUP_FORMAT = 1;
export const HEAD = 'motcua-backup.json';
export const TAIL = 'motcua-backup-end.json';

export interface BackupHead {
  format: number;
  product: 'motcua';
  kind: 'postgresql-physical';
  createdAt: string;
  /** PostgreSQL major version of the cluster: a physical copy restores only onto the same one. */
  pgMajor: number;
  /** Whether motcua was running during the backup. */
  online: boolean;
}

export interface BackupTail {
  /** Entries in the archive, this one included. */
  entries: number;
  stopLsn: string;
  walSegments: string[];
  uploads: number;
}
