export * from './levels';
export * from './dates';
export * from './assignment';
export * from './prepare';
export * from './compute';
export * from './rank';
export * from './trend';
export * from './views';
