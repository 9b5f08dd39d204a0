// The conditions of the initiative's approvals: each with its owner and due date, met or waived
// before the next decision point.
import { Box, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { ConditionColumns } from '../conditions/ConditionColumns';
import { RelatedRecords } from '../shared/RelatedRecords';

export const InitiativeConditions = () => {
    const translate = useTranslate();
    return (
        <Box data-testid="initiative-conditions">
            <Typography variant="body2" sx={{ mb: 1 }}>
                {translate('app.condition.intro')}
            </Typography>
            <RelatedRecords reference="conditions" sort={{ field: 'dueAt', order: 'ASC' }} emptyMessage="app.condition.none" rowClick={false}>
                <ConditionColumns />
            </RelatedRecords>
        </Box>
    );
};
