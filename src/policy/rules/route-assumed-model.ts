/** route/assumed-model: the model behind a route was inferred, not stated. Emitted by evaluate() for each assumption it made. */
import type { Rule } from './types.ts';

export const rule: Rule = {
  code: 'route/assumed-model',
  title: 'Model assumed, not stated',
  defaultSeverity: 'warning',
  why: 'Some model strings only look like model ids. An Azure deployment name is the customer’s own name (`azure/gpt-4o` may serve any model); a `-latest` pointer moves to new checkpoints, whose terms may differ; `${MODEL:-gpt-4o}` is whatever the environment says at run time. The linter checks the model it assumed and says so, so a reviewer knows which fact the verdict rests on.',
  fix: 'State the model: set model_info.base_model (Azure deployments, env values), pin a dated id instead of a moving pointer, or map your served name in the policy’s `models:` with its approver.',
  example: 'model_list:\n  - model_name: chat\n    litellm_params:\n      model: azure/gpt-4o        # a deployment name\n      api_base: https://example.openai.azure.com',
};
