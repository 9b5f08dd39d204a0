import { Alert, AlertTitle, List, ListItem } from '@mui/material';
import { useTranslate } from 'react-admin';

/** What the API said is missing, field by field, in the user's language where we have the words. */
export const MissingFields = ({ fields }: { fields: Record<string, string> }) => {
    const translate = useTranslate();
    return (
        <Alert severity="warning" sx={{ mb: 2 }} data-testid="submit-missing" role="alert">
            <AlertTitle>{translate('app.submit.missing_title')}</AlertTitle>
            <List dense disablePadding>
                {Object.entries(fields).map(([field, why]) => (
                    <ListItem key={field} disableGutters data-testid={`submit-missing-${field}`} sx={{ display: 'list-item', listStyle: 'disc', ml: 2 }}>
                        {translate(`app.submit.missing.${field}`, { _: why })}
                    </ListItem>
                ))}
            </List>
        </Alert>
    );
};
