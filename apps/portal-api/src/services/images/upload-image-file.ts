import type { Readable } from 'node:stream';
import { conflict, DomainError, notFound } from '@yunguan/domain';
import { domainErrorOfCloud, withCloudErrors } from '../../cloud/domain-error-of-cloud';
import { findActiveImageTask } from '../../repositories/image-task-repository';
import type { TaskRow } from '../../repositories/task-repository';
import { projectCatalogAccess } from '../catalog/catalog-access';
import type { ServiceContext } from '../context';
import { countUpload, UploadTooLarge } from './counting-stream';
import {
  failImageTask,
  openImageTask,
  pendingSteps,
  setStep,
  stepImageTask,
  succeedImageTask,
} from './image-task';
import { formatBytes } from './image-rules';
import { imagesOf } from '../../cloud/sub-port';
import { stepMessage as m } from '@yunguan/contract';

/** How often the task shows bytes so far (and refreshes its heartbeat) during an upload. */
const PROGRESS_EVERY_MS = 2_000;

export type UploadArgs = {
  projectId: string;
  imageId: string;
  datacenterId: string;
  body: Readable;
  /** Content-Length when the client sent one (checked against the limit before reading). */
  sizeBytes: number | undefined;
  maxBytes: number;
  /** Where a failed progress write is reported (the upload itself goes on). */
  warn: (error: unknown, what: string) => void;
};

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

/**
 * Stream the request body into the queued image (ADR 0108): through the tunnel to Glance
 * without holding it in memory, counting and hashing on the way; then verify that the cloud
 * stored exactly what was sent (size and MD5). The image.upload task records each step.
 */
export const uploadImageFile = async (ctx: ServiceContext, args: UploadArgs): Promise<void> => {
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
  if (image.status !== 'queued')
    throw conflict('image_not_queued', { image: image.name, status: image.status });
  if (args.sizeBytes !== undefined && args.sizeBytes > args.maxBytes)
    throw new DomainError('VALIDATION', 'image too large', {
      reason: 'image_upload_too_large',
      params: { limit: formatBytes(args.maxBytes) },
      issues: [{ path: 'body', message: `larger than ${formatBytes(args.maxBytes)}` }],
    });

  let task: TaskRow =
    (await findActiveImageTask(ctx.db, datacenter.id, image.externalId)) ??
    (await openImageTask(
      ctx,
      {
        project,
        datacenterId: datacenter.id,
        image: { externalId: image.externalId, name: image.name },
      },
      'image.upload',
      { diskFormat: image.diskFormat ?? '', containerFormat: image.containerFormat ?? '' },
      setStep(pendingSteps(['create', 'upload', 'verify']), 'create', 'succeeded', ctx.now()),
    ));
  if (task.action !== 'image.upload')
    throw conflict('image_busy', { image: image.name, action: task.action });
  const sizeNote: Record<string, string> =
    args.sizeBytes === undefined ? {} : { size: mib(args.sizeBytes) };
  task = await stepImageTask(
    ctx,
    task,
    'upload',
    'running',
    m('image-sending', { sent: '0 MiB', ...sizeNote }),
  );

  const counted = countUpload(args.body, args.maxBytes);
  let last = task;
  // Progress writes run one after another and are awaited before the next step is written.
  let writing: Promise<void> = Promise.resolve();
  const progress = setInterval(() => {
    writing = writing
      .then(async () => {
        last = await stepImageTask(
          ctx,
          last,
          'upload',
          'running',
          m('image-sending', { sent: mib(counted.bytesSoFar()), ...sizeNote }),
        );
      })
      .catch((error: unknown) => args.warn(error, 'image upload progress'));
  }, PROGRESS_EVERY_MS);
  const stopProgress = async () => {
    clearInterval(progress);
    await writing;
  };
  try {
    await imagesOf(provider).uploadImageData(
      scope,
      image.externalId,
      counted.stream,
      args.sizeBytes,
      {
        requestId: ctx.requestId,
        signal: AbortSignal.timeout(24 * 3600_000),
      },
    );
  } catch (error) {
    await stopProgress();
    // The counter stops the stream at the limit; whatever the transport made of that, say so.
    if (error instanceof UploadTooLarge || counted.bytesSoFar() > args.maxBytes) {
      await failImageTask(ctx, last, 'image_upload_too_large', {
        limit: formatBytes(args.maxBytes),
      });
      throw new DomainError('VALIDATION', 'image too large', {
        reason: 'image_upload_too_large',
        params: { limit: formatBytes(args.maxBytes) },
        issues: [{ path: 'body', message: `larger than ${formatBytes(args.maxBytes)}` }],
      });
    }
    const detail = error instanceof Error ? error.message.slice(0, 200) : String(error);
    await failImageTask(ctx, last, 'image_upload_incomplete', { image: image.name, detail });
    throw domainErrorOfCloud(error, datacenter.name);
  }
  await stopProgress();
  const sent = counted.result();
  task = await stepImageTask(
    ctx,
    last,
    'upload',
    'succeeded',
    m('image-sent', { sent: mib(sent.bytes) }),
  );
  task = await stepImageTask(ctx, task, 'verify', 'running');
  const stored = await withCloudErrors(datacenter.name, () =>
    provider.getImage(scope, image.externalId, options),
  );
  if (
    stored.sizeBytes !== sent.bytes ||
    (stored.checksum !== null && stored.checksum !== sent.md5)
  ) {
    const params = { image: image.name, stored: stored.sizeBytes ?? 0, sent: sent.bytes };
    await failImageTask(ctx, task, 'image_upload_mismatch', params);
    throw new DomainError('UPSTREAM_UNAVAILABLE', 'stored image differs', {
      reason: 'image_upload_mismatch',
      params,
    });
  }
  await succeedImageTask(
    ctx,
    task,
    'verify',
    m('image-verified', {
      status: stored.status,
      bytes: sent.bytes,
      md5: sent.md5,
      sha256: sent.sha256,
    }),
  );
  ctx.audit.written = true;
};
