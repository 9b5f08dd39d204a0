// On an initiative in benefit realisation: its benefit reviews, the open one with governance's decision.
import { Box } from '@mui/material';
import { RelatedRecords } from '../shared/RelatedRecords';
import { SectionTitle } from '../shared/SectionTitle';
import { ReviewColumns } from './ReviewColumns';
import type { Initiative } from '../shared/types';

export const InitiativeReviews = ({ initiative }: { initiative: Initiative }) => {
    if (initiative.gate !== 'benefit-realisation') return null;
    return (
        <Box component="section" data-testid="initiative-reviews">
            <SectionTitle label="app.review.section" />
            <RelatedRecords reference="reviews" sort={{ field: 'dueAt', order: 'DESC' }} emptyMessage="app.review.none" rowClick={false}>
                <ReviewColumns />
            </RelatedRecords>
        </Box>
    );
};
