// A tab of an initiative's page about one kind of record: what it is for, the action that adds
// one (where the user may), and the records — or a sentence saying there are none yet.
import type { ReactNode } from 'react';
import { Box, Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';

interface InitiativeSectionProps {
    testId: string;
    /** Translation keys: what the section is for, and what to say when it is empty. */
    intro: string;
    none: string;
    empty: boolean;
    action?: ReactNode;
    children: ReactNode;
}

export const InitiativeSection = ({ testId, intro, none, empty, action, children }: InitiativeSectionProps) => {
    const translate = useTranslate();
    return (
        <Stack spacing={2} data-testid={testId}>
            <Typography variant="body2">{translate(intro)}</Typography>
            {action && <Box>{action}</Box>}
            {empty ? <Typography role="status">{translate(none)}</Typography> : children}
        </Stack>
    );
};
