import type { ImageDto } from '@yunguan/cloud-core';
import type { UpdateImageInput } from '@yunguan/contract';
import { notFound } from '@yunguan/domain';
import { domainErrorOfCloud, withCloudErrors } from '../../cloud/domain-error-of-cloud';
import { projectCatalogAccess } from '../catalog/catalog-access';
import type { ServiceContext } from '../context';
import { findProjectFor } from '../projects/find-visible-project';
import {
  failImageTask,
  openImageTask,
  pendingSteps,
  setStep,
  succeedImageTask,
} from './image-task';
import { assertMayPublish } from './image-rules';
import { imagesOf } from '../../cloud/sub-port';
import { stepMessage as m } from '@yunguan/contract';

/**
 * Change an image's attributes: one Glance JSON-patch, answered at once, so the image.update
 * task runs inside this request (ADR 0108) — a row with its single `submit` step.
 */
export const updateImage = async (
  ctx: ServiceContext,
  args: { projectId: string; imageId: string; input: UpdateImageInput },
): Promise<ImageDto> => {
  await findProjectFor(ctx, args.projectId, 'resource.use');
  const { datacenterId, ...patch } = args.input;
  assertMayPublish(ctx.principal, patch.visibility);
  const { provider, datacenter, scope, options, project } = await projectCatalogAccess(
    ctx,
    datacenterId,
    args.projectId,
    'resource.use',
  );
  const image = await withCloudErrors(datacenter.name, () =>
    provider.getImage(scope, args.imageId, options),
  );
  if (image.ownerExternalId !== scope.projectExternalId) throw notFound('image', args.imageId);
  const input: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(patch)) {
    if (value !== undefined) input[key] = Array.isArray(value) ? value.join(',') : value;
  }
  const task = await openImageTask(
    ctx,
    {
      project,
      datacenterId: datacenter.id,
      image: { externalId: image.externalId, name: image.name },
    },
    'image.update',
    input,
    setStep(pendingSteps(['submit']), 'submit', 'running', ctx.now()),
  );
  try {
    const updated = await imagesOf(provider).updateImage(scope, image.externalId, patch, options);
    await succeedImageTask(
      ctx,
      task,
      'submit',
      m('image-updated', { fields: Object.keys(input).join(', ') }),
    );
    ctx.audit.written = true;
    return updated;
  } catch (error) {
    const domain = domainErrorOfCloud(error, datacenter.name);
    const message = error instanceof Error ? error.message.slice(0, 200) : String(error);
    await failImageTask(ctx, task, 'cloud_request_failed', { detail: message });
    throw domain;
  }
};
