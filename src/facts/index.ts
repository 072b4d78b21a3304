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
export { citationSentence, shortCitation, formatReference, sourceLine, sourceLink, factDate } from './cite.ts';
export { formatValue, formatNumber, formatMoney, valueParts, unitIsInline } from './value.ts';
export { viewFacts, formatFacts, formatText, formatJson, formatCsv, formatMarkdown, csvCell, FACT_FORMATS, type FactFormat, type FactView } from './format.ts';
export { selectFacts, isPitchFact, isReferenceList, type FactSelection } from './select.ts';
export { lifecycleDates } from './collect.ts';
export { citationRead, isLocatable, isResearchNotes, isSiteRoot, publisherKey, publishedBy, COMMUNITY_CATALOGUES, PROVIDER_SIDE_KINDS } from './evidence.ts';
export {
  fromGenaiPrices,
  fromLiteLLM,
  fromModelsDev,
  detectCatalogue,
  genaiMatches,
  genaiPricesOn,
  CatalogueFormatError,
  type Catalogue,
  type CatalogueEntry,
  type CatalogueName,
  type GenaiProvider,
} from './catalogues.ts';
export { compareWithCatalogue, deckSafeDrift, formatDriftText, findEntry, routeIds, CATALOGUE_PROVIDERS, type DriftReport, type Disagreement, type Unmapped, type DriftField } from './drift.ts';
