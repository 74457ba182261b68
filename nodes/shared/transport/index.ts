export * from './credentials';
export * from './errors';
export * from './pagination';
export * from './redact';
export * from './request';
export * from './retry';
