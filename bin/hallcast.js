#!/usr/bin/env node
// The hallcast command: runs the TypeScript CLI through tsx (no separate build of the server).
import { register } from 'tsx/esm/api';

register();
await import('../server/cli.ts');
