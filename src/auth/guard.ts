// Route guards: who is signed in, and whether their role holds a capability (see capabilities.ts).
import type { preHandlerAsyncHookHandler } from 'fastify';
import type { Capability, Role } from './capabilities.ts';
import { UnauthorizedError } from '../errors.ts';

export interface StaffUser {
  id: number;
  name: string;
  email: string;
  role: Role;
}

declare module 'fastify' {
  interface FastifyRequest {
    staff: StaffUser | null;
  }
}

/** preHandler that requires a signed-in staff member whose role holds the capability. */
export function requireCapability(_capability: Capability): preHandlerAsyncHookHandler {
  return async function requireCapabilityHandler() {
    throw new UnauthorizedError();
  };
}
