/**
 * What a synonym group is for: `domain` words alone put a question on topic (bitcoin, ETF), `topic` words
 * need company (loss, deal), `hint` words (intents, units, periods) only help ranking.
 */
export type ConceptKind = 'domain' | 'topic' | 'hint';

/** A concept readers name in either language, with the words they use for it. */
export interface SynonymGroup {
  concept: string;
  kind: ConceptKind;
  en: readonly string[];
  fr: readonly string[];
}

/**
 * Bilingual synonym groups as data: `concept kind: English words`, then `| French words` on an indented line
 * (long lists go on further indented lines), comma-separated, written as readers write them; matching folds
 * accents and stems on both sides.
 */
const TABLE = `
deal topic: deal, agreement, contract, partnership, partner, partnered, pact, signed, sign
  | accord, contrat, partenariat, partenaire, entente, signé, signer, conclu, conclure
loss topic: loss, losses, deficit, lost, lose, losing, net loss
  | perte, pertes, déficit, perdu, perdre, perte nette
revenue topic: revenue, sales, turnover, earn, earned, earnings, income
  | revenu, revenus, chiffre d'affaires, ventes, gagné, gagner
shares topic: shares, share, stock, stocks, share price, stock price, equity
  | action, actions, titre, titres, cours de l'action, cours de bourse
site topic: site, sites, facility, facilities, installation, plant, plants, campus
  | site, sites, installation, installations, usine, usines, centre
incident topic: fire, fires, blaze, incident, accident, explosion, outage, damage, damaged
  | incendie, incendies, feu, sinistre, accident, explosion, panne, dégâts, endommagé
datacenter domain: data center, data centre, datacenter, data centers
  | centre de données, centres de données
cashflow topic: free cash flow, cash flow, cash flows
  | flux de trésorerie, flux de trésorerie libre
inflows topic: inflow, inflows, net inflows, net flows, flows, flow
  | entrée, entrées, entrées nettes, flux nets, flux, afflux
etf domain: etf, etfs, exchange-traded fund, spot etf
  | etf, fonds négocié en bourse, etf spot
fund topic: fund, funds, investment fund, vehicle
  | fonds, fonds d'investissement
mining domain: mining, mined, mine, miner, miners, hashrate
  | minage, miné, minés, mine, miner, mineur, mineurs, extrait
holdings topic: holdings, holding, hold, holds, held, own, owns, owned, stake, btc stack, bitcoin stack,
    bitcoin treasury, btc stash
  | stock de btc, stock de bitcoin, stock de bitcoins, réserve de bitcoins, trésor de guerre en bitcoins, avoirs, détient, détiennent, détenir, détenait, détenu, détenus, détention, participations, possède,
    possèdent, détenant
supply topic: supply, circulating supply
  | offre, offre totale, offre en circulation
stablecoin domain: stablecoin, stablecoins, stable coin
  | stablecoin, stablecoins, cryptomonnaie stable
liquidation domain: liquidation, liquidations, liquidated, long liquidations
  | liquidation, liquidations, liquidé
debt topic: debt, convertible debt, convertible notes, bonds, borrowing
  | dette, dettes, dette convertible, obligations, emprunt
law topic: act, law, bill, legislation, regulation, regulations, rules, regulatory
  | loi, législation, réglementation, règlement, règles, réglementaire
growth topic: grow, grew, grown, growth, rise, rose, increase, increased, jump, jumped, surge, surged, gain,
    gains, climb, added, add, adds
  | ajouté, ajoutée, ajoutés, ajouter, croissance, croître, hausse, augmenté, augmentation, bondi, bond, progression, grimpé, monté, gain, gains
decline topic: drop, dropped, fall, fell, decline, declined, plunge, plunged, slump, tumble, tumbled, hit, hits,
    took a hit, sank, sink, slid, lose ground, lost ground
  | baisse, chute, chuté, recul, reculé, diminution, tombé, plongé
ai domain: ai, artificial intelligence, hpc, gpu, gpus, high-performance computing, compute, computing
  | ia, intelligence artificielle, hpc, gpu, calcul haute performance, calcul
bitcoin domain: bitcoin, bitcoins, btc
  | bitcoin, bitcoins, btc
crypto domain: crypto, cryptocurrency, cryptocurrencies, blockchain, digital assets
  | crypto, cryptomonnaie, cryptomonnaies, cryptoactifs, crypto-actifs, blockchain
ratecut domain: rate cut, rate cuts, interest rates, rates, interest rate
  | baisse des taux, baisse de taux, taux, taux directeur
publicco domain: public companies, public entities, listed companies, public firms, public miners
  | entités publiques, sociétés cotées, entreprises cotées, mineurs publics
pivot topic: convert, conversion, converting, pivot, pivoting, transition, switch, shift
  | convertir, conversion, convertissant, reconvertir, pivot, virage, transition, reconversion
miningcompany domain: miner, miners, mining company, mining companies
  | mineur, mineurs, entreprise de minage, entreprises de minage, société minière
stoploss domain: stop-loss, stop loss, stop-loss order
  | stop-loss, ordre stop-loss, ordres stop-loss
sp500 domain: s&p 500, s&p, stock index, stocks index
  | s&p 500, s&p, indice boursier, indices boursiers
volatility topic: volatility, volatile
  | volatilité, volatil
quote hint: say, said, says, saying, quote, quoted, stated, declared, claim, claimed, think, thinks, believe,
    believes, according, view, opinion, comment, commented, told, remark
  | dit, dire, déclaré, déclare, affirmé, affirme, affirmant, estime, pense, pensent, selon, citation,
    propos, avis, opinion, souligné, expliqué
predict hint: predict, predicted, predicts, prediction, forecast, forecasts, forecasted, foresee, projection,
    outlook, prophecy
  | prédit, prédire, prédisant, prédiction, prévision, pronostic, anticipe, anticipé, prévoit
when hint: when, date, what date, which month, what month, which year, what year, since when
  | quand, date, quelle date, quel mois, quelle année, depuis quand
howmuch hint: how much, how many, amount, total, number, worth, value, size, how big, how large
  | combien, combien vaut, montant, quel montant, nombre, valeur, taille, total, chiffre
money hint: worth, amount, how much money, sum
  | vaut, valeur, montant, somme, combien vaut
company hint: company, companies, firm, firms, business, businesses, corporation
  | entreprise, entreprises, société, sociétés, firme, firmes, groupe
scale hint: thousand, thousands, million, millions, billion, billions, trillion, k, m, bn
  | mille, millier, milliers, million, millions, milliard, milliards, billion, md, mds
market hint: market, markets, sector, industry
  | marché, marchés, secteur, industrie
tech hint: tech, technology, technologies, big tech, tech giant, tech giants
  | tech, technologie, technologies, géant de la tech, géants de la tech, grandes technologies
superlative hint: biggest, largest, highest, lowest, smallest, most, least, top, best, worst
  | plus grand, plus grande, plus gros, plus grosse, plus élevé, plus élevée, plus forte, plus fort,
    plus important, plus importante, meilleur, meilleure, pire
percent hint: percent, percentage, proportion, fraction, what share, pct
  | pourcentage, pour cent, proportion, part, quelle part, pourcent
usd hint: dollar, dollars, usd
  | dollar, dollars, usd
power hint: megawatt, megawatts, mw, gigawatt, gigawatts, gw, capacity
  | mégawatt, mégawatts, mw, gigawatt, gigawatts, gw, capacité, puissance
cost hint: cost, costs, average cost, cost per, spend, spends, spent, spending, capex, pay, paid, pays
  | coût, coûts, coût moyen, coûter, coûtera, dépenser, dépense, dépenses, dépensé, dépensera, payer, payé
price hint: price, prices, priced, valued, valuation, trading at, trade at, trades at
  | prix, cours, valorisation, cote, cotait, coté, cotée, cotation, se négocie
marketcap hint: market cap, market capitalization, market capitalisation, market value, marketcap
  | capitalisation boursière, capitalisation, valeur boursière, valorisation boursière
ceo hint: ceo, chief executive, boss
  | pdg, directeur général, patron, dirigeant, dirige, dirigé, dirigée
founder hint: founder, co-founder, cofounder
  | fondateur, cofondateur, fondatrice
invest hint: invest, investment, investments, investor, investors, investing
  | investissement, investissements, investir, investisseur, investisseurs
quarter hint: quarter, quarterly, quarters
  | trimestre, trimestriel, trimestres
half hint: half, semester
  | semestre, semestriel
year hint: year, years, annual, yearly, year-over-year
  | an, ans, année, années, annuel, sur un an
h1 hint: h1, first half
  | s1, premier semestre
h2 hint: h2, second half
  | s2, second semestre, deuxième semestre
`;

