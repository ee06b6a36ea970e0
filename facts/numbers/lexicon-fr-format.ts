import type { FormatWords } from './types.ts';

const NNBSP = '\u202F';
const NBSP = '\u00A0';

/** How the formatter writes numbers, units, hedges and periods in French. */
export const FRENCH_FORMAT: FormatWords = {
  scales: {
    thousand: { one: `${NBSP}k`, many: `${NBSP}k`, glued: true },
    million: { one: 'million', many: 'millions' },
    billion: { one: 'milliard', many: 'milliards' },
    trillion: { one: 'billion', many: 'billions' },
  },
  units: {
    USD: { one: 'dollar', many: 'dollars', afterScaleWord: 'de dollars', afterScaleAbbreviation: '$' },
    EUR: { one: 'euro', many: 'euros', afterScaleWord: 'd’euros', afterScaleAbbreviation: '€' },
    BTC: { one: 'BTC', many: 'BTC', afterScaleWord: 'de BTC' },
    percent: { one: '%', many: '%', joiner: NNBSP },
    percentagePoint: { one: 'point de pourcentage', many: 'points de pourcentage' },
    MW: { one: 'MW', many: 'MW' },
    GW: { one: 'GW', many: 'GW' },
    count: {},
    multiple: { one: 'x', many: 'x', joiner: '' },
    fraction: {},
    years: { one: 'an', many: 'ans' },
    months: { one: 'mois', many: 'mois' },
    days: { one: 'jour', many: 'jours' },
  },
  qualifiers: {
    exact: '',
    about: 'environ',
    nearly: 'près de',
    moreThan: 'plus de',
    lessThan: 'moins de',
    atLeast: 'au moins',
    atMost: 'jusqu’à',
  },
  calendarQualifiers: {
    exact: '',
    about: 'vers',
    nearly: 'vers',
    moreThan: 'après',
    lessThan: 'avant',
    atLeast: 'pas avant',
    atMost: 'au plus tard',
  },
  numerators: ['', 'un', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf'],
  denominators: {
    3: { one: 'tiers', many: 'tiers' },
    4: { one: 'quart', many: 'quarts' },
    5: { one: 'cinquième', many: 'cinquièmes' },
    6: { one: 'sixième', many: 'sixièmes' },
    7: { one: 'septième', many: 'septièmes' },
    8: { one: 'huitième', many: 'huitièmes' },
    9: { one: 'neuvième', many: 'neuvièmes' },
    10: { one: 'dixième', many: 'dixièmes' },
  },
  half: 'la moitié',
  quarterPrefix: 'T',
  halfPrefix: 'S',
  span: { before: 'de ', between: ' à ' },
  pluralFrom: 'two',
};
