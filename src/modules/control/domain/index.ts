/** Control and urging (pure): the half-day update rule, delay attribution and its groups, the staff messages. */
export * from './untouched';
export * from './attribution';
export * from './late-groups';
export * from './messages';