const ORDINALS = [
  ['first', 'premier'],
  ['second', 'deuxième'],
  ['third', 'troisième'],
  ['fourth', 'quatrième'],
] as const;

const MONTHS = [
  ['january', 'janvier'],
  ['february', 'février'],
  ['march', 'mars'],
  ['april', 'avril'],
  ['may', 'mai'],
  ['june', 'juin'],
  ['july', 'juillet'],
  ['august', 'août'],
  ['september', 'septembre'],
  ['october', 'octobre'],
  ['november', 'novembre'],
  ['december', 'décembre'],
] as const;

const words = (list: string): string[] =>
  list
    .split(',')
    .map((term) => term.trim())
    .filter(Boolean);

function parseTable(table: string): SynonymGroup[] {
  return table
    .trim()
    .split(/\n(?!\s)/)
    .map((entry) => {
      const match = /^(\w+) (domain|topic|hint): ([^|]*)\|(.*)$/s.exec(entry.replace(/\s*\n\s*/g, ' '));
      if (!match) throw new Error(`bad synonym entry: ${entry}`);
      return {
        concept: match[1]!,
        kind: match[2] as ConceptKind,
        en: words(match[3]!),
        fr: words(match[4]!),
      };
    });
}

/** Every synonym group: the table, then quarters (`q3`: Q3, T3, third quarter…) and months (`m07`: July). */
export const SYNONYM_GROUPS: readonly SynonymGroup[] = [
  ...parseTable(TABLE),
  ...ORDINALS.map(([en, fr], i) => ({
    concept: `q${i + 1}`,
    kind: 'hint' as const,
    en: [`q${i + 1}`, `${en} quarter`],
    fr: [`t${i + 1}`, `${fr} trimestre`, `${i + 1}e trimestre`],
  })),
  ...MONTHS.map(([en, fr], i) => ({
    concept: `m${String(i + 1).padStart(2, '0')}`,
    kind: 'hint' as const,
    en: [en],
    fr: [fr],
  })),
];
