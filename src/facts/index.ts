/** Public surface of the facts core (pure: no I/O, runs in the browser too). */
export type { FactRecord, FactOrigin, FactSubject, SubjectKind, EvidenceAgainst } from './fact-record.ts';
export { collectFacts, subjectOf } from './collect.ts';
export { parseFieldPath } from '../registry/paths.ts';
export {
  deckSafety,
  dayNumber,
  DECK_REASON_CODES,
  DEFAULT_MAX_AGE_DAYS,
  DEFAULT_PRICE_MAX_AGE_DAYS,
  CAVEAT_REQUIRED_TAGS,
  type DeckReason,
  type DeckReasonCode,
  type DeckSafety,
  type DeckSafetyOptions,
} from './deck-safe.ts';
export { citationSentence, formatReference, sourceLine, factDate } from './cite.ts';
export { formatValue, formatNumber, formatMoney, valueParts, unitIsInline } from './value.ts';
export { viewFacts, formatFacts, formatText, formatJson, formatCsv, formatMarkdown, csvCell, FACT_FORMATS, type FactFormat, type FactView } from './format.ts';
export { selectFacts, type FactSelection } from './select.ts';
