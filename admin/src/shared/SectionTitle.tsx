import { Typography } from '@mui/material';
import { useTranslate } from 'react-admin';

/** A form or page section heading (h2 under the page's h1). */
export const SectionTitle = ({ label }: { label: string }) => {
    const translate = useTranslate();
    return (
        <Typography variant="h6" component="h2" sx={{ mt: 2 }}>
            {translate(label)}
        </Typography>
    );
};
