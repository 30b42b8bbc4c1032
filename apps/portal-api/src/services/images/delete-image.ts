import { isCloudError } from '@yunguan/cloud-core';
import { DomainError, notFound } from '@yunguan/domain';
import { domainErrorOfCloud, withCloudErrors } from '../../cloud/domain-error-of-cloud';
import { projectCatalogAccess } from '../catalog/catalog-access';
import type { ServiceContext } from '../context';
import {
  failImageTask,
  openImageTask,
  pendingSteps,
  setStep,
  succeedImageTask,
} from './image-task';
import { imagesOf } from '../../cloud/sub-port';
import { stepMessage as m } from '@yunguan/contract';

/**
 * Delete an image of the project. Glance deletes at once (no long operation), so the
 * image.delete task runs inside this request (ADR 0108). A protected image is refused with
 * CONFLICT `image_protected` in the cloud's own words — not as the service account's fault.
 */
export const deleteImage = async (
  ctx: ServiceContext,
  args: { projectId: string; imageId: string; datacenterId: string },
): Promise<void> => {
  const { provider, datacenter, scope, options, project } = await projectCatalogAccess(
    ctx,
    args.datacenterId,
    args.projectId,
    'resource.use',
  );
  const image = await withCloudErrors(datacenter.name, () =>
    provider.getImage(scope, args.imageId, options),
  );
  if (image.ownerExternalId !== scope.projectExternalId) throw notFound('image', args.imageId);
  const task = await openImageTask(
    ctx,
    {
      project,
      datacenterId: datacenter.id,
      image: { externalId: image.externalId, name: image.name },
    },
    'image.delete',
    { protected: image.protected },
    setStep(pendingSteps(['submit']), 'submit', 'running', ctx.now()),
  );
  try {
    await imagesOf(provider).deleteImage(scope, image.externalId, options);
  } catch (error) {
    const protectedRefusal =
      isCloudError(error) &&
      (error.kind === 'forbidden' || error.kind === 'conflict') &&
      /protected/i.test(error.upstreamMessage ?? '');
    if (protectedRefusal) {
      const params = { image: image.name, message: error.upstreamMessage ?? '' };
      await failImageTask(ctx, task, 'image_protected', params);
      throw new DomainError('CONFLICT', 'image is protected', {
        reason: 'image_protected',
        params,
      });
    }
    const message = error instanceof Error ? error.message.slice(0, 200) : String(error);
    await failImageTask(ctx, task, 'cloud_request_failed', { detail: message });
    throw domainErrorOfCloud(error, datacenter.name);
  }
  await succeedImageTask(ctx, task, 'submit', m('deleted-in-cloud'));
  ctx.audit.written = true;
};
