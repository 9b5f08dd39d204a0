// One writer per initiative, also inside a worker: FerretDB 1.x updates a document by reading it,
// changing it and writing it back without a lock, so two activities writing the same initiative
// at once (a retried attempt beside a slow one) would lose one side. Writes of one initiative
// queue here; different initiatives run in parallel.
export function createKeyedQueue() {
  const tails = new Map<string, Promise<unknown>>();
  return {
    run<T>(key: string, work: () => Promise<T>): Promise<T> {
      const previous = tails.get(key) ?? Promise.resolve();
      const result = previous.then(work, work);
      const tail = result.catch(() => undefined);
      tails.set(key, tail);
      void tail.then(() => {
        if (tails.get(key) === tail) tails.delete(key);
      });
      return result;
    },
    get pending(): number {
      return tails.size;
    },
  };
}

export type KeyedQueue = ReturnType<typeof createKeyedQueue>;

export type ActivityGroup = Record<string, (ref: any) => Promise<unknown>>;

/** Wraps every activity of a group so that calls for the same initiative run one at a time. */
export function serialisedPerInitiative<T extends ActivityGroup>(queue: KeyedQueue, group: T): T {
  return Object.fromEntries(
    Object.entries(group).map(([name, activity]) => [
      name,
      (ref: { initiativeId?: string; benefitId?: string }) => queue.run(ref?.initiativeId ?? ref?.benefitId ?? name, () => activity(ref)),
    ]),
  ) as T;
}
