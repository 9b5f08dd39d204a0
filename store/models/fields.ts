// Field kinds the schemas share, so that each schema reads as a list of names and kinds.
// Functions, not constants: mongoose may keep a reference to what it is given.
export const requiredString = () => ({ type: String, required: true }) as const;
export const requiredNumber = () => ({ type: Number, required: true }) as const;
export const requiredDate = () => ({ type: Date, required: true }) as const;
export const optionalString = () => ({ type: String, default: null }) as const;
export const optionalNumber = () => ({ type: Number, default: null }) as const;
export const optionalDate = () => ({ type: Date, default: null }) as const;
export const stringList = () => ({ type: [String], default: [] }) as const;

/** A required value from a fixed list. */
export const requiredOneOf = <T extends readonly string[]>(values: T) => ({ type: String, enum: values, required: true }) as const;
