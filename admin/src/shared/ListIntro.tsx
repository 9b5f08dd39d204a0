import { Typography } from '@mui/material';
import { useTranslate } from 'react-admin';

/** A line above a list's table saying what the list is for. */
export const ListIntro = ({ message, testId }: { message: string; testId?: string }) => {
    const translate = useTranslate();
    return (
        <Typography variant="body2" sx={{ px: 2, pt: 1 }} data-testid={testId}>
            {translate(message)}
        </Typography>
    );
};
