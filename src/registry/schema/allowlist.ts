/**
 * The allow list `clearance allowlist --format json|opa` writes for a gateway: what a policy lets through,
 * denying everything else. Generated to schemas/allowlist.schema.json so gateway owners can validate it.
 */
import { z } from 'zod';
import { IsoDate } from './common.ts';
import { Relationship } from './vocabulary.ts';

const Channel = z
  .strictObject({
    provider: z.string().min(1).describe('Provider id (content/providers), "self-hosted", or "unknown" for a host the registry does not know.'),
    relationship: z.union([Relationship, z.literal('unknown')]).describe('How the channel reaches the model’s creator.'),
    regions: z.array(z.string()).optional().describe('Countries (ISO 3166-1 alpha-2) or groups (EU, EEA) the channel runs in, when known.'),
    names: z.array(z.string().min(1)).min(1).describe('Model strings as the router config writes them.'),
    tiers: z.array(z.string().min(1)).min(1).describe('Tiers or model groups (LiteLLM model_name) the channel serves.'),
    expires: IsoDate.optional().describe('Last day the channel is allowed: it passes only because of a waiver that ends then.'),
  })
  .describe('One allowed way to reach a model.');

export const AllowlistSchema = z
  .strictObject({
    format: z.literal('clearance-allowlist/1').describe('Format and version of this document.'),
    policy: z.string().min(1).describe('The policy the allow list was compiled from.'),
    date: IsoDate.describe('The date the policy was evaluated at (waiver expiry, lifecycle).'),
    default: z.literal('deny').describe('What happens to anything not listed.'),
    models: z
      .record(z.string(), z.strictObject({ name: z.string(), vendor: z.string(), channels: z.array(Channel).min(1) }))
      .describe('Registry model id → the channels through which it is allowed.'),
    names: z
      .record(
        z.string(),
        z.strictObject({
          channels: z.array(z.strictObject({ model: z.string(), provider: z.string() })).min(1).describe('The allowed channels this name was written for.'),
          requires_provider: z.boolean().describe('The same name is also written for a channel that is not allowed: a request must say its provider.'),
        }),
      )
      .describe('Every name a client or gateway may send (model strings as written, tiers, LiteLLM model groups) → the channels it may reach.'),
    removed: z
      .array(
        z.strictObject({
          at: z.string().describe('file:line:col of the route in the config.'),
          tier: z.string(),
          model: z.string().describe('The model string as written.'),
          codes: z.array(z.string()).describe('Lint rule codes that block the route.'),
          reasons: z.array(z.string()).describe('The findings’ messages.'),
        }),
      )
      .describe('Routes the allow list leaves out, and why.'),
  })
  .describe('A Clearance gateway allow list: deny by default, these models on these channels only.');
export type AllowlistDocument = z.infer<typeof AllowlistSchema>;
export type AllowedChannel = z.infer<typeof Channel>;
