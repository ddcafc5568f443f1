import { z } from 'zod';
import { configSchema } from './config.js';

/** The JSON Schema shipped as `schemas/specwise.schema.json`, generated from the zod config schema. */
export function configJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(configSchema, { target: 'draft-7', io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    ...schema,
    $id: 'https://raw.githubusercontent.com/specwise/specwise/main/schemas/specwise.schema.json',
    title: 'Specwise configuration',
  };
}

export function configJsonSchemaText(): string {
  return `${JSON.stringify(configJsonSchema(), null, 2)}\n`;
}
