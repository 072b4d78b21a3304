/** Data shapes of the policy engine: parsed router configs, routes, evidence and findings. Pure types. */
import type { Finding } from '../registry/finding.ts';
import type { DataPath } from '../registry/yaml-source.ts';
import type { Policy, Relationship, Status } from '../registry/schema/index.ts';

/** One cited source behind a piece of evidence, resolved from content/sources. */
export interface EvidenceSource {
  id: string;
  title?: string;
  url?: string;
  where?: string;
}

/** The clause or fact a finding rests on, and where it is written. */
export interface Evidence {
  /** What the evidence is about, e.g. "license cc-by-nc-4.0 · commercial_use". */
  subject: string;
  /** The clause or fact in plain words. */
  summary: string;
  /** The operative words, verbatim, when recorded. */
  quote?: string;
  status: Status;
  sources: EvidenceSource[];
}

/** One place a finding applies to: a route (or a policy entry) with its tier and model. */
export interface FindingLocation {
  file: string;
  line: number;
  column: number;
  path: string;
  tier?: string;
  model?: string;
}

/** A finding of `clearance lint`: a registry Finding plus tier, model and evidence. */
export interface PolicyFinding extends Finding {
  /** Data path inside the config (or policy) file. */
  path: string;
  /** Tier id (native format) or model group (LiteLLM `model_name`). */
  tier?: string;
  /** Registry model id when the route resolved; the id as written otherwise. */
  model?: string;
  evidence: Evidence[];
  /**
   * Every place the finding applies to, the first one being file/line/column above. Present when one finding
   * stands for the same duty, fact or unset organisation fact on several routes (collapsed, not repeated).
   */
  locations?: FindingLocation[];
  /** For a collapsed finding: what it is about, stable when routes are added or moved (SARIF fingerprints). */
  key?: string;
}

export type Location = { line: number; column: number };
export type Locate = (path: DataPath) => Location;

/** How a route reaches its model, as far as the config says. */
export interface RouteRef {
  file: string;
  format: ConfigFormat;
  /** Tier id (native) or model group (LiteLLM `model_name`). */
  tier: string;
  /** Role of the route in its tier. */
  role: 'primary' | 'fallback' | 'alias';
  /** The model string as written. */
  spec: string;
  /** Data path of the model value. */
  path: DataPath;
  line: number;
  column: number;
  /** Native format: provider id or "self-hosted", and where the `via` key is. */
  via?: string;
  viaAt?: Location;
  /** LiteLLM: the provider prefix (`together_ai`), if the model string has one. */
  prefix?: string;
  /** LiteLLM: the call's own `api_base` (or `base_url`): which host the call goes to (serving.ts). */
  apiBase?: string;
  /** Where apiBase is written, e.g. "litellm_params.api_base". */
  apiBaseFrom?: string;
  /** LiteLLM: `litellm_settings.api_base`, the api_base of every call that sets none. */
  litellmApiBase?: string;
  /** LiteLLM: `environment_variables` of the config (string values), where provider `*_API_BASE` variables live. */
  env?: ReadonlyMap<string, string>;
  /** How the route is reached when it is not the tier's own deployment, e.g. `fallback of "chat" to group "cheap"`. */
  through?: string;
  /** Region id or label as written (`region`, `region_name`, `aws_region_name`, `vertex_location`, Bedrock `eu.` profile). */
  region?: string;
  /** Country stated for the route (native `country`). */
  country?: string;
  /** LiteLLM `model_info.base_model`: the real model behind an Azure deployment name. */
  baseModel?: string;
  /** Where base_model is written (data path and position in `file`). */
  baseModelPath?: DataPath;
  baseModelAt?: Location;
}

export type ConfigFormat = 'native' | 'litellm';

export interface TierInfo {
  id: string;
  /** The file that defines the tier, when it is not the config's own file (LiteLLM `include:`). */
  file?: string;
  tags: string[];
  path: DataPath;
  line: number;
  column: number;
}

/** A router config parsed into tiers and routes, with positions for findings. */
export interface ParsedConfig {
  file: string;
  format: ConfigFormat;
  name?: string;
  tiers: TierInfo[];
  routes: RouteRef[];
  /** Config-level findings the parser raised (unresolvable alias targets and the like). */
  findings: PolicyFinding[];
}

/** A policy with positions for findings about its waivers. */
export interface LoadedPolicy {
  file: string;
  policy: Policy;
  locate: Locate;
}

export type RouteRelationship = Relationship | 'unknown';
