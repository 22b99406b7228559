export { startBalcao, type Balcao } from './boot/startBalcao';
export { loadServerConfig, serverConfigSchema, type ServerConfig } from './config/serverConfig';
