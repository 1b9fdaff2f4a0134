import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
export const monthlyRoutes: FastifyPluginAsyncZod = async () => {};
