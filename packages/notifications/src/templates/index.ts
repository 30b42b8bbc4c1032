/** The browser-safe part of the package: the event registry and the template rules. */
export * from './event-registry';
export * from './render-template';
