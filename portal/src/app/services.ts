import { ApiClient, LiveClient, createSession } from '@balcao/web-shared';

/** The page's one API client, session and live connection. */
export const api = new ApiClient();
export const session = createSession(api);
export const live = new LiveClient();
