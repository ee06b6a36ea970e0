/**
 * Links. Their host is not a number, but the numbers of their path are reported ("…/net-loss-276-7m"): a link may
 * state a figure, and the verifier must see it to refuse it when no fact holds it.
 */
const URLS: readonly string[] = [
  String.raw`(?:https?:\/\/|www\.)[^\s<>"'()[\]]+`,
  String.raw`[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|io|fr|gov|edu|co|info|xyz|ai|app|dev)(?![\p{L}\p{N}])(?:\/[^\s<>"'()[\]]*)?`,
];

/** One regex source (no capturing groups) matching a link at the current position. */
export const URL_SOURCE = URLS.join('|');

/** A Discord timestamp `<t:1731888000>` or `<t:1731888000:D>`: a date, read as the UTC day it denotes. */
export const TIMESTAMP_SOURCE = String.raw`<t:-?\d{1,15}(?::[tTdDfFR])?>`;

/**
 * Identifiers that contain digits but are not numbers: e-mails, Discord mentions, fact ids and citations,
 * tickers and standards (COVID-19, ERC-20, 10-K), indexes (S&P 500), versions, times and phone numbers.
 * Each alternative is tried at the start of a token, before any number. A version word followed by a unit is no
 * version: "core 750 MW" is a capacity.
 */
const MASKS: readonly string[] = [
  String.raw`[\w.+-]+@[\w-]+(?:\.[\w-]+)+`,
  String.raw`<(?:@[!&]?|#|a?:\w+:|\/[\w -]+:)\d+>`,
  String.raw`\[[a-z0-9]+(?:-[a-z0-9]+)*\]`,
  String.raw`(?=[a-z][a-z0-9-]*\d)[a-z][a-z0-9]*(?:-[a-z0-9]+){2,}(?![\p{L}\p{N}-])`,
  String.raw`(?:\p{Lu}{1,10}|[Cc]ovid|[Ss]ars)-\d+(?:\.\d+)*(?![\p{L}\p{N}])`,
  String.raw`\d+-\p{Lu}{1,2}(?![\p{L}\p{N}])`,
  String.raw`[Ss]\s?&\s?[Pp]\s?\d+`,
  String.raw`(?:CAC|FTSE|Nasdaq|NASDAQ|Russell|DAX|Nikkei|Stoxx|STOXX|Fortune|MSCI|IBEX|SMI|TSX|Dow Jones|Dow|Hang Seng|SBF|MDAX|KOSPI|Kospi|Sensex)\s?\d+`,
  String.raw`(?:[Vv]ersion|[Vv]\.|[Cc]ore|[Rr]elease|iOS|Android|Windows|macOS|Python|Node(?:\.js)?|Ubuntu)\s?\d+(?:\.\d+)*(?![\d.,]*\s?(?:[%$€₿×]|[kMGT]?W|[kMGT]Wh|[EPT]H\/s|BTC|USD|EUR|[Mm][ée]ga|[Gg]iga|[Mm]illi|[Bb]illi|[Tt]rilli))`,
  String.raw`[vV]\d+(?:\.\d+)+`,
  String.raw`(?!\d{1,3}(?:\.\d{3})+(?!\d|\.\d))\d+(?:\.\d+){2,}`,
  String.raw`\d{1,2}:\d{2}(?::\d{2})?(?:\s?[aApP]\.?[mM]\.?)?`,
  String.raw`\d{1,2}\s?[aApP]\.[mM]\.`,
  String.raw`\d{1,2}\s?(?:am|pm|AM|PM)(?![\p{L}\p{N}])`,
  String.raw`\d{1,2}\s?h\s?\d{2}(?!\d)`,
  String.raw`\+\d{1,3}[\s.-]?(?:\(\d{1,4}\)|\d{1,4})(?:[\s.-]\d{2,4}){2,5}(?!\d)`,
  String.raw`\(\d{3}\)\s?\d{3}[\s.-]\d{4}(?!\d)`,
  String.raw`\d{3}-\d{3}-\d{4}(?!\d)`,
  String.raw`0\d(?:[\s.]\d{2}){4}(?!\d)`,
  String.raw`24\/7`,
  String.raw`(?:[nN][°º]|No\.|#)\s?\d+`,
];

/** One regex source (no capturing groups) matching any identifier at the current position. */
export const MASK_SOURCE = MASKS.join('|');
