import { setupServer } from 'msw/node';
import { handlers } from './handlers';

/** The Node side of the same handlers, for tests. Override per test with `server.use(...)`. */
export const server = setupServer(...handlers);
