import { containerFormats, diskFormats, visibilities } from './image-state';

const str = (description: string, extra: Record<string, unknown> = {}) => ({
  type: ['null', 'string'],
  description,
  ...extra,
});

/** `GET /v2/schemas/image`: the JSON schema clients such as glanceclient read (abridged). */
export const imageSchema = {
  name: 'image',
  additionalProperties: { type: 'string' },
  properties: {
    id: { type: 'string', description: 'An identifier for the image', readOnly: true },
    name: str('Descriptive name for the image', { maxLength: 255 }),
    status: {
      type: 'string',
      readOnly: true,
      description: 'Status of the image',
      enum: [
        'queued',
        'saving',
        'active',
        'killed',
        'deleted',
        'uploading',
        'importing',
        'pending_delete',
        'deactivated',
      ],
    },
    visibility: { type: 'string', description: 'Scope of image accessibility', enum: visibilities },
    protected: { type: 'boolean', description: 'If true, image will not be deletable.' },
    os_hidden: {
      type: 'boolean',
      description: 'If true, image will not appear in default image list response.',
    },
    checksum: str('md5 hash of image contents.', { readOnly: true, maxLength: 32 }),
    os_hash_algo: str('Algorithm to calculate the os_hash_value', { readOnly: true }),
    os_hash_value: str('Hexdigest of the image contents', { readOnly: true }),
    owner: str('Owner of the image', { maxLength: 255 }),
    size: { type: ['null', 'integer'], readOnly: true, description: 'Size of image file in bytes' },
    virtual_size: {
      type: ['null', 'integer'],
      readOnly: true,
      description: 'Virtual size of image in bytes',
    },
    container_format: str('Format of the container', { enum: [null, ...containerFormats] }),
    disk_format: str('Format of the disk', { enum: [null, ...diskFormats] }),
    created_at: {
      type: 'string',
      readOnly: true,
      description: 'Date and time of image registration',
    },
    updated_at: {
      type: 'string',
      readOnly: true,
      description: 'Date and time of the last image modification',
    },
    tags: {
      type: 'array',
      description: 'List of strings related to the image',
      items: { type: 'string', maxLength: 255 },
    },
    min_ram: { type: 'integer', description: 'Amount of ram (in MB) required to boot image.' },
    min_disk: {
      type: 'integer',
      description: 'Amount of disk space (in GB) required to boot image.',
    },
    self: { type: 'string', readOnly: true, description: 'An image self url' },
    file: { type: 'string', readOnly: true, description: 'An image file url' },
    schema: { type: 'string', readOnly: true, description: 'An image schema url' },
  },
  links: [
    { rel: 'self', href: '{self}' },
    { rel: 'enclosure', href: '{file}' },
    { rel: 'describedby', href: '{schema}' },
  ],
};

export const imagesSchema = {
  name: 'images',
  properties: {
    images: { type: 'array', items: imageSchema },
    schema: { type: 'string' },
    first: { type: 'string' },
    next: { type: 'string' },
  },
  links: [
    { rel: 'first', href: '{first}' },
    { rel: 'next', href: '{next}' },
    { rel: 'describedby', href: '{schema}' },
  ],
};

/** `GET /v2/schemas/member`: Glance's image member schema. */
export const memberSchema = {
  name: 'member',
  properties: {
    member_id: { type: 'string', description: 'An identifier for the image member (tenantId)' },
    image_id: { type: 'string', description: 'An identifier for the image' },
    created_at: { type: 'string', description: 'Date and time of image member creation' },
    updated_at: {
      type: 'string',
      description: 'Date and time of last modification of image member',
    },
    status: {
      type: 'string',
      description: 'The status of this image member',
      enum: ['pending', 'accepted', 'rejected'],
    },
    schema: { type: 'string', readOnly: true },
  },
};

export const membersSchema = {
  name: 'members',
  properties: {
    members: { type: 'array', items: memberSchema },
    schema: { type: 'string' },
  },
  links: [{ rel: 'describedby', href: '{schema}' }],
};
