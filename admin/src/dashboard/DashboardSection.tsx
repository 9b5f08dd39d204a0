import type { ReactNode } from 'react';
import { Card, CardContent, CircularProgress, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';

interface DashboardSectionProps {
    id: string;
    title: string;
    children: ReactNode;
    wide?: boolean;
    /** While its data loads, the section shows a spinner. */
    loading?: boolean;
    /** Translation key said instead of the content when there is nothing to show. */
    emptyMessage?: string | false;
}

/** A titled card; `id` becomes `data-testid="dashboard-<id>"` and labels the region. */
export const DashboardSection = ({ id, title, children, wide, loading, emptyMessage }: DashboardSectionProps) => {
    const translate = useTranslate();
    const headingId = `dashboard-${id}-heading`;
    return (
        <Card
            component="section"
            aria-labelledby={headingId}
            data-testid={`dashboard-${id}`}
            sx={{ gridColumn: wide ? '1 / -1' : undefined }}
        >
            <CardContent>
                <Typography variant="h6" component="h2" id={headingId} gutterBottom>
                    {translate(title)}
                </Typography>
                {loading ? (
                    <CircularProgress aria-label={translate('ra.page.loading')} />
                ) : emptyMessage ? (
                    <Typography role="status">{translate(emptyMessage)}</Typography>
                ) : (
                    children
                )}
            </CardContent>
        </Card>
    );
};
