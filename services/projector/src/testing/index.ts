export { spawnProjector, type ProjectorProcess } from './spawn-projector';
