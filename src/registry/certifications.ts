/**
 * The certifications and attestations the registry records, with how people name them: `label` for tables,
 * `inSentence` for prose ("holds a HIPAA BAA"). The zod enum is built from these keys. No zod here.
 */
export const CERTIFICATIONS = {
  'soc2-type2': { label: 'SOC 2 Type II', inSentence: 'SOC 2 Type II' },
  'soc2-type1': { label: 'SOC 2 Type I', inSentence: 'SOC 2 Type I' },
  iso27001: { label: 'ISO/IEC 27001', inSentence: 'ISO/IEC 27001' },
  iso27017: { label: 'ISO/IEC 27017', inSentence: 'ISO/IEC 27017' },
  iso27018: { label: 'ISO/IEC 27018', inSentence: 'ISO/IEC 27018' },
  iso42001: { label: 'ISO/IEC 42001', inSentence: 'ISO/IEC 42001' },
  'hipaa-baa': { label: 'HIPAA BAA', inSentence: 'a HIPAA BAA' },
  'bsi-c5': { label: 'BSI C5', inSentence: 'BSI C5' },
  secnumcloud: { label: 'SecNumCloud', inSentence: 'SecNumCloud' },
  'eu-csf-seal': { label: 'EU Cloud Sovereignty Framework SEAL', inSentence: 'an EU Cloud Sovereignty Framework SEAL level' },
  'gaia-x': { label: 'Gaia-X label', inSentence: 'a Gaia-X label' },
  fedramp: { label: 'FedRAMP', inSentence: 'FedRAMP' },
  'pci-dss': { label: 'PCI DSS', inSentence: 'PCI DSS' },
  'gdpr-dpa': { label: 'GDPR data processing agreement', inSentence: 'a GDPR data processing agreement' },
} as const satisfies Record<string, { label: string; inSentence: string }>;

export type CertificationId = keyof typeof CERTIFICATIONS;
