export { shift } from './digits.ts';
export { type ExtractOptions, extractNumbers } from './extract.ts';
export { formatValue, renderFactText } from './format.ts';
export { entityNumberNames } from './registry-names.ts';
export type { MentionUnit, NumberMention, NumberUnit } from './types.ts';
