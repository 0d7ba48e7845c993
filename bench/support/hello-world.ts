/**
 * The same stack as Gatehouse (NestJS 11 + Fastify) with nothing in it: one route at the path the bench compares,
 * answering a small JSON body. Its req/s is the ceiling that GET /api/users/me is compared with.
 */
import 'reflect-metadata';
import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';

@Controller('api/users')
class HelloController {
  @Get('me')
  me(): { id: string; username: string } {
    return { id: '1', username: 'hello.world' };
  }
}

@Module({ controllers: [HelloController] })
class HelloModule {}

async function main(): Promise<void> {
  const app = await NestFactory.create<NestFastifyApplication>(HelloModule, new FastifyAdapter(), { logger: false });
  await app.listen(Number(process.env.PORT), '127.0.0.1');
}

void main();
