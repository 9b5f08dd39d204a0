// A plan's period as people write it: "2024–2035".
import { Typography } from '@mui/material';
import { useRecordContext } from 'react-admin';

interface Period {
    periodFrom?: number | null;
    periodTo?: number | null;
}

export const goalPeriod = (goal?: Period) =>
    goal && (goal.periodFrom || goal.periodTo) ? `${goal.periodFrom ?? ''}–${goal.periodTo ?? ''}` : '';

export const GoalPeriodField = () => {
    const record = useRecordContext<Period & { id: string }>();
    return <Typography variant="body2" component="span">{goalPeriod(record) || '–'}</Typography>;
};
