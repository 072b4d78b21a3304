/**
 * A lifecycle as of a date: an entry written "deprecated, retires 2026-11-30" is retired on 2026-12-01 without
 * anyone editing it. The linter, the facts and the site read lifecycles through this one function. Pure.
 */
import type { Lifecycle } from './schema/model.ts';

export type LifecycleStatus = Lifecycle['status'];

/** The status on `today` (YYYY-MM-DD): retired once its retirement date is reached, deprecated once announced. */
export function lifecycleOn(lifecycle: Lifecycle, today: string): LifecycleStatus {
  if (lifecycle.status === 'retired') return 'retired';
  if ((lifecycle.retired_on !== undefined && lifecycle.retired_on <= today) || (lifecycle.retires_on !== undefined && lifecycle.retires_on <= today)) return 'retired';
  if (lifecycle.status === 'deprecated' || (lifecycle.deprecated_on !== undefined && lifecycle.deprecated_on <= today)) return 'deprecated';
  return 'active';
}

/** The same lifecycle restated as of `today`: its status follows the date, and a passed retirement gets its retired_on. */
export function lifecycleAsOf(lifecycle: Lifecycle, today: string): Lifecycle {
  const status = lifecycleOn(lifecycle, today);
  if (status === lifecycle.status) return lifecycle;
  if (status === 'retired') return { ...lifecycle, status, retired_on: lifecycle.retired_on ?? lifecycle.retires_on! };
  return { ...lifecycle, status };
}
