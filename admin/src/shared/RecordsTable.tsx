// A table of records already at hand (a unit's latest readiness answers, the pending plan
// changes), with the same columns their lists use.
import type { ReactNode } from 'react';
import { Box } from '@mui/material';
import { ListContextProvider, ResourceContextProvider, useList, type RaRecord } from 'react-admin';
import { RecordTable } from './columns';

interface RecordsTableProps {
    resource: string;
    records: RaRecord[];
    testId: string;
    children: ReactNode;
}

export const RecordsTable = ({ resource, records, testId, children }: RecordsTableProps) => {
    const list = useList({ data: records, perPage: Math.max(records.length, 1) });
    return (
        <ResourceContextProvider value={resource}>
            <Box data-testid={testId} sx={{ overflowX: 'auto' }}>
                <ListContextProvider value={list}>
                    <RecordTable rowClick={false}>{children}</RecordTable>
                </ListContextProvider>
            </Box>
        </ResourceContextProvider>
    );
};
