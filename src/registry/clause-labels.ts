/**
 * How people name the clause kinds a license records under `other_clauses` and `obligations`: the row label of
 * the license page's clause table. The YAML keeps its short slugs; the words live here, once. A slug without an
 * entry reads as its words with hyphens as spaces (a test keeps every slug in content/ covered). No zod here.
 */
export const CLAUSE_LABELS: Readonly<Record<string, string>> = {
  'attribution-display': 'Attribution must be displayed',
  'aup-flow-down': 'Acceptable-use policy flows down',
  'automatic-termination': 'Terminates automatically on breach',
  'baa-zdr-only': 'HIPAA BAA for zero-data-retention endpoints only',
  'billing-account-makes-all-use-paid': 'A billing account makes all use paid',
  'contracting-entity': 'Contracting entity',
  'contracting-entity-by-region': 'Contracting entity depends on region',
  'cross-region-inference': 'Cross-region inference',
  'data-residency-uplift': 'Surcharge for data-residency endpoints',
  'data-stored-in-prc': 'Data stored in China',
  'derivatives-owned-by-licensor': 'The licensor owns derivatives',
  'eea-ch-uk-paid-data-terms': 'Paid-service data terms for the EEA, Switzerland and the UK',
  'eea-ch-uk-paid-services-only': 'Paid services only for users in the EEA, Switzerland and the UK',
  'export-controls': 'Export controls',
  'guardrail-circumvention-termination': 'Terminates if you circumvent safety guardrails',
  indemnity: 'Licensee indemnifies the licensor',
  'licensee-clears-third-party-rights': 'Licensee clears third-party rights',
  'litigation-termination': 'Terminates if you sue',
  'no-clinical-use': 'No clinical use',
  'no-no-training-clause': 'No clause against training on customer data',
  'no-patent-or-trademark-license': 'No patent or trademark license',
  'no-training-on-customer-content': 'No training on customer content',
  'paid-services-no-training': 'No training on paid-service data',
  'patent-litigation-termination': 'Terminates if you sue over infringement',
  'patent-termination': 'Terminates on a patent claim',
  'personal-data-responsibility': 'Licensee is responsible for personal data',
  'policy-updates': 'Use policy can change',
  'region-and-deployment-mode': 'Storage region and deployment mode',
  'remote-restriction': 'Vendor may restrict use remotely',
  'reverse-engineering-ban': 'No reverse engineering',
  'revocable-grant': 'The grant can be revoked',
  'scope-by-model': 'Which models it covers',
  'silent-model-redirects': 'Retired model ids redirect silently',
  'suspension-without-liability': 'Access can be suspended without liability',
  termination: 'Termination',
  'termination-on-breach': 'Terminates on breach',
  'training-on-customer-data': 'Training on customer data',
  'unilateral-updates': 'Licensor may update the terms',
  'unpaid-data-used-for-training': 'Free-tier data used for training',
  'unpaid-services-data-use': 'Free-tier data used to improve products',
  'use-based-restrictions': 'Use-based restrictions',
};

/** The label of a clause slug, in words. */
export function clauseLabel(slug: string): string {
  const known = CLAUSE_LABELS[slug];
  if (known !== undefined) return known;
  const text = slug.replace(/[-_]+/g, ' ').trim();
  return text.charAt(0).toUpperCase() + text.slice(1);
}
