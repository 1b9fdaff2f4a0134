import { z } from 'zod';
import type { PublicSession } from './domain';

/** A stretch of public hours (giờ tiếp công dân) on one day, as the API sends it. */
export const PublicSessionOut = z.object({
  day: z.string().describe('YYYY-MM-DD'), start: z.string().describe('HH:MM'), end: z.string().describe('HH:MM'), from: z.string(), to: z.string(),
});

export const presentSession = (s: PublicSession) => ({ day: s.day, start: s.start, end: s.end, from: s.from.toISOString(), to: s.to.toISOString() });
