import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ApplicationConfig, DiscoveryService, MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ALLOW_SYSTEM_CONTEXT } from '../../src/common/decorators/allow-system-context.decorator';
import { IS_PUBLIC } from '../../src/common/decorators/public.decorator';
import { REQUIRED_ROLES } from '../../src/common/decorators/roles.decorator';
import { VALIDATED_BODY } from '../../src/common/pipes/validated-body';

/** What the app serves on one method + path, and what its Nest handler says about access and input. */
export interface RegisteredRoute {
  method: string;
  /** Fastify syntax: /api/users/:id */
  path: string;
  /** `Controller.method`, or null when the route was registered on Fastify directly, outside any controller. */
  handler: string | null;
  isPublic: boolean;
  allowsSystemContext: boolean;
  roles: string[];
  takesBody: boolean;
  /** A `@Query()` typed by a DTO class, which the global validation pipe checks. */
  validatesQuery: boolean;
}

type Handler = (...args: unknown[]) => unknown;

const PRIMITIVES: unknown[] = [String, Number, Boolean, Object, Array, undefined];

/** Whether a handler argument of `paramtype` is a DTO class (so the validation pipe can reject it with a 400). */
function hasDtoArgument(controller: object, name: string, paramtype: RouteParamtypes): boolean {
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, name) ?? {}) as Record<string, { index: number }>;
  const types = (Reflect.getMetadata('design:paramtypes', (controller as { prototype: object }).prototype, name) ?? []) as unknown[];
  return Object.entries(args).some(([key, arg]) => key.startsWith(`${paramtype}:`) && !PRIMITIVES.includes(types[arg.index]));
}

/** `├── /api/users (PUT)`: the tree drawing, one path segment, and the methods when a route ends there. */
const TREE_LINE = /^((?:[│ ] {3})*)[├└]── (\S+)(?: \(([A-Z, ]+)\))?/;

/**
 * Every method + path Fastify actually routes, read from `printRoutes()` (Fastify keeps no public list), so routes
 * added by any module are included without listing them here. Each parsed route is confirmed with `hasRoute`, so a
 * change in the drawing fails loudly instead of hiding routes.
 */
export function printedRoutes(app: NestFastifyApplication): { method: string; path: string }[] {
  const fastify = app.getHttpAdapter().getInstance();
  const stack: string[] = [];
  const found: { method: string; path: string }[] = [];
  for (const line of fastify.printRoutes({ commonPrefix: false }).split('\n')) {
    const m = TREE_LINE.exec(line);
    if (!m) continue;
    const depth = m[1].length / 4;
    stack.length = depth;
    stack.push(m[2]);
    const path = stack.join('');
    for (const method of (m[3] ?? '').split(',').map((s) => s.trim()).filter(Boolean)) found.push({ method, path });
  }
  for (const r of found) {
    if (!fastify.hasRoute({ method: r.method as 'GET', url: r.path })) {
      throw new Error(`printRoutes() was misread: Fastify has no ${r.method} ${r.path}`);
    }
  }
  return found;
}

/** The API operations among printedRoutes(): without the automatic HEAD beside each GET and CORS pre-flight OPTIONS. */
export function fastifyRoutes(app: NestFastifyApplication): { method: string; path: string }[] {
  const found = printedRoutes(app);
  const gets = new Set(found.filter((r) => r.method === 'GET').map((r) => r.path));
  return found.filter((r) => r.method !== 'OPTIONS' && !(r.method === 'HEAD' && gets.has(r.path)));
}

function joinPath(...parts: string[]): string {
  const path = `/${parts.filter(Boolean).join('/')}`.replace(/\/{2,}/g, '/');
  return path.length > 1 ? path.replace(/\/$/, '') : path;
}

function asList(value: string | string[] | undefined): string[] {
  return Array.isArray(value) ? value : [value ?? ''];
}

/** The routes declared by Nest controllers, with the metadata of their handlers (the guards' own view). */
export function nestRoutes(app: NestFastifyApplication): RegisteredRoute[] {
  const discovery = new DiscoveryService(app.get(ModulesContainer));
  const scanner = new MetadataScanner();
  const reflector = new Reflector();
  const prefix = app.get(ApplicationConfig).getGlobalPrefix();
  const routes: RegisteredRoute[] = [];
  for (const wrapper of discovery.getControllers()) {
    const controller = wrapper.metatype as (new (...args: never[]) => unknown) | null;
    if (!controller) continue;
    const prototype = controller.prototype as Record<string, Handler>;
    for (const name of scanner.getAllMethodNames(prototype)) {
      const handler = prototype[name];
      const methodPaths = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
      if (methodPaths === undefined) continue;
      const requestMethod = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod;
      const targets = [handler, controller];
      const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, name) ?? {}) as Record<string, unknown>;
      const info = {
        handler: `${controller.name}.${name}`,
        isPublic: reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets) === true,
        allowsSystemContext: reflector.getAllAndOverride<boolean>(ALLOW_SYSTEM_CONTEXT, targets) === true,
        roles: reflector.getAllAndOverride<string[]>(REQUIRED_ROLES, targets) ?? [],
        takesBody: Object.keys(args).some((key) => key.startsWith(`${RouteParamtypes.BODY}:`)) || Reflect.hasMetadata(VALIDATED_BODY, handler),
        validatesQuery: hasDtoArgument(controller, name, RouteParamtypes.QUERY),
      };
      for (const base of asList(Reflect.getMetadata(PATH_METADATA, controller) as string | string[] | undefined)) {
        for (const own of asList(methodPaths)) {
          routes.push({ method: RequestMethod[requestMethod], path: joinPath(prefix, base, own), ...info });
        }
      }
    }
  }
  return routes;
}

/**
 * Every route the app serves (except those `exclude` matches), joined with what its Nest handler declares.
 * A route served by Fastify without a controller comes back with `handler: null`; a controller route that Fastify
 * does not serve throws, because then this inventory (not the app) is wrong.
 */
export function registeredRoutes(app: NestFastifyApplication, exclude: (path: string) => boolean): RegisteredRoute[] {
  const declared = new Map(nestRoutes(app).map((r) => [`${r.method} ${r.path}`, r]));
  const served = fastifyRoutes(app).filter((r) => !exclude(r.path));
  const servedKeys = new Set(served.map((r) => `${r.method} ${r.path}`));
  for (const key of declared.keys()) {
    if (!servedKeys.has(key)) throw new Error(`A controller declares ${key} but Fastify does not serve it: the inventory misreads paths`);
  }
  return served.map(
    (r) =>
      declared.get(`${r.method} ${r.path}`) ?? {
        ...r,
        handler: null,
        isPublic: false,
        allowsSystemContext: false,
        roles: [],
        takesBody: false,
        validatesQuery: false,
      },
  );
}
