export * from './audit.ts';
export * from './common.ts';
export * from './entity.ts';
export * from './fact.ts';
export * from './measure.ts';
export * from './value.ts';
