// The decision basis as the form holds it and as the API takes it: the API validates a cost
// estimate or a risk as a whole, so one left empty in the form is not sent at all.
import type { RaRecord } from 'react-admin';

const isBlank = (value: unknown) => value === null || value === undefined || value === '';

export const withoutEmptyBasis = (data: RaRecord | Partial<RaRecord>) => {
    const { costEstimate, risk, ...rest } = data;
    const cost = costEstimate ?? {};
    return {
        ...rest,
        ...(isBlank(cost.investment) && isBlank(cost.yearlyRunning) ? {} : { costEstimate }),
        ...(isBlank(risk?.level) && isBlank(risk?.description) ? {} : { risk }),
    };
};
