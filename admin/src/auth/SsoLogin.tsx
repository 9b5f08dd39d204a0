// "Log in with your municipality account", when the API has single sign-on configured. A plain
// link: the browser leaves for the municipality's sign-in page and comes back logged in.
import { useEffect, useState } from 'react';
import { Box, Button, Divider, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { apiUrl } from '../providers/httpClient';

interface LoginOptions {
    password: boolean;
    sso: { loginUrl: string } | null;
}

export const SsoLogin = () => {
    const translate = useTranslate();
    const [options, setOptions] = useState<LoginOptions | null>(null);
    useEffect(() => {
        let live = true;
        fetch(`${apiUrl}/auth/options`, { credentials: 'include', headers: { Accept: 'application/json' } })
            .then(response => (response.ok ? response.json() : null))
            .then(body => live && setOptions(body))
            .catch(() => undefined);
        return () => {
            live = false;
        };
    }, []);
    if (!options?.sso) return null;
    return (
        <Box sx={{ px: 2, pb: 1 }}>
            <Button variant="contained" fullWidth href={options.sso.loginUrl} data-testid="sso-login">
                {translate('app.auth.sso_button')}
            </Button>
            <Divider sx={{ mt: 2 }}>
                <Typography variant="caption" sx={{ color: 'text.secondary' }}>
                    {translate('app.auth.sso_or')}
                </Typography>
            </Divider>
        </Box>
    );
};
