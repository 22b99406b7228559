import { ApiClient, createSession } from '@balcao/web-shared';

/** One API client and session for the whole modeler. */
export const api = new ApiClient();
export const session = createSession(api);
