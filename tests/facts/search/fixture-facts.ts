import type { Fact } from '../../../facts/schema/index.ts';
import { makeFact } from './make-fact.ts';

const usd = (key: string, value: number, scale: string, decimals = 0, extra: object = {}) => ({
  key,
  kind: 'quantity',
  value,
  unit: 'USD',
  scale,
  decimals,
  ...extra,
});

/** A dozen and a half facts drawn from the article, in both languages. */
export const facts: Fact[] = [
  makeFact({
    id: 'bitfarms-q3-2025-net-loss',
    entities: ['bitfarms'],
    values: [
      usd('netLoss', 46e6, 'million', 0, { period: '2025-Q3' }),
      usd('priorNetLoss', 24e6, 'million', 0, { period: '2024-Q3' }),
    ],
    text: {
      fr: 'Bitfarms a publié une perte nette de {netLoss} au T3 2025, contre {priorNetLoss} un an plus tôt.',
      en: 'Bitfarms reported a net loss of {netLoss} in Q3 2025, up from {priorNetLoss} a year earlier.',
    },
  }),
  makeFact({
    id: 'bitdeer-q3-2025-net-loss',
    entities: ['bitdeer'],
    values: [usd('netLoss', 266.7e6, 'million', 1, { period: '2025-Q3' })],
    text: {
      fr: 'Bitdeer a rapporté une perte nette de {netLoss} au T3 2025.',
      en: 'Bitdeer reported a net loss of {netLoss} in Q3 2025.',
    },
  }),
  makeFact({
    id: 'bitdeer-shares-fire',
    entities: ['bitdeer'],
    values: [{ key: 'drop', kind: 'quantity', value: 7.5, unit: 'percent', decimals: 1 }],
    text: {
      fr: 'L’action Bitdeer a baissé de {drop} après un incendie dans une installation.',
      en: 'Bitdeer shares fell {drop} after a fire at one of its facilities.',
    },
  }),
  makeFact({
    id: 'iren-microsoft-deal',
    entities: ['iren', 'microsoft'],
    values: [usd('dealValue', 9.7e9, 'billion', 1)],
    text: {
      fr: 'IREN a conclu avec Microsoft un partenariat de {dealValue} pour des services de calcul d’IA.',
      en: 'IREN signed a {dealValue} partnership with Microsoft for AI computing services.',
    },
  }),
  makeFact({
    id: 'iren-shares-rise',
    entities: ['iren', 'microsoft'],
    values: [{ key: 'rise', kind: 'quantity', value: 10, unit: 'percent', qualifier: 'moreThan' }],
    text: {
      fr: 'Les actions d’IREN ont grimpé de plus de {rise} après l’annonce de l’accord avec Microsoft.',
      en: 'IREN shares rose more than {rise} after the Microsoft agreement was announced.',
    },
  }),
  makeFact({
    id: 'bitfury-ai-fund',
    entities: ['bitfury'],
    values: [usd('fundSize', 1e9, 'billion')],
    text: {
      fr: 'Bitfury a lancé un fonds de {fundSize} axé sur l’IA et les technologies quantiques.',
      en: 'Bitfury launched a {fundSize} fund focused on AI and quantum technologies.',
    },
  }),
  makeFact({
    id: 'public-entities-bitcoin-count',
    entities: ['bitcoin'],
    values: [{ key: 'publicEntities', kind: 'quantity', value: 297, unit: 'count', qualifier: 'moreThan' }],
    text: {
      fr: 'Plus de {publicEntities} entités publiques détiennent des positions significatives en bitcoin.',
      en: 'More than {publicEntities} public entities hold significant Bitcoin positions.',
    },
  }),
  makeFact({
    id: 'public-entities-supply-share',
    entities: ['bitcoin'],
    values: [{ key: 'supplyShare', kind: 'quantity', value: 17, unit: 'percent', qualifier: 'moreThan' }],
    text: {
      fr: 'Ces entités publiques contrôlent plus de {supplyShare} de l’offre totale de bitcoin.',
      en: 'These public entities control more than {supplyShare} of the total Bitcoin supply.',
    },
  }),
  makeFact({
    id: 'genius-act-passed',
    kind: 'event',
    entities: ['genius-act', 'stablecoins'],
    values: [{ key: 'passed', kind: 'date', date: '2025-07' }],
    text: {
      fr: 'La loi GENIUS, qui fixe des règles fédérales pour les stablecoins, a été adoptée en {passed}.',
      en: 'The GENIUS Act, which sets federal rules for stablecoins, was passed in {passed}.',
    },
  }),
  makeFact({
    id: 'stablecoin-market-growth',
    entities: ['stablecoins'],
    values: [
      usd('start', 205e9, 'billion', 0, { period: '2025-01' }),
      usd('end', 268e9, 'billion', 0, { period: '2025-08', qualifier: 'nearly' }),
    ],
    text: {
      fr: 'Le secteur des stablecoins est passé de {start} à près de {end} entre janvier et août 2025.',
      en: 'The stablecoin sector grew from {start} to nearly {end} between January and August 2025.',
    },
  }),
  makeFact({
    id: 'hoskinson-ai-absorbs-mining',
    kind: 'event',
    entities: ['charles-hoskinson', 'cardano'],
    values: [
      { key: 'min', kind: 'quantity', value: 3, unit: 'years' },
      { key: 'max', kind: 'quantity', value: 5, unit: 'years' },
    ],
    text: {
      fr: 'Charles Hoskinson, fondateur de Cardano, prédit que l’IA absorbera l’infrastructure du minage de Bitcoin d’ici {min:n} à {max}.',
      en: 'Charles Hoskinson, founder of Cardano, predicts that AI will absorb Bitcoin mining infrastructure within {min:n} to {max}.',
    },
  }),
  makeFact({
    id: 'hoskinson-mining-good-deal-quote',
    kind: 'quote',
    entities: ['charles-hoskinson'],
    quote: { speaker: 'charles-hoskinson', original: 'fr' },
    text: {
      fr: 'Le minage est une bonne affaire grâce à l’IA. Le minage de Bitcoin paie le centre de données et l’infrastructure. L’IA l’absorbe dans 3 à 5 ans.',
      en: 'Mining is a good deal thanks to AI. Bitcoin mining pays for the data center and the infrastructure. AI absorbs it in 3 to 5 years.',
    },
  }),
  makeFact({
    id: 'gagnon-washington-site-quote',
    kind: 'quote',
    entities: ['ben-gagnon', 'bitfarms'],
    quote: { speaker: 'ben-gagnon', original: 'fr' },
    text: {
      fr: 'La conversion de notre seul site de Washington en GPU-as-a-Service pourrait générer plus de revenus nets d’exploitation que nous n’en avons jamais généré avec le minage de Bitcoin.',
      en: 'Converting our single Washington site to GPU-as-a-Service could generate more net operating income than we ever generated from Bitcoin mining.',
    },
  }),
  makeFact({
    id: 'gagnon-hpc-opportunity-quote',
    kind: 'quote',
    entities: ['ben-gagnon'],
    quote: { speaker: 'ben-gagnon', original: 'fr' },
    text: {
      fr: 'La meilleure opportunité pour la plupart des mineurs aux États-Unis est vraiment cette transition vers le HPC et l’IA.',
      en: 'The best opportunity for most miners in the United States is really this transition to HPC and AI.',
    },
  }),
  makeFact({
    id: 'etf-inflows-2025-09-10',
    entities: ['us-spot-bitcoin-etfs', 'bitcoin'],
    values: [
      {
        key: 'netInflows',
        kind: 'quantity',
        value: 5900,
        unit: 'BTC',
        scale: 'thousand',
        decimals: 1,
        qualifier: 'about',
        period: '2025-09-10',
      },
    ],
    text: {
      fr: 'Les ETF spot Bitcoin américains ont enregistré des entrées nettes d’environ {netInflows} le 10 septembre 2025, la plus forte entrée quotidienne depuis mi-juillet.',
      en: 'US spot Bitcoin ETFs recorded net inflows of about {netInflows} on September 10, 2025, the largest daily inflow since mid-July.',
    },
  }),
  makeFact({
    id: 'bitfarms-shares-drop',
    entities: ['bitfarms'],
    values: [
      { key: 'drop', kind: 'quantity', value: 18, unit: 'percent', qualifier: 'nearly' },
      usd('price', 2.6, 'one', 2),
    ],
    text: {
      fr: 'L’action Bitfarms a chuté de près de {drop} à {price} après ses résultats et son virage vers l’IA.',
      en: 'Bitfarms shares fell nearly {drop} to {price} after its results and its pivot to AI.',
    },
  }),
  makeFact({
    id: 'bitfarms-q3-2025-bitcoin-mined',
    entities: ['bitfarms', 'bitcoin'],
    values: [
      { key: 'mined', kind: 'quantity', value: 520, unit: 'BTC', period: '2025-Q3' },
      usd('averageCost', 48200, 'one'),
    ],
    text: {
      fr: 'Bitfarms a miné {mined} au T3 2025, à un coût moyen de {averageCost} chacun.',
      en: 'Bitfarms mined {mined} in Q3 2025 at an average cost of {averageCost} each.',
    },
  }),
  makeFact({
    id: 'bitfarms-q3-2025-revenue',
    entities: ['bitfarms'],
    values: [
      { key: 'growth', kind: 'quantity', value: 156, unit: 'percent', period: '2025-Q3' },
      usd('revenue', 69e6, 'million', 0, { period: '2025-Q3' }),
    ],
    text: {
      fr: 'Les revenus de Bitfarms ont bondi de {growth} sur un an au T3 2025, à {revenue}.',
      en: 'Bitfarms’ revenue jumped {growth} year over year in Q3 2025, to {revenue}.',
    },
  }),
  makeFact({
    id: 'fed-first-rate-cut-2025',
    kind: 'event',
    entities: ['federal-reserve', 'bitcoin'],
    text: {
      fr: 'La première baisse de taux de la Réserve fédérale en 2025 a soutenu les actifs à risque comme le bitcoin.',
      en: 'The Federal Reserve’s first rate cut of 2025 boosted risk assets such as Bitcoin.',
    },
  }),
  makeFact({
    id: 'bitfarms-draft-rumour',
    status: 'draft',
    entities: ['bitfarms'],
    values: [usd('profit', 900e6, 'million')],
    text: {
      fr: 'Bitfarms aurait gagné {profit}.',
      en: 'Bitfarms reportedly earned {profit}.',
    },
  }),
];
