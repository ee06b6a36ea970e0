import type { Lang } from '../schema/index.ts';

/**
 * Words that say nothing about a topic, folded (no accents): articles, pronouns, auxiliaries, question words and the
 * imperatives readers open with ("dis-moi", "tell me"). Question intents (when, how much, said) are read from the
 * synonym groups before these are dropped.
 */
const WORDS: Record<Lang, string> = {
  fr: `a ai aie as au aux avec avait avais avoir ayant c ca ce ceci cela celle celles celui ces cet cette ceux chez
    comme comment combien d dans de des du donc donne donnez dis dites doit elle elles en encore entre es est et
    etaient etait etre eu eux explique expliquez fait faire fut il ils j je l la le les leur leurs lui m ma mais me
    meme mes moi mon n ne ni nos notre nous on ont ou par parle parlez pas peu peut peux plus pour pourquoi pouvez
    qu quand que quel quelle quelles quels qui quoi raconte racontez resume s sa sans se ses si son sont
    sous sur t ta te tes toi ton tous tout toute toutes tu un une vos votre vous y sait savoir connais connait
    rien chose choses quelque quelques aujourd hui actuellement exactement vraiment alors ici beaucoup
    ete etes fois moins tres trop deja bien aussi puis apres avant depuis pendant`,
  en: `a about after again all also am an and any are as at be been before being both but by can could did do does
    doing done during each else ever explain few for from get give got had has have having he her here hers him his
    how i if in into is it its itself just know let me more most much my no nor not now of on once only or other our
    ours out over own please same she should show so some such tell than that the their theirs them then there these
    they this those through to too under until up very was we were what whats when where which while who whom whose why will
    with would you your yours thing things anything something happen happened happening today currently exactly
    really many does tell me us again news latest update updates info get gets got become became`,
};

const SETS: Record<Lang, ReadonlySet<string>> = {
  fr: new Set(WORDS.fr.split(/\s+/).filter(Boolean)),
  en: new Set(WORDS.en.split(/\s+/).filter(Boolean)),
};

/** Whether a folded word is a stop word in that language. */
export function isStopWord(word: string, lang: Lang): boolean {
  return SETS[lang].has(word);
}
