// Login with e-mail and password against the session API; language can be chosen before signing in.
import { useEffect } from 'react';
import { Box, Typography } from '@mui/material';
import { Login, LoginForm, PasswordInput, TextInput, email, required, useTranslate } from 'react-admin';
import { LanguageSwitch } from '../layout/LanguageSwitch';
import { useDocumentLang } from '../layout/DocumentSync';
import { SsoLogin } from './SsoLogin';

export const LoginPage = () => {
    const translate = useTranslate();
    useDocumentLang();
    useEffect(() => {
        document.title = `${translate('app.auth.login_title')} – ${translate('app.name')}`;
    }, [translate]);

    return (
        <Login>
            <Box component="main" sx={{ px: 2, pt: 1 }}>
                <Typography variant="h5" component="h1" align="center">
                    {translate('app.name')}
                </Typography>
                <Typography variant="body2" align="center" sx={{ color: 'text.secondary', mb: 1 }}>
                    {translate('app.auth.login_intro')}
                </Typography>
                <SsoLogin />
                <LoginForm>
                    <TextInput
                        autoFocus
                        source="email"
                        type="email"
                        autoComplete="username"
                        label={translate('ra.auth.email')}
                        validate={[required(), email()]}
                        slotProps={{ htmlInput: { 'data-testid': 'login-email' } }}
                    />
                    <PasswordInput
                        source="password"
                        autoComplete="current-password"
                        label={translate('ra.auth.password')}
                        validate={required()}
                        slotProps={{ htmlInput: { 'data-testid': 'login-password' } }}
                    />
                </LoginForm>
                <Box sx={{ display: 'flex', justifyContent: 'center', pb: 2 }}>
                    <LanguageSwitch />
                </Box>
            </Box>
        </Login>
    );
};
