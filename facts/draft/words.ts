import type { Lang } from '../schema/index.ts';

/**
 * Context words, folded (no accents, lower case), that tell what a capitalised name is. Data per language, like the
 * number lexicons: a general vocabulary of news prose, not the words of one article.
 */
export interface DraftWords {
  /** A person's role or a speech act next to a name: "chief executive", "a déclaré". */
  personCues: readonly string[];
  /** What a company is called next to its name: "miner", "firm", "fournisseur". */
  companyCues: readonly string[];
  /** Words that end a company's name ("Technologies", "Inc"). */
  companySuffixes: readonly string[];
  /** Words of a listed company's stock, next to its name ("Core Scientific shares", "l'action Hut 8"). */
  stockWords: readonly string[];
  /** A facility of a company: "campus", "site". */
  siteWords: readonly string[];
  /** Before a place: "in", "en". Names after them are places, not companies. */
  placePrepositions: readonly string[];
  /** Verbs after a subject that make a capitalised word an actor ("X signed", "X a annoncé"). */
  actorVerbs: readonly string[];
  /** Speech verbs that make a sentence a reported statement or a quote's attribution. */
  speechVerbs: readonly string[];
  /** Pronouns that carry the last person named ("he said", "a-t-il déclaré"). */
  personPronouns: readonly string[];
  /** Words that never start a name: determiners and prepositions a sentence opens with. */
  openers: readonly string[];
  months: readonly string[];
  weekdays: readonly string[];
}

const EN: DraftWords = {
  personCues:
    `chairman chairwoman chair chief executive ceo cfo coo cto founder cofounder co-founder president
    director analyst head partner economist strategist secretary minister spokesperson spokesman spokeswoman
    said says wrote told according`.split(/\s+/),
  companyCues:
    `company companies firm miner miners provider operator group startup developer maker lender bank
    exchange fund manager platform hyperscaler producer supplier`.split(/\s+/),
  companySuffixes:
    `inc corp corporation technologies technology digital mining holdings ltd limited group energy
    capital labs systems networks platforms plc llc sa ag`.split(/\s+/),
  stockWords: ['shares', 'stock', 'shareholders', 'share price', 'investors in'],
  siteWords: ['campus', 'site', 'facility', 'plant', 'data center', 'data centre'],
  placePrepositions: ['in', 'at', 'near', 'from', 'across', 'outside'],
  actorVerbs:
    `has had is was will said says signed reported announced booked posted raised agreed plans planned
    agreed leased sold bought acquired won lost holds held expects expected reached filed launched`.split(
      /\s+/,
    ),
  speechVerbs: ['said', 'says', 'wrote', 'writes', 'told', 'added', 'explained', 'stated', 'according to'],
  personPronouns: ['he', 'she'],
  openers: `the a an this that these those its his her their our in on at by for from with after before during
    as like unlike while when but and or of to both no not yet also`.split(/\s+/),
  months: `january february march april may june july august september october november december`.split(
    /\s+/,
  ),
  weekdays: `monday tuesday wednesday thursday friday saturday sunday`.split(/\s+/),
};

const FR: DraftWords = {
  personCues: `president presidente directeur directrice general generale pdg fondateur fondatrice cofondateur
    analyste responsable associe associee economiste stratege secretaire ministre porte-parole
    declare dit ecrit explique affirme selon`.split(/\s+/),
  companyCues: `entreprise entreprises societe groupe mineur mineurs fournisseur operateur exploitant startup
    developpeur fabricant preteur banque plateforme fonds gestionnaire producteur`.split(/\s+/),
  companySuffixes:
    `inc corp technologies digital mining holdings ltd limited group energy capital labs systems sa
    sas ag`.split(/\s+/),
  stockWords: ['action', 'actions', 'actionnaires', 'titre', 'cours'],
  siteWords: ['campus', 'site', 'installation', 'centre de donnees', 'chantier'],
  placePrepositions: ['en', 'au', 'aux', 'a', 'dans', 'pres', 'depuis'],
  actorVerbs: `a avait est va annonce a annonce signe publie leve vendu achete acquis detient prevoit`.split(
    /\s+/,
  ),
  speechVerbs: ['a declare', 'a dit', 'a ecrit', 'a explique', 'a affirme', 'a-t-il', 'a-t-elle', 'selon'],
  personPronouns: ['il', 'elle'],
  openers:
    `le la les l un une des du de d ce cet cette ces son sa ses leur leurs en au aux a dans par pour avec
    apres avant pendant selon comme contrairement alors mais et ou ni sur sous chez ainsi depuis`.split(
      /\s+/,
    ),
  months: `janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre`.split(/\s+/),
  weekdays: `lundi mardi mercredi jeudi vendredi samedi dimanche`.split(/\s+/),
};

export const DRAFT_WORDS: Record<Lang, DraftWords> = { en: EN, fr: FR };
