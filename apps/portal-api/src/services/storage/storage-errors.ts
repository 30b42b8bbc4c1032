import { DomainError, precondition } from '@yunguan/domain';

/** An id the request names that the project may not use (or that does not exist): 404 by field. */
export const storageTargetUnknown = (field: string, id: string, datacenter: string) =>
  new DomainError('NOT_FOUND', `${field} ${id} not usable in this project`, {
    reason: 'storage_target_unknown',
    params: { field, id, datacenter },
  });

/** A field whose value does not fit what it refers to: 400 naming the field. */
export const storageInvalid = (
  field: string,
  reason: string,
  params: Record<string, string | number>,
) =>
  new DomainError('VALIDATION', `${field}: ${reason}`, {
    reason,
    params,
    issues: [{ path: `body.${field}`, message: reason }],
  });

export const volumeWrongState = (
  volume: { name: string; status: string },
  action: string,
  allowed: readonly string[],
) =>
  allowed.length === 1 && allowed[0] === 'available'
    ? precondition('volume_not_available', { volume: volume.name, status: volume.status, action })
    : precondition('volume_wrong_state', {
        volume: volume.name,
        status: volume.status,
        action,
        allowed: allowed.join(', '),
      });

export const volumeGone = (name: string) => () => precondition('volume_gone', { volume: name });

export const volumeNotAttached = (volume: string, server: string) =>
  precondition('volume_not_attached', { volume, server });
