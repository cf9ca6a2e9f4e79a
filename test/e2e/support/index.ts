export * from './host';
export * from './browser';
export * from './db';
export * from './secretary';
export * from './api';
export * from './downloads';
