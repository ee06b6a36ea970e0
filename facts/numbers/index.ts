export { shift } from './digits.ts';
export { extractNumbers } from './extract.ts';
export { formatValue, renderFactText } from './format.ts';
export type { MentionUnit, NumberMention } from './types.ts';
