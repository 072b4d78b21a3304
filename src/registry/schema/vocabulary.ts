/**
 * Small shared vocabularies (precisions, route relationships, certifications), kept apart from the entity
 * schemas so router-config and policy parsing load them without the model and provider schemas.
 */
import { z } from 'zod';
import { CERTIFICATIONS, type CertificationId } from '../certifications.ts';

export const Precision = z
  .enum(['fp32', 'bf16', 'fp16', 'fp8', 'int8', 'int4', 'mxfp4', 'nvfp4'])
  .describe('Numeric format of weights.');
export type Precision = z.infer<typeof Precision>;

export const Relationship = z
  .enum(['first-party-api', 'managed-cloud', 'hosted-oss', 'self-hosted'])
  .describe('How a route relates to the model’s creator: first-party-api (the creator’s own API, governed by its API terms), managed-cloud (Bedrock, Vertex, Azure), hosted-oss (a third party serving open weights, governed by the weights license), self-hosted (your own GPUs).');
export type Relationship = z.infer<typeof Relationship>;

export const CertificationName = z
  .enum(Object.keys(CERTIFICATIONS) as [CertificationId, ...CertificationId[]])
  .describe('Certification or attestation: SOC 2, ISO 27001/27017/27018/42001, HIPAA BAA, BSI C5, SecNumCloud, EU Cloud Sovereignty Framework SEAL, Gaia-X label, FedRAMP, PCI DSS, a GDPR data processing agreement.');
