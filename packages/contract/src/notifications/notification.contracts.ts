import { z } from 'zod';
import { emptyResponse, idParams } from '../common';
import { defineContract } from '../define-contract';
import {
  channelInput,
  channelListQuery,
  channelSchema,
  channelTestInput,
  channelUpdate,
} from './channel.schema';
import {
  deliveryDetailSchema,
  deliveryListQuery,
  deliveryPage,
  deliverySchema,
  demoMailboxSchema,
} from './delivery.schema';
import {
  eventTypeInfo,
  previewInput,
  previewSchema,
  templateParams,
  templateSchema,
  templateText,
} from './template.schema';

const tag = 'notifications';

export const listChannels = defineContract({
  id: 'notification-channel.list',
  method: 'GET',
  path: '/api/v1/notification-channels',
  tag,
  auth: 'user',
  summary:
    "Notification channels the caller manages: platform ones (platform admins) and their projects' ones",
  query: channelListQuery,
  status: 200,
  response: z.object({ items: z.array(channelSchema) }),
  errors: ['VALIDATION'],
});

export const getChannel = defineContract({
  id: 'notification-channel.get',
  method: 'GET',
  path: '/api/v1/notification-channels/:id',
  tag,
  auth: 'user',
  summary: 'One channel; secrets answer only { configured }',
  params: idParams,
  status: 200,
  response: channelSchema,
  errors: ['NOT_FOUND'],
});

export const createChannel = defineContract({
  id: 'notification-channel.create',
  method: 'POST',
  path: '/api/v1/notification-channels',
  tag,
  auth: 'user',
  summary:
    "Create an email, WeCom robot, WeCom application or webhook channel (platform, or a project's with projectId)",
  body: channelInput,
  status: 201,
  response: channelSchema,
  errors: ['VALIDATION', 'FORBIDDEN', 'NOT_FOUND'],
  rawText: ['settings'],
});

export const updateChannel = defineContract({
  id: 'notification-channel.update',
  method: 'PATCH',
  path: '/api/v1/notification-channels/:id',
  tag,
  auth: 'user',
  summary: 'Change a channel; a secret field left out keeps its stored value',
  params: idParams,
  body: channelUpdate,
  status: 200,
  response: channelSchema,
  errors: ['VALIDATION', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT'],
  rawText: ['settings'],
});

export const deleteChannel = defineContract({
  id: 'notification-channel.delete',
  method: 'DELETE',
  path: '/api/v1/notification-channels/:id',
  tag,
  auth: 'user',
  summary: 'Delete a channel; its delivery log stays',
  params: idParams,
  status: 204,
  response: emptyResponse,
  errors: ['FORBIDDEN', 'NOT_FOUND'],
});

export const testChannel = defineContract({
  id: 'notification-channel.test',
  method: 'POST',
  path: '/api/v1/notification-channels/:id/test',
  tag,
  auth: 'user',
  summary: 'Queue a test message over the channel (to the caller, or `to`); answers the delivery',
  params: idParams,
  body: channelTestInput,
  status: 202,
  response: deliverySchema,
  errors: ['VALIDATION', 'FORBIDDEN', 'NOT_FOUND', 'PRECONDITION_FAILED'],
});

export const listEventTypes = defineContract({
  id: 'notification-template.list',
  method: 'GET',
  path: '/api/v1/notification-templates',
  tag,
  auth: 'user',
  summary: 'Event types with their variables and their zh-CN and en templates',
  status: 200,
  response: z.object({ items: z.array(eventTypeInfo) }),
  errors: ['FORBIDDEN'],
});

export const updateTemplate = defineContract({
  id: 'notification-template.update',
  method: 'PUT',
  path: '/api/v1/notification-templates/:eventType/:locale',
  tag,
  auth: 'user',
  summary: 'Replace the template of an event type in one language (variables only: {{name}})',
  params: templateParams,
  body: templateText,
  status: 200,
  response: templateSchema,
  errors: ['VALIDATION', 'FORBIDDEN', 'NOT_FOUND'],
  rawText: ['subject', 'body'],
});

export const resetTemplate = defineContract({
  id: 'notification-template.reset',
  method: 'DELETE',
  path: '/api/v1/notification-templates/:eventType/:locale',
  tag,
  auth: 'user',
  summary: 'Go back to the built-in template of an event type in one language',
  params: templateParams,
  status: 200,
  response: templateSchema,
  errors: ['VALIDATION', 'FORBIDDEN', 'NOT_FOUND'],
});

export const previewTemplate = defineContract({
  id: 'notification-template.preview',
  method: 'POST',
  path: '/api/v1/notification-templates/preview',
  tag,
  auth: 'user',
  summary: 'Render a template with sample (or given) values, without saving',
  body: previewInput,
  status: 200,
  response: previewSchema,
  errors: ['VALIDATION', 'FORBIDDEN'],
  rawText: ['subject', 'body'],
});

export const listDeliveries = defineContract({
  id: 'notification.list',
  method: 'GET',
  path: '/api/v1/notifications',
  tag,
  auth: 'user',
  summary: 'The delivery log: every message with its status, attempts and last error',
  query: deliveryListQuery,
  status: 200,
  response: deliveryPage,
  errors: ['VALIDATION'],
});

export const getDelivery = defineContract({
  id: 'notification.get',
  method: 'GET',
  path: '/api/v1/notifications/:id',
  tag,
  auth: 'user',
  summary: 'One delivery with every attempt (time, result, error)',
  params: idParams,
  status: 200,
  response: deliveryDetailSchema,
  errors: ['NOT_FOUND'],
});

export const getDemoMailbox = defineContract({
  id: 'notification.demo-mailbox',
  method: 'GET',
  path: '/api/v1/notifications/demo-mailbox',
  tag,
  auth: 'user',
  summary: "Mail the demo's local SMTP server received (platform admins; npm run demo only)",
  status: 200,
  response: demoMailboxSchema,
  errors: ['FORBIDDEN'],
});

export const notificationContracts = [
  listChannels,
  getChannel,
  createChannel,
  updateChannel,
  deleteChannel,
  testChannel,
  listEventTypes,
  updateTemplate,
  resetTemplate,
  previewTemplate,
  listDeliveries,
  getDemoMailbox,
  getDelivery,
] as const;
