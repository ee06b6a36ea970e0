/** Questions of the kinds the community asks, in both languages: benchmark inputs, not expectations. */
export const BENCH_QUESTIONS = [
  { lang: 'en', question: 'How much is the IREN Microsoft deal worth?' },
  { lang: 'fr', question: 'Quelle perte nette Bitfarms a-t-elle publiée au T3 2025 ?' },
  { lang: 'en', question: 'How many bitcoins did Bitfarms mine in Q3?' },
  { lang: 'fr', question: 'Combien d’entités publiques détiennent du bitcoin ?' },
  { lang: 'en', question: 'What did Ben Gagnon say about the Washington site?' },
  { lang: 'fr', question: 'Quand la loi GENIUS a-t-elle été adoptée ?' },
] as const;
