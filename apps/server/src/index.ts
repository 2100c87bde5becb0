export { createServer, type CreateServerOptions } from './create-server.js';
export { startServer, type StartServerOptions, type RunningServer } from './start-server.js';
export { shutdownGracefully, type ShutdownResult } from './shutdown.js';
export { loadServerConfig, mergeServerConfig, ServerConfigError, type ServerConfig, type ServerConfigOverrides } from './config.js';
export { defaultBlockPacks } from './default-packs.js';
export { createModelServices, type ModelServices } from './models/model-services.js';
export { createAddressPolicy, type AddressPolicy } from './images/address-policy.js';
export { createImageUrlLoader, ImageUrlError, type ImageUrlLoader, type ImageUrlLoaderOptions } from './images/fetch-image-url.js';
export type { ServerContext } from './server-context.js';
