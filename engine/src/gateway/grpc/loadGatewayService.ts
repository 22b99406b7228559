import { createRequire } from 'node:module';
import { loadPackageDefinition, type ServiceDefinition } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';

/**
 * The Zeebe gateway service, read at run time from the .proto the Apache-2.0 client package
 * ships: the protocol text stays out of this repository (it is Camunda's).
 */
export function loadGatewayService(): ServiceDefinition {
  const protoPath = createRequire(import.meta.url).resolve('@camunda8/sdk/dist/proto/zeebe.proto');
  const definition = loadSync(protoPath, {
    keepCase: true,
    // int64 keys go over the wire as strings, as Zeebe clients expect them.
    longs: String,
    enums: String,
    defaults: true,
    oneofs: true,
  });
  const loaded = loadPackageDefinition(definition) as unknown as {
    gateway_protocol: { Gateway: { service: ServiceDefinition } };
  };
  return loaded.gateway_protocol.Gateway.service;
}
