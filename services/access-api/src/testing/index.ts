export { openAccessApp, type AccessApp } from './access-app';
