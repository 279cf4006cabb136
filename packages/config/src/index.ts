export { environmentSchema, type Environment } from './config-schema';
export {
  ConfigError,
  loadConfig,
  type Config,
  type EventStoreKind,
} from './load-config';
export {
  requireAdminToken,
  requireProduction,
  type ProductionConfig,
} from './require-production';
export {
  tracingSettings,
  type OtlpProtocol,
  type SamplerName,
  type TracingExport,
  type TracingSettings,
} from './tracing-settings';
