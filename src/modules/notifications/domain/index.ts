export * from './events';
export * from './inbound';
export * from './phone';
export * from './sms-text';
export * from './template';
export * from './values';
