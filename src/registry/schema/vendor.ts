/** A model creator: who they are and where they are seated (procurement asks about origin). */
import { z } from 'zod';
import { Citations, CountryCode, HttpUrl, Reviewed } from './common.ts';

export const VendorSchema = z
  .strictObject({
    name: z.string().min(1).describe('Display name, e.g. "DeepSeek".'),
    legal_entity: z.string().min(1).describe('The legal entity that publishes the models or terms, e.g. "Hangzhou DeepSeek Artificial Intelligence Basic Technology Research Co., Ltd.".'),
    country: CountryCode.describe('Country of the legal seat (ISO 3166-1 alpha-2).'),
    legal_seat: z.string().min(1).describe('City (and region) of the legal seat.'),
    parent: z.string().optional().describe('Parent company, where one controls the vendor.'),
    website: HttpUrl.optional().describe('Vendor website.'),
    notes: z.string().optional().describe('Anything procurement should know.'),
    citations: Citations,
    reviewed: Reviewed,
  })
  .describe('A vendor (model creator).');
export type Vendor = z.infer<typeof VendorSchema>;
