/** Counting dossiers (pure): timing against the legal clock, report periods, the settlement report's arithmetic. */
export * from './timing';
export * from './period';
export * from './settlement';
export * from './ranking';
