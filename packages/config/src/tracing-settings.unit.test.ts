import { ConfigError, loadConfig } from './load-config';
import { tracingSettings } from './tracing-settings';

const settingsOf = (env: NodeJS.ProcessEnv) => tracingSettings(loadConfig(env));

describe('tracingSettings', () => {
  it('leaves tracing off when nothing is configured', () => {
    expect(settingsOf({})).toEqual({ enabled: false });
  });

  it('exports to the base endpoint with /v1/traces appended', () => {
    expect(
      settingsOf({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' }),
    ).toEqual({
      enabled: true,
      url: 'http://collector:4318/v1/traces',
      protocol: 'http/protobuf',
      serviceName: undefined,
      sampler: 'parentbased_always_on',
      samplerRatio: 1,
      scheduleDelayMs: 5000,
    });
  });

  it('prefers the traces endpoint and protocol over the general ones', () => {
    const settings = settingsOf({
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/base/',
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'https://traces.example/in',
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/protobuf',
      OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'http/json',
      OTEL_SERVICE_NAME: 'ingress-eu',
    });

    expect(settings).toMatchObject({
      url: 'https://traces.example/in',
      protocol: 'http/json',
      serviceName: 'ingress-eu',
    });
  });

  it('uses the standard local endpoint when only the exporter is named', () => {
    expect(settingsOf({ OTEL_TRACES_EXPORTER: 'otlp' })).toMatchObject({
      url: 'http://localhost:4318/v1/traces',
    });
  });

  it.each([{ OTEL_TRACES_EXPORTER: 'none' }, { OTEL_SDK_DISABLED: 'true' }])(
    'stays off with %j even when an endpoint is set',
    (env) => {
      expect(
        settingsOf({ ...env, OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318' }),
      ).toEqual({ enabled: false });
    },
  );

  it.each([
    [
      { OTEL_EXPORTER_OTLP_ENDPOINT: 'grpc://c:4317' },
      /^OTEL_EXPORTER_OTLP_ENDPOINT: /,
    ],
    [{ OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' }, /^OTEL_EXPORTER_OTLP_PROTOCOL: /],
    [{ OTEL_TRACES_EXPORTER: 'jaeger' }, /^OTEL_TRACES_EXPORTER: /],
    [{ OTEL_TRACES_SAMPLER_ARG: '1.5' }, /^OTEL_TRACES_SAMPLER_ARG: /],
    [{ OTEL_SDK_DISABLED: 'maybe' }, /^OTEL_SDK_DISABLED: /],
  ])('refuses %j with a message naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});
