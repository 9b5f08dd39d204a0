// `npm run seed -- --initiatives 100000`: a synthetic portfolio written with bulk inserts into
// the database at MONGODB_URI (see --help).
import { parseArgs } from 'node:util';
import { connectDatabase } from '../store/database.js';
import { progressBar } from './progress.js';
import { seedPortfolio, SEEDED_COLLECTIONS } from './seed-data.js';

const HELP = `npm run seed -- [options]

Writes a synthetic municipality (people in every role, strategic goals, services, initiatives
with goal links and priority scores, benefit plans) straight into MongoDB with insertMany, for
load tests and for trying the console at scale. Progress goes to stderr.

The target database is required and must be given explicitly:

  MONGODB_URI=mongodb://127.0.0.1:27018/endringsporten npm run seed -- --initiatives 100000

(that is the database of a running \`npm start\`; the seed never starts a database of its own,
because one that vanished when the seed exits would hold nothing you could use). Seeded
initiatives carry a read model but no running workflow: they are for reading, filtering and
sorting, not for deciding. Indexes are built first, as the API and worker build them.

Options:
  --initiatives N   initiatives to write (default 10000)
  --people N        people (default: initiatives / 20, at least 60)
  --goals N         strategic goals (default 30)
  --services N      services (default: initiatives / 200, at least 10)
  --benefits N      average benefits per initiative, 1–2 (default 2)
  --seed N          random seed; the same seed gives the same portfolio (default 20261128)
  --tag TEXT        makes emails and goal codes unique, so seeds can be repeated (default: a timestamp)
  --drop            delete everything in ${SEEDED_COLLECTIONS.join(', ')} first
  --help            this text
`;

async function main() {
  const { values } = parseArgs({
    options: {
      initiatives: { type: 'string', default: '10000' },
      people: { type: 'string' },
      goals: { type: 'string' },
      services: { type: 'string' },
      benefits: { type: 'string' },
      seed: { type: 'string' },
      tag: { type: 'string' },
      drop: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(HELP);
    return;
  }
  const uri = process.env.MONGODB_URI;
  if (!uri) {
    console.error('MONGODB_URI is not set: name the database to seed, e.g.\n  MONGODB_URI=mongodb://127.0.0.1:27018/endringsporten npm run seed -- --initiatives 100000\n(see npm run seed -- --help)');
    process.exit(2);
  }
  const count = (name: string, value: string | undefined) => {
    if (value === undefined) return undefined;
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a whole number, got "${value}"`);
    return n;
  };
  const database = await connectDatabase(uri);
  try {
    const db = database.connection.db!;
    if (values.drop) for (const name of SEEDED_COLLECTIONS) await db.collection(name).deleteMany({});
    const bar = progressBar('seeding');
    const summary = await seedPortfolio(db, {
      initiatives: count('initiatives', values.initiatives)!,
      people: count('people', values.people),
      goals: count('goals', values.goals),
      services: count('services', values.services),
      benefitsPerInitiative: values.benefits === undefined ? undefined : Number(values.benefits),
      seed: count('seed', values.seed),
      tag: values.tag ?? `s${Date.now().toString(36)}`,
      onProgress: (done, total) => bar.update(done, total),
    });
    bar.done();
    console.log(`seeded ${summary.initiatives} initiatives, ${summary.benefits} benefits, ${summary.people} people, ${summary.goals} goals, ${summary.services} services in ${summary.seconds.toFixed(1)} s`);
  } finally {
    await database.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
