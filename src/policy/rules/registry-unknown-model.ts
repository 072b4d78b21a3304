/** registry/unknown-model: a route names a model (or a license) the registry does not know. Fails closed. */
import { isMovingPointer } from '../route-model.ts';
import { licenseLabel } from '../terms.ts';
import { modelLabel, servedBy } from './describe.ts';
import type { Rule } from './types.ts';
import { own } from '../own.ts';

export const rule: Rule = {
  code: 'registry/unknown-model',
  title: 'Unknown model',
  defaultSeverity: 'error',
  why: 'The linter can only vouch for models whose license and terms it knows. An id it cannot resolve (a typo, a new checkpoint, a private fine-tune) could carry any license, so it fails closed instead of passing silently.',
  fix: 'Use the registry id or a known alias (see the suggestions), or add the model to the registry with its license and sources.',
  example: 'model_list:\n  - model_name: chat\n    litellm_params:\n      model: together_ai/meta-llama/Llama-3.3-70B-Instruct-Turbo-Free-Edition',
  checkRef(ctx) {
    if (ctx.resolution.kind !== 'unknown') return [];
    const { suggestions } = ctx.resolution;
    const didYouMean = suggestions.length > 0 ? ` (did you mean ${suggestions.join(' or ')}?)` : '';
    const azure = ctx.route.prefix === 'azure' || ctx.route.prefix === 'azure_ai';
    const own = `map it in the policy: models: {"${ctx.route.spec}": {model: <registry id>, approved_by: …}}`;
    const hint =
      ctx.route.format === 'litellm'
        ? ctx.route.baseModel !== undefined
          ? `Neither "${ctx.route.spec}" nor model_info.base_model "${ctx.route.baseModel}" is in the registry: correct base_model to a registry id or alias, ${own}, or add the model to the registry.`
          : `${azure ? 'An Azure deployment name is yours, not the model’s. ' : ''}If this is your own served name or deployment, set model_info.base_model to the registry model behind it (e.g. base_model: ${azure ? 'azure/gpt-4o' : 'meta/llama-3.3-70b-instruct'}) or ${own}; otherwise use a registry id or alias (see the suggestions), or add the model to the registry.`
        : `Use the registry id or a known alias (see the suggestions), ${own}, or add the model to the registry with its license and sources.`;
    const served = ctx.stated?.served;
    if (served) {
      return [{ message: `the policy's models: maps "${served.name}" to "${served.entry.model}", which is not a model the registry knows${didYouMean}`, hint: `Correct the mapping in the policy to a registry id or alias, or add the model to the registry (an overlay).` }];
    }
    const env = ctx.stated?.fromEnv;
    if (env !== undefined) {
      return [
        {
          message: `"${ctx.route.spec}" comes from the environment variable ${env} at run time, so the linter cannot know which model this route calls`,
          hint: `Set model_info.base_model to the registry model the variable holds (e.g. base_model: meta/llama-3.3-70b-instruct), give a default the linter can check ("\${${env}:-<model>}"), or lint the config your deployment renders.`,
        },
      ];
    }
    const moving = isMovingPointer(ctx.route.spec) ? ' A "-latest" pointer resolves only where the registry records which checkpoint it points at; pin a dated id.' : '';
    return [{ message: `"${ctx.route.spec}" is not a model the registry knows${didYouMean}`, hint: `${hint}${moving}` }];
  },
  checkRoute(ctx) {
    const out = [];
    if (ctx.model.kind === 'api-only' && ctx.serving.relationship === 'self-hosted') {
      out.push({
        message: `${modelLabel(ctx)} is API-only: it has no weights to serve ${servedBy(ctx)}, so the route cannot be what it claims`,
        hint: 'Route it through its vendor API or a provider that serves it, or correct the model id.',
      });
    }
    for (const terms of ctx.terms) {
      if (terms.license) continue;
      out.push({
        message: `${modelLabel(ctx)} ${servedBy(ctx)} is governed by ${licenseLabel(terms)}, which the registry does not have; its terms cannot be checked`,
        hint: `Add content/licenses/${terms.licenseId}.yaml, or correct the license id of ${terms.modelId}.`,
      });
    }
    const last = own(ctx.registry.models, ctx.chainIds[ctx.chainIds.length - 1]!);
    const missingBase = last?.base_model?.model;
    if (missingBase !== undefined && !own(ctx.registry.models, missingBase)) {
      out.push({
        message: `${modelLabel(ctx)} derives from ${missingBase}, which the registry does not have; the base model's license cannot be checked`,
        hint: `Add content/models/${missingBase}.yaml with its license, or correct base_model of ${ctx.chainIds[ctx.chainIds.length - 1]}.`,
      });
    }
    if (ctx.terms.length === 0) {
      out.push({
        message: `${modelLabel(ctx)} ${servedBy(ctx)} has no ${ctx.model.kind === 'api-only' ? 'API terms' : 'weights license'} in the registry; its terms cannot be checked`,
        hint: `Record the ${ctx.model.kind === 'api-only' ? 'api_terms' : 'license'} of ${ctx.modelId} in the registry.`,
      });
    }
    return out;
  },
};
