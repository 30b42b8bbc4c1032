export * from './call-options';
export * from './capabilities';
export * from './cloud-error';
export * from './cloud-provider';
export * from './dto';
export * from './operation';
