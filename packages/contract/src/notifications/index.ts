export * from './notification-messages';
export * from './channel.schema';
export * from './template.schema';
export * from './delivery.schema';
export * from './notification.contracts';
