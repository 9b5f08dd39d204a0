// Every document leaves the database in the contract's shape: string `id`, no `_id`/`__v`,
// and never a secret.
import type { Schema } from 'mongoose';

const SECRET_FIELDS = ['passwordHash', 'tokenHash', 'sessionHash', 'secret'];

export function contractShape(schema: Schema): void {
  schema.set('toJSON', {
    virtuals: false,
    versionKey: false,
    transform(_doc, ret: Record<string, unknown>) {
      ret.id = String(ret._id);
      delete ret._id;
      // Whether a person can log in with a local password is shown; the hash never is.
      if ('passwordHash' in ret) ret.localLogin = Boolean(ret.passwordHash);
      for (const field of SECRET_FIELDS) delete ret[field];
      for (const [key, value] of Object.entries(ret)) {
        if (value && typeof value === 'object' && '_bsontype' in value) ret[key] = String(value);
      }
      return ret;
    },
  });
}
