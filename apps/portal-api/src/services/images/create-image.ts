import type { ImageDto } from '@yunguan/cloud-core';
import type { CreateImageInput, Task } from '@yunguan/contract';
import { withCloudErrors } from '../../cloud/domain-error-of-cloud';
import { projectCatalogAccess } from '../catalog/catalog-access';
import type { ServiceContext } from '../context';
import { findProjectFor } from '../projects/find-visible-project';
import { toTask } from '../tasks/to-task';
import { openImageTask, pendingSteps, setStep } from './image-task';
import { assertMayPublish } from './image-rules';
import { imagesOf } from '../../cloud/sub-port';

/**
 * Create the image record in the cloud (status queued) and the image.upload task whose `create`
 * step is done; the bytes follow with PUT …/file (uploadImageFile), which runs `upload` and
 * `verify`.
 */
export const createImage = async (
  ctx: ServiceContext,
  projectId: string,
  input: CreateImageInput,
): Promise<{ image: ImageDto; task: Task }> => {
  await findProjectFor(ctx, projectId, 'resource.use');
  assertMayPublish(ctx.principal, input.visibility);
  const { provider, datacenter, scope, options, project } = await projectCatalogAccess(
    ctx,
    input.datacenterId,
    projectId,
    'resource.use',
  );
  const image = await withCloudErrors(datacenter.name, () =>
    imagesOf(provider).createImage(
      scope,
      {
        name: input.name,
        diskFormat: input.diskFormat,
        containerFormat: input.containerFormat,
        visibility: input.visibility,
        protected: input.protected,
        minDiskGb: input.minDiskGb,
        minRamMb: input.minRamMb,
      },
      options,
    ),
  );
  const now = ctx.now();
  const steps = setStep(
    pendingSteps(['create', 'upload', 'verify']),
    'create',
    'succeeded',
    now,
    `${image.externalId} (${input.diskFormat}/${input.containerFormat}, ${input.visibility})`,
  );
  const task = await openImageTask(
    ctx,
    {
      project,
      datacenterId: datacenter.id,
      image: { externalId: image.externalId, name: image.name },
    },
    'image.upload',
    {
      diskFormat: input.diskFormat,
      containerFormat: input.containerFormat,
      visibility: input.visibility,
      protected: input.protected,
    },
    steps,
  );
  ctx.audit.written = true;
  return { image, task: toTask(task) };
};
