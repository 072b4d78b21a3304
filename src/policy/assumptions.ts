/**
 * The assumptions the engine made to resolve a route's model, as `route/assumed-model` warnings, and the
 * served-name mapping a policy states, carried into every finding of the route. Pure.
 */
import type { Model } from '../registry/schema/index.ts';
import { isMovingPointer, type RouteModel } from './route-model.ts';
import type { Emitted } from './rules/types.ts';
import type { Spelling } from './spellings.ts';
import type { RouteRef } from './types.ts';

/** A dated spelling of the model (YYYYMMDD, YYYY-MM-DD, MMYY like 2411, @date), to pin instead of a pointer. */
function datedAlias(model: Model): string | undefined {
  return model.aliases.find((a) => /(?:\d{8}|\d{4}-\d{2}-\d{2}|[-@](?:2[3-9]|3\d)(?:0[1-9]|1[0-2])(?![\d]))/.test(a) && !isMovingPointer(a));
}

/**
 * What `model_info.base_model` said of the resolved model: nothing (`none`), the same model (`confirms`), a
 * model the registry does not know (`unknown`), or another model (`differs`, reported as a mismatch).
 */
export type BaseModelStatus = 'none' | 'confirms' | 'unknown' | 'differs';

export function assumptions(route: RouteRef, stated: RouteModel, matched: string, modelId: string, model: Model, spelling?: Spelling, base: BaseModelStatus = route.baseModel === undefined ? 'none' : 'confirms'): Emitted[] {
  const out: Emitted[] = [];
  const label = `${model.name} (${modelId})`;
  // A base_model the registry does not know states nothing: the name alone decided.
  const unstated = base === 'none' || base === 'unknown';
  const baseNote = base === 'unknown' ? ` (model_info.base_model "${route.baseModel}" is not in the registry)` : '';
  if (stated.envDefault) {
    out.push({
      message: `"${route.spec}" comes from the environment variable ${stated.envDefault.variable}; it was linted as its default "${stated.envDefault.value}", ${label}, and at run time the environment may name another model`,
      hint: 'Lint the value your deployment sets (pass a config with it), or set model_info.base_model.',
    });
  }
  const azure = route.prefix === 'azure' || route.prefix === 'azure_ai';
  if (azure && unstated && !stated.served) {
    const how = spelling?.assumed ? `because ${spelling.assumed}` : 'because it is spelled like that model';
    out.push({
      message: `"${route.spec}" is an Azure deployment name, which you choose; it was read as ${label} only ${how}${baseNote}`,
      hint: `Set model_info.base_model: ${modelId} (or the model the deployment really serves) to state it.`,
    });
  } else if (spelling?.assumed && unstated && !stated.served) {
    out.push({
      message: `"${route.spec}" is a served name, chosen by whoever runs the server; it was read as ${label} only because ${spelling.assumed}${baseNote}`,
      hint: `Set model_info.base_model: ${modelId} (or the model the server really serves), or map the name in the policy's models:, to state it.`,
    });
  }
  if (!stated.served && (isMovingPointer(stated.spec) || isMovingPointer(matched))) {
    const pin = datedAlias(model);
    out.push({
      message: `"${stated.spec}" is a moving pointer: as of the registry's review of ${modelId} (${model.reviewed}) it points at ${label}, and the provider may move it to a checkpoint with other terms`,
      hint: pin ? `Pin the dated id "${pin}" so the verdict stays about the model you call.` : 'Pin a dated id so the verdict stays about the model you call.',
    });
  }
  return out;
}

/** Every finding of a route whose served name the policy maps says so, with the approver, and carries it as evidence. */
export function withServedName(e: Emitted, served: NonNullable<RouteModel['served']>, modelId: string): Emitted {
  const note = `"${served.name}" is ${modelId} per the policy's models: (approved by ${served.entry.approved_by})`;
  return {
    ...e,
    message: `${e.message} [${note}]`,
    // A mapped route is not merged with routes that name the model themselves: its finding says the mapping.
    ...(e.collapse !== undefined ? { collapse: `${e.collapse}|served:${served.name}` } : {}),
    evidence: [
      ...(e.evidence ?? []),
      { subject: `policy · models["${served.name}"]`, summary: `${note}${served.entry.reason ? `: ${served.entry.reason}` : ''}.`, status: 'single-source', sources: [] },
    ],
  };
}
