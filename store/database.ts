import mongoose from 'mongoose';
import { createModels, ensureIndexes, type Models } from './models/index.js';

export interface Database {
  connection: mongoose.Connection;
  models: Models;
  close(): Promise<void>;
}

mongoose.set('strictQuery', true);

export async function connectDatabase(uri: string): Promise<Database> {
  const connection = mongoose.createConnection(uri, {
    serverSelectionTimeoutMS: 5_000,
    // Writes that cannot reach the database fail fast instead of queueing, so the API answers 503.
    bufferCommands: false,
  });
  await connection.asPromise();
  const models = createModels(connection);
  await ensureIndexes(models);
  return { connection, models, close: () => connection.close() };
}
