import type { ReactNode } from 'react';
import { Card, CardContent, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';

interface DashboardSectionProps {
    id: string;
    title: string;
    children: ReactNode;
    wide?: boolean;
}

/** A titled card; `id` becomes `data-testid="dashboard-<id>"` and labels the region. */
export const DashboardSection = ({ id, title, children, wide }: DashboardSectionProps) => {
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
                {children}
            </CardContent>
        </Card>
    );
};
